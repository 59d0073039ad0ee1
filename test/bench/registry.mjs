// What the benchmark files register; test/bench/run.mjs runs it all in one server run, and
// the few things several of them do alike (load rows, answer a quiz, time the no-op route).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wrangler } from '../../scripts/server.mjs';

/** Requests measured under load against the no-op route. */
export const SUITE = [];
export function bench(name, request, note = '') {
  SUITE.push({ name, request, note });
}
/** Work on the database before the server starts (e.g. building big boards). */
export const SETUPS = [];
export const setup = (fn) => SETUPS.push(fn);
/** Measurements that are not a plain request under load; each returns report lines. */
export const MEASURES = [];
export const measure = (fn) => MEASURES.push(fn);

/** The p-quantile (0–1) of a list of latencies. */
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};

/** Runs `task(i)` for i < count, `concurrency` at a time; returns latencies and statuses. */
export async function run(count, concurrency, task) {
  const lat = [];
  const statuses = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        const st = await task(i);
        lat.push(performance.now() - t);
        statuses[st] = (statuses[st] ?? 0) + 1;
      }
    }),
  );
  return { lat, statuses, seconds: (performance.now() - t0) / 1000 };
}

/** Runs SQL statements on the local database before the server starts (written to `name` in persistDir). */
export function loadSql(persistDir, name, statements) {
  const file = join(persistDir, name);
  writeFileSync(file, statements.join(';\n') + ';\n');
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--file', file]);
}

/** A published quiz campaign of the root, open from an hour ago to a day from now, drawing from the demo bank. */
export function quizCampaignSql({ id, slug, title, settings }, now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  return `INSERT OR IGNORE INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at, published_at)
     VALUES ('${id}', 'quiz', '${slug}', '${title}', '', '', 'root', '/root/', 'published', '${iso(now - 3600e3)}', '${iso(now + 864e5)}',
     '${JSON.stringify({ ...settings, bankIds: ['bank-demo'] })}', 'user-org-root', '${iso(now)}', '${iso(now)}', '${iso(now)}')`;
}

/** An answer of the question's type (its first option, or first two): right or wrong does not matter here. */
export const answerOf = (q) =>
  q.type === 'single'
    ? (q.options?.[0]?.key ?? 'A')
    : q.type === 'multiple'
      ? q.options?.length
        ? q.options.slice(0, 2).map((o) => o.key)
        : ['A', 'B']
      : q.type === 'judge'
        ? true
        : '答案';

/**
 * Answers an attempt to its end as a player does: each answer timed (`timed(ms, last)`), the
 * next question (and its clock) read from /next. Returns 1 when a request was refused (which
 * ends the attempt), else 0.
 */
export async function playAttempt(base, headers, attempt, timed) {
  let q = attempt.question;
  while (q) {
    const t = performance.now();
    const a = await fetch(`${base}/api/v1/attempts/${attempt.id}/answers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ questionId: q.id, answer: answerOf(q) }),
    });
    const ms = performance.now() - t;
    if (a.status !== 200) {
      timed(ms, false);
      await a.arrayBuffer();
      return 1;
    }
    // the reply is feedback only: the next question comes from /next
    const reply = await a.json();
    q = null;
    if (reply.next) {
      const n = await fetch(`${base}/api/v1/attempts/${attempt.id}/next`, { method: 'POST', headers, body: '{}' });
      if (n.status !== 200) {
        timed(ms, false);
        await n.arrayBuffer();
        return 1;
      }
      q = (await n.json()).question;
    }
    timed(ms, !q);
  }
  return 0;
}

/** The median latency of `n` no-op requests one after another: this machine's unit of time for a ratio. */
export async function pingMedian(base, n = 50) {
  const pings = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await (await fetch(`${base}/api/v1/ping`)).arrayBuffer();
    pings.push(performance.now() - t);
  }
  return pct(pings, 0.5);
}

/** A demo account's session cookie (the demo password); run.mjs hands every measure the organizer's as `orgCookie`. */
export async function signIn(base, phone) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ phone, password: 'tongxin-demo' }),
  });
  if (!r.ok) throw new Error(`sign-in ${phone}: ${r.status}`);
  return r.headers.get('set-cookie').split(';')[0];
}
