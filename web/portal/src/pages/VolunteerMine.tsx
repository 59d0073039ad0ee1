import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { boardHref, campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import {
  certificateHref,
  chinaToday,
  createInvite,
  fmtHours,
  myVolunteer,
  reportService,
  type Invite,
  type MyVolunteer,
  type ServiceRecord,
} from '../data/volunteer';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import { copyText, inWeChat, OnePlusOne, RecordStatusBadge } from '../ui/VolunteerBits';
import { ServiceActivities } from '../ui/ServiceActivities';
import '../volunteer.css';

/**
 * 我的1+1 (/c/:idOrSlug/volunteer): my invite (code, QR, link), my pairs and places left,
 * my hours, the 登记服务 form, my records with their review, and the way to my certificate.
 */
export default function VolunteerMine() {
  const params = useParams<{ idOrSlug: string }>();
  const location = useLocation();
  const [campaign, { refetch }] = createResource(() => params.idOrSlug, getCampaign);
  // a resource throws its error when read: everything but the Switch reads it through this
  const loaded = () => (campaign.error ? undefined : campaign.latest);
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  const [mine, { refetch: refetchMine }] = createResource(
    () => (signedIn() && loaded()?.kind === 'volunteer' ? loaded()!.id : false),
    myVolunteer,
  );

  usePageMeta(() => {
    const c = loaded();
    return { title: `${t('vol.mineTitle')}${c ? ` · ${c.title}` : ''} · ${t('app.name')}` };
  });

  const missing = () => campaign.error instanceof ApiError && campaign.error.status === 404;
  const back = () => (loaded() ? campaignHref(loaded()!) : `/c/${encodeURIComponent(params.idOrSlug)}`);

  return (
    <div class="pt-page vl-page">
      <p class="vl-back">
        <A href={back()}>
          <Icon name="chevronLeft" />
          {t('vol.backToCampaign')}
        </A>
      </p>
      <Switch>
        <Match when={missing()}>
          <EmptyState icon="flag" title={t('campaign.notFoundTitle')} body={t('campaign.notFoundBody')} action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>} />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <PageSkeleton />
        </Match>
        <Match when={loaded()?.kind !== 'volunteer'}>
          <EmptyState icon="volunteer" title={t('vol.notVolunteer')} action={<LinkButton href={back()}>{t('vol.backToCampaign')}</LinkButton>} />
        </Match>
        <Match when={loaded()}>
          {(c) => (
            <>
              <header class="vl-head">
                <KindBadge kind="volunteer" />
                <h1 class="vl-title">{t('vol.mineTitle')}</h1>
                <p class="tx-muted vl-sub">{c().title}</p>
              </header>
              <Switch>
                <Match when={session.me.error}>
                  <ErrorState error={session.me.error} onRetry={session.refetch} />
                </Match>
                <Match when={session.me.loading}>
                  <PageSkeleton />
                </Match>
                <Match when={!session.me()}>
                  <section class="tx-card vl-signin">
                    <Icon name="volunteer" class="vl-signin-icon" />
                    <h2>{t('vol.signInTitle')}</h2>
                    <p class="tx-muted">{t('vol.signInBody')}</p>
                    <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block>
                      {t('vol.signIn')}
                    </LinkButton>
                  </section>
                  <OnePlusOne open />
                </Match>
                <Match when={mine.error}>
                  <ErrorState error={mine.error} onRetry={refetchMine} />
                </Match>
                <Match when={!mine.latest}>
                  <PageSkeleton />
                </Match>
                <Match when={!mine.error && mine.latest}>{(m) => <Mine campaign={c()} data={m()} reload={refetchMine} />}</Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function PageSkeleton() {
  return (
    <>
      <div class="vl-stats">
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
      </div>
      <div class="tx-card">
        <Skeleton title block lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton title lines={4} />
      </div>
    </>
  );
}

function Mine(props: { campaign: Campaign; data: MyVolunteer; reload: () => unknown }) {
  const d = () => props.data;
  const open = () => props.campaign.status === 'published';
  const placesLeft = () => Math.max(0, d().pairCap - d().pairs.length);
  const pending = () => d().records.filter((r) => r.status === 'pending').length;

  return (
    <>
      <section class="vl-stats" aria-label={t('vol.hoursTitle')}>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.approvedHours')}</span>
          <span class="vl-stat-value vl-stat-key tx-num" data-testid="approved-hours">
            {fmtHours(d().approvedHours)}
          </span>
          <span class="vl-stat-unit">{t('vol.hoursUnit')}</span>
        </div>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.pendingHours')}</span>
          <span class="vl-stat-value tx-num" data-testid="pending-hours">
            {fmtHours(d().pendingHours)}
          </span>
          <span class="vl-stat-unit">{pending() ? t('vol.pendingCount', { n: pending() }) : t('vol.hoursUnit')}</span>
        </div>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.pairsLabel')}</span>
          <span class="vl-stat-value tx-num">
            {d().pairs.length}
            <small>/{d().pairCap}</small>
          </span>
          <span class="vl-stat-unit">{placesLeft() ? t('vol.placesLeft', { n: placesLeft() }) : t('vol.placesFull')}</span>
        </div>
      </section>

      <InviteCard campaign={props.campaign} data={d()} placesLeft={placesLeft()} />
      <OnePlusOne open={d().pairs.length === 0} />
      <Pairs data={d()} placesLeft={placesLeft()} />
      <ServiceActivities campaignId={props.campaign.id} open={open()} />
      <Show when={open()} fallback={<Notice kind="warning">{t('vol.closedNoReport')}</Notice>}>
        <ReportForm campaign={props.campaign} data={d()} onDone={props.reload} />
      </Show>
      <Records records={d().records} />

      <section class="tx-card vl-cert-link">
        <Icon name="file" class="vl-cert-icon" />
        <div class="vl-cert-text">
          <h2>{t('vol.certTitle')}</h2>
          <p class="tx-small tx-muted">
            {d().approvedHours > 0 ? t('vol.certReady', { n: fmtHours(d().approvedHours) }) : t('vol.certNotYet')}
          </p>
        </div>
        <Show when={d().approvedHours > 0}>
          <LinkButton href={certificateHref(props.campaign)} variant="secondary">
            {t('vol.certOpen')}
            <Icon name="chevronRight" />
          </LinkButton>
        </Show>
      </section>
      <p class="vl-links">
        <A href={boardHref(props.campaign)}>
          <Icon name="trophy" />
          {t('vol.board')}
        </A>
      </p>
    </>
  );
}

function InviteCard(props: { campaign: Campaign; data: MyVolunteer; placesLeft: number }) {
  // my-volunteer carries the invite; when it does not (an old server), ask for it
  const [fetched] = createResource(
    () => (props.data.canInvite && !props.data.invite ? props.campaign.id : false),
    createInvite,
  );
  const invite = (): Invite | null => props.data.invite ?? (fetched.error ? null : fetched.latest ?? null);
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
              <input id="invite-url" ref={linkInput} class="tx-input vl-link-input" readonly value={i().url} data-testid="invite-url" onFocus={(e) => e.currentTarget.select()} />
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

function Pairs(props: { data: MyVolunteer; placesLeft: number }) {
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
        fallback={<EmptyState icon="volunteer" title={t('vol.noPairsTitle')} body={props.data.canInvite ? t('vol.noPairsBody') : t('vol.noPairsBodyNoInvite')} />}
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

type ReportField = 'date' | 'hours' | 'description' | 'pairId';

function ReportForm(props: { campaign: Campaign; data: MyVolunteer; onDone: () => unknown }) {
  const today = chinaToday();
  const startDay = createMemo(() => chinaToday(Date.parse(props.campaign.startsAt)));
  const max = () => props.data.maxHoursPerDay;
  const [date, setDate] = createSignal(today);
  const [hours, setHours] = createSignal('1');
  const [description, setDescription] = createSignal('');
  const [pairId, setPairId] = createSignal(props.data.pairs.length === 1 ? props.data.pairs[0]!.id : '');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const errors = createFormErrors<ReportField>();
  const err = (f: ReportField) => errors.fields()[f];

  const hoursNum = () => Number(hours().replace(',', '.'));
  function step(delta: number) {
    const h = Number.isFinite(hoursNum()) ? hoursNum() : 0;
    const next = Math.min(max(), Math.max(0.5, Math.round((h + delta) * 2) / 2));
    setHours(String(next));
    errors.set('hours', undefined);
  }

  function validate(): boolean {
    const h = hoursNum();
    const d = date();
    return errors.check({
      date: !d ? t('form.required') : d > today ? t('vol.errFuture') : d < startDay() ? t('vol.errBeforeStart', { date: fmtDate(props.campaign.startsAt) }) : undefined,
      hours:
        !hours().trim() || !Number.isFinite(h) || h <= 0
          ? t('vol.errHours')
          : !Number.isInteger(h * 2)
            ? t('vol.errHalf')
            : h > max()
              ? t('vol.errMaxDay', { max: max() })
              : undefined,
      description: description().trim().length < 2 ? t('vol.errDescription') : undefined,
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    setDone(null);
    if (!validate()) return;
    setSending(true);
    try {
      const r = await reportService(props.campaign.id, {
        date: date(),
        hours: hoursNum(),
        description: description().trim(),
        ...(pairId() ? { pairId: pairId() } : {}),
      });
      setDone(t('vol.reported', { n: fmtHours(r.record.hours), date: r.record.date }));
      setDescription('');
      await props.onDone();
    } catch (err) {
      errors.fromApi(err, ['date', 'hours', 'description', 'pairId']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="report-title">
      <h2 id="report-title">{t('vol.reportTitle')}</h2>
      <p class="tx-small tx-muted">{t('vol.reportLead', { max: max() })}</p>
      <Show when={done()}>
        <div class="vl-gap" data-testid="report-done">
          <Notice kind="success">{done()}</Notice>
        </div>
      </Show>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <Field id="rec-date" label={t('vol.date')} error={err('date')}>
          <input
            id="rec-date"
            name="date"
            type="date"
            class="tx-input tx-num"
            max={today}
            min={startDay()}
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
            {...fieldAria('rec-date', err('date'))}
          />
        </Field>
        <Field id="rec-hours" label={t('vol.hours')} error={err('hours')} hint={t('vol.hoursHint', { max: max() })}>
          <div class="vl-stepper">
            <button type="button" class="vl-step" aria-label={t('vol.hoursLess')} onClick={() => step(-0.5)} disabled={hoursNum() <= 0.5}>
              −
            </button>
            <input
              id="rec-hours"
              name="hours"
              class="tx-input tx-num vl-step-input"
              type="number"
              inputmode="decimal"
              step="0.5"
              min="0.5"
              max={max()}
              value={hours()}
              onInput={(e) => setHours(e.currentTarget.value)}
              {...fieldAria('rec-hours', err('hours'), 'hint')}
            />
            <span class="vl-step-unit" aria-hidden="true">
              {t('vol.hoursUnit')}
            </span>
            <button type="button" class="vl-step" aria-label={t('vol.hoursMore')} onClick={() => step(0.5)} disabled={hoursNum() >= max()}>
              +
            </button>
          </div>
        </Field>
        <Field id="rec-desc" label={t('vol.description')} error={err('description')}>
          <textarea
            id="rec-desc"
            name="description"
            class="tx-textarea"
            rows={3}
            maxLength={500}
            placeholder={t('vol.descriptionPlaceholder')}
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            {...fieldAria('rec-desc', err('description'))}
          />
        </Field>
        <Show when={props.data.pairs.length > 0}>
          <Field id="rec-pair" label={t('vol.withPair')} optional error={err('pairId')}>
            <select id="rec-pair" class="tx-select" value={pairId()} onChange={(e) => setPairId(e.currentTarget.value)} {...fieldAria('rec-pair', err('pairId'))}>
              <option value="">{t('vol.noPair')}</option>
              <For each={props.data.pairs}>
                {(p) => (
                  <option value={p.id} selected={p.id === pairId()}>
                    {p.residentName}（{p.residentPhone}）
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Button type="submit" variant="primary" block loading={sending()} class="vl-big">
          {sending() ? t('state.sending') : t('vol.reportSubmit')}
        </Button>
      </form>
    </section>
  );
}

function Records(props: { records: ServiceRecord[] }) {
  const total = () => props.records.length;
  // newest service first, whatever order the ids give
  const sorted = createMemo(() => [...props.records].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)));
  return (
    <section class="tx-card" aria-labelledby="records-title" data-testid="my-records">
      <div class="tx-card-title">
        <h2 id="records-title">{t('vol.myRecords')}</h2>
        <span class="tx-spacer" />
        <Show when={total()}>
          <span class="tx-small tx-muted tx-num">{t('vol.recordsCount', { n: fmtNumber(total()) })}</span>
        </Show>
      </div>
      <Show when={total() > 0} fallback={<EmptyState icon="clock" title={t('vol.noRecordsTitle')} body={t('vol.noRecordsBody')} />}>
        <ul class="vl-records">
          <For each={sorted()}>
            {(r) => (
              <li class="vl-record" data-status={r.status}>
                <div class="vl-record-head">
                  <span class="vl-record-date tx-num">{r.date}</span>
                  <span class="vl-record-hours tx-num">{t('score.hours', { n: fmtHours(r.hours) })}</span>
                  <span class="tx-spacer" />
                  <Show when={r.source === 'checkin'}>
                    <span class="tx-badge tx-badge-neutral" title={t('sa.verifiedHint')}>
                      <Icon name="check" />
                      {t('sa.verified')}
                    </span>
                  </Show>
                  <RecordStatusBadge status={r.status} />
                </div>
                <p class="vl-record-desc">{r.description}</p>
                <Show when={r.status === 'rejected'}>
                  <div class="vl-reason" role="note">
                    <Icon name="alert" />
                    <span>
                      <strong>{t('vol.rejectReason')}</strong>
                      {r.reason || t('vol.noReason')}
                    </span>
                  </div>
                </Show>
                <Show when={r.reviewedAt}>
                  <span class="tx-small tx-muted tx-num">{t('vol.reviewedAt', { time: fmtDateTime(r.reviewedAt) })}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
