import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { fmtNumber } from '@ui/format';
import type { Entry } from '@ui/contest';
import { t } from '../i18n';

const REASONS = ['contest.reject.preset1', 'contest.reject.preset2', 'contest.reject.preset3', 'contest.reject.preset4'] as const;

/** The reason survives closing the drawer by mistake: it is kept until a rejection goes through. */
const [draftReason, setDraftReason] = createSignal('');

/** 不通过 for one or more entries: a reason (typed, or presets added to it) for the author. */
export function RejectDrawer(props: { entries: Entry[]; onClose: () => void; onReject: (reason: string) => Promise<boolean> }) {
  const [busy, setBusyFlag] = createSignal(false);
  const [error, setError] = createSignal<string | undefined>();
  let area: HTMLTextAreaElement | undefined;

  function close() {
    if (busy()) return;
    props.onClose();
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  onMount(() => {
    area?.focus();
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
  createEffect(on(draftReason, () => setError(undefined), { defer: true }));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const reason = draftReason().trim();
    if (!reason) {
      setError(t('contest.reject.required'));
      area?.focus();
      return;
    }
    setBusyFlag(true);
    const ok = await props.onReject(reason);
    setBusyFlag(false);
    if (ok) setDraftReason('');
  }

  return (
    <aside class="cs-drawer" role="dialog" aria-modal="false" aria-labelledby="reject-title" data-testid="reject-drawer">
      <form class="cs-drawer-inner" onSubmit={submit} novalidate>
        <div class="cs-drawer-head">
          <h2 id="reject-title">{t('contest.reject.title', { n: fmtNumber(props.entries.length) })}</h2>
          <button type="button" class="tx-btn tx-btn-ghost tx-btn-sm" onClick={close} aria-label={t('action.cancel')}>
            ✕
          </button>
        </div>
        <ul class="cs-drawer-list">
          <For each={props.entries.slice(0, 8)}>
            {(e) => (
              <li>
                <img src={e.thumbUrl} alt="" />
                <span>
                  {e.title}
                  <span class="tx-muted tx-small"> · {e.authorName}</span>
                </span>
              </li>
            )}
          </For>
          <Show when={props.entries.length > 8}>
            <li class="tx-muted tx-small">{t('contest.reject.andMore', { n: fmtNumber(props.entries.length - 8) })}</li>
          </Show>
        </ul>
        <FormError message={undefined} />
        <Field id="reject-reason" label={t('contest.reject.reason')} error={error()} hint={t('contest.reject.hint')}>
          <textarea
            ref={area}
            id="reject-reason"
            class="tx-textarea"
            rows={4}
            maxLength={200}
            value={draftReason()}
            onInput={(e) => setDraftReason(e.currentTarget.value)}
            {...fieldAria('reject-reason', error(), 'hint')}
          />
        </Field>
        <div class="cs-ct-presets" role="group" aria-label={t('contest.reject.presets')}>
          <For each={REASONS}>
            {(k) => (
              <button
                type="button"
                class="tx-chip"
                onClick={() => {
                  // a preset adds to what was typed, never replaces it
                  const d = draftReason().trim();
                  setDraftReason(!d ? t(k) : d.includes(t(k)) ? d : `${d}${/[。.!！]$/.test(d) ? '' : '；'}${t(k)}`);
                  area?.focus();
                }}
              >
                {t(k)}
              </button>
            )}
          </For>
        </div>
        <div class="cs-drawer-actions">
          <Button type="submit" variant="primary" class="cs-danger-solid" loading={busy()} data-testid="reject-confirm">
            {t('contest.reject.confirm', { n: fmtNumber(props.entries.length) })}
          </Button>
          <Button variant="secondary" onClick={close} disabled={busy()}>
            {t('action.cancel')}
          </Button>
        </div>
        <p class="tx-small tx-muted">{t('contest.reject.note')}</p>
      </form>
    </aside>
  );
}
