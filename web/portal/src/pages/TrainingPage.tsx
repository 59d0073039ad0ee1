import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { ActionError, Notice } from '@ui/components/Field';
import { CodeInput } from '@ui/components/CodeInput';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import {
  certificateHref,
  checkIn,
  chinaDay,
  chinaTime,
  enrol,
  finishStudy,
  fmtHours,
  listMaterials,
  listSessions,
  myLearning,
  myTraining,
  startStudy,
  type Material,
  type Session,
} from '../data/training';
import { t } from '../i18n-training';
import '../volunteer.css';
import '../training.css';

/**
 * A training campaign on the phone (/c/:slug/training): my hours this year against the
 * target, enrolment, the sessions with my attendance, check-in with the code on the room's
 * screen (the screen's QR opens this page with `?session=&code=`), and online study.
 */
export default function TrainingPage() {
  const params = useParams<{ idOrSlug: string }>();
  const [campaign, { refetch }] = createResource(() => params.idOrSlug, getCampaign);
  const loaded = () => (campaign.error ? undefined : campaign.latest);
  usePageMeta(() => ({ title: `${t('tr.pageTitle')}${loaded() ? ` · ${loaded()!.title}` : ''} · ${t('app.name')}` }));
  return (
    <div class="pt-page vl-page tr-page" data-testid="tr-portal">
      <Switch>
        <Match when={campaign.error instanceof ApiError && campaign.error.status === 404}>
          <EmptyState icon="flag" title={t('tr.notTraining')} action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>} />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <Skeleton title block lines={4} />
        </Match>
        <Match when={loaded()!.kind !== 'training'}>
          <EmptyState icon="flag" title={t('tr.notTraining')} action={<LinkButton href={campaignHref(loaded()!)}>{t('tr.back')}</LinkButton>} />
        </Match>
        <Match when={loaded()}>{(c) => <Training campaign={c()} />}</Match>
      </Switch>
    </div>
  );
}

function Training(props: { campaign: Campaign }) {
  const location = useLocation();
  const [search] = useSearchParams<{ session?: string; code?: string }>();
  const signedIn = () => !session.me.loading && !!session.me();
  const [sessions, sessionsApi] = createResource(() => props.campaign.id, listSessions);
  const [materials, materialsApi] = createResource(() => props.campaign.id, listMaterials);
  const [mine, mineApi] = createResource(() => (signedIn() ? props.campaign.id : false), myTraining);
  const [learning, learningApi] = createResource(() => (signedIn() ? 'me' : false), myLearning);
  const refresh = () => {
    void sessionsApi.refetch();
    void mineApi.refetch();
    void learningApi.refetch();
    void materialsApi.refetch();
  };
  return (
    <>
      <p class="vl-back">
        <A href={campaignHref(props.campaign)}>
          <Icon name="chevronLeft" />
          {t('tr.back')}
        </A>
      </p>
      <header class="vl-head">
        <h1 class="vl-title">{props.campaign.title}</h1>
      </header>
      <Show
        when={signedIn()}
        fallback={
          <Show when={!session.me.loading}>
            <section class="tx-card vl-signin">
              <Icon name="flag" class="vl-signin-icon" />
              <h2>{t('tr.signInTitle')}</h2>
              <p class="tx-muted">{t('tr.signInBody')}</p>
              <LinkButton href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} variant="primary" block>
                {t('tr.signIn')}
              </LinkButton>
            </section>
          </Show>
        }
      >
        <Show when={learning.latest && mine.latest}>
          <section class="tx-card" aria-labelledby="tr-hours-title" data-testid="tr-hours">
            <h2 id="tr-hours-title">{t('tr.hoursTitle')}</h2>
            <p class="tr-hours-value tx-num" data-testid="tr-hours-value">
              {t('tr.hoursOf', { hours: fmtHours(learning.latest!.hours), target: learning.latest!.target })}
            </p>
            <ProgressBar value={Math.min(100, (learning.latest!.hours / Math.max(1, learning.latest!.target)) * 100)} label={t('tr.hoursTitle')} />
            <p class="tx-small tx-muted">
              {learning.latest!.hours >= learning.latest!.target
                ? t('tr.hoursDone')
                : t('tr.hoursLeft', { n: fmtHours(learning.latest!.target - learning.latest!.hours) })}{' '}
              {t('tr.hoursHere', { n: fmtHours(mine.latest!.hours) })}
            </p>
            <Show when={learning.latest!.certificate}>
              <A href={certificateHref(learning.latest!.year)} class="tx-btn tx-btn-secondary tx-btn-sm" data-testid="tr-cert-link">
                {t('tr.certLink', { year: learning.latest!.year })}
              </A>
            </Show>
          </section>
        </Show>
        <Enrolment campaign={props.campaign} mine={mine.latest} onChange={refresh} />
        <Show when={mine.latest?.enrolled && (sessions.latest ?? []).length}>
          <CheckIn sessions={sessions.latest!} preset={search.session ?? null} code={(search.code ?? '').replace(/\D/g, '').slice(0, 6)} onDone={refresh} />
        </Show>
      </Show>
      <section class="tx-card" aria-labelledby="tr-sessions-title">
        <h2 id="tr-sessions-title">{t('tr.sessions')}</h2>
        <Show when={!sessions.error} fallback={<ErrorState error={sessions.error} onRetry={sessionsApi.refetch} />}>
          <Show when={sessions.latest} fallback={<Skeleton lines={3} />}>
            <Show when={sessions.latest!.length} fallback={<p class="tx-muted">{t('tr.noSessions')}</p>}>
              <ul class="tr-sessions" data-testid="tr-session-list">
                <For each={sessions.latest!}>{(s) => <SessionItem s={s} />}</For>
              </ul>
            </Show>
          </Show>
        </Show>
      </section>
      <Show when={(materials.latest ?? []).length}>
        <section class="tx-card" aria-labelledby="tr-materials-title">
          <h2 id="tr-materials-title">{t('tr.materials')}</h2>
          <ul class="tr-sessions">
            <For each={materials.latest!}>{(m) => <MaterialItem m={m} enrolled={!!mine.latest?.enrolled} onChange={refresh} />}</For>
          </ul>
        </section>
      </Show>
    </>
  );
}

function Enrolment(props: { campaign: Campaign; mine: { enrolled: boolean; eligible: boolean } | undefined; onChange: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal(false);
  async function go() {
    setBusy(true);
    setError(null);
    try {
      await enrol(props.campaign.id);
      setDone(true);
      props.onChange();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={props.mine}>
      {(m) => (
        <Switch>
          <Match when={m().enrolled}>
            <Notice kind="success" icon="check">
              {done() ? t('tr.enrolledNow') : t('tr.enrolled')}
            </Notice>
          </Match>
          <Match when={m().eligible && props.campaign.status === 'published'}>
            <section class="tx-card">
              <p>{t('tr.notEnrolled')}</p>
              <Button variant="primary" block loading={busy()} onClick={go} data-testid="tr-enrol">
                {t('tr.enrol')}
              </Button>
              <ActionError message={error()} />
            </section>
          </Match>
          <Match when={true}>
            <Notice>{t('tr.notEnrolledOrg')}</Notice>
          </Match>
        </Switch>
      )}
    </Show>
  );
}

function SessionItem(props: { s: Session }) {
  const s = () => props.s;
  return (
    <li class="tr-session" data-testid="tr-session">
      <div class="tr-session-main">
        <strong>{s().title}</strong>
        <span class="tx-small tx-muted tx-num">
          {chinaDay(s().startsAt)} {chinaTime(s().startsAt)}–{chinaTime(s().endsAt)} · {s().location}
          <Show when={s().lecturer}> · {s().lecturer}</Show>
        </span>
      </div>
      <span class="tx-small tx-num">{t('tr.hoursN', { n: fmtHours(s().hours) })}</span>
      <Show when={s().mine}>
        {(m) => (
          <span class={`tx-badge ${m().status === 'present' || m().status === 'late' ? 'tx-badge-green' : ''}`} data-testid="tr-session-mine">
            {m().mode === 'delivered' && m().status === 'present' ? t('tr.delivered') : t(`tr.st.${m().status}` as 'tr.st.present')}
          </span>
        )}
      </Show>
    </li>
  );
}

function CheckIn(props: { sessions: Session[]; preset: string | null; code: string; onDone: () => void }) {
  // a session I already attended needs no code (a reload of the QR link shows the next one, if any)
  const attended = (s: Session) => s.mine?.status === 'present' || s.mine?.status === 'late';
  const open = createMemo(() => {
    const now = Date.now();
    return props.sessions.filter((s) => Date.parse(s.checkInOpensAt) <= now && Date.parse(s.endsAt) >= now && !attended(s));
  });
  const [chosen, setChosen] = createSignal<string | null>(props.preset);
  const target = () => props.sessions.find((s) => s.id === chosen() && !attended(s)) ?? open()[0] ?? null;
  const [code, setCode] = createSignal(props.code);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<string | null>(null);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code())) return setError(t('tr.codeFormat'));
    setBusy(true);
    try {
      const r = await checkIn(target()!.id, code());
      setResult(t(r.attendance.status === 'late' ? 'tr.checkedInLate' : 'tr.checkedIn', { n: fmtHours(r.attendance.hours) }));
      setCode('');
      props.onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={result() || target()}>
      <section class="tx-card sa-code-card" aria-labelledby="tr-check-title" data-testid="tr-check-in">
        <Show when={result()}>
          <Notice kind="success">{result()}</Notice>
        </Show>
        <Show when={target()}>
          {(s) => (
            <>
              <h2 id="tr-check-title">{t('tr.checkInTitle', { title: s().title })}</h2>
              <Show when={Date.parse(s().checkInOpensAt) > Date.now()}>
                <Notice>{t('tr.opensAt', { time: `${chinaDay(s().checkInOpensAt)} ${chinaTime(s().checkInOpensAt)}` })}</Notice>
              </Show>
              <p class="tx-small tx-muted">{t('tr.checkInLead')}</p>
              <form onSubmit={submit} novalidate>
                <Show when={open().length > 1}>
                  <select class="tx-select" aria-label={t('tr.sessions')} value={s().id} onChange={(e) => setChosen(e.currentTarget.value)}>
                    <For each={open()}>{(o) => <option value={o.id}>{o.title}</option>}</For>
                  </select>
                </Show>
                <CodeInput
                  id="tr-code"
                  label={t('tr.codeLabel')}
                  value={code()}
                  onInput={(v) => {
                    setCode(v);
                    setError(null);
                  }}
                  error={error()}
                  testId="tr-code"
                />
                <Button type="submit" variant="primary" block loading={busy()} data-testid="tr-check-in-submit">
                  {t('tr.checkInDo')}
                </Button>
              </form>
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}

function MaterialItem(props: { m: Material; enrolled: boolean; onChange: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const m = () => props.m;
  const finishableAt = () => (m().mine ? Date.parse(m().mine!.startedAt) + m().minutes * 60e3 : null);
  async function act(f: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await f();
      props.onChange();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="tr-session">
      <div class="tr-session-main">
        <strong>{m().title}</strong>
        <span class="tx-small tx-muted tx-num">
          {t('tr.mMeta', { kind: m().kind === 'video' ? t('tr.video') : t('tr.article'), minutes: m().minutes, hours: fmtHours(m().hours) })}
        </span>
        <Show when={m().mine && !m().mine!.finishedAt}>
          <span class="tx-small tx-muted tx-num">{t('tr.finishAt', { time: chinaTime(finishableAt()!) })}</span>
        </Show>
        <ActionError message={error()} />
      </div>
      <Switch>
        <Match when={m().mine?.finishedAt}>
          <span class="tx-badge tx-badge-green">{t('tr.finished', { n: fmtHours(m().hours) })}</span>
        </Match>
        <Match when={m().mine}>
          <div class="tx-row">
            <a class="tx-btn tx-btn-secondary tx-btn-sm" href={m().url} target="_blank" rel="noopener noreferrer">
              {t('tr.open')}
            </a>
            <Button small variant="primary" loading={busy()} onClick={() => act(() => finishStudy(m().mine!.studyId))}>
              {t('tr.finish')}
            </Button>
          </div>
        </Match>
        <Match when={props.enrolled}>
          <Button
            small
            variant="primary"
            loading={busy()}
            onClick={() =>
              act(async () => {
                await startStudy(m().id);
                window.open(m().url, '_blank', 'noopener');
              })
            }
          >
            {t('tr.start')}
          </Button>
        </Match>
      </Switch>
    </li>
  );
}
