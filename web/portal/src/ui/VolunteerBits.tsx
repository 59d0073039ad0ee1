import { Show } from 'solid-js';
import { Icon } from '@ui/icons';
import type { RecordStatus } from '../data/volunteer';
import { t } from '../i18n';

/* Pieces the "1+1" pages share; loaded with them, never with the first page. */

/** What "1+1" means, in three plain steps (members, invites and the public read the same words). */
export function OnePlusOne(props: { open?: boolean; compact?: boolean }) {
  return (
    <details class="vl-explain" open={props.open}>
      <summary>
        <Icon name="info" />
        <span>{t('vol.whatTitle')}</span>
        <Icon name="chevronDown" class="tx-icon vl-explain-chevron" />
      </summary>
      <div class="vl-explain-body">
        <p>{t('vol.whatBody')}</p>
        <ol class="vl-steps">
          <li>
            <strong>{t('vol.step1Title')}</strong>
            <span>{t('vol.step1Body')}</span>
          </li>
          <li>
            <strong>{t('vol.step2Title')}</strong>
            <span>{t('vol.step2Body')}</span>
          </li>
          <li>
            <strong>{t('vol.step3Title')}</strong>
            <span>{t('vol.step3Body')}</span>
          </li>
        </ol>
        <Show when={!props.compact}>
          <p class="tx-small tx-muted">{t('vol.whatPrivacy')}</p>
        </Show>
      </div>
    </details>
  );
}

const STATUS_CLASS: Record<RecordStatus, string> = {
  pending: 'tx-badge-orange',
  approved: 'tx-badge-green',
  rejected: 'vl-badge-rejected',
};

export function RecordStatusBadge(props: { status: RecordStatus }) {
  return (
    <span class={`tx-badge ${STATUS_CLASS[props.status] ?? 'tx-badge-neutral'}`} data-status={props.status}>
      <Show when={props.status === 'approved'}>
        <Icon name="check" />
      </Show>
      <Show when={props.status === 'pending'}>
        <Icon name="clock" />
      </Show>
      {t(`vol.status.${props.status}` as 'vol.status.pending')}
    </span>
  );
}

/** Copies text; falls back to selecting it in a field for browsers (older WeChat) without the clipboard API. */
export async function copyText(text: string, fallbackInput?: HTMLInputElement): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (!fallbackInput) return false;
  fallbackInput.focus();
  fallbackInput.select();
  fallbackInput.setSelectionRange(0, text.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export const inWeChat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent);
