import { createSignal, onCleanup } from 'solid-js';
import { clockOffset, type LiveServerMessage, type LiveState } from '@shared/live-room';

export type { LiveState, LiveServerMessage } from '@shared/live-room';
export type Role = 'player' | 'host' | 'screen';
export type AnswerReply = Extract<LiveServerMessage, { type: 'answered' }>;

/**
 * A live room or match as a page follows it (portal phones, console host, 大屏): the socket
 * joins with its role, every `state` replaces the last, and the clock offset to the server
 * comes with each state, so the countdown on every screen runs to the same deadline. A
 * dropped socket is reopened (with growing pauses) and joins again: the room keeps the
 * player's score by their session.
 */
export function createLiveRoom(path: () => string, role: Role) {
  const [state, setState] = createSignal<LiveState | null>(null);
  const [reply, setReply] = createSignal<AnswerReply | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [connected, setConnected] = createSignal(false);
  /** server time minus this device's: add to Date.now() */
  const [offset, setOffset] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  let ws: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let tries = 0;
  let closed = false;
  /** an answer tapped while the socket was down: sent once it is back and joined */
  let pending: string | null = null;
  const tick = setInterval(() => setNow(Date.now()), 200);

  function open() {
    if (closed) return;
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1${path()}`);
    ws = socket;
    socket.onopen = () => {
      tries = 0;
      setConnected(true);
      socket.send(JSON.stringify({ type: 'join', role }));
      if (pending) socket.send(pending);
      pending = null;
    };
    socket.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as LiveServerMessage;
      if (m.type === 'state') {
        setOffset(clockOffset(m.now, Date.now()));
        setState(m);
        setError(null);
        if (m.phase === 'question' && reply() && m.you?.answered === false) setReply(null);
      } else if (m.type === 'answered') setReply(m);
      else setError(m.reason);
    };
    socket.onclose = () => {
      setConnected(false);
      if (ws !== socket || closed) return;
      tries++;
      retry = setTimeout(open, Math.min(10_000, 500 * 2 ** tries));
    };
  }

  open();
  onCleanup(() => {
    closed = true;
    clearInterval(tick);
    clearTimeout(retry);
    ws?.close();
  });

  return {
    state,
    reply,
    error,
    connected,
    /** the server's time now, as this device best knows it */
    serverNow: () => now() + offset(),
    send: (m: object) => ws?.readyState === WebSocket.OPEN && ws.send(JSON.stringify(m)),
    answer: (questionId: string, answer: string | string[] | boolean) => {
      setReply(null);
      const m = JSON.stringify({ type: 'answer', questionId, answer });
      if (ws?.readyState === WebSocket.OPEN) ws.send(m);
      else pending = m;
    },
  };
}
