// Benchmark of the training check-in (issue #15 "Tests and bench"): 500 members checking into
// one session within a minute, as a ratio to the no-op route under the same concurrency;
// p99 ≤ 3× the no-op's, and every check-in counted once (parallel retries of the same member
// answer 409 and credit nothing). `BENCH_ONLY=training npm run bench` runs this file alone.
import { loadSql, measure, pct, run, setup } from './registry.mjs';
import { benchToken, benchUserStatements } from './users.mjs';

const N = Number(process.env.BENCH_TRAINING_MEMBERS ?? 500);
const RETRIES = Math.min(N, 100);
const CONCURRENCY = 32;
const UNIT = 'fgw-b2';
// one run of 500 is one p99 on a shared, noisy machine: the class meets three times (a session
// each), each check-in wave timed against its own no-op wave, and the median round is reported
const ROUNDS = Number(process.env.BENCH_TRAINING_ROUNDS ?? 3);

setup(async ({ persistDir }) => {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const lines = benchUserStatements(N, now);
  // each bench user is on a roster of one branch (the registry row check-in credits)
  for (let i = 0; i < N; i += 200) {
    const r = [];
    for (let j = i; j < Math.min(N, i + 200); j++)
      r.push(`('bench-tr-${j}', '${UNIT}', '1350${String(j).padStart(7, '0')}', '压测${j}', 'bench-u${j}', '${iso(now)}')`);
    lines.push(`INSERT OR IGNORE INTO roster_entries (id, org_unit_id, phone, name, user_id, created_at) VALUES ${r.join(',')}`);
  }
  loadSql(persistDir, 'bench-training.sql', lines);
});

measure(async ({ base, orgCookie }) => {
  const org = { cookie: orgCookie, origin: base, 'content-type': 'application/json' };
  const post = async (path, body) => {
    const r = await fetch(base + path, { method: 'POST', headers: org, body: JSON.stringify(body) });
    const j = await r.json();
    if (!r.ok) throw new Error(`${path}: ${r.status} ${JSON.stringify(j)}`);
    return j;
  };
  // a class of the branch, published, with a session on now and the bench members enrolled
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const { campaign } = await post('/api/v1/campaigns', {
    kind: 'training',
    title: '压测：集中轮训',
    orgUnitId: UNIT,
    startsAt: iso(now - 864e5),
    endsAt: iso(now + 7 * 864e5),
    settings: { category: 'rotation' },
  });
  await post(`/api/v1/campaigns/${campaign.id}/publish`);
  const ids = Array.from({ length: N }, (_, i) => `bench-tr-${i}`);
  let enrolled = 0;
  for (let i = 0; i < ids.length; i += 500)
    enrolled += (await post(`/api/v1/campaigns/${campaign.id}/enrollments`, { rosterIds: ids.slice(i, i + 500) })).enrolled;

  const noop = () =>
    run(N, CONCURRENCY, async () =>
      fetch(`${base}/api/v1/ping`).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    );
  const rounds = [];
  for (let k = 0; k < ROUNDS; k++) {
    const { session } = await post(`/api/v1/campaigns/${campaign.id}/sessions`, {
      title: `压测课次 ${k + 1}`,
      startsAt: iso(Date.now() - 5 * 60e3),
      endsAt: iso(Date.now() + 3600e3),
      hours: 2,
    });
    // the code on the room's screen, read again as the minute turns (a member types what the screen shows)
    let code = '';
    let codeAt = 0;
    const screen = async () => {
      if (Date.now() - codeAt > 20_000) {
        code = (await (await fetch(`${base}/api/v1/sessions/${session.id}/code`, { headers: { cookie: orgCookie } })).json()).code;
        codeAt = Date.now();
      }
      return code;
    };
    await screen();
    const checkIn = async (i) => {
      const r = await fetch(`${base}/api/v1/sessions/${session.id}/check-in`, {
        method: 'POST',
        headers: {
          cookie: `tx_session=${benchToken(i)}`,
          origin: base,
          'content-type': 'application/json',
          'cf-connecting-ip': `100.65.${i % 250}.${Math.floor(i / 250)}`,
        },
        body: JSON.stringify({ code: await screen() }),
      });
      await r.arrayBuffer();
      return r.status;
    };
    const b = await noop();
    const t0 = performance.now();
    const first = await run(N, CONCURRENCY, checkIn);
    // members who tap again (a slow screen): each retry answers 409 and credits nothing
    const again = await run(RETRIES, CONCURRENCY, (i) => checkIn(i * Math.floor(N / RETRIES)));
    const minute = (performance.now() - t0) / 1000;
    const sessions = await (await fetch(`${base}/api/v1/campaigns/${campaign.id}/sessions`, { headers: { cookie: orgCookie } })).json();
    rounds.push({
      first,
      again,
      minute,
      counted: sessions.items.find((s) => s.id === session.id)?.attendances,
      p99: pct(first.lat, 0.99) / pct(b.lat, 0.99),
      tput: first.lat.length / first.seconds / (b.lat.length / b.seconds),
      againP99: pct(again.lat, 0.99) / pct(b.lat, 0.99),
      againTput: again.lat.length / again.seconds / (b.lat.length / b.seconds),
    });
  }
  const stats = await (await fetch(`${base}/api/v1/campaigns/${campaign.id}/training-stats`, { headers: { cookie: orgCookie } })).json();
  const m = [...rounds].sort((a, b) => a.p99 - b.p99)[Math.floor(rounds.length / 2)];
  const once = rounds.every((r) => r.counted === N && r.first.statuses[200] === N && r.again.statuses[409] === RETRIES) && stats.hours === N * 2 * ROUNDS;
  const p99 = m.p99;
  return [
    '## Training check-in',
    '',
    `${N} enrolled members check into one session with the code on the room's screen, ${CONCURRENCY} at a time, then ${RETRIES} of them tap again; against ${N} no-op requests under the same concurrency, just before. ${ROUNDS} rounds (one session each); the median round by p99 is shown, every round's p99 ratio in brackets. Each round within ${Math.max(...rounds.map((r) => r.minute)).toFixed(1)} s at most (the bar: a minute). Ratios: throughput = req/s ÷ no-op req/s; p99 = p99 ÷ no-op p99 (bar: ≤ 3).`,
    '',
    '| operation | throughput ratio | p99 ratio | outcome |',
    '|---|---:|---:|---|',
    `| POST /sessions/{id}/check-in (${N} members, enrolled ${enrolled}) | ${m.tput.toFixed(2)} | ${p99.toFixed(2)} ${p99 <= 3 ? '✓' : '✗'} (${rounds.map((r) => r.p99.toFixed(2)).join(', ')}) | statuses ${JSON.stringify(m.first.statuses)} |`,
    `| POST /sessions/{id}/check-in again (${RETRIES} retries) | ${m.againTput.toFixed(2)} | ${m.againP99.toFixed(2)} | statuses ${JSON.stringify(m.again.statuses)}; attendances ${rounds.map((r) => r.counted).join(', ')}, hours ${stats.hours} ${once ? '✓ each member counted once a session' : '✗'} |`,
    '',
  ];
});
