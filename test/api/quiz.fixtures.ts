import { expect } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, inOneDay, type Client, registerUser } from '../helpers';

/** Fixtures of the quiz API tests (quiz.test.ts, quiz-organizing.test.ts). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function answerOf(questionId: string) {
  const r = await env.DB.prepare('SELECT type, answer, options FROM questions WHERE id = ?')
    .bind(questionId)
    .first<{ type: string; answer: string; options: string }>();
  return { type: r!.type, answer: JSON.parse(r!.answer), options: JSON.parse(r!.options) as Array<{ key: string }> };
}
/** The right answer in the shape a participant sends. */
export async function right(questionId: string) {
  const q = await answerOf(questionId);
  return q.type === 'blank' ? q.answer[0] : q.answer;
}
export async function wrong(questionId: string) {
  const q = await answerOf(questionId);
  if (q.type === 'judge') return !q.answer;
  if (q.type === 'blank') return '完全不对的答案';
  if (q.type === 'single') return q.options.find((o) => o.key !== q.answer)!.key;
  // a strict subset of the right keys is wrong (multiple answers have at least two keys, and may be all options)
  return [q.answer[0]];
}

let n = 0;
/** A number of its own for each call: titles, slugs and addresses that do not collide. */
export const seq = () => n++;
export async function quiz(org: Client, settings: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'quiz',
    title: `测试答题${n++}`,
    orgUnitId: 'root',
    ...inOneDay(),
    settings: { bankIds: ['bank-demo'], ...settings },
    ...over,
  });
  expect(r.status).toBe(201);
  const id = r.body.campaign.id as string;
  expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
  return id;
}
export async function player() {
  const c = client({ ip: `10.50.${n % 200}.${Math.floor(Math.random() * 200)}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, password: 'secret-pass', name: `选手${phone.slice(-4)}` });
  expect(r.status).toBe(201);
  return { c, id: r.body.user.id as string };
}
/** Every string in a participant-facing body, to check that no answer key leaks. */
export const noAnswers = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"answer"\s*:/);
  expect(text).not.toMatch(/"explanation"\s*:/);
};
/** Asks for the next question (its clock starts now); the question, or undefined when the attempt is over. */
export async function served(c: Client, attemptId: string) {
  const r = await c.post(`/api/v1/attempts/${attemptId}/next`, {});
  return r.status === 200 ? r.body.question : undefined;
}
/** Answers the current question, then (unless it ended the attempt) asks for the next: the reply and the next question. */
export async function answerThenNext(c: Client, attemptId: string, questionId: string, answer: unknown) {
  const reply = await c.post(`/api/v1/attempts/${attemptId}/answers`, { questionId, answer });
  const next = reply.status === 200 && reply.body.next ? await served(c, attemptId) : undefined;
  return { reply, next };
}
