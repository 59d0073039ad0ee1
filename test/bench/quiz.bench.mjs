// Quiz start burst (issue 4): PARTICIPANTS people start a round and answer every question,
// CONCURRENCY at a time; start and answer are compared with the no-op route under the same
// concurrency in the same run. Checks: no errors, and every answer recorded.
import { loadSql, measure, pct, playAttempt, quizCampaignSql, setup } from './registry.mjs';
import { benchToken as token, benchUserStatements } from './users.mjs';

const PARTICIPANTS = Number(process.env.BENCH_QUIZ_PARTICIPANTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_QUIZ_CONCURRENCY ?? 32);
const QUESTIONS = 5;
const ROUNDS = Number(process.env.BENCH_QUIZ_ROUNDS ?? 4);
const PING_MS = 4000;

setup(async ({ persistDir }) => {
  const now = Date.now();
  const settings = { mode: 'round', questionsPerAttempt: QUESTIONS, secondsPerQuestion: 60, attemptsPerDay: 1, minAnswerMs: 0 };
  loadSql(persistDir, 'bench-quiz.sql', [
    quizCampaignSql({ id: 'camp-bench-quiz', slug: 'bench-quiz', title: '压测答题', settings }, now),
    ...benchUserStatements(PARTICIPANTS, now),
  ]);
});
/** Pings the no-op route from CONCURRENCY loops for `ms`; returns each latency. */
async function pingFor(base, ms) {
  const lat = [];
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await (await fetch(`${base}/api/v1/ping`)).arrayBuffer();
        lat.push(performance.now() - t);
      }
    }),
  );
  return lat;
}

measure(async ({ base, orgCookie }) => {
  // The baseline is measured in ROUNDS windows interleaved with the burst (as the endpoint
  // suite interleaves its rounds), so a noisy moment on this shared machine lands on both
  // sides instead of deciding the ratio alone.
  const pings = [];
  let pingMs = 0;
  const starts = [];
  const answers = [];
  const finals = []; // the answer that ends each attempt (it also writes the board)
  let errors = 0;
  let burstMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    pings.push(...(await pingFor(base, PING_MS)));
    pingMs += performance.now() - t;
    const first = Math.floor((PARTICIPANTS * round) / ROUNDS);
    const last = Math.floor((PARTICIPANTS * (round + 1)) / ROUNDS);
    let next = first;
    t = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < last; i = next++) {
          const headers = { cookie: `tx_session=${token(i)}`, origin: base, 'content-type': 'application/json' };
          const t = performance.now();
          const r = await fetch(`${base}/api/v1/campaigns/camp-bench-quiz/attempts`, { method: 'POST', headers, body: '{}' });
          starts.push(performance.now() - t);
          if (r.status !== 201) {
            errors++;
            await r.arrayBuffer();
            continue;
          }
          const { attempt } = await r.json();
          errors += await playAttempt(base, headers, attempt, (ms, final) => {
            answers.push(ms);
            if (final) finals.push(ms);
          });
        }
      }),
    );
    burstMs += performance.now() - t;
  }
  const seconds = burstMs / 1000;
  const pingRps = pings.length / (pingMs / 1000);

  const stats = await (await fetch(`${base}/api/v1/campaigns/camp-bench-quiz/quiz-stats`, { headers: { cookie: orgCookie } })).json();
  const recorded = stats.items.reduce((s, x) => s + x.answered, 0);
  const expected = PARTICIPANTS * QUESTIONS;
  const p99 = pct(pings, 0.99);
  const p50 = pct(pings, 0.5);
  return [
    '## Quiz start burst',
    '',
    `${PARTICIPANTS} participants, ${CONCURRENCY} at a time, each starting a round of ${QUESTIONS} questions and answering all of them (${seconds.toFixed(0)} s of burst in all). The baseline is the no-op route under the same ${CONCURRENCY}-way concurrency from the same client, measured in ${ROUNDS} windows of ${PING_MS / 1000} s interleaved with ${ROUNDS} parts of the burst; percentiles pool all windows.`,
    '',
    '| request | throughput ratio (req/s ÷ no-op req/s) | p50 ratio | p99 ratio (p99 ÷ no-op p99) |',
    '|---|---:|---:|---:|',
    `| POST /campaigns/{id}/attempts (start) | ${(starts.length / seconds / pingRps).toFixed(2)} | ${(pct(starts, 0.5) / p50).toFixed(2)} | ${(pct(starts, 0.99) / p99).toFixed(2)} |`,
    `| POST /attempts/{id}/answers | ${(answers.length / seconds / pingRps).toFixed(2)} | ${(pct(answers, 0.5) / p50).toFixed(2)} | ${(pct(answers, 0.99) / p99).toFixed(2)} ${pct(answers, 0.99) / p99 <= 3 ? '✓ (goal ≤ 3)' : '✗ (goal ≤ 3)'} |`,
    `| … of which the last answer of each attempt (ends it, ranks it) | ${(finals.length / seconds / pingRps).toFixed(2)} | ${(pct(finals, 0.5) / p50).toFixed(2)} | ${(pct(finals, 0.99) / p99).toFixed(2)} |`,
    '',
    `Errors: ${errors} ${errors === 0 ? '✓' : '✗'}. Answers recorded ${recorded} of ${expected} sent ${recorded === expected ? '✓ none lost' : '✗ LOST'}.`,
    '',
  ];
});
