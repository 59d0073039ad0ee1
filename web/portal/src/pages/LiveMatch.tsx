import { createResource, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { matchLivePath, matchOutcome, pollTicket, queueMatch, type Ticket } from '../data/live';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { LiveGame } from '../ui/LiveGame';
import { t } from '../i18n';
import '../live.css';

const POLL_MS = 1500;

/**
 * 双人对战 / 四人赛 of a quiz campaign (/c/:idOrSlug/match): queue, wait (up to 30 s, then
 * say so and offer the solo quiz), play the match, and see the points it earned.
 */
export default function LiveMatch() {
  const params = useParams<{ idOrSlug: string }>();
  usePageMeta(() => ({ title: `${t('live.matchTitle')} · ${t('app.name')}` }));
  const [ticket, setTicket] = createSignal<Ticket | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [ended, setEnded] = createSignal(false);
  const [waited, setWaited] = createSignal(0);
  let timer: ReturnType<typeof setInterval> | undefined;
  onCleanup(() => clearInterval(timer));
  const signedOut = () => !session.me.loading && !session.me.error && !session.me();
  const matchId = () => (ticket()?.status === 'matched' ? ticket()!.matchId : null);
  const [outcome] = createResource(
    () => (ended() ? matchId() : null),
    (id) => matchOutcome(id),
  );

  async function queue(size: 2 | 4) {
    setBusy(true);
    setError(null);
    setEnded(false);
    try {
      const started = Date.now();
      const tk = await queueMatch(params.idOrSlug, size);
      setTicket(tk);
      clearInterval(timer);
      if (tk.status !== 'waiting') return;
      timer = setInterval(async () => {
        setWaited(Math.round((Date.now() - started) / 1000));
        try {
          const now = await pollTicket(params.idOrSlug, tk.id);
          setTicket(now);
          if (now.status !== 'waiting') clearInterval(timer);
        } catch (e) {
          setError(errorText(e));
        }
      }, POLL_MS);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const again = () => (
    <Button
      variant="primary"
      onClick={() => {
        setTicket(null);
        setEnded(false);
      }}
    >
      {t('live.again')}
    </Button>
  );

  return (
    <div class="pt-page lv-page">
      <Switch>
        <Match when={signedOut()}>
          <div class="lv-card lv-center">
            <h1>{t('live.matchTitle')}</h1>
            <LinkButton variant="primary" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
              {t('live.signIn')}
            </LinkButton>
          </div>
        </Match>
        <Match when={matchId()}>
          {(id) => (
            <LiveGame
              path={matchLivePath(id())}
              onEnded={() => setEnded(true)}
              footer={
                <>
                  <Show when={outcome()}>
                    {(o) => {
                      const me = () => o().players.find((p) => p.you);
                      return (
                        <p class="lv-score" data-testid="match-points">
                          {me()?.points ? t('live.points', { p: me()!.points }) : t('live.capNote')}
                        </p>
                      );
                    }}
                  </Show>
                  {again()}
                </>
              }
            />
          )}
        </Match>
        <Match when={ticket()?.status === 'waiting'}>
          <div class="lv-card lv-center" role="status">
            <p class="lv-big" data-testid="match-waiting">
              {t('live.queueing', { s: waited() })}
            </p>
            <Button
              onClick={() => {
                clearInterval(timer);
                setTicket(null);
              }}
            >
              {t('live.cancel')}
            </Button>
          </div>
        </Match>
        <Match when={ticket()?.status === 'timeout'}>
          <div class="lv-card lv-center" data-testid="match-timeout">
            <p>{t('live.timeout')}</p>
            <LinkButton variant="primary" href={`/c/${encodeURIComponent(params.idOrSlug)}/quiz`}>
              {t('live.solo')}
            </LinkButton>
            {again()}
          </div>
        </Match>
        <Match when={true}>
          <div class="lv-modes">
            <h1>{t('live.matchTitle')}</h1>
            <div class="lv-card">
              <h2>{t('live.duel')}</h2>
              <p class="tx-muted">{t('live.duelHint')}</p>
              <Button variant="primary" loading={busy()} onClick={() => queue(2)} data-testid="match-2">
                {t('live.queue')}
              </Button>
            </div>
            <div class="lv-card">
              <h2>{t('live.four')}</h2>
              <p class="tx-muted">{t('live.fourHint')}</p>
              <Button variant="primary" loading={busy()} onClick={() => queue(4)} data-testid="match-4">
                {t('live.queue')}
              </Button>
            </div>
            <FormError message={error()} />
          </div>
        </Match>
      </Switch>
    </div>
  );
}
