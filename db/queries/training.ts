import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { orgUnits, rosterEntries, trainingAttendance, trainingEnrollments, trainingMaterials, trainingSessions, trainingStudies } from '../schema';
import { newId, nowIso, randomToken } from '../ids';
import { abortUnlessChanged, chunk, guardedBatch, underPath, writeBatch, type Stmt } from './util';
import { activityInsert, auditInsert } from './activity';
import { unrollStatements } from './metrics';
import type { AttendanceMode, AttendanceStatus, Audience } from '../../shared/training';
import { hoursToQuantity } from '../../shared/training';

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

export async function getSession(db: Db, id: string): Promise<SessionRow | null> {
  return (await db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1))[0] ?? null;
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
function syncEvents(sessionId: string, rosterIds: string[] | null): Stmt[] {
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
  return [
    // the hours a correction takes back leave the rollups too (概览 reads them), then the events go
    ...unrollStatements(mine),
    sql`DELETE FROM activity_events WHERE ${mine}`,
    sql`INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref)
        SELECT lower(hex(randomblob(16))), a.user_id, a.org_unit_id, a.org_path, a.campaign_id, 'training', 'training_hours', 0,
               CAST(round(a.hours * 60) AS INTEGER), s.starts_at, 'att:' || a.session_id || ':' || a.roster_id
        FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
        WHERE a.session_id = ${sessionId} AND a.status IN ('present', 'late') AND a.hours > 0 ${only('a.roster_id')}`,
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

/** The audience rule of shared/training.ts audienceMatches, in SQL over roster_entries `r`. */
function audienceSql(aud: Audience): SQL {
  const parts: SQL[] = [];
  if (aud.categories?.length)
    parts.push(
      sql`r.category IN (${sql.join(
        aud.categories.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  if (aud.posts?.length)
    parts.push(
      sql`EXISTS (SELECT 1 FROM json_each(r.posts) p WHERE p.value IN (${sql.join(
        aud.posts.map((x) => sql`${x}`),
        sql`, `,
      )}))`,
    );
  return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}

const under = (col: string, path: string) => sql`${sql.raw(col)} >= ${path} AND ${sql.raw(col)} < ${path + '~'}`;

export interface EnrollTarget {
  campaignId: string;
  campaignPath: string;
  audience: Audience;
  source: 'organizer' | 'self';
  actorId: string;
  orgUnitId: string;
}

/**
 * Enrols roster entries (by id, or everyone under some units) who lie in the campaign's
 * subtree, inside `scopePaths` (the actor's managed subtrees; null = anywhere) and match the
 * audience. INSERT OR IGNORE, so enrolling twice changes nothing. Returns how many were new.
 */
export async function enroll(db: Db, t: EnrollTarget, who: { rosterIds: string[] } | { unitPaths: string[] }, scopePaths: string[] | null): Promise<number> {
  const scope = scopePaths
    ? sql`(${sql.join(
        scopePaths.map((p) => sql`(${under('u.path', p)})`),
        sql` OR `,
      )})`
    : sql`1`;
  const now = nowIso();
  const select = (which: SQL) => sql`
    INSERT OR IGNORE INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_by, created_at)
    SELECT ${t.campaignId}, r.id, r.org_unit_id, u.path, ${t.source}, ${t.actorId}, ${now}
    FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id
    WHERE ${which} AND ${under('u.path', t.campaignPath)} AND ${scope} AND ${audienceSql(t.audience)}`;
  const stmts: SQL[] =
    'rosterIds' in who
      ? chunk(who.rosterIds, 80).map((ids) =>
          select(
            sql`r.id IN (${sql.join(
              ids.map((x) => sql`${x}`),
              sql`, `,
            )})`,
          ),
        )
      : who.unitPaths.map((p) => select(sql`(${under('u.path', p)})`));
  const res = await writeBatch(db, [
    ...stmts,
    auditInsert({
      actorId: t.actorId,
      action: t.source === 'self' ? 'training.self_enroll' : 'training.enroll',
      entity: 'campaign',
      entityId: t.campaignId,
      orgUnitId: t.orgUnitId,
      detail: 'rosterIds' in who ? { rosterIds: who.rosterIds.length } : { units: who.unitPaths },
    }),
  ]);
  return res.slice(0, stmts.length).reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

export async function isEnrolled(db: Db, campaignId: string, rosterId: string): Promise<boolean> {
  const r = await db
    .select({ x: trainingEnrollments.rosterId })
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.campaignId, campaignId), eq(trainingEnrollments.rosterId, rosterId)))
    .limit(1);
  return r.length > 0;
}

/** Enrolments of a campaign under a path, by roster id (keyset), with what each person attended. */
export async function listEnrollments(db: Db, campaignId: string, path: string, opts: { q?: string | undefined; after?: string | null; limit: number }) {
  const conds = and(
    eq(trainingEnrollments.campaignId, campaignId),
    underPath(trainingEnrollments.orgPath, path),
    opts.q ? sql`${rosterEntries.name} LIKE ${`%${opts.q.replace(/[%_]/g, '')}%`}` : undefined,
  );
  // two reads, not one batch: D1 batches return rows keyed by column name, and two tables here have a `name`
  const [rows, total] = await Promise.all([
    db
      .select({
        rosterId: trainingEnrollments.rosterId,
        source: trainingEnrollments.source,
        createdAt: trainingEnrollments.createdAt,
        name: rosterEntries.name,
        phone: rosterEntries.phone,
        userId: rosterEntries.userId,
        category: rosterEntries.category,
        posts: rosterEntries.posts,
        orgUnitId: orgUnits.id,
        orgUnitName: orgUnits.name,
        orgPath: orgUnits.path,
        attendances:
          sql<number>`(SELECT COUNT(*) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.roster_id = ${trainingEnrollments.rosterId} AND a.status IN ('present', 'late'))`.as(
            'attendances',
          ),
        hours:
          sql<number>`(SELECT COALESCE(SUM(a.hours), 0) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.roster_id = ${trainingEnrollments.rosterId})`.as(
            'hours',
          ),
      })
      .from(trainingEnrollments)
      .innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId))
      .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
      .where(and(conds, opts.after ? gt(trainingEnrollments.rosterId, opts.after) : undefined))
      .orderBy(asc(trainingEnrollments.rosterId))
      .limit(opts.limit + 1),
    db.select({ n: sql<number>`COUNT(*)` }).from(trainingEnrollments).innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId)).where(conds),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

/** Everyone enrolled under a path with their register entry for one session (the sign-in sheet), by unit then name. */
export async function sessionRegister(db: Db, s: SessionRow, path: string) {
  return db
    .select({
      rosterId: trainingEnrollments.rosterId,
      name: rosterEntries.name,
      phone: rosterEntries.phone,
      userId: rosterEntries.userId,
      orgUnitName: orgUnits.name,
      orgPath: orgUnits.path,
      status: trainingAttendance.status,
      mode: trainingAttendance.mode,
      note: trainingAttendance.note,
      hours: trainingAttendance.hours,
      checkedInAt: trainingAttendance.checkedInAt,
    })
    .from(trainingEnrollments)
    .innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId))
    .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
    .leftJoin(trainingAttendance, and(eq(trainingAttendance.sessionId, s.id), eq(trainingAttendance.rosterId, trainingEnrollments.rosterId)))
    .where(and(eq(trainingEnrollments.campaignId, s.campaignId), underPath(trainingEnrollments.orgPath, path)))
    .orderBy(asc(orgUnits.path), asc(rosterEntries.name))
    .limit(5000);
}

/** Enrolments among some roster ids, with each one's unit path (to check the actor manages them). */
export async function enrolledAmong(db: Db, campaignId: string, rosterIds: string[]) {
  const out: Array<{ rosterId: string; orgPath: string }> = [];
  for (const ids of chunk([...new Set(rosterIds)], 90)) {
    out.push(
      ...(await db
        .select({ rosterId: trainingEnrollments.rosterId, orgPath: trainingEnrollments.orgPath })
        .from(trainingEnrollments)
        .where(and(eq(trainingEnrollments.campaignId, campaignId), inArray(trainingEnrollments.rosterId, ids)))),
    );
  }
  return out;
}

/**
 * What a check-in needs to know about the member, in one read (the check-in is the hot path of
 * a class of hundreds): their roster entry, whether it is enrolled in the campaign, and their
 * register entry of the session if any.
 */
export async function checkInSubject(db: Db, s: { id: string; campaignId: string }, userId: string) {
  const rows = await db.all<{ id: string; name: string; orgUnitId: string; enrolled: number; status: AttendanceStatus | null }>(sql`
    SELECT r.id AS id, r.name AS name, r.org_unit_id AS orgUnitId,
      EXISTS (SELECT 1 FROM training_enrollments e WHERE e.campaign_id = ${s.campaignId} AND e.roster_id = r.id) AS enrolled,
      (SELECT a.status FROM training_attendance a WHERE a.session_id = ${s.id} AND a.roster_id = r.id) AS status
    FROM roster_entries r WHERE r.user_id = ${userId} LIMIT 1`);
  return rows[0] ?? null;
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
  board: Stmt[] = [],
): Promise<D1Result[] | null> {
  const res = await guardedBatch(db, [
    sql`INSERT INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, checked_in_at, marked_by, updated_at)
        SELECT ${s.id}, r.id, ${s.campaignId}, r.user_id, r.org_unit_id, u.path, ${status}, 'onsite', '', ${s.hours}, ${at}, NULL, ${at}
        FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = ${roster.id}
        ON CONFLICT (session_id, roster_id) DO UPDATE SET status = excluded.status, mode = 'onsite', hours = excluded.hours,
          checked_in_at = excluded.checked_in_at, updated_at = excluded.updated_at
        WHERE training_attendance.status IN ('absent', 'excused') AND training_attendance.checked_in_at IS NULL`,
    abortUnlessChanged(),
    ...syncEvents(s.id, [roster.id]),
    ...board,
  ]);
  return res ? res.slice(res.length - board.length) : null;
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

export async function insertMaterial(
  db: Db,
  campaign: { id: string; orgUnitId: string },
  actorId: string,
  m: { title: string; kind: 'video' | 'article'; url: string; minutes: number; hours: number },
) {
  const id = newId();
  await writeBatch(db, [
    db.insert(trainingMaterials).values({ id, campaignId: campaign.id, ...m, createdBy: actorId, createdAt: nowIso() }),
    auditInsert({
      actorId,
      action: 'training.material_create',
      entity: 'training_material',
      entityId: id,
      orgUnitId: campaign.orgUnitId,
      detail: { title: m.title },
    }),
  ]);
  return id;
}

export async function getMaterial(db: Db, id: string): Promise<MaterialRow | null> {
  return (await db.select().from(trainingMaterials).where(eq(trainingMaterials.id, id)).limit(1))[0] ?? null;
}

export async function listMaterials(db: Db, campaignId: string, userId: string | null, id?: string) {
  return db
    .select({ m: trainingMaterials, study: trainingStudies })
    .from(trainingMaterials)
    .leftJoin(trainingStudies, and(eq(trainingStudies.materialId, trainingMaterials.id), eq(trainingStudies.userId, userId ?? '')))
    .where(and(eq(trainingMaterials.campaignId, campaignId), id ? eq(trainingMaterials.id, id) : undefined))
    .orderBy(asc(trainingMaterials.createdAt))
    .limit(200);
}

/** A member's study of a material: started once (a second start returns the first). */
export async function startStudy(db: Db, m: MaterialRow, userId: string) {
  await db.insert(trainingStudies).values({ id: newId(), materialId: m.id, campaignId: m.campaignId, userId, startedAt: nowIso() }).onConflictDoNothing();
  return (
    await db
      .select()
      .from(trainingStudies)
      .where(and(eq(trainingStudies.materialId, m.id), eq(trainingStudies.userId, userId)))
      .limit(1)
  )[0]!;
}

export async function getStudy(db: Db, id: string) {
  const rows = await db
    .select({ study: trainingStudies, material: trainingMaterials })
    .from(trainingStudies)
    .innerJoin(trainingMaterials, eq(trainingMaterials.id, trainingStudies.materialId))
    .where(eq(trainingStudies.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Finishes a study once its minutes have passed on the server's clock, crediting the
 * material's hours: the conditional update, its guard and the event are one batch, so parallel
 * finishes credit once. False when it was finished already or is too early.
 */
export async function finishStudy(db: Db, studyId: string, m: MaterialRow, userId: string, now: number, board: Stmt[] = []): Promise<D1Result[] | null> {
  const at = nowIso(now);
  const startedBy = nowIso(now - m.minutes * 60_000);
  const res = await guardedBatch(db, [
    sql`UPDATE training_studies SET finished_at = ${at} WHERE id = ${studyId} AND finished_at IS NULL AND started_at <= ${startedBy}`,
    abortUnlessChanged(),
    activityInsert({
      userId,
      type: 'training_hours',
      kind: 'training',
      campaignId: m.campaignId,
      quantity: hoursToQuantity(m.hours),
      occurredAt: at,
      ref: `study:${studyId}`,
    }),
    ...board,
  ]);
  return res ? res.slice(res.length - board.length) : null;
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
