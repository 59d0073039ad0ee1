import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate } from '@ui/format';
import type { Campaign } from '@ui/types';
import { createInvite, type Invite, type MyVolunteer } from '../data/volunteer';
import { t } from '../i18n';
import { copyText, inWeChat } from './VolunteerBits';

export function InviteCard(props: { campaign: Campaign; data: MyVolunteer; placesLeft: number }) {
  // my-volunteer carries the invite; when it does not (an old server), ask for it
  const [fetched] = createResource(() => (props.data.canInvite && !props.data.invite ? props.campaign.id : false), createInvite);
  const invite = (): Invite | null => props.data.invite ?? (fetched.error ? null : (fetched.latest ?? null));
  const [copied, setCopied] = createSignal<'ok' | 'fail' | null>(null);
  let linkInput: HTMLInputElement | undefined;
  const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function' && !inWeChat();

  async function copy() {
    const i = invite();
    if (!i) return;
    const ok = await copyText(inviteMessage(props.campaign, i), linkInput);
    setCopied(ok ? 'ok' : 'fail');
    setTimeout(() => setCopied(null), 4000);
  }

  async function share() {
    const i = invite();
    if (!i) return;
    try {
      await navigator.share({ title: props.campaign.title, text: t('vol.shareText', { title: props.campaign.title }), url: i.url });
    } catch {
      // closed by the user
    }
  }

  return (
    <section class="tx-card vl-invite" aria-labelledby="invite-title" data-testid="invite">
      <h2 id="invite-title">{t('vol.inviteTitle')}</h2>
      <Switch>
        <Match when={!props.data.canInvite}>
          <Notice>{props.campaign.status === 'published' ? t('vol.cannotInvite') : t('vol.closedNoInvite')}</Notice>
        </Match>
        <Match when={fetched.error}>
          <ErrorState error={fetched.error} />
        </Match>
        <Match when={!invite()}>
          <Skeleton block lines={2} />
        </Match>
        <Match when={invite()}>
          {(i) => (
            <>
              <p class="tx-muted vl-invite-lead">{props.placesLeft > 0 ? t('vol.inviteLead') : t('vol.inviteFull')}</p>
              <div class="vl-invite-main">
                <div class="vl-code-box">
                  <span class="vl-code-label">{t('vol.inviteCode')}</span>
                  <span class="vl-code tx-num" data-testid="invite-code">
                    {i().code}
                  </span>
                </div>
                <img class="vl-qr" src={i().qrUrl} width="180" height="180" alt={t('vol.qrAlt')} />
              </div>
              <label class="tx-visually-hidden" for="invite-url">
                {t('vol.inviteLink')}
              </label>
              <input
                id="invite-url"
                ref={linkInput}
                class="tx-input vl-link-input"
                readonly
                value={i().url}
                data-testid="invite-url"
                onFocus={(e) => e.currentTarget.select()}
              />
              <div class="vl-invite-actions">
                <Button variant="primary" block onClick={copy}>
                  <Icon name={copied() === 'ok' ? 'check' : 'file'} />
                  {copied() === 'ok' ? t('vol.copied') : t('vol.copyLink')}
                </Button>
                <Show when={canShare()}>
                  <Button block onClick={share}>
                    <Icon name="external" />
                    {t('vol.share')}
                  </Button>
                </Show>
              </div>
              <Show when={copied() === 'fail'}>
                <p class="tx-field-error" role="alert">
                  {t('vol.copyFailed')}
                </p>
              </Show>
              <div class="vl-wechat" classList={{ 'vl-wechat-on': inWeChat() }}>
                <Icon name="info" />
                <span>{inWeChat() ? t('vol.wechatHintIn') : t('vol.wechatHint')}</span>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** What a member pastes into a WeChat chat: one sentence and the link. */
function inviteMessage(c: Campaign, i: Invite): string {
  return `${t('vol.shareText', { title: c.title })} ${i.url}`;
}

export function Pairs(props: { data: MyVolunteer; placesLeft: number }) {
  return (
    <section class="tx-card" aria-labelledby="pairs-title" data-testid="my-pairs">
      <div class="tx-card-title">
        <h2 id="pairs-title">{t('vol.myPairs')}</h2>
        <span class="tx-spacer" />
        <span class={`tx-badge ${props.placesLeft ? 'tx-badge-neutral' : 'tx-badge-green'}`}>
          {props.placesLeft ? t('vol.placesLeft', { n: props.placesLeft }) : t('vol.placesFull')}
        </span>
      </div>
      <Show
        when={props.data.pairs.length > 0}
        fallback={
          <EmptyState icon="volunteer" title={t('vol.noPairsTitle')} body={props.data.canInvite ? t('vol.noPairsBody') : t('vol.noPairsBodyNoInvite')} />
        }
      >
        <ul class="vl-pairs">
          <For each={props.data.pairs}>
            {(p) => (
              <li class="vl-pair">
                <span class="vl-pair-avatar" aria-hidden="true">
                  {Array.from(p.residentName.trim())[0] ?? '?'}
                </span>
                <span class="vl-pair-main">
                  <strong>{p.residentName}</strong>
                  <span class="tx-small tx-muted tx-num">
                    {p.residentPhone} · {t('vol.pairedOn', { date: fmtDate(p.createdAt) })}
                  </span>
                </span>
                <Icon name="check" class="tx-icon vl-pair-ok" />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
