import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import { ApiError, call } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { fmtDate } from '@ui/format';
import { session } from '../data/session';
import { t } from '../i18n';

const getJudgeInvite = (code: string) => call('GET /judge-invites/{code}', { code });
const acceptJudgeInvite = (code: string) => call('POST /judge-invites/{code}/accept', { code });

/**
 * A judge invitation (/judge-invite/:code): the contest and the inviting unit, and 接受邀请
 * once signed in (sign-in first, then back here). Judging itself happens in the console.
 */
export default function JudgeInvite() {
  const params = useParams<{ code: string }>();
  const [invite, { refetch }] = createResource(() => params.code, getJudgeInvite);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const missing = () => invite.error instanceof ApiError && (invite.error.status === 404 || invite.error.status === 400);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await acceptJudgeInvite(params.code);
      setDone(true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="pt-page" data-testid="judge-invite">
      <Switch>
        <Match when={missing()}>
          <EmptyState
            icon="alert"
            title={t('judgeInvite.missing')}
            body={errorText(invite.error)}
            action={<LinkButton href="/">{t('judgeInvite.home')}</LinkButton>}
          />
        </Match>
        <Match when={invite.error}>
          <ErrorState error={invite.error} onRetry={refetch} />
        </Match>
        <Match when={!invite.latest}>
          <Skeleton title block lines={3} />
        </Match>
        <Match when={invite.latest}>
          {(i) => (
            <section class="tx-card">
              <h1>{t('judgeInvite.title')}</h1>
              <p>{t('judgeInvite.body', { unit: i().inviterUnit, title: i().campaign.title })}</p>
              <Switch>
                <Match when={done()}>
                  <p role="status">{t('judgeInvite.accepted')}</p>
                  <LinkButton href="/console/judging" variant="primary" external>
                    {t('judgeInvite.toJudging')}
                  </LinkButton>
                </Match>
                <Match when={!i().valid}>
                  <p role="status" class="tx-muted">
                    {t(`judgeInvite.state.${i().state as 'used' | 'expired' | 'revoked' | 'closed'}`)}
                  </p>
                </Match>
                <Match when={session.me.loading}>
                  <Skeleton lines={1} />
                </Match>
                <Match when={!session.me()}>
                  <p class="tx-muted">{t('judgeInvite.signInFirst')}</p>
                  <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary">
                    {t('judgeInvite.signIn')}
                  </LinkButton>
                </Match>
                <Match when={session.me()}>
                  <p class="tx-small tx-muted">{t('judgeInvite.until', { at: fmtDate(i().expiresAt) })}</p>
                  <Button variant="primary" onClick={accept} disabled={busy()}>
                    {t('judgeInvite.accept')}
                  </Button>
                  <Show when={error()}>
                    <FormError message={error()} />
                  </Show>
                </Match>
              </Switch>
            </section>
          )}
        </Match>
      </Switch>
    </div>
  );
}
