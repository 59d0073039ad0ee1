import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { lang } from '@ui/i18n';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { aggregationOf } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';

const PROGRESS = '/embed/v1/progress.js';
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const hiddenOf = (c: Campaign) => (c.settings as { leaderboard?: { hidden?: boolean } }).leaderboard?.hidden === true;

/** 排行榜公开: settings.leaderboard.hidden — a hidden board answers 404 to the public and the widgets say so. */
export function BoardVisibility(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [note, setNote] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const hidden = () => hiddenOf(props.campaign);
  async function toggle() {
    setBusy(true);
    setNote(null);
    const next = !hidden();
    try {
      // drives keep their aggregation at the top level; the others inside `leaderboard`
      const leaderboard = props.campaign.kind === 'drive' ? { hidden: next } : { aggregation: aggregationOf(props.campaign), hidden: next };
      props.onChange((await call('PATCH /campaigns/{id}', { id: props.campaign.id }, { body: { settings: { leaderboard } } })).campaign);
      setNote({ kind: 'success', text: next ? t('emb.hiddenDone') : t('emb.shownDone') });
    } catch (e) {
      setNote({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="tx-card cs-lb-card" aria-labelledby="vis-title" data-testid="board-visibility">
      <div class="tx-card-title">
        <h2 id="vis-title">{t('emb.visibility')}</h2>
        <span class={`tx-badge ${hidden() ? 'tx-badge-neutral' : 'tx-badge-green'}`}>{hidden() ? t('emb.hide') : t('emb.visibility')}</span>
        <span class="tx-spacer" />
        <Button small variant={hidden() ? 'primary' : 'secondary'} loading={busy()} onClick={toggle} data-testid="toggle-hidden">
          <Icon name={hidden() ? 'globe' : 'clock'} />
          {hidden() ? t('emb.show') : t('emb.hide')}
        </Button>
      </div>
      <p class="tx-small tx-muted">{hidden() ? t('emb.hiddenBody') : t('emb.visibleBody')}</p>
      <Show when={note()}>{(n) => <Notice kind={n().kind}>{n().text}</Notice>}</Show>
    </section>
  );
}

/** The drive's progress widget: its snippet, as the leaderboard's, with the real widget as preview. */
export function ProgressEmbed(props: { campaign: Campaign }) {
  const [copied, setCopied] = createSignal(false);
  const snippet = () =>
    `<script src="${location.origin}${PROGRESS}" async></script>\n<tongxin-progress campaign="${attr(props.campaign.slug || props.campaign.id)}" theme="light" lang="${lang()}"></tongxin-progress>`;
  let host: HTMLDivElement | undefined;
  let area: HTMLTextAreaElement | undefined;
  onMount(() => {
    if (!customElements.get('tongxin-progress') && !document.querySelector(`script[src="${PROGRESS}"]`)) {
      const s = document.createElement('script');
      s.src = PROGRESS;
      s.async = true;
      document.head.appendChild(s);
    }
    const el = document.createElement('tongxin-progress');
    el.setAttribute('campaign', props.campaign.id);
    el.setAttribute('lang', lang());
    el.setAttribute('data-testid', 'progress-preview');
    host!.appendChild(el);
    onCleanup(() => el.remove());
  });
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet());
      setCopied(true);
    } catch {
      area?.focus();
      area?.select();
    }
  }
  return (
    <section class="tx-card cs-lb-card" aria-labelledby="progress-title" data-testid="progress-embed">
      <div class="tx-card-title">
        <h2 id="progress-title">{t('emb.progressTitle')}</h2>
        <span class="tx-spacer" />
        <Button small variant="secondary" onClick={() => void copy()} data-testid="copy-progress">
          <Icon name={copied() ? 'check' : 'code'} />
          {t('emb.progressCopy')}
        </Button>
      </div>
      <p class="tx-small tx-muted">{t('emb.progressLead')}</p>
      <div class="cs-embed-grid">
        <textarea
          ref={area}
          class="tx-textarea cs-code"
          readonly
          rows={3}
          value={snippet()}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="progress-snippet"
        />
        <div ref={host} class="cs-embed-preview" />
      </div>
    </section>
  );
}
