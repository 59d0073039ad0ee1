import { env } from 'cloudflare:workers';

/*
 * Rows the report tests (report, report-ledger, report-docx) place in 2096–2097, where the demo
 * data has nothing, so that every row a figure counts is one of theirs: made for members of
 * fgw's branches, in the demo campaigns.
 */

export type Member = { user_id: string; org_unit_id: string; org_path: string; roster_id: string; name: string; phone: string };

/** The first `n` members of fgw's branches (by user id), with their roster entries. */
export async function fgwMembers(n: number): Promise<Member[]> {
  return (
    await env.DB.prepare(`SELECT m.user_id, m.org_unit_id, m.org_path, r.id AS roster_id, r.name, r.phone FROM memberships m JOIN roster_entries r ON r.user_id = m.user_id
    WHERE m.org_path LIKE '/root/fgw/%' AND m.role = 'member' ORDER BY m.user_id LIMIT ?`)
      .bind(n)
      .all<Member>()
  ).results;
}

/** A quiz attempt of the member's in the demo quiz at `at`, worth `points`. */
export const quizEvent = (id: string, m: Member, at: string, points: number) =>
  env.DB.prepare(
    "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', 'quiz', 'quiz_attempt', ?, 5, ?, ?)",
  ).bind(id, m.user_id, m.org_unit_id, m.org_path, points, at, id);

/** Service records in the demo "1+1", each reported at 02:00 UTC of its day. */
export const serviceRecords = (rows: Array<{ id: string; m: Member; day: string; hours: number; status: 'approved' | 'pending' }>) =>
  env.DB.prepare(
    `INSERT INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, date, hours, description, status, created_at) VALUES ${rows.map(() => "(?, 'camp-volunteer', ?, ?, ?, ?, ?, '服务', ?, ?)").join(', ')}`,
  ).bind(...rows.flatMap((r) => [r.id, r.m.user_id, r.m.org_unit_id, r.m.org_path, r.day, r.hours, r.status, `${r.day}T02:00:00.000Z`]));

/** Verified pledges in the demo drive, pledged on `day` and verified on `verifiedDay` (midnight UTC). */
export const verifiedPledges = (
  rows: Array<{ id: string; m: Member; amount: number; verified: number | null; name: string; anonymous?: boolean; day: string; verifiedDay: string }>,
) =>
  env.DB.prepare(
    `INSERT INTO pledges (id, campaign_id, user_id, org_unit_id, org_path, amount, verified_amount, display_name, anonymous, message_status, status, created_at, updated_at, verified_at) VALUES ${rows.map(() => "(?, 'camp-drive', ?, ?, ?, ?, ?, ?, ?, 'none', 'verified', ?, ?, ?)").join(', ')}`,
  ).bind(
    ...rows.flatMap((r) => {
      const at = `${r.day}T00:00:00.000Z`;
      return [r.id, r.m.user_id, r.m.org_unit_id, r.m.org_path, r.amount, r.verified, r.name, r.anonymous ? 1 : 0, at, at, `${r.verifiedDay}T00:00:00.000Z`];
    }),
  );

/** The quiz attempts both years' figures are checked on: a twice and b once in 2096, c once in 2097 (23:30 UTC on 2096-12-31 is 2097 in China). */
export const quizAttempts = (prefix: string, a: Member, b: Member, c: Member) => [
  quizEvent(`${prefix}1`, a, '2096-03-01T02:00:00.000Z', 4),
  quizEvent(`${prefix}2`, a, '2096-03-02T02:00:00.000Z', 6),
  quizEvent(`${prefix}3`, b, '2096-05-01T02:00:00.000Z', 2),
  quizEvent(`${prefix}4`, c, '2096-12-31T23:30:00.000Z', 10),
];

/** Service records: a's approved 2.5 h in 2096; b's approved 1 h and pending 3 h in 2097. */
export const serviceYears = (prefix: string, a: Member, b: Member) =>
  serviceRecords([
    { id: `${prefix}1`, m: a, day: '2096-06-01', hours: 2.5, status: 'approved' },
    { id: `${prefix}2`, m: b, day: '2097-06-01', hours: 1, status: 'approved' },
    { id: `${prefix}3`, m: b, day: '2097-06-02', hours: 3, status: 'pending' },
  ]);
