// `npm run bench:city`: 概览 at city scale. Run `npm run seed:city` first (same PERSIST_DIR).
// Starts `wrangler dev` on that database and times the overview metrics inside the Worker
// two ways in the same run, interleaved: from the daily rollups (what the API does) and the
// naive scan of every raw event (the same query with the rollups switched off). Reported as
// ratios only (this machine is shared and noisy), with a check that both give the same numbers.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, startServer } from '../../scripts/server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8798);
const persistDir = process.env.PERSIST_DIR ? resolve(ROOT, process.env.PERSIST_DIR) : join(ROOT, '.wrangler', 'state');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CASES = [
  { unit: 'root', days: 30, label: '全市 / root, 30 days' },
  { unit: 'root', days: 365, label: '全市 / root, 1 year' },
  { unit: 'root', days: 1826, label: '全市 / root, 5 years' },
  { unit: 'city-pc-001', days: 1826, label: '一个机关党委 / one party committee, 5 years' },
];

const { base, stop } = await startServer({ port: PORT, persistDir, logLevel: 'warn', stdio: ['ignore', 'ignore', 'inherit'], vars: { BENCH_ROUTES: '1' } });
const lines = [];
try {
  // the raw scan of five years may take minutes: past LIMIT it counts as at least LIMIT
  const LIMIT_MS = Number(process.env.BENCH_CITY_LIMIT_MS ?? 120_000);
  // one end for the whole run: both ways must read exactly the same period
  const AT = Date.now();
  const time = async (c, raw) => {
    const t0 = Date.now();
    try {
      const r = await fetch(`${base}/api/v1/_bench/metrics?unit=${c.unit}&days=${c.days}&raw=${raw}&n=1&at=${AT}`, { signal: AbortSignal.timeout(LIMIT_MS) });
      if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
      return { ...(await r.json()), timedOut: false };
    } catch (e) {
      if (e?.name !== 'TimeoutError') throw e;
      return { ms: Date.now() - t0, checksum: null, timedOut: true };
    }
  };
  const events = await fetch(`${base}/api/v1/health`).then((r) => r.status);
  if (events !== 200) throw new Error('server not healthy');
  lines.push(
    '# 概览 at city scale (`npm run bench:city`)',
    '',
    'Each figure is the median over rounds of the naive raw-event scan ÷ the rollup read, both timed inside the Worker in the same run (higher = rollups faster). "same" checks the two give identical totals.',
    '',
    '| case | raw ÷ rollup | same numbers |',
    '|---|---|---|',
  );
  for (const c of CASES) {
    const ratios = [];
    let same = true;
    let atLeast = false;
    for (let i = 0; i < ROUNDS; i++) {
      const a = await time(c, 0);
      const b = await time(c, 1);
      if (b.timedOut) atLeast = true;
      else same &&= a.checksum === b.checksum;
      ratios.push(b.ms / Math.max(a.ms, 1));
      // a raw scan that timed out once will again: one round says enough
      if (b.timedOut) break;
    }
    ratios.sort((x, y) => x - y);
    const r = ratios[Math.floor(ratios.length / 2)];
    lines.push(`| ${c.label} | ${atLeast ? '≥ ' : ''}${r.toFixed(1)}× | ${atLeast ? 'raw scan timed out' : same ? 'yes' : 'NO'} |`);
    console.log(lines.at(-1));
  }
} finally {
  stop();
}
writeFileSync(join(ROOT, 'test', 'bench', 'city-report.md'), lines.join('\n') + '\n');
console.log('wrote test/bench/city-report.md');
