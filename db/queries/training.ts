import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { campaigns, orgUnits, rosterEntries, trainingAttendance, trainingMaterials, trainingSessions, trainingStudies } from '../schema';
import { newId, nowIso, randomToken } from '../ids';
import { abortUnlessChanged, chunk, guardedBatch, writeBatch, type Stmt } from './util';
import { auditInsert } from './activity';
import { unrollStatements } from './metrics';
import type { AttendanceMode, AttendanceStatus } from '../../shared/training';
import { under } from './training-enrollments';
import { campaignSelect } from './campaigns';
import { rateHitOf, rateHitStatement } from './accounts';

/*
 * 党员教育培训 data access. Hours live twice on purpose: on the register row (what the sign-in
 * sheet shows) and as one `training_hours` activity event per credited row (what metrics,
 * reports and "my activity" count). The event of a register row is keyed `att:<session>:<roster>`
 * and rebuilt from the row in the same batch as every change to it — deleted, then inserted
 * again only while the row is credited — so a correction from present to absent takes the
 * hours away, and the two can never disagree. Events count hours in minutes (`quantity`).
 */

export type SessionRow = typeof trainingSessions.$inferSelect;
export type MaterialRow = typeof trainingMaterials.$inferSelect;

export interface NewSession {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  lecturer: string;
  hours: number;
}

export async function insertSessions(db: Db, campaign: { id: string; orgUnitId: string }, actorId: string, sessions: NewSession[]): Promise<string[]> {
  const ids = sessions.map(() => newId());
  const now = nowIso();
  await writeBatch(db, [
    ...sessions.map((s, i) =>
      db.insert(trainingSessions).values({ id: ids[i]!, campaignId: campaign.id, ...s, codeSecret: randomToken(24), createdBy: actorId, createdAt: now }),
    ),
    auditInsert({
      actorId,
      action: 'training.sessions_create',
      entity: 'campaign',
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      detail: { sessions: ids },
    }),
  ]);
  return ids;
}

const sessionQuery = (db: Db, id: string) => db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1);

const sessionCampaignQuery = (db: Db, sessionId: string) =>
  campaignSelect(db)
    .where(eq(campaigns.id, sql`(SELECT campaign_id FROM training_sessions WHERE id = ${sessionId})`))
    .limit(1);

/** A session with its campaign (and the campaign's unit name) in one round trip: every session route starts here. */
export async function getSessionWithCampaign(db: Db, id: string) {
  const [s, campaign] = await db.batch([sessionQuery(db, id), sessionCampaignQuery(db, id)]);
  return { s: s[0] ?? null, campaign: campaign[0] ?? null };
}

/** Sessions of a campaign, earliest first, with the count of credited attendances and the viewer's own entry. */
export async function listSessions(db: Db, campaignId: string, rosterId: string | null, id?: string) {
  return db
    .select({
      s: trainingSessions,
      attendances: sql<number>`(SELECT COUNT(*) FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.status IN ('present', 'late'))`,
      mineStatus: sql<AttendanceStatus | null>`(SELECT a.status FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.roster_id = ${rosterId ?? ''})`,
      mineMode: sql<AttendanceMode | null>`(SELECT a.mode FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.roster_id = ${rosterId ?? ''})`,
      mineHours: sql<
        number | null
      >`(SELECT a.hours FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.roster_id = ${rosterId ?? ''})`,
    })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.campaignId, campaignId), id ? eq(trainingSessions.id, id) : undefined))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(500);
}
export type SessionListRow = Awaited<ReturnType<typeof listSessions>>[number];

/** The activity events of some register rows, rebuilt from the rows as they are now (see the note above). */
function syncEvents(sessionId: string, rosterIds: string[] | null, newOnly = false): Stmt[] {
  const only = (col: string) =>
    rosterIds
      ? sql`AND ${sql.raw(col)} IN (${sql.join(
          rosterIds.map((r) => sql`${r}`),
          sql`, `,
        )})`
      : sql``;
  const refs = rosterIds
    ? sql`AND ref IN (${sql.join(
        rosterIds.map((r) => sql`${`att:${sessionId}:${r}`}`),
        sql`, `,
      )})`
    : sql`AND ref >= ${`att:${sessionId}:`} AND ref < ${`att:${sessionId}:~`}`;
  const mine = sql`type = 'training_hours' ${refs}`;
  const insert = sql`INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref)
        SELECT lower(hex(randomblob(16))), a.user_id, a.org_unit_id, a.org_path, a.campaign_id, 'training', 'training_hours', 0,
               CAST(round(a.hours * 60) AS INTEGER), s.starts_at, 'att:' || a.session_id || ':' || a.roster_id
        FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
        WHERE a.session_id = ${sessionId} AND a.status IN ('present', 'late') AND a.hours > 0 ${only('a.roster_id')}`;
  // a row that held no hours (new, absent or excused: what a code check-in turns present) has no event to take back
  if (newOnly) return [insert];
  return [
    // the hours a correction takes back leave the rollups too (概览 reads them), then the events go
    ...unrollStatements(mine),
    sql`DELETE FROM activity_events WHERE ${mine}`,
    insert,
  ];
}

/*
 * Board statements (`board`) go last into a write's batch and their results come back, so the
 * member's board score (a sum recomputed from the events, workers/api/lib/training-board.ts)
 * lands with the hours that earn or lose it.
 */

export async function updateSession(
  db: Db,
  s: SessionRow,
  actorId: string,
  orgUnitId: string,
  patch: Partial<NewSession>,
  board: Stmt[] = [],
): Promise<D1Result[]> {
  const stmts: Stmt[] = [db.update(trainingSessions).set(patch).where(eq(trainingSessions.id, s.id))];
  if (patch.hours !== undefined && patch.hours !== s.hours) {
    // credited rows earn the session's hours: they and their events follow the new figure
    stmts.push(
      db
        .update(trainingAttendance)
        .set({ hours: patch.hours })
        .where(and(eq(trainingAttendance.sessionId, s.id), inArray(trainingAttendance.status, ['present', 'late']))),
    );
  }
  if (patch.hours !== undefined || patch.startsAt !== undefined) stmts.push(...syncEvents(s.id, null));
  stmts.push(auditInsert({ actorId, action: 'training.session_update', entity: 'training_session', entityId: s.id, orgUnitId, detail: patch }));
  return (await writeBatch(db, [...stmts, ...board])).slice(stmts.length);
}

/** A session goes with its register and the hours it credited. */
export async function deleteSession(db: Db, s: SessionRow, actorId: string, orgUnitId: string, board: Stmt[] = []): Promise<D1Result[]> {
  const res = await writeBatch(db, [
    db.delete(trainingAttendance).where(eq(trainingAttendance.sessionId, s.id)),
    ...syncEvents(s.id, null),
    db.delete(trainingSessions).where(eq(trainingSessions.id, s.id)),
    auditInsert({
      actorId,
      action: 'training.session_delete',
      entity: 'training_session',
      entityId: s.id,
      orgUnitId,
      detail: { title: s.title, startsAt: s.startsAt },
    }),
    ...board,
  ]);
  return res.slice(res.length - board.length);
}

/** The member's roster entry (the registry row a signed-in user is), or null for people on no roster. */
export async function rosterOfUser(db: Db, userId: string) {
  const rows = await db
    .select({
      id: rosterEntries.id,
      name: rosterEntries.name,
      orgUnitId: rosterEntries.orgUnitId,
      orgPath: orgUnits.path,
      category: rosterEntries.category,
      posts: rosterEntries.posts,
    })
    .from(rosterEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
    .where(eq(rosterEntries.userId, userId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * What a check-in needs to know about the member, in one read (the check-in is the hot path of
 * a class of hundreds): their roster entry, whether it is enrolled in the campaign, and their
 * register entry of the session if any.
 */
/** The register row check-in credits: the member's roster entry, whether enrolled, its status now. */
const checkInSubjectQuery = (db: Db, s: { id: string; campaignId: string | SQL }, userId: string) =>
  db
    .select({
      id: rosterEntries.id,
      name: rosterEntries.name,
      orgUnitId: rosterEntries.orgUnitId,
      // aliased: D1's batch hands rows back by column name, and two columns called "name" would collide
      orgUnitName: sql<string>`${orgUnits.name}`.as('unit_name'),
      enrolled: sql<number>`EXISTS (SELECT 1 FROM training_enrollments e WHERE e.campaign_id = ${s.campaignId} AND e.roster_id = ${rosterEntries.id})`.as(
        'enrolled',
      ),
      status: sql<AttendanceStatus | null>`(SELECT a.status FROM training_attendance a WHERE a.session_id = ${s.id} AND a.roster_id = ${rosterEntries.id})`.as(
        'status',
      ),
    })
    .from(rosterEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
    .where(eq(rosterEntries.userId, userId))
    .limit(1);

/**
 * Everything a code check-in reads, and its guess counted, in one round trip: 500 members
 * checking in within a minute queue on one database, so each query saved is felt by all.
 * The session's campaign is found through the session (a subquery), not after it.
 */
export async function checkInRead(db: Db, sessionId: string, userId: string, guess: { key: string; windowMs: number; now: number }) {
  const [s, campaign, subject, hit] = await db.batch([
    sessionQuery(db, sessionId),
    sessionCampaignQuery(db, sessionId),
    checkInSubjectQuery(db, { id: sessionId, campaignId: sql`(SELECT campaign_id FROM training_sessions WHERE id = ${sessionId})` }, userId),
    rateHitStatement(db, guess.key, guess.windowMs, guess.now),
  ]);
  return { s: s[0] ?? null, campaign: campaign[0] ?? null, subject: subject[0] ?? null, hit: rateHitOf(guess.windowMs, guess.now, hit[0]) };
}

/**
 * A member's code check-in: a new register row, or an `absent`/`excused` one turned into
 * present/late — never a second one. The conditional upsert, its guard and the hours event
 * are one batch, so parallel check-ins of the same member credit the hours once.
 */
export async function checkInAttendance(
  db: Db,
  s: SessionRow,
  roster: { id: string },
  status: 'present' | 'late',
  at: string,
  /** more of the same write (board scores, the guess count's reset); their results are returned */
  also: Stmt[] = [],
): Promise<D1Result[] | null> {
  const res = await guardedBatch(db, [
    sql`INSERT INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, checked_in_at, marked_by, updated_at)
        SELECT ${s.id}, r.id, ${s.campaignId}, r.user_id, r.org_unit_id, u.path, ${status}, 'onsite', '', ${s.hours}, ${at}, NULL, ${at}
        FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = ${roster.id}
        ON CONFLICT (session_id, roster_id) DO UPDATE SET status = excluded.status, mode = 'onsite', hours = excluded.hours,
          checked_in_at = excluded.checked_in_at, updated_at = excluded.updated_at
        WHERE training_attendance.status IN ('absent', 'excused') AND training_attendance.checked_in_at IS NULL`,
    abortUnlessChanged(),
    ...syncEvents(s.id, [roster.id], true),
    ...also,
  ]);
  return res ? res.slice(res.length - also.length) : null;
}

export interface RegisterEntry {
  rosterId: string;
  status: AttendanceStatus;
  mode?: AttendanceMode | undefined;
  note?: string | undefined;
}

/** Organizers mark or correct the register (entries already checked to be enrolled and theirs); hours and events follow in the same batch. */
export async function markAttendance(
  db: Db,
  s: SessionRow,
  actorId: string,
  orgUnitId: string,
  entries: RegisterEntry[],
  board: Stmt[] = [],
): Promise<{ updated: number; board: D1Result[] }> {
  const at = nowIso();
  const last = new Map(entries.map((e) => [e.rosterId, e])); // the last word on a person wins
  const list = [...last.values()];
  const upserts = list.map((e) => {
    const hours = e.status === 'present' || e.status === 'late' ? s.hours : 0;
    return sql`INSERT INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, checked_in_at, marked_by, updated_at)
        SELECT ${s.id}, r.id, ${s.campaignId}, r.user_id, r.org_unit_id, u.path, ${e.status}, ${e.mode ?? 'onsite'}, ${e.note ?? ''}, ${hours}, NULL, ${actorId}, ${at}
        FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = ${e.rosterId}
        ON CONFLICT (session_id, roster_id) DO UPDATE SET status = excluded.status, mode = COALESCE(${e.mode ?? null}, training_attendance.mode),
          note = COALESCE(${e.note ?? null}, training_attendance.note), hours = excluded.hours, marked_by = excluded.marked_by, updated_at = excluded.updated_at`;
  });
  const res = await writeBatch(db, [
    ...upserts,
    ...chunk(
      list.map((e) => e.rosterId),
      80,
    ).flatMap((ids) => syncEvents(s.id, ids)),
    auditInsert({
      actorId,
      action: 'training.register',
      entity: 'training_session',
      entityId: s.id,
      orgUnitId,
      detail: { entries: list.map((e) => ({ rosterId: e.rosterId, status: e.status, mode: e.mode ?? null })) },
    }),
    ...board,
  ]);
  return { updated: res.slice(0, upserts.length).reduce((n, r) => n + (r.meta.changes ?? 0), 0), board: res.slice(res.length - board.length) };
}

/** A member's register entries and finished studies of a China year (by the session's start / the finish). */
export async function myLearning(db: Db, userId: string, range: { from: string; to: string }) {
  const [sessions, studies] = await db.batch([
    db
      .select({
        campaignId: trainingSessions.campaignId,
        campaignTitle: sql<string>`(SELECT title FROM campaigns c WHERE c.id = ${trainingSessions.campaignId})`,
        title: trainingSessions.title,
        startsAt: trainingSessions.startsAt,
        status: trainingAttendance.status,
        mode: trainingAttendance.mode,
        hours: trainingAttendance.hours,
      })
      .from(trainingAttendance)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
      .innerJoin(rosterEntries, eq(rosterEntries.id, trainingAttendance.rosterId))
      .where(and(eq(rosterEntries.userId, userId), sql`${trainingSessions.startsAt} >= ${range.from} AND ${trainingSessions.startsAt} < ${range.to}`))
      .orderBy(asc(trainingSessions.startsAt))
      .limit(1000),
    db
      .select({
        campaignId: trainingStudies.campaignId,
        campaignTitle: sql<string>`(SELECT title FROM campaigns c WHERE c.id = ${trainingStudies.campaignId})`,
        title: trainingMaterials.title,
        finishedAt: sql<string>`${trainingStudies.finishedAt}`,
        hours: trainingMaterials.hours,
      })
      .from(trainingStudies)
      .innerJoin(trainingMaterials, eq(trainingMaterials.id, trainingStudies.materialId))
      .where(and(eq(trainingStudies.userId, userId), sql`${trainingStudies.finishedAt} >= ${range.from} AND ${trainingStudies.finishedAt} < ${range.to}`))
      .orderBy(asc(trainingStudies.finishedAt))
      .limit(1000),
  ]);
  return { sessions, studies };
}

/** A person's hours in one campaign: credited register entries and finished online studies. */
export async function hoursIn(db: Db, campaignId: string, rosterId: string, userId: string): Promise<number> {
  const r = await db.all<{ h: number }>(sql`SELECT
    (SELECT COALESCE(SUM(hours), 0) FROM training_attendance WHERE campaign_id = ${campaignId} AND roster_id = ${rosterId})
    + (SELECT COALESCE(SUM(m.hours), 0) FROM training_studies s JOIN training_materials m ON m.id = s.material_id WHERE s.campaign_id = ${campaignId} AND s.user_id = ${userId} AND s.finished_at IS NOT NULL) AS h`);
  return r[0]?.h ?? 0;
}

/** The largest yearly target among the training campaigns a person is enrolled in (null: none). */
export async function targetOf(db: Db, rosterId: string): Promise<number | null> {
  const r = await db.all<{ t: number | null }>(
    sql`SELECT MAX(COALESCE(json_extract(c.settings, '$.hoursTarget'), 32)) AS t FROM training_enrollments e JOIN campaigns c ON c.id = e.campaign_id WHERE e.roster_id = ${rosterId} AND c.status != 'draft'`,
  );
  return r[0]?.t ?? null;
}

/** Figures of a campaign under a path (API.md training-stats); people are roster entries. */
export async function trainingStats(db: Db, campaignId: string, path: string) {
  const [row] = await db.all<{
    sessions: number;
    enrolled: number;
    attendees: number;
    attendances: number;
    hours: number;
    delivered: number;
    studies: number;
    studyHours: number;
  }>(sql`
    SELECT
      (SELECT COUNT(*) FROM training_sessions WHERE campaign_id = ${campaignId}) AS sessions,
      (SELECT COUNT(*) FROM training_enrollments e WHERE e.campaign_id = ${campaignId} AND ${under('e.org_path', path)}) AS enrolled,
      (SELECT COUNT(DISTINCT rid) FROM (
         SELECT a.roster_id AS rid FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.status IN ('present', 'late') AND ${under('a.org_path', path)}
         UNION SELECT r.id FROM training_studies s JOIN roster_entries r ON r.user_id = s.user_id JOIN org_units u ON u.id = r.org_unit_id
           WHERE s.campaign_id = ${campaignId} AND s.finished_at IS NOT NULL AND ${under('u.path', path)})) AS attendees,
      (SELECT COUNT(*) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.status IN ('present', 'late') AND ${under('a.org_path', path)}) AS attendances,
      (SELECT COALESCE(SUM(a.hours), 0) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND ${under('a.org_path', path)}) AS hours,
      (SELECT COUNT(*) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.mode = 'delivered' AND a.status IN ('present', 'late') AND ${under('a.org_path', path)}) AS delivered,
      (SELECT COUNT(*) FROM training_studies s JOIN roster_entries r ON r.user_id = s.user_id JOIN org_units u ON u.id = r.org_unit_id
         WHERE s.campaign_id = ${campaignId} AND s.finished_at IS NOT NULL AND ${under('u.path', path)}) AS studies,
      (SELECT COALESCE(SUM(m.hours), 0) FROM training_studies s JOIN training_materials m ON m.id = s.material_id JOIN roster_entries r ON r.user_id = s.user_id
         JOIN org_units u ON u.id = r.org_unit_id WHERE s.campaign_id = ${campaignId} AND s.finished_at IS NOT NULL AND ${under('u.path', path)}) AS studyHours`);
  return row!;
}

/** The registered people behind roster entries (people on no account have no board entry), with the unit they rank in. */
export async function boardPeople(db: Db, which: { rosterIds: string[] } | { sessionId: string }) {
  const cols = { userId: sql<string>`${rosterEntries.userId}`, name: rosterEntries.name, orgUnitId: rosterEntries.orgUnitId };
  if ('sessionId' in which) {
    return db
      .select(cols)
      .from(trainingAttendance)
      .innerJoin(rosterEntries, eq(rosterEntries.id, trainingAttendance.rosterId))
      .where(and(eq(trainingAttendance.sessionId, which.sessionId), sql`${rosterEntries.userId} IS NOT NULL`))
      .limit(5000);
  }
  const out: Array<{ userId: string; name: string; orgUnitId: string }> = [];
  for (const ids of chunk([...new Set(which.rosterIds)], 90)) {
    out.push(
      ...(await db
        .select(cols)
        .from(rosterEntries)
        .where(and(inArray(rosterEntries.id, ids), sql`${rosterEntries.userId} IS NOT NULL`))),
    );
  }
  return out;
}
