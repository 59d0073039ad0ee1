import { For, Show } from 'solid-js';
import { isIdNumber } from '@shared/id-number';
import type { VisitorInput } from '../data/exhibition';
import { t } from '../i18n';

/**
 * What the form's visitor rows say is wrong (client side; the API checks again): where ID
 * numbers are required every person needs a name and a valid number, else a number given
 * must be valid. Undefined when all is well.
 */
export function visitorsProblem(rows: VisitorInput[], party: number, requireIds: boolean): string | undefined {
  const used = rows.slice(0, party);
  if (requireIds && (used.length < party || used.some((v) => !v.name?.trim() || !v.idNumber?.trim()))) return t('ex.visitorsRequired', { n: String(party) });
  if (used.some((v) => v.idNumber?.trim() && !isIdNumber(v.idNumber))) return t('ex.idInvalid');
  return undefined;
}

/** The rows to send: trimmed, empty ones left out (names are optional unless IDs are required). */
export const visitorsToSend = (rows: VisitorInput[], party: number): VisitorInput[] =>
  rows
    .slice(0, party)
    .map((v) => ({ ...(v.name?.trim() ? { name: v.name.trim() } : {}), ...(v.idNumber?.trim() ? { idNumber: v.idNumber.replace(/\s+/g, '') } : {}) }))
    .filter((v) => v.name || v.idNumber);

/**
 * 参观人: one row per person of the party — a name (optional), and where the exhibition
 * requires it (实名预约) a name and 身份证号 for everyone. The number is kept masked.
 */
export function VisitorFields(props: { party: number; requireIds: boolean; rows: VisitorInput[]; onChange: (rows: VisitorInput[]) => void; error?: string }) {
  const set = (i: number, patch: VisitorInput) => {
    const next = Array.from({ length: Math.max(props.rows.length, props.party) }, (_, k) => ({ ...props.rows[k] }));
    next[i] = { ...next[i], ...patch };
    props.onChange(next);
  };
  const rows = () => Array.from({ length: props.party }, (_, i) => i);
  const block = () => (
    <fieldset class="ex-visitors" data-testid="ex-visitors" aria-describedby={props.error ? 'ex-visitors-error' : undefined}>
      <legend class="tx-field-label">
        {t('ex.visitors')}
        <Show when={!props.requireIds}>
          <span class="tx-field-optional">{t('ex.optional')}</span>
        </Show>
      </legend>
      <p class="tx-field-hint">{props.requireIds ? t('ex.visitorsRealName') : t('ex.visitorsHint')}</p>
      <For each={rows()}>
        {(i) => (
          <div class="ex-visitor">
            <span class="ex-visitor-n tx-num" aria-hidden="true">
              {i + 1}
            </span>
            <div class="ex-visitor-fields">
              <input
                class="tx-input"
                autocomplete="off"
                aria-label={t('ex.visitorName', { n: String(i + 1) })}
                placeholder={t('ex.visitorName', { n: String(i + 1) })}
                value={props.rows[i]?.name ?? ''}
                onInput={(e) => set(i, { name: e.currentTarget.value })}
                data-testid={`ex-visitor-name-${i}`}
                aria-invalid={props.error && props.requireIds && !props.rows[i]?.name?.trim() ? 'true' : undefined}
              />
              <Show when={props.requireIds}>
                <input
                  class="tx-input tx-num"
                  autocomplete="off"
                  inputmode="text"
                  maxlength="20"
                  aria-label={t('ex.visitorId', { n: String(i + 1) })}
                  placeholder={t('ex.visitorId', { n: String(i + 1) })}
                  value={props.rows[i]?.idNumber ?? ''}
                  onInput={(e) => set(i, { idNumber: e.currentTarget.value.toUpperCase() })}
                  data-testid={`ex-visitor-id-${i}`}
                  aria-invalid={props.error && !isIdNumber(props.rows[i]?.idNumber ?? '') ? 'true' : undefined}
                />
              </Show>
            </div>
          </div>
        )}
      </For>
      <Show when={props.error}>
        <p class="tx-field-error" id="ex-visitors-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
  // optional names stay folded away, so the short form stays short; required ones are in plain sight
  return (
    <Show when={!props.requireIds} fallback={block()}>
      <details class="ex-visitors-more" open={!!props.error || props.rows.some((r) => r.name)}>
        <summary data-testid="ex-visitors-more">{t('ex.visitorsMore')}</summary>
        {block()}
      </details>
    </Show>
  );
}
