import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { createDb } from '../../db/client';
import { rollUpActivity } from '../../db/queries/metrics';
import { compactQuizAnswers } from '../../db/queries/retention';
import { quiz } from './quiz.fixtures';

/*
 * Per-answer rows past the retention period compact away; question statistics, per-attempt
 * summaries and metrics over whole days keep their numbers.
 */
describe('retention of per-answer rows', () => {
  it('compacts old answers into per-question totals without changing statistics or metrics', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const camp = await quiz(org, { mode: 'round', questionsPerAttempt: 2 });
    const qs = (await env.DB.prepare("SELECT id FROM questions WHERE bank_id = 'bank-demo' ORDER BY id LIMIT 2").all<{ id: string }>()).results.map(
      (r) => r.id,
    );
    const users = (
      await env.DB.prepare("SELECT user_id FROM memberships WHERE org_path LIKE '/root/fgw/%' AND role = 'member' ORDER BY user_id LIMIT 6").all<{
        user_id: string;
      }>()
    ).results.map((r) => r.user_id);
    const stmts: D1PreparedStatement[] = [];
    users.forEach((u, i) => {
      const at = Date.UTC(2096, 2, 10 + i, 2);
      const id = `ret-${i}`;
      stmts.push(
        env.DB.prepare(`INSERT INTO quiz_attempts (id, campaign_id, stage_id, user_id, status, mode, day, question_ids, current, shown_at, deadline, correct, score, ms_used, points, started_at, finished_at)
        VALUES (?, ?, 'main', ?, 'finished', 'round', ?, ?, 2, ?, ?, ?, ?, 9000, ?, ?, ?)`).bind(
          id,
          camp,
          u,
          new Date(at).toISOString().slice(0, 10),
          JSON.stringify(qs),
          at,
          at,
          (i % 2) + 1,
          (i % 2) + 1,
          (i % 2) + 1,
          new Date(at).toISOString(),
          new Date(at + 9000).toISOString(),
        ),
      );
      qs.forEach((q, k) => {
        const ok = k === 0 || i % 2 === 1 ? 1 : 0;
        stmts.push(
          env.DB.prepare(
            'INSERT INTO quiz_answers (attempt_id, idx, question_id, answer, correct, late, ms_taken, answered_at) VALUES (?, ?, ?, \'"A"\', ?, 0, ?, ?)',
          ).bind(id, k, q, ok, 3000 + k * 1000 + i, new Date(at + 4000 * (k + 1)).toISOString()),
        );
        stmts.push(
          env.DB.prepare(
            "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) SELECT ?, ?, org_unit_id, org_path, ?, 'quiz', 'quiz_answer', ?, 1, ?, ? FROM memberships WHERE user_id = ? AND role = 'member' LIMIT 1",
          ).bind(`${id}:${k}`, u, camp, ok, new Date(at + 4000 * (k + 1)).toISOString(), `${id}:${k}`, u),
        );
      });
    });
    await env.DB.batch(stmts);
    const db = createDb(env.DB);
    await rollUpActivity(db);
    const range = 'from=2096-03-09T16:00:00.000Z&to=2096-03-20T15:59:59.999Z';
    const statsBefore = (await org.get(`/api/v1/campaigns/${camp}/quiz-stats`)).body;
    const { asOf: _asOf, ...metricsBefore } = (await org.get(`/api/v1/org-units/fgw/metrics?${range}&series=day`)).body;
    expect(statsBefore.items).toHaveLength(2);

    // a cutoff before the answers keeps them; one after compacts them, in steps
    expect(await compactQuizAnswers(db, '2096-03-01T00:00:00.000Z')).toBe(0);
    expect(await compactQuizAnswers(db, '2096-06-01T00:00:00.000Z', 4)).toBe(4);
    expect(await compactQuizAnswers(db, '2096-06-01T00:00:00.000Z', 4)).toBe(2);
    expect(await compactQuizAnswers(db, '2096-06-01T00:00:00.000Z', 4)).toBe(0);

    const left = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM quiz_answers WHERE attempt_id LIKE 'ret-%') a, (SELECT COUNT(*) FROM activity_events WHERE id LIKE 'ret-%') e, (SELECT COUNT(*) FROM quiz_attempts WHERE id LIKE 'ret-%') t",
    ).first();
    expect(left).toEqual({ a: 0, e: 0, t: 6 });
    expect((await org.get(`/api/v1/campaigns/${camp}/quiz-stats`)).body).toEqual(statsBefore);
    expect((await org.get(`/api/v1/org-units/fgw/metrics?${range}&series=day`)).body).toEqual({ ...metricsBefore, asOf: expect.any(String) });
  });
});
