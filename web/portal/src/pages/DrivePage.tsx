import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { boardHref, campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import {
  charityOf,
  createPledge,
  fmtMoney,
  getProgress,
  listDonors,
  myPledgesHref,
  newKey,
  safeUrl,
  yuanToFen,
  type Charity,
  type Donor,
  type Pledge,
  type Progress,
} from '../data/drive';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import '../drive.css';

/**
 * 公益募捐 (/c/:idOrSlug/drive): the charity and its licence, the link to give on the designated
 * platform, verified and pledged progress, the donor wall and 我要认捐. Loaded on demand.
 */
export default function DrivePage() {
  const params = useParams<{ idOrSlug: string }>();
  const [campaign, { refetch }] = createResource(() => params.idOrSlug, getCampaign);
  const loaded = () => (campaign.error ? undefined : campaign.latest);
  usePageMeta(() => {
    const c = loaded();
    return c ? { title: `${c.title} · ${t('app.name')}`, description: c.summary || t('drive.title') } : { title: t('app.name') };
  });
  const missing = () => campaign.error instanceof ApiError && campaign.error.status === 404;
  const back = () => (loaded() ? campaignHref(loaded()!) : `/c/${encodeURIComponent(params.idOrSlug)}`);

  return (
    <div class="pt-page dv-page">
      <p class="dv-back">
        <A href={back()}>
          <Icon name="chevronLeft" />
          {t('drive.backToCampaign')}
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
          <DriveSkeleton />
        </Match>
        <Match when={loaded()?.kind !== 'drive'}>
          <EmptyState icon="drive" title={t('drive.notDrive')} action={<LinkButton href={back()}>{t('drive.backToCampaign')}</LinkButton>} />
        </Match>
        <Match when={loaded()}>{(c) => <Drive campaign={c()} />}</Match>
      </Switch>
    </div>
  );
}

export function DriveSkeleton() {
  return (
    <>
      <div class="tx-card">
        <Skeleton title lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton block lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton title lines={4} />
      </div>
    </>
  );
}

function Drive(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const charity = () => charityOf(c());
  const [fresh, setFresh] = createSignal(0);
  const [progress] = createResource(() => ({ id: c().id, fresh: fresh() }), (k) => getProgress(k.id, k.fresh > 0));
  const refetchProgress = () => setFresh((n) => n + 1);
  const [wallKey, setWallKey] = createSignal(0);

  return (
    <>
      <header class="dv-head">
        <KindBadge kind="drive" />
        <h1 class="dv-title">{c().title}</h1>
        <Show when={c().summary}>
          <p class="tx-muted dv-lead">{c().summary}</p>
        </Show>
        <p class="tx-small tx-muted tx-num">
          <Icon name="calendar" /> {fmtDate(c().startsAt)} – {fmtDate(c().endsAt)} · {c().orgUnitName}
        </p>
      </header>

      <ProgressCard progress={progress} retry={refetchProgress} />

      <CharityCard charity={charity()} />

      <PledgeSection
        campaign={c()}
        charity={charity()}
        onDone={() => {
          void refetchProgress();
          setWallKey((k) => k + 1);
        }}
      />

      <Show when={c().description}>
        <section class="tx-card dv-story" aria-labelledby="dv-story-title">
          <h2 id="dv-story-title">{t('drive.story')}</h2>
          <div class="tx-pre">{c().description}</div>
        </section>
      </Show>

      <Show when={`wall-${wallKey()}`} keyed>
        <DonorWall campaign={c()} />
      </Show>

      <nav class="dv-links" aria-label={t('drive.moreLinks')}>
        <A href={myPledgesHref(c())}>
          <Icon name="file" />
          {t('drive.myPledges')}
        </A>
        <A href={boardHref(c(), 'org')}>
          <Icon name="trophy" />
          {t('drive.unitBoard')}
        </A>
      </nav>
    </>
  );
}

/** The bar: verified (solid) inside pledged (light), both against the goal, with a legend. */
export function DriveProgressBar(props: { progress: Progress }) {
  const p = () => props.progress;
  const base = () => Math.max(p().goal, p().pledged, 1);
  const w = (n: number) => `${Math.min(100, (n / base()) * 100).toFixed(2)}%`;
  return (
    <div class="dv-bar-wrap">
      <div
        class="dv-bar"
        role="img"
        aria-label={t('drive.barLabel', { verified: fmtPercent(p().goal ? p().verified / p().goal : 0), pledged: fmtPercent(p().goal ? p().pledged / p().goal : 0) })}
      >
        <span class="dv-bar-pledged" style={{ width: w(p().pledged) }} />
        <span class="dv-bar-verified" style={{ width: w(p().verified) }} />
      </div>
      <ul class="dv-legend">
        <li>
          <span class="dv-swatch dv-swatch-verified" aria-hidden="true" />
          {t('drive.legendVerified')}
        </li>
        <li>
          <span class="dv-swatch dv-swatch-pledged" aria-hidden="true" />
          {t('drive.legendPledged')}
        </li>
      </ul>
    </div>
  );
}

function ProgressCard(props: { progress: ReturnType<typeof createResource<Progress, string>>[0]; retry: () => unknown }) {
  const p = () => (props.progress.error ? undefined : props.progress.latest);
  return (
    <section class="tx-card dv-progress" aria-labelledby="dv-progress-title" data-testid="drive-progress">
      <h2 id="dv-progress-title" class="tx-visually-hidden">
        {t('drive.progressTitle')}
      </h2>
      <Switch>
        <Match when={props.progress.error}>
          <ErrorState error={props.progress.error} onRetry={props.retry} />
        </Match>
        <Match when={!p()}>
          <Skeleton block lines={2} />
        </Match>
        <Match when={p()}>
          {(pr) => (
            <>
              <div class="dv-figures">
                <Show
                  when={pr().showAmounts}
                  fallback={
                    <div class="dv-figure dv-figure-key">
                      <span class="dv-figure-label">{t('drive.percentVerified')}</span>
                      <span class="dv-figure-value tx-num">{fmtPercent(pr().goal ? pr().verified / pr().goal : 0)}</span>
                    </div>
                  }
                >
                  <div class="dv-figure dv-figure-key">
                    <span class="dv-figure-label">{t('drive.verified')}</span>
                    <span class="dv-figure-value tx-num" data-testid="drive-verified" data-fen={pr().verified}>
                      {fmtMoney(pr().verified)}
                    </span>
                  </div>
                  <div class="dv-figure">
                    <span class="dv-figure-label">{t('drive.pledged')}</span>
                    <span class="dv-figure-value tx-num" data-testid="drive-pledged">
                      {fmtMoney(pr().pledged)}
                    </span>
                  </div>
                </Show>
                <div class="dv-figure">
                  <span class="dv-figure-label">{t('drive.donors')}</span>
                  <span class="dv-figure-value tx-num">{fmtNumber(pr().donors)}</span>
                </div>
              </div>
              <DriveProgressBar progress={pr()} />
              <p class="tx-small tx-muted tx-num dv-goal">
                <Show when={pr().showAmounts && pr().goal > 0}>
                  {t('drive.goalLine', { goal: fmtMoney(pr().goal), pct: fmtPercent(pr().verified / pr().goal) })}
                </Show>
                <Show when={pr().updatedAt}> · {t('drive.updatedAt', { time: fmtDateTime(pr().updatedAt) })}</Show>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function CharityCard(props: { charity: Charity | null }) {
  return (
    <section class="tx-card dv-charity" aria-labelledby="dv-charity-title">
      <h2 id="dv-charity-title">{t('drive.charityTitle')}</h2>
      <Show when={props.charity} fallback={<Notice kind="warning">{t('drive.noCharity')}</Notice>}>
        {(ch) => (
          <>
            <dl class="dv-charity-facts">
              <div>
                <dt>{t('drive.charityName')}</dt>
                <dd data-testid="charity-name">{ch().name || '—'}</dd>
              </div>
              <div>
                <dt>{t('drive.licenseNo')}</dt>
                <dd class="tx-num">{ch().licenseNo || '—'}</dd>
              </div>
            </dl>
            <Notice icon="info">{t('drive.noMoneyNote')}</Notice>
            <Show when={safeUrl(ch().projectUrl)} fallback={<p class="tx-field-error">{t('drive.noProjectUrl')}</p>}>
              {(u) => (
                <>
                  <a class="tx-btn tx-btn-primary tx-btn-block dv-give" href={u()} target="_blank" rel="noopener noreferrer" data-testid="give-link">
                    <Icon name="external" />
                    {t('drive.give')}
                  </a>
                  <p class="tx-small tx-muted dv-give-host">{t('drive.giveHost', { host: hostOf(u()) })}</p>
                </>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function hostOf(u: string): string {
  try {
    return new URL(u).host;
  } catch {
    return u;
  }
}

type PledgeField = 'amount' | 'displayName' | 'message' | 'orgUnitId';
const QUICK = [10, 50, 100, 200];

function PledgeSection(props: { campaign: Campaign; charity: Charity | null; onDone: () => void }) {
  const location = useLocation();
  const phase = () => phaseOf(props.campaign);
  return (
    <section class="tx-card dv-pledge" id="pledge" aria-labelledby="dv-pledge-title">
      <h2 id="dv-pledge-title">{t('drive.pledgeTitle')}</h2>
      <Switch>
        <Match when={props.campaign.status === 'draft'}>
          <Notice kind="warning">{t('campaign.draftNote')}</Notice>
        </Match>
        <Match when={phase() === 'ended'}>
          <Notice>{t('drive.closed')}</Notice>
        </Match>
        <Match when={phase() === 'upcoming'}>
          <Notice icon="clock">{t('campaign.upcomingNote', { date: fmtDate(props.campaign.startsAt) })}</Notice>
        </Match>
        <Match when={session.me.loading}>
          <Skeleton lines={2} />
        </Match>
        <Match when={!session.me()}>
          <p class="tx-muted">{t('drive.signInBody')}</p>
          <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block>
            {t('drive.signIn')}
          </LinkButton>
        </Match>
        <Match when={session.me()}>
          <PledgeForm campaign={props.campaign} charity={props.charity} onDone={props.onDone} />
        </Match>
      </Switch>
    </section>
  );
}

function PledgeForm(props: { campaign: Campaign; charity: Charity | null; onDone: () => void }) {
  const me = () => session.me()!;
  const [amount, setAmount] = createSignal('');
  const [displayName, setDisplayName] = createSignal(me().user.name);
  const [anonymous, setAnonymous] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const units = createMemo(() => me().memberships.filter((m, i, a) => a.findIndex((x) => x.orgUnitId === m.orgUnitId) === i));
  const [unit, setUnit] = createSignal(units().length === 1 ? units()[0]!.orgUnitId : '');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<Pledge | null>(null);
  const errors = createFormErrors<PledgeField>();
  const err = (f: PledgeField) => errors.fields()[f];
  // one attempt, one key: kept while the same body is retried after a network failure
  let attempt: { key: string; body: string } | null = null;

  function validate(): number | null {
    const fen = yuanToFen(amount());
    const ok = errors.check({
      amount: !amount().trim() ? t('drive.errAmountRequired') : fen === null ? t('drive.errAmount') : fen > 1e9 ? t('drive.errAmountMax') : undefined,
      displayName: !anonymous() && displayName().trim().length > 40 ? t('drive.errName') : undefined,
      message: message().length > 200 ? t('drive.errMessage') : undefined,
    });
    return ok ? fen : null;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const fen = validate();
    if (fen === null) return;
    const body = {
      amount: fen,
      anonymous: anonymous(),
      ...(!anonymous() && displayName().trim() ? { displayName: displayName().trim() } : {}),
      ...(message().trim() ? { message: message().trim() } : {}),
      ...(unit() ? { orgUnitId: unit() } : {}),
    };
    const text = JSON.stringify(body);
    if (!attempt || attempt.body !== text) attempt = { key: newKey(), body: text };
    setSending(true);
    try {
      const r = await createPledge(props.campaign.id, body, attempt.key);
      attempt = null;
      setDone(r.pledge);
      props.onDone();
    } catch (x) {
      // a network failure keeps the key, so pressing again cannot pledge twice
      if (!(x instanceof ApiError && x.code === 'network')) attempt = null;
      errors.fromApi(x, ['amount', 'displayName', 'message', 'orgUnitId']);
      if (x instanceof ApiError && x.code === 'network') errors.setForm(t('drive.errNetwork'));
    } finally {
      setSending(false);
    }
  }

  return (
    <Show
      when={!done()}
      fallback={
        <NextSteps
          campaign={props.campaign}
          charity={props.charity}
          pledge={done()!}
          onAgain={() => {
            setDone(null);
            setAmount('');
            setMessage('');
          }}
        />
      }
    >
      <p class="tx-small tx-muted">{t('drive.pledgeLead')}</p>
      <form onSubmit={submit} novalidate data-testid="pledge-form">
        <FormError message={errors.form()} />
        <Field id="pl-amount" label={t('drive.amount')} error={err('amount')} hint={t('drive.amountHint')}>
          <div class="dv-quick" role="group" aria-label={t('drive.quickLabel')}>
            <For each={QUICK}>
              {(y) => (
                <button
                  type="button"
                  class="dv-quick-btn tx-num"
                  aria-pressed={yuanToFen(amount()) === y * 100}
                  onClick={() => {
                    setAmount(String(y));
                    errors.set('amount', undefined);
                  }}
                >
                  ¥{y}
                </button>
              )}
            </For>
          </div>
          <div class="dv-amount">
            <span class="dv-amount-prefix" aria-hidden="true">
              ¥
            </span>
            <input
              id="pl-amount"
              name="amount"
              class="tx-input tx-num"
              inputmode="decimal"
              autocomplete="off"
              placeholder={t('drive.amountPlaceholder')}
              value={amount()}
              onInput={(e) => setAmount(e.currentTarget.value)}
              {...fieldAria('pl-amount', err('amount'), 'hint')}
            />
            <span class="dv-amount-unit">{t('drive.yuan')}</span>
          </div>
        </Field>
        <label class="dv-check">
          <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} data-testid="pl-anonymous" />
          <span>
            {t('drive.anonymous')}
            <span class="tx-small tx-muted dv-check-hint">{t('drive.anonymousHint')}</span>
          </span>
        </label>
        <Show when={!anonymous()}>
          <Field id="pl-name" label={t('drive.displayName')} optional error={err('displayName')} hint={t('drive.displayNameHint')}>
            <input id="pl-name" class="tx-input" maxLength={40} value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} {...fieldAria('pl-name', err('displayName'), 'hint')} />
          </Field>
        </Show>
        <Field id="pl-message" label={t('drive.message')} optional error={err('message')} hint={t('drive.messageHint', { n: 200 - message().length })}>
          <textarea
            id="pl-message"
            class="tx-textarea"
            rows={2}
            maxLength={200}
            placeholder={t('drive.messagePlaceholder')}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
            {...fieldAria('pl-message', err('message'), 'hint')}
          />
        </Field>
        <Show when={units().length > 0}>
          <Field id="pl-unit" label={t('drive.unit')} optional error={err('orgUnitId')} hint={t('drive.unitHint')}>
            <select id="pl-unit" class="tx-select" value={unit()} onChange={(e) => setUnit(e.currentTarget.value)} {...fieldAria('pl-unit', err('orgUnitId'), 'hint')}>
              <option value="">{t('drive.noUnit')}</option>
              <For each={units()}>
                {(m) => (
                  <option value={m.orgUnitId} selected={m.orgUnitId === unit()}>
                    {m.orgUnitName}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Button type="submit" variant="primary" block loading={sending()} data-testid="pledge-submit">
          {sending() ? t('state.sending') : t('drive.pledgeSubmit', { amount: yuanToFen(amount()) ? fmtMoney(yuanToFen(amount())) : '' })}
        </Button>
      </form>
    </Show>
  );
}

function NextSteps(props: { campaign: Campaign; charity: Charity | null; pledge: Pledge; onAgain: () => void }) {
  const url = () => (props.charity ? safeUrl(props.charity.projectUrl) : null);
  return (
    <div class="dv-next" data-testid="pledge-done">
      <Notice kind="success">
        <strong>{t('drive.doneTitle', { amount: fmtMoney(props.pledge.amount) })}</strong>
        <br />
        {t('drive.doneBody')}
      </Notice>
      <ol class="dv-steps">
        <li>
          <strong>{t('drive.step1Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step1Body', { charity: props.charity?.name ?? '' })}</span>
          <Show when={url()}>
            {(u) => (
              <a class="tx-btn tx-btn-primary tx-btn-block" href={u()} target="_blank" rel="noopener noreferrer">
                <Icon name="external" />
                {t('drive.give')}
              </a>
            )}
          </Show>
        </li>
        <li>
          <strong>{t('drive.step2Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step2Body')}</span>
          <LinkButton href={myPledgesHref(props.campaign)} block>
            <Icon name="upload" />
            {t('drive.uploadReceipt')}
          </LinkButton>
        </li>
        <li>
          <strong>{t('drive.step3Title')}</strong>
          <span class="tx-small tx-muted">{t('drive.step3Body')}</span>
        </li>
      </ol>
      <Button variant="ghost" small onClick={props.onAgain}>
        {t('drive.pledgeAgain')}
      </Button>
    </div>
  );
}

function DonorWall(props: { campaign: Campaign }) {
  const [items, setItems] = createSignal<Donor[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [state, setState] = createSignal<'loading' | 'idle' | 'error'>('loading');
  const [error, setError] = createSignal<unknown>(null);

  async function load(more: boolean) {
    setState('loading');
    try {
      const page = await listDonors(props.campaign.id, more ? cursor() : null);
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('idle');
    } catch (e) {
      setError(e);
      setState('error');
    }
  }
  void load(false);

  return (
    <section class="tx-card dv-wall" aria-labelledby="dv-wall-title" data-testid="donor-wall">
      <h2 id="dv-wall-title">{t('drive.wallTitle')}</h2>
      <Switch>
        <Match when={state() === 'error' && items().length === 0}>
          <ErrorState error={error()} onRetry={() => load(false)} />
        </Match>
        <Match when={state() === 'loading' && items().length === 0}>
          <Skeleton lines={4} />
        </Match>
        <Match when={items().length === 0}>
          <EmptyState icon="drive" title={t('drive.wallEmpty')} body={t('drive.wallEmptyBody')} />
        </Match>
        <Match when={items().length > 0}>
          <ul class="dv-donors">
            <For each={items()}>
              {(d) => (
                <li class="dv-donor">
                  <span class="dv-avatar" aria-hidden="true">
                    {Array.from(d.name.trim())[0] ?? '爱'}
                  </span>
                  <span class="dv-donor-main">
                    <span class="dv-donor-head">
                      <strong>{d.name}</strong>
                      <Show when={d.amount !== null}>
                        <span class="tx-num dv-donor-amount">{fmtMoney(d.amount)}</span>
                      </Show>
                      <Show when={d.verified} fallback={<span class="tx-badge tx-badge-neutral">{t('drive.badgePledged')}</span>}>
                        <span class="tx-badge tx-badge-green">{t('drive.badgeVerified')}</span>
                      </Show>
                    </span>
                    <Show when={d.message}>
                      <span class="dv-donor-msg">“{d.message}”</span>
                    </Show>
                    <span class="tx-small tx-muted tx-num">{fmtDate(d.createdAt)}</span>
                  </span>
                </li>
              )}
            </For>
          </ul>
          <Show when={state() === 'error'}>
            <p class="tx-field-error" role="alert">
              {errorText(error())}
            </p>
          </Show>
          <Show when={cursor()}>
            <Button block loading={state() === 'loading'} onClick={() => load(true)} data-testid="wall-more">
              {t('drive.wallMore')}
            </Button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
