import { createSignal } from 'solid-js';
import { ApiError } from './api';
import { errorText } from './components/ErrorState';

/**
 * Errors of one form: a message per field (shown under it) and one for the whole form.
 * API `fields` keys (`settings.goal`) map to field names through `alias` when they differ.
 */
export function createFormErrors<F extends string>() {
  const [fields, setFields] = createSignal<Partial<Record<F, string>>>({});
  const [form, setForm] = createSignal<string | null>(null);

  function clear(): void {
    setFields(() => ({}));
    setForm(null);
  }

  function set(name: F, message: string | undefined): void {
    setFields((prev) => ({ ...prev, [name]: message }));
  }

  /** Client-side check results: returns true when there is no error, else focuses the first bad field. */
  function check(found: Partial<Record<F, string | undefined>>): boolean {
    const clean = Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as Partial<Record<F, string>>;
    setFields(() => clean);
    const ok = Object.keys(clean).length === 0;
    if (!ok) focusFirstInvalid();
    return ok;
  }

  /**
   * Shows an API failure: each field error under its field when the form has that field,
   * the rest (and the envelope message) above the form.
   */
  function fromApi(e: unknown, known: readonly F[], alias: Record<string, F> = {}): void {
    const next: Partial<Record<F, string>> = {};
    const rest: string[] = [];
    if (e instanceof ApiError) {
      for (const [path, message] of Object.entries(e.fields)) {
        const name = (alias[path] ?? path) as F;
        if (known.includes(name)) next[name] = message;
        else rest.push(message);
      }
    }
    setFields(() => next);
    if (Object.keys(next).length) focusFirstInvalid();
    const unplaced = rest.length ? rest.join(' ') : null;
    setForm(Object.keys(next).length && !unplaced ? errorText(e) : [errorText(e), unplaced].filter(Boolean).join(' '));
  }

  return { fields, form, setForm, set, clear, check, fromApi };
}

/** Moves focus to the first field marked invalid, once the error has rendered. */
function focusFirstInvalid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
