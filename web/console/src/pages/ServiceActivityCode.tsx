import { createEffect, createResource, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { Navigate, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { getCode, whenText, type CodeScreen } from '../data/service-activities';
import { t } from '../i18n';
import '../volunteer.css';

/**
 * The code screen of a service activity (/console/service-activities/:id/code), full screen on
 * a laptop or projector at the place: the 6 digits of this minute in very large type, a
 * countdown to the next code, and a QR code of the portal's check-in page with the code in
 * it. The code comes from the API each minute (the secret never leaves the server).
 */
export default function ServiceActivityCode() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const [tick, setTick] = createSignal(0);
  const [data, { refetch }] = createResource(() => params.id, getCode);
  // the server's clock, not the laptop's, decides when the code changes
  const [offset, setOffset] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  const [error, setError] = createSignal<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  createEffect(() => {
    const d = data.error ? undefined : data.latest;
    if (data.error) {
      setError(data.error);
      // keep trying (the network at a venue is often poor); the last code stays up meanwhile
      clearTimeout(timer);
      timer = setTimeout(() => void refetch(), 5000);
      return;
    }
    if (!d) return;
    setError(null);
    setOffset(Date.parse(d.serverTime) - Date.now());
    clearTimeout(timer);
    timer = setTimeout(() => void refetch(), Math.max(300, Date.parse(d.validUntil) - Date.parse(d.serverTime) + 300));
  });
  onMount(() => {
    const iv = setInterval(() => {
      setNow(Date.now());
      setTick(tick() + 1);
    }, 250);
    onCleanup(() => clearInterval(iv));
  });
  onCleanup(() => clearTimeout(timer));

  const last = (): CodeScreen | undefined => (data.error ? undefined : data.latest) ?? lastGood;
  let lastGood: CodeScreen | undefined;
  createEffect(() => {
    if (!data.error && data.latest) lastGood = data.latest;
  });
  const secondsLeft = () => {
    const d = last();
    return d ? Math.max(0, Math.ceil((Date.parse(d.validUntil) - (now() + offset())) / 1000)) : 0;
  };
  const unauth = () => error() instanceof ApiError && (error() as ApiError).status === 401;
  const fatal = () => error() instanceof ApiError && [403, 404].includes((error() as ApiError).status);

  async function fullscreen() {
    try {
      await document.documentElement.requestFullscreen?.();
    } catch {
      // not allowed here: the page is full-window anyway
    }
  }

  return (
    <main class="sa-screen" data-testid="code-screen">
      <Show when={unauth()}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname)}`} />
      </Show>
      <Show
        when={last() && !fatal()}
        fallback={
          <div class="sa-screen-msg" role="alert">
            <Show when={error()} fallback={<p>{t('sa.screenLoading')}</p>}>
              <Icon name="alert" />
              <p>{errorText(error())}</p>
            </Show>
          </div>
        }
      >
        {(_) => {
          const d = () => last()!;
          const a = () => d().serviceActivity;
          return (
            <>
              <header class="sa-screen-head">
                <h1>{a().title}</h1>
                <p class="tx-num">
                  {whenText(a())} · {a().place}
                </p>
              </header>
              <div class="sa-screen-body">
                <section class="sa-screen-code" aria-labelledby="sa-screen-label">
                  <h2 id="sa-screen-label">{t('sa.screenCodeLabel')}</h2>
                  <p class="sa-digits tx-num" data-testid="screen-code" aria-live="polite" aria-label={t('sa.screenCodeAria', { code: d().code.split('').join(' ') })}>
                    <span>{d().code.slice(0, 3)}</span>
                    <span>{d().code.slice(3)}</span>
                  </p>
                  <div class="sa-countdown" role="timer" aria-live="off">
                    <span class="sa-countdown-bar" aria-hidden="true">
                      <span style={{ width: `${(secondsLeft() / 60) * 100}%` }} />
                    </span>
                    <span class="tx-num" data-testid="screen-countdown">{t('sa.screenNext', { s: secondsLeft() })}</span>
                  </div>
                  <Show when={a().status === 'cancelled'}>
                    <p class="sa-screen-warn">{t('sa.stateCancelled')}</p>
                  </Show>
                  <Show when={error()}>
                    <p class="sa-screen-warn" role="status">{t('sa.screenOffline')}</p>
                  </Show>
                </section>
                <section class="sa-screen-qr" aria-labelledby="sa-screen-qr-label">
                  {/* the SVG is drawn by our own API from the check-in link (uqr), never from user input */}
                  <div class="sa-qr" role="img" aria-label={t('sa.screenQrAlt')} innerHTML={d().qrSvg} data-testid="screen-qr" data-url={d().checkUrl} />
                  <h2 id="sa-screen-qr-label">{t('sa.screenScan')}</h2>
                  <p>{t('sa.screenHowto')}</p>
                </section>
              </div>
              <footer class="sa-screen-foot">
                <span>{t('sa.screenSigned', { n: a().signedUp, cap: a().capacity })}</span>
                <button type="button" class="sa-screen-btn" onClick={fullscreen}>
                  {t('sa.screenFull')}
                </button>
              </footer>
            </>
          );
        }}
      </Show>
    </main>
  );
}
