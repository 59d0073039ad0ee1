import { createResource, createSignal, Match, Show, Switch, onMount } from 'solid-js';
import { A, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { CodeInput } from '@ui/components/CodeInput';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { check, chinaTime, getServiceActivity, phaseOf, type CheckResult, type ServiceActivity } from '../data/service-activities';
import { fmtHours } from '../data/volunteer';
import { t } from '../i18n';
import { WhenWhere } from '../ui/WhenWhere';
import '../volunteer.css';

/**
 * 签到 / 签退 of a service activity (/service-activities/:id/check?code=…), opened on a phone
 * at the place: type the 6 digits on the screen (or scan its QR, which fills them in). Shows
 * where the person stands: 已报名 → 已签到 09:02 → 已签退 → hours recorded, pending approval.
 */
export default function ServiceCheck() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  const [activity, { refetch, mutate }] = createResource(() => (signedIn() ? params.id : false), getServiceActivity);
  const loaded = () => (activity.error ? undefined : activity.latest);
  usePageMeta(() => ({ title: `${t('sa.checkTitle')}${loaded() ? ` · ${loaded()!.title}` : ''} · ${t('app.name')}` }));
  const missing = () => activity.error instanceof ApiError && activity.error.status === 404;

  return (
    <div class="pt-page vl-page sa-check-page">
      <Switch>
        <Match when={session.me.loading}>
          <Skeleton title block lines={3} />
        </Match>
        <Match when={!session.me()}>
          <section class="tx-card vl-signin">
            <Icon name="check" class="vl-signin-icon" />
            <h1>{t('sa.checkTitle')}</h1>
            <p class="tx-muted">{t('sa.signInBody')}</p>
            <LinkButton href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} variant="primary" block>
              {t('vol.signIn')}
            </LinkButton>
          </section>
        </Match>
        <Match when={missing()}>
          <EmptyState icon="flag" title={t('sa.missingTitle')} body={t('sa.missingBody')} action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>} />
        </Match>
        <Match when={activity.error}>
          <ErrorState error={activity.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <Skeleton title block lines={3} />
        </Match>
        <Match when={loaded()}>{(a) => <Check a={a()} onChange={(x) => mutate(x)} />}</Match>
      </Switch>
    </div>
  );
}

function Check(props: { a: ServiceActivity; onChange: (a: ServiceActivity) => void }) {
  const [search] = useSearchParams<{ code?: string }>();
  const initial = (search.code ?? '').replace(/\D/g, '').slice(0, 6);
  const [code, setCode] = createSignal(initial);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<CheckResult | null>(null);
  let input: HTMLInputElement | undefined;
  const a = () => props.a;
  const mine = () => (a().mine?.status === 'signed_up' ? a().mine : null);
  const step = () => (!mine() ? 'none' : !mine()!.checkedInAt ? 'in' : !mine()!.checkedOutAt ? 'out' : 'done');
  const phase = () => phaseOf(a());
  const back = () => `/c/${encodeURIComponent(a().campaignId)}/volunteer`;

  onMount(() => {
    if (input && step() !== 'done' && step() !== 'none') input.focus();
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code())) {
      setError(t('sa.codeFormat'));
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await check(a().id, code(), step() === 'out' ? 'out' : 'in');
      setResult(r);
      setCode('');
      props.onChange(r.serviceActivity);
    } catch (err) {
      setError(errorText(err));
      input?.select();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="vl-back">
        <A href={back()}>
          <Icon name="chevronLeft" />
          {t('sa.backMine')}
        </A>
      </p>
      <header class="vl-head">
        <h1 class="vl-title">{a().title}</h1>
        <WhenWhere activity={a()} />
      </header>

      <ol class="sa-steps" aria-label={t('sa.stepsLabel')} data-testid="check-steps">
        <li classList={{ 'sa-step-done': !!mine() }}>
          <span class="sa-dot" aria-hidden="true">
            1
          </span>
          <span>{mine() ? t('sa.stepSignedUp') : t('sa.stepNotSignedUp')}</span>
        </li>
        <li classList={{ 'sa-step-done': !!mine()?.checkedInAt, 'sa-step-now': step() === 'in' }} data-testid="step-in">
          <span class="sa-dot" aria-hidden="true">
            2
          </span>
          <span class="tx-num">{mine()?.checkedInAt ? t('sa.checkedInAt', { time: chinaTime(mine()!.checkedInAt!) }) : t('sa.stepCheckIn')}</span>
        </li>
        <li classList={{ 'sa-step-done': !!mine()?.checkedOutAt, 'sa-step-now': step() === 'out' }} data-testid="step-out">
          <span class="sa-dot" aria-hidden="true">
            3
          </span>
          <span class="tx-num">{mine()?.checkedOutAt ? t('sa.checkedOutAt', { time: chinaTime(mine()!.checkedOutAt!) }) : t('sa.stepCheckOut')}</span>
        </li>
        <li classList={{ 'sa-step-done': !!mine()?.recordId }}>
          <span class="sa-dot" aria-hidden="true">
            4
          </span>
          <span>{t('sa.stepHours')}</span>
        </li>
      </ol>

      <Show when={result()}>
        {(r) => (
          <div data-testid="check-result" class="vl-gap">
            <Show
              when={r().step === 'checked_out'}
              fallback={<Notice kind="success">{t('sa.checkedInDone', { time: chinaTime(r().serviceActivity.mine!.checkedInAt!) })}</Notice>}
            >
              <Show when={r().hours > 0} fallback={<Notice kind="warning">{r().computedHours > 0 ? t('sa.noHoursMax') : t('sa.noHoursShort')}</Notice>}>
                <Notice kind="success">
                  {r().hours < r().computedHours
                    ? t('sa.hoursRecordedCapped', { n: fmtHours(r().hours), m: fmtHours(r().computedHours) })
                    : t('sa.hoursRecorded', { n: fmtHours(r().hours) })}
                </Notice>
              </Show>
            </Show>
          </div>
        )}
      </Show>

      <Switch>
        <Match when={a().status === 'cancelled'}>
          <Notice kind="warning">{t('sa.cancelledNotice')}</Notice>
        </Match>
        <Match when={step() === 'none'}>
          <section class="tx-card">
            <Notice kind="warning">{t('sa.notSignedUp')}</Notice>
            <LinkButton href={back()} variant="primary" block>
              {t('sa.goSignUp')}
            </LinkButton>
          </section>
        </Match>
        <Match when={step() === 'done'}>
          <section class="tx-card sa-done" data-testid="check-done">
            <Icon name="check" class="sa-done-icon" />
            <p>{mine()?.recordId ? t('sa.doneRecorded') : t('sa.doneNoRecord')}</p>
            <LinkButton href={back()} block>
              {t('sa.viewMine')}
            </LinkButton>
          </section>
        </Match>
        <Match when={true}>
          <section class="tx-card sa-code-card" aria-labelledby="sa-code-title">
            <h2 id="sa-code-title">{step() === 'out' ? t('sa.checkOutTitle') : t('sa.checkInTitle')}</h2>
            <Show when={step() === 'in' && phase() === 'before'}>
              <Notice>{t('sa.opensAt', { time: chinaTime(a().checkInOpensAt) })}</Notice>
            </Show>
            <p class="tx-small tx-muted">{step() === 'out' ? t('sa.checkOutLead') : t('sa.checkInLead')}</p>
            <form onSubmit={submit} novalidate>
              <CodeInput
                id="sa-code"
                label={t('sa.codeLabel')}
                hint={t('sa.codeHint')}
                ref={(el) => (input = el)}
                value={code()}
                onInput={(v) => {
                  setCode(v);
                  setError(null);
                }}
                error={error()}
              />
              <Button type="submit" variant="primary" block loading={busy()} class="vl-big" data-testid="check-submit">
                {busy() ? t('state.sending') : step() === 'out' ? t('sa.checkOut') : t('sa.checkIn')}
              </Button>
            </form>
          </section>
        </Match>
      </Switch>
    </>
  );
}
