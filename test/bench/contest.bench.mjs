// Contest benchmarks (issue 5): VOTERS people voting at once for the demo works, from
// distinct addresses, against the no-op route under the same concurrency; the gallery read.
import { bench, loadSql, measure, pct, setup } from './registry.mjs';
import { benchToken, benchUserStatements } from './users.mjs';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);

setup(async ({ persistDir }) => {
  loadSql(persistDir, 'bench-contest.sql', benchUserStatements(VOTERS));
});

bench('GET /campaigns/{id}/entries (public gallery page)', { path: '/api/v1/campaigns/hanmo-danqing/entries?limit=20' }, 'approved works with image URLs');

async function totalVotes(base) {
  const board = await (
    await fetch(`${base}/api/v1/campaigns/hanmo-danqing/leaderboard?limit=100`, { headers: { 'cache-control': 'no-cache', cookie: 'none=1' } })
  ).json();
  return board.entries.reduce((s, e) => s + e.score, 0);
}

measure(async ({ base }) => {
  // The no-op route with every request in flight at once, like the votes below.
  const pings = await Promise.all(
    Array.from({ length: VOTERS }, async () => {
      const t = performance.now();
      await (await fetch(`${base}/api/v1/ping`)).arrayBuffer();
      return performance.now() - t;
    }),
  );
  const pingStart = performance.now();
  await Promise.all(Array.from({ length: VOTERS }, () => fetch(`${base}/api/v1/ping`).then((r) => r.arrayBuffer())));
  const pingRps = VOTERS / ((performance.now() - pingStart) / 1000);

  const before = await totalVotes(base);
  let errors = 0;
  const t0 = performance.now();
  const lat = await Promise.all(
    Array.from({ length: VOTERS }, async (_, i) => {
      const entry = `entry-${String((i % 12) + 1).padStart(2, '0')}`;
      const t = performance.now();
      const r = await fetch(`${base}/api/v1/entries/${entry}/votes`, {
        method: 'POST',
        headers: { cookie: `tx_session=${benchToken(i)}`, origin: base, 'cf-connecting-ip': `198.51.${Math.floor(i / 250)}.${i % 250}` },
      });
      await r.arrayBuffer();
      if (r.status !== 201) errors++;
      return performance.now() - t;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1200)); // past the public board's one-second cache
  const after = await totalVotes(base);
  return [
    '## Contest votes',
    '',
    `${VOTERS} signed-in voters voting at once (one request each, distinct addresses) for the twelve demo works; the baseline is the no-op route with as many requests in flight.`,
    '',
    '| request | throughput ratio | p99 ratio |',
    '|---|---:|---:|',
    `| POST /entries/{id}/votes | ${(VOTERS / seconds / pingRps).toFixed(2)} | ${(pct(lat, 0.99) / pct(pings, 0.99)).toFixed(2)} |`,
    '',
    `Errors: ${errors} ${errors === 0 ? '✓' : '✗'}. Votes counted on the board: ${after - before} of ${VOTERS} ${after - before === VOTERS - errors ? '✓' : '✗'}.`,
    '',
  ];
});
