import { exports } from 'cloudflare:workers';
import { BASE, type Client } from '../helpers';
import type { LiveServerMessage, LiveState } from '../../shared/live-room';

/** Fixtures of the live room and match tests: a real WebSocket through the Worker, as a browser opens it. */
export interface LiveSocket {
  ws: WebSocket;
  messages: LiveServerMessage[];
  send: (m: unknown) => void;
  /** resolves with the first message not yet taken that matches, rejects after `ms` */
  next: <T extends LiveServerMessage = LiveServerMessage>(pred: (m: LiveServerMessage) => boolean, ms?: number) => Promise<T>;
  state: (pred?: (s: LiveState) => boolean, ms?: number) => Promise<LiveState>;
  close: () => void;
}

export async function openLive(path: string, c: Client | null, opts: { origin?: string | null } = {}): Promise<LiveSocket> {
  const headers: Record<string, string> = { upgrade: 'websocket' };
  if (c?.cookie) headers.cookie = c.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? BASE;
  const res = await exports.default.fetch(new Request(BASE + path, { headers }));
  const ws = res.webSocket;
  if (res.status !== 101 || !ws) throw new Error(`live ${path}: ${res.status} ${await res.text()}`);
  const messages: LiveServerMessage[] = [];
  const waiting = new Set<() => void>();
  const used = new Set<number>();
  ws.addEventListener('message', (e) => {
    messages.push(JSON.parse(e.data as string) as LiveServerMessage);
    for (const w of [...waiting]) w();
  });
  ws.accept();
  const next = <T extends LiveServerMessage>(pred: (m: LiveServerMessage) => boolean, ms = 4000) =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(messages.slice(-3))}`));
      }, ms);
      function check() {
        // the first message not taken by an earlier wait that matches: waits may come in any order
        for (let i = 0; i < messages.length; i++) {
          if (used.has(i) || !pred(messages[i]!)) continue;
          used.add(i);
          clearTimeout(t);
          waiting.delete(check);
          return resolve(messages[i] as T);
        }
      }
      waiting.add(check);
      check();
    });
  return {
    ws,
    messages,
    next,
    send: (m) => ws.send(JSON.stringify(m)),
    state: (pred = () => true, ms) => next<LiveState>((m) => m.type === 'state' && pred(m), ms),
    close: () => ws.close(1000, 'done'),
  };
}
