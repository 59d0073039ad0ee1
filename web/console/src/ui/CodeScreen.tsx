import { createEffect, createResource, createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { Navigate, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import '../volunteer.css';

/** What every rotating-code endpoint answers (service activities, training sessions). */
export interface RotatingCode {
  code: string;
  validUntil: string;
  serverTime: string;
  qrSvg: string;
  checkUrl: string;
}

/** The words of one screen: each module says what is checked into, in its own voice. */
export interface CodeScreenWords {
  loading: string;
  codeLabel: string;
  codeAria: (code: string) => string;
  next: (seconds: number) => string;
  offline: string;
  qrAlt: string;
  scan: string;
  howto: string;
  full: string;
}

/**
 * The full-screen check-in code on a laptop or projector at the place (service activities,
 * training sessions): the 6 digits of this minute in very large type, a countdown to the next
 * code, and a QR code of the portal's check-in page with the code in it. The code comes from
 * the API each minute (the secret never leaves the server), and the server's clock, not the
 * laptop's, decides when it changes.
 */
export function CodeScreen<T extends RotatingCode>(props: {
  load: (id: string) => Promise<T>;
  words: CodeScreenWords;
  title: (d: T) => string;
  subtitle: (d: T) => string;
  footer: (d: T) => string;
  warning?: (d: T) => string | undefined;
}): JSX.Element {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const [data, { refetch }] = createResource(() => params.id, props.load);
  const [offset, setOffset] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  const [error, setError] = createSignal<unknown>(null);
  let lastGood: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  createEffect(() => {
    if (data.error) {
      setError(data.error);
      // keep trying (the network at a venue is often poor); the last code stays up meanwhile
      clearTimeout(timer);
      timer = setTimeout(() => void refetch(), 5000);
      return;
    }
    const d = data.latest;
    if (!d) return;
    lastGood = d;
    setError(null);
    setOffset(Date.parse(d.serverTime) - Date.now());
    clearTimeout(timer);
    timer = setTimeout(() => void refetch(), Math.max(300, Date.parse(d.validUntil) - Date.parse(d.serverTime) + 300));
  });
  onMount(() => {
    const iv = setInterval(() => setNow(Date.now()), 250);
    onCleanup(() => clearInterval(iv));
  });
  onCleanup(() => clearTimeout(timer));

  const shown = (): T | undefined => (data.error ? undefined : data.latest) ?? lastGood;
  const secondsLeft = () => {
    const d = shown();
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
        when={shown() && !fatal()}
        fallback={
          <div class="sa-screen-msg" role="alert">
            <Show when={error()} fallback={<p>{props.words.loading}</p>}>
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
                <h1>{props.title(d())}</h1>
                <p class="tx-num">{props.subtitle(d())}</p>
              </header>
              <div class="sa-screen-body">
                <section class="sa-screen-code" aria-labelledby="sa-screen-label">
                  <h2 id="sa-screen-label">{props.words.codeLabel}</h2>
                  <p class="sa-digits tx-num" data-testid="screen-code" aria-live="polite" aria-label={props.words.codeAria(d().code.split('').join(' '))}>
                    <span>{d().code.slice(0, 3)}</span>
                    <span>{d().code.slice(3)}</span>
                  </p>
                  <div class="sa-countdown" role="timer" aria-live="off">
                    <span class="sa-countdown-bar" aria-hidden="true">
                      <span style={{ width: `${(secondsLeft() / 60) * 100}%` }} />
                    </span>
                    <span class="tx-num" data-testid="screen-countdown">
                      {props.words.next(secondsLeft())}
                    </span>
                  </div>
                  <Show when={props.warning?.(d())}>{(w) => <p class="sa-screen-warn">{w()}</p>}</Show>
                  <Show when={error()}>
                    <p class="sa-screen-warn" role="status">
                      {props.words.offline}
                    </p>
                  </Show>
                </section>
                <section class="sa-screen-qr" aria-labelledby="sa-screen-qr-label">
                  {/* the SVG is drawn by our own API from the check-in link (uqr), never from user input */}
                  <div class="sa-qr" role="img" aria-label={props.words.qrAlt} innerHTML={d().qrSvg} data-testid="screen-qr" data-url={d().checkUrl} />
                  <h2 id="sa-screen-qr-label">{props.words.scan}</h2>
                  <p>{props.words.howto}</p>
                </section>
              </div>
              <footer class="sa-screen-foot">
                <span class="tx-num">{props.footer(d())}</span>
                <button type="button" class="sa-screen-btn" onClick={fullscreen}>
                  {props.words.full}
                </button>
              </footer>
            </>
          );
        }}
      </Show>
    </main>
  );
}
