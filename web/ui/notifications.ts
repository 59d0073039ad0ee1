import { createRoot, createSignal, onCleanup } from 'solid-js';
import { call } from './api';

/** How often the badge asks while the page is visible; navigation asks too, at most this often. */
export const POLL_MS = 60_000;
const NAV_MIN_MS = 15_000;

/**
 * The unread count behind the bell, one per app: read with `GET /me/notifications?unread=1&limit=0`
 * (a count over an index, no rows) on navigation and every 60 s while the page is visible —
 * never more often. Marking read sets it from the answer, without another request.
 */
export const unread = createRoot(() => {
  const [count, setCount] = createSignal(0);
  let last = 0;
  let inflight: Promise<void> | null = null;

  async function refresh(force = false): Promise<void> {
    if (!force && Date.now() - last < NAV_MIN_MS) return;
    if (inflight) return inflight;
    last = Date.now();
    inflight = (async () => {
      try {
        setCount((await call('GET /me/notifications', {}, { query: { unread: 1, limit: 0 } })).unread);
      } catch {
        // signed out, offline: the badge keeps what it showed; the next poll tries again
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  /** Polls while mounted: every POLL_MS when visible, and at once when the page comes back into view. */
  function poll() {
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh(true);
    };
    const timer = setInterval(tick, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  return { count, set: setCount, refresh, poll };
});
