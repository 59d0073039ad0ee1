import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { useNavigate, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { Spinner } from '@ui/components/Spinner';
import { roomByPin, roomLivePath } from '../data/live';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { LiveGame } from '../ui/LiveGame';
import { t } from '../i18n';
import '../live.css';

/**
 * 现场竞赛 on the phone: /live asks for the PIN on the big screen; /live/:pin (the QR on the
 * screen leads here) finds the room, asks to sign in if needed, and plays it.
 */
export default function LiveJoin() {
  const params = useParams<{ pin?: string }>();
  const navigate = useNavigate();
  usePageMeta(() => ({ title: `${t('live.title')} · ${t('app.name')}` }));
  const [pin, setPin] = createSignal(params.pin ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [room] = createResource(() => params.pin, roomByPin);
  const signedOut = () => !session.me.loading && !session.me.error && !session.me();

  function go(e: Event) {
    e.preventDefault();
    const p = pin().replace(/\D/g, '');
    if (p.length !== 6) return setError(t('live.pinHint'));
    setError(null);
    navigate(`/live/${p}`);
  }

  return (
    <div class="pt-page lv-page">
      <Show
        when={params.pin}
        fallback={
          <form class="lv-card" onSubmit={go} data-testid="live-join">
            <h1>{t('live.joinTitle')}</h1>
            <label for="lv-pin">{t('live.pinLabel')}</label>
            <input
              id="lv-pin"
              class="tx-input lv-pin"
              inputMode="numeric"
              autocomplete="off"
              maxLength={6}
              value={pin()}
              onInput={(e) => setPin(e.currentTarget.value)}
              aria-describedby="lv-pin-hint"
            />
            <p id="lv-pin-hint" class="tx-muted tx-small">
              {t('live.pinHint')}
            </p>
            <FormError message={error()} />
            <Button type="submit" variant="primary" block>
              {t('live.join')}
            </Button>
          </form>
        }
      >
        <Switch>
          <Match when={room.error instanceof ApiError && room.error.status === 404}>
            <div class="lv-card">
              <p>{t('live.noRoom')}</p>
              <LinkButton href="/live">{t('live.joinTitle')}</LinkButton>
            </div>
          </Match>
          <Match when={room.error}>
            <ErrorState error={room.error} />
          </Match>
          <Match when={room.loading || session.me.loading}>
            <p class="lv-wait">
              <Spinner /> {t('live.joining')}
            </p>
          </Match>
          <Match when={signedOut()}>
            <div class="lv-card lv-center">
              <h2>{room()!.title}</h2>
              <LinkButton variant="primary" href={`/login?next=${encodeURIComponent(`/live/${params.pin}`)}`}>
                {t('live.signIn')}
              </LinkButton>
            </div>
          </Match>
          <Match when={room()}>{(r) => <LiveGame path={roomLivePath(r().id)} />}</Match>
        </Switch>
      </Show>
    </div>
  );
}
