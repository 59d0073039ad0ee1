import { createEffect, createSignal, on, onCleanup, untrack } from 'solid-js';
import { ApiError, call, qs } from './api';
import { errorText } from './components/ErrorState';
import { boardApi, type Board, type BoardEntry, type Scope } from './leaderboard';
import type { LiveBoardMessage } from '@shared/contracts/leaderboards';

/** The largest page the API returns (shared/ranking.ts MAX_ROWS). */
const MAX_LIMIT = 100;
/** Polling period while the live socket is down (the brief: every 20 s). */
export const POLL_MS = 20_000;
/** How many times a dropped socket is reopened (once per poll) before polling alone goes on. */
const RECONNECTS = 6;

export type BoardMeta = Omit<Board, 'entries' | 'offset'>;
export type LiveState = 'connecting' | 'live' | 'polling';

/** Reads `count` rows from `offset`, in pages of at most 100. */
async function readRows(id: string, scope: Scope, offset: number, count: number): Promise<Board> {
  let first: Board | null = null;
  const rows: BoardEntry[] = [];
  for (let at = offset; at < offset + count; at += MAX_LIMIT) {
    const limit = Math.min(MAX_LIMIT, offset + count - at);
    const b = await call('GET /campaigns/{id}/leaderboard', { id }, { query: { scope, limit, offset: at } });
    first ??= b;
    rows.push(...b.entries);
    if (b.entries.length < limit) break;
  }
  return { ...first!, offset, entries: rows };
}

function metaOf(b: Board & { type?: string }): BoardMeta {
  const { entries: _e, offset: _o, type: _t, ...m } = b;
  return m;
}

/**
 * A leaderboard that follows changes while the page is open: the first rows come from the
 * GET, then the live socket (`/leaderboard/live`, which carries the top `pageSize` rows on
 * every change) keeps them current; rows further down are re-read after a change. When
 * the socket closes, everything shown is re-read every 20 s and the socket is retried.
 *
 * `paged`: the console shows one page at a time (setPage); otherwise "load more" appends.
 */
export function createLiveBoard(opts: {
  campaign: () => string | null | undefined;
  scope: () => Scope;
  pageSize: number;
  paged?: boolean;
  /** after any change the socket reports, and on every poll (to re-read "my rank", say) */
  onChange?: () => void;
}) {
  const size = Math.min(opts.pageSize, MAX_LIMIT);
  const [meta, setMeta] = createSignal<BoardMeta | null>(null);
  const [entries, setEntries] = createSignal<BoardEntry[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>(null);
  const [page, setPageSignal] = createSignal(0);
  const [more, setMore] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [live, setLive] = createSignal<LiveState>('connecting');
  /** keys whose rank improved or score changed with the last update, for a brief highlight */
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set());

  /** one session per campaign and scope: its socket, poll and reads; a new session drops the old one's answers */
  let session = 0;
  let ws: WebSocket | null = null;
  let poll: ReturnType<typeof setInterval> | undefined;
  let rest: ReturnType<typeof setTimeout> | undefined;
  let flash: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  const id = () => opts.campaign() ?? '';

  function closeSocket(): void {
    if (!ws) return;
    ws.onclose = null;
    ws.onmessage = null;
    ws.onopen = null;
    ws.close();
    ws = null;
  }

  function stop(): void {
    session++;
    closeSocket();
    clearInterval(poll);
    poll = undefined;
    clearTimeout(rest);
    clearTimeout(flash);
  }

  function markChanges(before: BoardEntry[], after: BoardEntry[]): void {
    if (!before.length) return;
    const prev = new Map(before.map((e) => [e.key, e]));
    const moved = new Set<string>();
    for (const e of after) {
      const p = prev.get(e.key);
      if (!p || p.rank > e.rank || p.score !== e.score) moved.add(e.key);
    }
    if (!moved.size) return;
    setChanged(moved);
    clearTimeout(flash);
    flash = setTimeout(() => setChanged(new Set<string>()), 2500);
  }

  /** Re-reads the window shown now: rows 0..n (load more) or the current page. Stale answers are dropped. */
  async function readShown(count?: number, fresh = false): Promise<void> {
    const s = session;
    const p = page();
    const offset = opts.paged ? p * size : 0;
    const n = count ?? (opts.paged ? size : Math.max(size, entries().length));
    const b = await readRows(id(), opts.scope(), offset, n);
    if (s !== session || p !== page()) return;
    // a new page is not a change of the board: highlight only what moved on the same rows
    if (!fresh) markChanges(entries(), b.entries);
    setMeta(metaOf(b));
    setEntries(b.entries);
    setError(null);
  }

  async function load(): Promise<void> {
    const s = session;
    const p = page();
    setLoading(true);
    try {
      await readShown(size, true);
    } catch (e) {
      if (s === session && p === page()) {
        setError(e);
        // no board here (an exhibition, a hidden board): nothing to follow
        if (e instanceof ApiError && e.status === 404) {
          closeSocket();
          clearInterval(poll);
          poll = undefined;
        }
      }
    } finally {
      if (s === session && p === page()) setLoading(false);
    }
  }

  /** After a change: re-read the rows the socket does not carry (below the first page, or another page). */
  function refreshRest(): void {
    clearTimeout(rest);
    const s = session;
    rest = setTimeout(() => {
      if (s !== session) return;
      if (opts.paged) {
        if (page() > 0) void readShown().catch(() => {});
        return;
      }
      const extra = entries().length - size;
      if (extra <= 0) return;
      void readRows(id(), opts.scope(), size, extra)
        .then((b) => {
          if (s !== session) return;
          const head = entries().slice(0, size);
          const seen = new Set(head.map((e) => e.key));
          setEntries([...head, ...b.entries.filter((e) => !seen.has(e.key))]);
        })
        .catch(() => {});
    }, 400);
  }

  function onMessage(data: unknown): void {
    let m: LiveBoardMessage | null = null;
    try {
      m = JSON.parse(String(data)) as LiveBoardMessage;
    } catch {
      return;
    }
    if (!m || (m.type !== 'snapshot' && m.type !== 'update') || !Array.isArray(m.entries)) return;
    setMeta(metaOf(m));
    if (!opts.paged || page() === 0) {
      const current = entries();
      markChanges(current.slice(0, size), m.entries);
      setEntries(opts.paged ? m.entries : [...m.entries, ...current.slice(size)]);
      setError(null);
      setLoading(false);
    }
    if (m.type === 'update') {
      refreshRest();
      opts.onChange?.();
    }
  }

  function connect(): void {
    closeSocket();
    const s = session;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1${boardApi(id(), '/live')}${qs({ scope: opts.scope(), limit: size })}`;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      startPolling();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      if (s !== session) return;
      retries = 0;
      setLive('live');
      clearInterval(poll);
      poll = undefined;
    };
    // viewers only listen: never send anything (the server closes chatty sockets)
    socket.onmessage = (e) => {
      if (s === session) onMessage(e.data);
    };
    socket.onclose = () => {
      if (s !== session || ws !== socket) return;
      ws = null;
      startPolling();
    };
  }

  function startPolling(): void {
    setLive('polling');
    if (poll) return;
    const s = session;
    poll = setInterval(() => {
      if (s !== session) return;
      void readShown().catch(() => {});
      opts.onChange?.();
      if (!ws && retries < RECONNECTS) {
        retries++;
        connect();
      }
    }, POLL_MS);
  }

  function start(): void {
    stop();
    retries = 0;
    setPageSignal(0);
    setMeta(null);
    setEntries([]);
    setError(null);
    setMore({ busy: false, error: null });
    setLive('connecting');
    if (!id()) return;
    // the socket opens once the first read succeeded, so a campaign without a board (404) opens none
    const s = session;
    void load().then(() => {
      if (s === session && !(error() instanceof ApiError && (error() as ApiError).status === 404)) connect();
    });
  }

  createEffect(on([id, opts.scope], () => untrack(start)));
  onCleanup(stop);

  async function loadMore(): Promise<void> {
    const s = session;
    setMore({ busy: true, error: null });
    try {
      const have = entries();
      const b = await readRows(id(), opts.scope(), have.length, size);
      if (s !== session) return;
      const seen = new Set(have.map((e) => e.key));
      setEntries([...entries(), ...b.entries.filter((e) => !seen.has(e.key))]);
      setMeta(metaOf(b));
      setMore({ busy: false, error: null });
    } catch (e) {
      if (s === session) setMore({ busy: false, error: errorText(e) });
    }
  }

  /** Console paging: the socket stays open; page 0 follows it, other pages are re-read after changes. */
  function setPage(n: number): void {
    const last = Math.max(0, Math.ceil((meta()?.total ?? 0) / size) - 1);
    const next = Math.max(0, Math.min(n, last));
    if (next === page()) return;
    setPageSignal(next);
    void load();
  }

  const pages = () => Math.max(1, Math.ceil((meta()?.total ?? 0) / size));
  const hasMore = () => !opts.paged && entries().length < (meta()?.total ?? 0);

  return {
    meta,
    entries,
    loading,
    error,
    /** 404: this campaign has no board (an exhibition) or it is hidden */
    missing: () => error() instanceof ApiError && (error() as ApiError).status === 404,
    live,
    changed,
    page,
    pages,
    setPage,
    hasMore,
    more,
    loadMore,
    retry: start,
    pageSize: size,
  };
}

export type LiveBoard = ReturnType<typeof createLiveBoard>;
