import { createEffect, createResource, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { Navigate, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { getSessionCode, type SessionCode } from '../data/training';
import { t } from '../i18n';
import { whenText } from './TrainingPage';
import '../volunteer.css';

/**
 * The code screen of a training session (/console/training-sessions/:id/code) on the room's
 * projector: the 6 digits of this minute, a countdown and the QR of the portal's check-in link.
 * The code comes from the API each minute (the secret never leaves the server); it keeps the
 * service activities' screen and its styles.
 */
export default function TrainingCode() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const [data, { refetch }] = createResource(() => params.id, getSessionCode);
  const [offset, setOffset] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  const [error, setError] = createSignal<unknown>(null);
  let last: SessionCode | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    if (data.error) {
      setError(data.error);
      clearTimeout(timer);
      timer = setTimeout(() => void refetch(), 5000);
      return;
    }
    const d = data.latest;
    if (!d) return;
    last = d;
    setError(null);
    // the server's clock, not the laptop's, decides when the code changes
    setOffset(Date.parse(d.serverTime) - Date.now());
    clearTimeout(timer);
    timer = setTimeout(() => void refetch(), Math.max(300, Date.parse(d.validUntil) - Date.parse(d.serverTime) + 300));
  });
  onMount(() => {
    const iv = setInterval(() => setNow(Date.now()), 250);
    onCleanup(() => clearInterval(iv));
  });
  onCleanup(() => clearTimeout(timer));
  const shown = () => (data.error ? undefined : data.latest) ?? last;
  const secondsLeft = () => {
    const d = shown();
    return d ? Math.max(0, Math.ceil((Date.parse(d.validUntil) - (now() + offset())) / 1000)) : 0;
  };
  const unauth = () => error() instanceof ApiError && (error() as ApiError).status === 401;
  const fatal = () => error() instanceof ApiError && [403, 404].includes((error() as ApiError).status);
  return (
    <main class="sa-screen" data-testid="tr-code-screen">
      <Show when={unauth()}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname)}`} />
      </Show>
      <Show
        when={shown() && !fatal()}
        fallback={
          <div class="sa-screen-msg" role="alert">
            <Show when={error()} fallback={<p>{t('tr.codeLoading')}</p>}>
              <Icon name="alert" />
              <p>{errorText(error())}</p>
            </Show>
          </div>
        }
      >
        {(_) => {
          const d = () => shown()!;
          return (
            <>
              <header class="sa-screen-head">
                <h1>{d().session.title}</h1>
                <p class="tx-num">
                  {whenText(d().session)} · {d().session.location}
                </p>
              </header>
              <div class="sa-screen-body">
                <section class="sa-screen-code" aria-labelledby="tr-screen-label">
                  <h2 id="tr-screen-label">{t('tr.codeLabel')}</h2>
                  <p class="sa-digits tx-num" data-testid="tr-screen-code" aria-live="polite">
                    <span>{d().code.slice(0, 3)}</span>
                    <span>{d().code.slice(3)}</span>
                  </p>
                  <div class="sa-countdown" role="timer" aria-live="off">
                    <span class="sa-countdown-bar" aria-hidden="true">
                      <span style={{ width: `${(secondsLeft() / 60) * 100}%` }} />
                    </span>
                    <span class="tx-num">{t('tr.codeNext', { s: secondsLeft() })}</span>
                  </div>
                  <Show when={error()}>
                    <p class="sa-screen-warn" role="status">{t('tr.codeOffline')}</p>
                  </Show>
                </section>
                <section class="sa-screen-qr" aria-labelledby="tr-screen-qr-label">
                  {/* the SVG is drawn by our own API from the check-in link (uqr), never from user input */}
                  <div class="sa-qr" role="img" aria-label={t('tr.codeScan')} innerHTML={d().qrSvg} data-testid="tr-screen-qr" data-url={d().checkUrl} />
                  <h2 id="tr-screen-qr-label">{t('tr.codeScan')}</h2>
                  <p>{t('tr.codeHowto')}</p>
                </section>
              </div>
              <footer class="sa-screen-foot">
                <span class="tx-num">{t('tr.codeAttended', { n: d().session.attendances })}</span>
                <button type="button" class="sa-screen-btn" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
                  {t('tr.codeFull')}
                </button>
              </footer>
            </>
          );
        }}
      </Show>
    </main>
  );
}
