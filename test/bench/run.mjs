// `npm run bench`: starts a local `wrangler dev` (--log-level warn) on a fresh database with
// the demo data, measures endpoints against the no-op route in the same run, and writes
// test/bench/report.md. Machines here are shared and noisy, so every figure is reported as
// a ratio to the baseline measured alongside it (rounds interleaved, medians taken).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildWeb, hasWebBuild, prepareDatabase, startServer } from '../../scripts/server.mjs';
import { MEASURES, SETUPS, SUITE, bench, signIn } from './registry.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8797);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** `BENCH_ONLY=quiz,contest` runs only those bench files (and the endpoint suite's baseline). */
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((x) => x.trim()) : null;
const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p));

async function loadWithWrk(base, req) {
  const args = ['-t', '2', '-c', String(CONNECTIONS), '-d', `${SECONDS}s`, '--latency'];
  for (const [k, v] of Object.entries(req.headers ?? {})) args.push('-H', `${k}: ${v}`);
  args.push(base + req.path);
  const out = spawnSync(WRK, args, { encoding: 'utf8' }).stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p99 = parseLatency(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p99, errors: non2xx };
}

function parseLatency(s) {
  if (!s) return NaN;
  const m = /([\d.]+)(us|ms|s)/.exec(s);
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** Fallback when wrk is missing: keep CONNECTIONS requests in flight from Node for SECONDS. */
async function loadWithNode(base, req) {
  const lat = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        const r = await fetch(base + req.path, { method: req.method ?? 'GET', headers: req.headers, body: req.body });
        await r.arrayBuffer();
        if (!r.ok) errors++;
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { rps: lat.length / SECONDS, p99: lat[Math.floor(lat.length * 0.99)] ?? NaN, errors };
}

/*
 * The load client reuses keep-alive sockets that wrangler dev may have closed while idle;
 * such a request fails before any answer ("other side closed") and is sent again. Every
 * write the benchmarks send is idempotent or unique-keyed, so a resend cannot double-count.
 */
const rawFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rawFetch(input, init);
    } catch (e) {
      if (attempt >= 4 || !/other side closed|ECONNRESET|EPIPE|socket/i.test(String(e?.cause?.code ?? '') + String(e?.cause?.message ?? e?.message))) throw e;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runSuite() {
  if (!hasWebBuild()) buildWeb();
  const persistDir = mkdtempSync(join(tmpdir(), 'tongxin-bench-'));
  await prepareDatabase(persistDir);
  for (const fn of SETUPS) await fn({ persistDir });
  const { base, stop } = await startServer({
    port: PORT,
    persistDir,
    logLevel: 'warn',
    stdio: ['ignore', 'ignore', 'inherit'],
    vars: { BENCH_ROUTES: '1', DEV_OUTBOX: '1' },
  });
  try {
    // a member's session and the root organizer's (13800000001), for what needs one
    const cookie = await signIn(base, '13800000003');
    const orgCookie = await signIn(base, '13800000001');
    const ctx = { base, cookie, orgCookie };
    const baseline = { name: 'baseline: GET /api/v1/ping (no-op route)', request: { path: '/api/v1/ping' } };
    const items = [baseline, ...SUITE.map((b) => ({ ...b, request: typeof b.request === 'function' ? b.request(ctx) : b.request }))];
    const load = WRK ? loadWithWrk : loadWithNode;
    // warm-up so the first measured round is not the isolate's cold start
    for (const it of items) await load(base, { ...it.request }).catch(() => null);
    const samples = new Map(items.map((it) => [it.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const it of items) samples.get(it.name).push(await load(base, it.request));
    }
    const base0 = samples.get(baseline.name);
    const baseRps = median(base0.map((s) => s.rps));
    const baseP99 = median(base0.map((s) => s.p99));
    const rows = items.map((it) => {
      const s = samples.get(it.name);
      return {
        name: it.name,
        note: it.note ?? '',
        throughput: median(s.map((x) => x.rps)) / baseRps,
        p99: median(s.map((x) => x.p99)) / baseP99,
        errors: s.reduce((a, x) => a + x.errors, 0),
      };
    });
    const sections = [];
    for (const fn of MEASURES) sections.push(...(await fn({ base, cookie, orgCookie, baseRps, baseP99, load: (req) => load(base, req) })));
    const report = [
      '# Tongxin benchmark report',
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}, ${WRK ? 'wrk' : 'Node fetch loop'} with ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s per endpoint against \`wrangler dev --log-level warn\` and a local D1 with the demo data.`,
      '',
      'Figures are ratios to the no-op route measured in the same run (medians over rounds): throughput ratio = endpoint req/s ÷ baseline req/s (higher is better, 1.00 = as fast as doing nothing); p99 ratio = endpoint p99 latency ÷ baseline p99 (lower is better). No absolute times are reported: this machine is shared and noisy.',
      '',
      '| endpoint | throughput ratio | p99 latency ratio | non-2xx | what it measures |',
      '|---|---:|---:|---:|---|',
      ...rows.map((r) => `| ${r.name} | ${r.throughput.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${r.note} |`),
      '',
      ...sections,
    ].join('\n');
    // A partial run (BENCH_ONLY) prints its sections but leaves the committed report alone.
    if (!ONLY) writeFileSync(join(ROOT, 'test', 'bench', 'report.md'), report);
    console.log(report);
    return rows;
  } finally {
    stop();
    rmSync(persistDir, { recursive: true, force: true });
  }
}

// Benchmarks of this issue (the foundation); later modules add files that call bench().
bench('GET /api/v1/campaigns', { path: '/api/v1/campaigns?limit=20' }, 'public campaign list: one D1 query with a join');
bench('GET /api/v1/me (signed in)', ({ cookie }) => ({ path: '/api/v1/me', headers: { cookie } }), 'session lookup (one batched round trip) + memberships');
bench('GET /api/v1/org-units', { path: '/api/v1/org-units' }, 'whole org tree with member counts');
bench(
  'GET /org-units/{id}/metrics?series=day (概览, 30 days)',
  ({ orgCookie }) => ({
    path: `/api/v1/org-units/root/metrics?from=${new Date(Date.now() - 30 * 864e5).toISOString()}&series=day`,
    headers: { cookie: orgCookie },
  }),
  "the root organizer's overview: totals, by kind, units below, daily trend (one batch)",
);
bench(
  'GET /org-units/{id}/todo (待办)',
  ({ orgCookie }) => ({ path: '/api/v1/org-units/root/todo', headers: { cookie: orgCookie } }),
  'works, receipts, flagged attempts and drafts under the root (one batch)',
);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readdirSync } = await import('node:fs');
  for (const f of readdirSync(join(ROOT, 'test', 'bench'))
    .filter((f) => f.endsWith('.bench.mjs') && (!ONLY || ONLY.includes(f.replace('.bench.mjs', ''))))
    .sort()) {
    await import(join(ROOT, 'test', 'bench', f));
  }
  await runSuite();
  process.exit(0);
}
