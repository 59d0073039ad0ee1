import { createSignal } from 'solid-js';
import { errorText } from './components/ErrorState';

/**
 * A button's async action (save, enrol, generate…): busy while it runs, so the button shows
 * its spinner and a second press does nothing, and the failure's message kept for the
 * error line next to it. `setError` lets the form's own checks use the same line.
 */
export function createAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  /** Runs `work` (unless one is running); resolves true when it succeeded, else shows why. */
  async function run(work: () => Promise<unknown>): Promise<boolean> {
    if (busy()) return false;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
