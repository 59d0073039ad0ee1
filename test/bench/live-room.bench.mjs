// Live room benchmarks (issue 17): broadcast fan-out of one QuizRoom object to a hall of
// sockets. The host's `start` goes in over HTTP; the time until the last of N sockets has the
// question is reported as a ratio to one no-op request's latency measured in the same run,
// for a small room and a hall, so the ratio of the two shows how fan-out grows with N.
// Sockets join as screens (anyone may); players get the same message with their own `you`
// spliced on (one small JSON.stringify each), so the cost per socket is of the same order.
import { measure, pingMedian } from './registry.mjs';

const HALL = Number(process.env.BENCH_ROOM_SOCKETS ?? 500);
const SMALL = 50;

const getJson = async (url, init) => {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${url} → ${r.status} ${await r.text()}`);
  return r.json();
};

/** Opens n screen sockets on a room and resolves once each has its first state. */
async function screens(base, roomId, n) {
  const sockets = [];
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/rooms/${roomId}/live`);
          ws.onopen = () => ws.send(JSON.stringify({ type: 'join', role: 'screen' }));
          ws.onmessage = () => {
            ws.onmessage = null;
            resolve();
          };
          ws.onerror = reject;
          sockets.push(ws);
        }),
    ),
  );
  return sockets;
}

/** ms from the host's accepted `start` until the last socket has the question. */
async function fanout(base, headers, n) {
  const { room } = await getJson(`${base}/api/v1/campaigns/dangshi-daily/rooms`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: `压测房间${n}`, bankId: 'bank-demo', count: 2, secondsPerQuestion: 60 }),
  });
  const sockets = await screens(base, room.id, n);
  const got = Promise.all(
    sockets.map(
      (ws) =>
        new Promise((resolve) => {
          ws.onmessage = (e) => {
            if (String(e.data).includes('"phase":"question"')) resolve(Date.now());
          };
        }),
    ),
  );
  const t0 = Date.now();
  const r = await fetch(`${base}/api/v1/rooms/${room.id}/host`, { method: 'POST', headers, body: JSON.stringify({ command: 'start' }) });
  await r.arrayBuffer();
  const last = Math.max(...(await got));
  for (const ws of sockets) ws.close();
  return last - t0;
}

measure(async ({ base, orgCookie }) => {
  const headers = { 'content-type': 'application/json', origin: base, cookie: orgCookie };
  const ping = await pingMedian(base);
  const small = [];
  const hall = [];
  for (let round = 0; round < 3; round++) {
    small.push(await fanout(base, headers, SMALL));
    hall.push(await fanout(base, headers, HALL));
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s = med(small);
  const h = med(hall);
  return [
    '## Live room fan-out',
    '',
    '| measure | ratio | detail |',
    '|---|---:|---|',
    `| fan-out: host's start → last of ${SMALL} sockets ÷ one no-op request's latency | ${(s / ping).toFixed(1)} | median of 3 rooms |`,
    `| fan-out: host's start → last of ${HALL} sockets ÷ one no-op request's latency | ${(h / ping).toFixed(1)} | median of 3 rooms; goal: the hall has the state within 1 s → ${h <= 1000 ? '✓' : '✗'} |`,
    `| growth: ${HALL} sockets ÷ ${SMALL} sockets | ${(h / Math.max(1, s)).toFixed(1)} | ${HALL / SMALL}× the sockets |`,
    '',
  ];
});
