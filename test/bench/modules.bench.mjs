// Benchmarks of the "1+1", drive and exhibition modules (issues 6–8), all as ratios to the
// no-op route measured under the same concurrency in the same run.
import { bench, loadSql, measure, pct, run, setup } from './registry.mjs';
import { benchToken, benchUserStatements } from './users.mjs';

const N = Number(process.env.BENCH_MODULE_USERS ?? 2000);
const QUEUE = Number(process.env.BENCH_QUEUE ?? 10000);
const CONCURRENCY = 32;

setup(async ({ persistDir }) => {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const lines = benchUserStatements(N, now);
  // bench users are members of a branch with a personal invite to the demo 1+1 campaign
  for (let i = 0; i < N; i += 200) {
    const m = [];
    const inv = [];
    for (let j = i; j < Math.min(N, i + 200); j++) {
      m.push(`('bench-ms-${j}', 'bench-u${j}', 'czj-b1', '/root/czj/czj-b1/', 'member', '${iso(now)}')`);
      inv.push(`('BENCHINV${String(j).padStart(5, '0')}', 'camp-volunteer', 'bench-u${j}', '${iso(now)}')`);
    }
    lines.push(`INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ${m.join(',')}`);
    lines.push(`INSERT OR IGNORE INTO volunteer_invites (code, campaign_id, user_id, created_at) VALUES ${inv.join(',')}`);
  }
  // an approval queue of QUEUE pending records
  lines.push(`INSERT OR IGNORE INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, pair_id, date, hours, description, status, created_at)
    WITH RECURSIVE seq(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM seq WHERE x < ${QUEUE - 1})
    SELECT 'bench-rec-' || x, 'camp-volunteer', 'bench-u' || (x % ${N}), 'czj-b1', '/root/czj/czj-b1/', NULL, '${iso(now - 864e5).slice(0, 10)}', 1, '压测服务记录', 'pending', '${iso(now)}' FROM seq`);
  // one popular exhibition slot of 50 seats, tomorrow
  lines.push(
    `INSERT OR IGNORE INTO exhibition_slots (id, campaign_id, starts_at, ends_at, capacity, booked, closed, created_at) VALUES ('bench-slot', 'camp-exhibition', '${iso(now + 864e5)}', '${iso(now + 864e5 + 7200e3)}', 50, 0, 0, '${iso(now)}')`,
  );
  loadSql(persistDir, 'bench-modules.sql', lines);
});

bench('GET /campaigns/{id}/progress (drive progress)', { path: '/api/v1/campaigns/jinqiu-zhuxue/progress' }, 'public progress read');
bench(
  `GET /campaigns/{id}/service-records?status=pending (queue of ${QUEUE})`,
  ({ orgCookie }) => ({ path: '/api/v1/campaigns/one-plus-one/service-records?status=pending&limit=50', headers: { cookie: orgCookie } }),
  'first page of the approval queue',
);
bench(
  'GET …/service-records?status=pending&orgUnitId=czj-b1&from=… (filtered)',
  ({ orgCookie }) => ({
    path: `/api/v1/campaigns/one-plus-one/service-records?status=pending&orgUnitId=czj-b1&from=${new Date(Date.now() - 7 * 864e5).toISOString().slice(0, 10)}&limit=50`,
    headers: { cookie: orgCookie },
  }),
  'the queue filtered by unit and date',
);

async function baseline(base, count, concurrency) {
  return run(
    count,
    concurrency,
    async () =>
      await fetch(`${base}/api/v1/ping`).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
  );
}

const ratioRow = (name, r, b, extra) =>
  `| ${name} | ${(r.lat.length / r.seconds / (b.lat.length / b.seconds)).toFixed(2)} | ${(pct(r.lat, 0.99) / pct(b.lat, 0.99)).toFixed(2)} | ${extra} |`;

measure(async ({ base, orgCookie }) => {
  const count = Math.min(N, 1000);
  const b = await baseline(base, count, CONCURRENCY);
  // 1+1 registrations: residents through the members' invites
  const reg = await run(count, CONCURRENCY, async (i) => {
    const r = await fetch(`${base}/api/v1/campaigns/one-plus-one/pairs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': `100.64.${i % 250}.${Math.floor(i / 250)}` },
      body: JSON.stringify({ code: `BENCHINV${String(i).padStart(5, '0')}`, name: '群众', phone: `1770${String(i).padStart(7, '0')}`, consent: true }),
    });
    await r.arrayBuffer();
    return r.status;
  });
  // approvals of the queue, one by one
  const appr = await run(count, CONCURRENCY, async (i) => {
    const r = await fetch(`${base}/api/v1/service-records/bench-rec-${i}/approve`, { method: 'POST', headers: { cookie: orgCookie, origin: base } });
    await r.arrayBuffer();
    return r.status;
  });
  // pledges, each sent three times at once with one Idempotency-Key (a client retrying)
  const pledgesBefore = (await (await fetch(`${base}/api/v1/campaigns/jinqiu-zhuxue/drive-report`, { headers: { cookie: orgCookie } })).json()).byUnit.reduce(
    (s, u) => s + u.pledges,
    0,
  );
  const pledges = await run(count, CONCURRENCY, async (i) => {
    const send = () =>
      fetch(`${base}/api/v1/campaigns/jinqiu-zhuxue/pledges`, {
        method: 'POST',
        headers: { cookie: `tx_session=${benchToken(i)}`, origin: base, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
        body: JSON.stringify({ amount: 1000 + i }),
      }).then(async (r) => {
        await r.text();
        return r.status;
      });
    const sts = await Promise.all([send(), send(), send()]);
    return sts.every((s) => s === 201) ? 201 : sts.find((s) => s !== 201);
  });
  const report = await (await fetch(`${base}/api/v1/campaigns/jinqiu-zhuxue/drive-report`, { headers: { cookie: orgCookie } })).json();
  // the booking rush: everyone at once for one slot of 50 seats
  const rushN = N;
  const rb = await baseline(base, rushN, rushN);
  const rush = await run(rushN, rushN, async (i) => {
    const r = await fetch(`${base}/api/v1/campaigns/hanmo-exhibition/bookings`, {
      method: 'POST',
      headers: { cookie: `tx_session=${benchToken(i)}`, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ slotId: 'bench-slot', partySize: 1, name: '观众', phone: '13912345678', acceptedNotice: true }),
    });
    await r.arrayBuffer();
    return r.status;
  });
  const slots = await (await fetch(`${base}/api/v1/campaigns/hanmo-exhibition/slots`)).json();
  const benchSlot = slots.items.find((s) => s.id === 'bench-slot');
  return [
    '## "1+1", drives and exhibitions',
    '',
    `Each row: ${count} requests, ${CONCURRENCY} at a time, against the no-op route under the same concurrency (the rush: all ${rushN} at once against ${rushN} no-op requests at once). Ratios: throughput = req/s ÷ no-op req/s; p99 = p99 ÷ no-op p99.`,
    '',
    '| operation | throughput ratio | p99 ratio | outcome |',
    '|---|---:|---:|---|',
    ratioRow('POST /campaigns/{id}/pairs (1+1 registration)', reg, b, `statuses ${JSON.stringify(reg.statuses)}`),
    ratioRow(`POST /service-records/{id}/approve (queue of ${QUEUE})`, appr, b, `statuses ${JSON.stringify(appr.statuses)}`),
    ratioRow(
      'POST /campaigns/{id}/pledges ×3 parallel retries per key',
      pledges,
      b,
      `statuses ${JSON.stringify(pledges.statuses)}; pledges created ${report.byUnit.reduce((s, u) => s + u.pledges, 0) - pledgesBefore} for ${count} keys ${report.byUnit.reduce((s, u) => s + u.pledges, 0) - pledgesBefore === count ? '✓ one per key' : '✗'}`,
    ),
    ratioRow(
      `POST /campaigns/{id}/bookings — ${rushN} people, one slot of 50`,
      rush,
      rb,
      `statuses ${JSON.stringify(rush.statuses)}; slot booked ${benchSlot?.booked} of ${benchSlot?.capacity} ${benchSlot?.booked === 50 && rush.statuses[201] === 50 ? '✓ exactly 50 sold' : '✗'}`,
    ),
    '',
  ];
});
