import { and, eq, isNull, sql } from 'drizzle-orm';
import { memberships, orgUnits, volunteerPairs } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { auditInsert } from './activity';
import { writeBatch } from './util';

/**
 * Personal-data rights (PIPL, API.md "People, roles and the member registry"): what is stored
 * about a person, account deletion and a resident's withdrawal of 1+1 consent.
 */

/** What an erased name reads as everywhere it was shown. */
export const ERASED_NAME = '已注销';
/** What a withdrawn resident's name reads as in the pairing member's list. */
export const WITHDRAWN_NAME = '已撤回同意';
/** A unique stand-in for an erased phone: never a mobile number, so it can't be signed in with or texted. */
export const erasedPhone = (id: string) => `erased:${id}`;

/**
 * Each section of the download: the rows of one table that are about the person, with the
 * columns worth reading (no password hashes, session tokens, storage keys or code secrets).
 * A module that stores something new about a person adds its section here.
 */
const SECTIONS: Record<string, string> = {
  memberships: `SELECT u.name AS unit, m.role, m.created_at AS since FROM memberships m JOIN org_units u ON u.id = m.org_unit_id WHERE m.user_id = ?1 ORDER BY m.created_at`,
  roster: `SELECT u.name AS unit, r.name, r.phone, r.category, r.posts, r.post_since, r.status, r.joined_party_on, r.created_at FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE r.user_id = ?1`,
  quizAttempts: `SELECT a.id, c.title AS campaign, a.mode, a.day, a.status, a.correct, a.score, a.points, a.ms_used, a.started_at, a.finished_at, a.review FROM quiz_attempts a LEFT JOIN campaigns c ON c.id = a.campaign_id WHERE a.user_id = ?1 ORDER BY a.started_at`,
  quizAnswers: `SELECT q.attempt_id, q.idx, q.question_id, q.answer, q.correct, q.late, q.ms_taken, q.answered_at FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.user_id = ?1 ORDER BY q.answered_at`,
  stageAdmissions: `SELECT s.stage_id, s.from_rank, s.created_at FROM stage_admissions s WHERE s.user_id = ?1`,
  contestEntries: `SELECT e.id, c.title AS campaign, e.category, e.title, e.description, e.author_name, e.status, e.reason, e.votes, e.award, e.created_at FROM contest_entries e LEFT JOIN campaigns c ON c.id = e.campaign_id WHERE e.user_id = ?1 ORDER BY e.created_at`,
  contestVotes: `SELECT v.entry_id, v.day, v.ip, v.flagged, v.discounted, v.created_at FROM contest_votes v WHERE v.voter_id = ?1 ORDER BY v.created_at`,
  judging: `SELECT j.campaign_id, j.created_at FROM contest_judges j WHERE j.user_id = ?1`,
  volunteerPairs: `SELECT p.id, c.title AS campaign, p.resident_name, p.resident_phone, p.consent_text, p.consent_at, p.unlinked_at, p.unlink_reason, p.withdrawn_at, p.created_at FROM volunteer_pairs p LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.member_id = ?1 ORDER BY p.created_at`,
  pairsAsResident: `SELECT p.id, c.title AS campaign, p.resident_name, p.resident_phone, p.consent_text, p.consent_at, p.withdrawn_at FROM volunteer_pairs p LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.resident_user_id = ?1`,
  serviceRecords: `SELECT r.id, c.title AS campaign, r.date, r.hours, r.description, r.status, r.source, r.reason, r.reviewed_at, r.created_at FROM service_records r LEFT JOIN campaigns c ON c.id = r.campaign_id WHERE r.user_id = ?1 ORDER BY r.created_at`,
  serviceSignups: `SELECT s.activity_id, s.status, s.checked_in_at, s.checked_out_at, s.created_at FROM service_signups s WHERE s.user_id = ?1`,
  certificates: `SELECT code, campaign_id, hours, issued_at FROM certificates WHERE user_id = ?1`,
  pledges: `SELECT p.id, c.title AS campaign, p.amount, p.verified_amount, p.display_name, p.anonymous, p.message, p.status, p.reason, p.created_at FROM pledges p LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.user_id = ?1 ORDER BY p.created_at`,
  bookings: `SELECT b.code, c.title AS campaign, b.day, b.name, b.phone, b.party_size, b.status, b.created_at, b.checked_in_at FROM bookings b LEFT JOIN campaigns c ON c.id = b.campaign_id WHERE b.user_id = ?1 ORDER BY b.created_at`,
  waitlist: `SELECT w.id, w.day, w.name, w.phone, w.party_size, w.status, w.created_at FROM slot_waitlist w WHERE w.user_id = ?1 ORDER BY w.created_at`,
  membershipPeriods: `SELECT u.name AS unit, p.from_day, p.to_day, p.reason, p.note FROM membership_periods p JOIN org_units u ON u.id = p.org_unit_id
    WHERE p.user_id = ?1 OR p.roster_id IN (SELECT id FROM roster_entries WHERE user_id = ?1) ORDER BY p.from_day`,
  trainingEnrollments: `SELECT c.title AS campaign, e.source, e.created_at FROM training_enrollments e JOIN roster_entries r ON r.id = e.roster_id LEFT JOIN campaigns c ON c.id = e.campaign_id WHERE r.user_id = ?1 ORDER BY e.created_at`,
  trainingAttendance: `SELECT s.title AS session, s.starts_at, a.status, a.mode, a.hours, a.note, a.checked_in_at FROM training_attendance a LEFT JOIN training_sessions s ON s.id = a.session_id
    WHERE a.user_id = ?1 OR a.roster_id IN (SELECT id FROM roster_entries WHERE user_id = ?1) ORDER BY s.starts_at`,
  trainingStudies: `SELECT m.title AS material, t.started_at, t.finished_at FROM training_studies t LEFT JOIN training_materials m ON m.id = t.material_id WHERE t.user_id = ?1 ORDER BY t.started_at`,
  liveRooms: `SELECT r.room_id, r.name, r.day, r.score, r.rank, r.correct FROM quiz_room_results r WHERE r.user_id = ?1`,
  activityEvents: `SELECT e.occurred_at, e.type, e.kind, c.title AS campaign, e.points, e.quantity FROM activity_events e LEFT JOIN campaigns c ON c.id = e.campaign_id WHERE e.user_id = ?1 ORDER BY e.occurred_at`,
  auditByMe: `SELECT a.at, a.action, a.entity, a.entity_id FROM audit_log a WHERE a.actor_id = ?1 ORDER BY a.at`,
};

export type DataCell = string | number | null;
export type DataSection = Array<Record<string, DataCell>>;

/** Everything stored about a user: the account, a count of live sessions and every section above. */
export async function personalData(db: Db, userId: string) {
  const d1 = db.$client as D1Database;
  const names = Object.keys(SECTIONS);
  const [account, sessions, ...rest] = await d1.batch([
    d1.prepare('SELECT id, name, phone, created_at FROM users WHERE id = ?1').bind(userId),
    d1.prepare('SELECT COUNT(*) AS n, MAX(last_seen_at) AS lastSeenAt FROM sessions WHERE user_id = ?1').bind(userId),
    ...names.map((n) => d1.prepare(SECTIONS[n]!).bind(userId)),
  ]);
  const s = (sessions!.results[0] ?? {}) as { n?: number; lastSeenAt?: string | null };
  return {
    account: (account!.results[0] ?? null) as Record<string, DataCell> | null,
    sessions: { count: s.n ?? 0, lastSeenAt: s.lastSeenAt ?? null },
    sections: Object.fromEntries(names.map((n, i) => [n, (rest[i]!.results ?? []) as DataSection])),
  };
}

/** May this account go? Not while it is the last organizer or admin of the root: the tree would have no one. */
export async function lastRootManager(db: Db, userId: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
    .where(and(isNull(orgUnits.parentId), sql`${memberships.role} IN ('organizer', 'admin')`));
  return rows.length > 0 && rows.every((r) => r.userId === userId);
}

/**
 * Deletes an account (PIPL): in one batch the name and phone are erased wherever they were
 * copied, the password can never match, sessions and rights end and the roster entry is a
 * tombstone. What the person did stays under the user id (activity, attempts, records,
 * plain membership), so units' counts and boards' totals do not change.
 */
export async function deleteAccount(db: Db, userId: string) {
  const gone = erasedPhone(userId);
  const now = nowIso();
  await writeBatch(db, [
    sql`UPDATE users SET name = ${ERASED_NAME}, phone = ${gone}, password_hash = '!', deleted_at = ${now} WHERE id = ${userId}`,
    sql`DELETE FROM sessions WHERE user_id = ${userId}`,
    // 消息中心: the messages name the person's bookings, works and results; they go (texts stop with the phone)
    sql`DELETE FROM notifications WHERE user_id = ${userId}`,
    sql`DELETE FROM memberships WHERE user_id = ${userId} AND role <> 'member'`,
    sql`UPDATE roster_entries SET name = ${ERASED_NAME}, phone = 'erased:' || id WHERE user_id = ${userId}`,
    sql`UPDATE contest_entries SET author_name = ${ERASED_NAME} WHERE user_id = ${userId}`,
    sql`UPDATE pledges SET display_name = ${ERASED_NAME} WHERE user_id = ${userId}`,
    sql`UPDATE bookings SET name = ${ERASED_NAME}, phone = ${gone} WHERE user_id = ${userId}`,
    sql`UPDATE slot_waitlist SET name = ${ERASED_NAME}, phone = ${gone} WHERE user_id = ${userId}`,
    sql`UPDATE leaderboard_frozen SET name = ${ERASED_NAME} WHERE EXISTS (SELECT 1 FROM leaderboard_entries e WHERE e.board_id = leaderboard_frozen.board_id AND e.key = leaderboard_frozen.key AND e.user_id = ${userId})`,
    sql`UPDATE leaderboard_entries SET name = ${ERASED_NAME} WHERE user_id = ${userId}`,
    sql`UPDATE volunteer_pairs SET resident_name = ${ERASED_NAME}, resident_phone = 'erased:' || id WHERE resident_user_id = ${userId}`,
    sql`UPDATE quiz_room_results SET name = ${ERASED_NAME} WHERE user_id = ${userId}`,
    auditInsert({ actorId: userId, action: 'account.delete', entity: 'user', entityId: userId, orgUnitId: null }),
  ]);
}

/** The boards a user has a row on: their objects are rebuilt from D1 once the name is erased. */
export async function boardsOf(db: Db, userId: string): Promise<string[]> {
  const d1 = db.$client as D1Database;
  const r = await d1.prepare('SELECT DISTINCT board_id AS id FROM leaderboard_entries WHERE user_id = ?1').bind(userId).all<{ id: string }>();
  return r.results.map((x) => x.id);
}

/** The live pairs a resident's phone is in (the withdrawal covers them all). */
export async function pairsOfResident(db: Db, phone: string) {
  return db
    .select({ id: volunteerPairs.id, memberUnitId: volunteerPairs.memberUnitId })
    .from(volunteerPairs)
    .where(and(eq(volunteerPairs.residentPhone, phone), isNull(volunteerPairs.withdrawnAt)));
}

/**
 * A resident withdraws consent: each pair is marked withdrawn and keeps counting (the service
 * happened), but the resident's name and phone are erased from it, with an audit row each.
 */
export async function withdrawConsent(db: Db, pairs: Array<{ id: string; memberUnitId: string | null }>) {
  const now = nowIso();
  await writeBatch(
    db,
    pairs.flatMap((p) => [
      sql`UPDATE volunteer_pairs SET withdrawn_at = ${now}, resident_name = ${WITHDRAWN_NAME}, resident_phone = 'erased:' || id WHERE id = ${p.id} AND withdrawn_at IS NULL`,
      auditInsert({ actorId: null, action: 'pair.withdraw', entity: 'volunteer_pair', entityId: p.id, orgUnitId: p.memberUnitId }, true),
    ]),
  );
}
