import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { idempotencyKeys, orgUnits, pledges, users } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { activityInsert, auditInsert } from './activity';
import { abortUnlessChanged, guardedBatch, peopleRowsFilter, underPath, writeBatch, type Stmt } from './util';

export type PledgeRow = typeof pledges.$inferSelect;

/**
 * Creates a pledge under an idempotency key in one batch: the key row goes in first (the
 * primary key lets one request win, also in parallel) and the pledge only if it did.
 * Returns the stored response of whichever request owns the key.
 */
export async function createPledgeIdempotent(
  db: Db,
  key: string,
  requestHash: string,
  pledge: typeof pledges.$inferInsert,
  response: { status: number; body: string },
) {
  await writeBatch(db, [
    db.insert(idempotencyKeys).values({ key, requestHash, status: response.status, body: response.body, createdAt: nowIso() }).onConflictDoNothing(),
    sql`INSERT INTO pledges (id, campaign_id, user_id, org_unit_id, org_path, amount, display_name, anonymous, message, message_status, status, created_at, updated_at)
        SELECT ${pledge.id}, ${pledge.campaignId}, ${pledge.userId}, ${pledge.orgUnitId ?? null}, ${pledge.orgPath ?? null}, ${pledge.amount}, ${pledge.displayName}, ${pledge.anonymous ? 1 : 0},
               ${pledge.message ?? null}, ${pledge.messageStatus}, 'pledged', ${pledge.createdAt}, ${pledge.updatedAt}
        WHERE changes() = 1`,
    activityInsert(
      {
        userId: pledge.userId,
        type: 'drive_pledge',
        campaignId: pledge.campaignId,
        kind: 'drive',
        points: 0,
        quantity: pledge.amount,
        ref: pledge.id,
        orgUnitId: pledge.orgUnitId ?? null,
      },
      sql`EXISTS (SELECT 1 FROM pledges WHERE id = ${pledge.id})`,
    ),
  ]);
  return db.query.idempotencyKeys.findFirst({ where: eq(idempotencyKeys.key, key) });
}

export async function purgeIdempotencyKeys(db: Db, olderThan: string) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, olderThan));
}

export async function getPledge(db: Db, id: string) {
  return db.query.pledges.findFirst({ where: eq(pledges.id, id) });
}

export async function setReceipt(db: Db, id: string, userId: string, key: string, type: string) {
  const res = await db
    .update(pledges)
    .set({ receiptKey: key, receiptType: type, status: 'receipt_submitted', updatedAt: nowIso() })
    .where(and(eq(pledges.id, id), eq(pledges.userId, userId), inArray(pledges.status, ['pledged', 'receipt_submitted', 'rejected'])))
    .returning({ id: pledges.id });
  return res.length > 0;
}

/**
 * Verifies (with the amount really given) or rejects, once, in one batch: the decision (the
 * guard aborts the batch when another decision came first), its audit row and — when
 * verified — the activity and `board` (the score it earns, from boardScoreStatements).
 * Returns the results of `board`, or null when the pledge was already decided.
 */
export async function decidePledge(
  db: Db,
  actorId: string,
  p: PledgeRow,
  decision: 'verify' | 'reject',
  amount: number | null,
  reason: string | null,
  board: Stmt[] = [],
) {
  const now = nowIso();
  const stmts: Stmt[] = [
    db
      .update(pledges)
      .set(
        decision === 'verify'
          ? { status: 'verified', verifiedAmount: amount, verifiedBy: actorId, verifiedAt: now, reason: null, updatedAt: now }
          : { status: 'rejected', reason, verifiedBy: actorId, verifiedAt: now, updatedAt: now },
      )
      .where(and(eq(pledges.id, p.id), inArray(pledges.status, ['pledged', 'receipt_submitted']))),
    abortUnlessChanged(),
    auditInsert({ actorId, action: `pledge.${decision}`, entity: 'pledge', entityId: p.id, orgUnitId: p.orgUnitId, detail: { amount, reason } }),
    ...(decision === 'verify'
      ? [
          activityInsert({
            userId: p.userId,
            type: 'drive_verified',
            campaignId: p.campaignId,
            kind: 'drive',
            points: 0,
            quantity: amount ?? 0,
            ref: p.id,
            orgUnitId: p.orgUnitId,
          }),
          ...board,
        ]
      : []),
  ];
  const res = await guardedBatch(db, stmts);
  return res ? res.slice(stmts.length - (decision === 'verify' ? board.length : 0)) : null;
}

export async function moderateMessage(db: Db, actorId: string, p: PledgeRow, visible: boolean) {
  await writeBatch(db, [
    db
      .update(pledges)
      .set({ messageStatus: visible ? 'visible' : 'hidden', updatedAt: nowIso() })
      .where(eq(pledges.id, p.id)),
    auditInsert({ actorId, action: visible ? 'pledge.message_show' : 'pledge.message_hide', entity: 'pledge', entityId: p.id, orgUnitId: p.orgUnitId }),
  ]);
}

/** Progress: pledged (not rejected), verified, donors (people with a pledge not rejected). */
export async function progress(db: Db, campaignId: string) {
  const r = await db
    .select({
      pledged: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.amount} END), 0)`,
      verified: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} = 'verified' THEN ${pledges.verifiedAmount} END), 0)`,
      donors: sql<number>`COUNT(DISTINCT CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.userId} END)`,
      updatedAt: sql<string | null>`MAX(${pledges.updatedAt})`,
    })
    .from(pledges)
    .where(eq(pledges.campaignId, campaignId));
  return r[0] ?? { pledged: 0, verified: 0, donors: 0, updatedAt: null };
}

export async function donorWall(db: Db, campaignId: string, limit: number, beforeId: string | null) {
  return db
    .select()
    .from(pledges)
    .where(and(eq(pledges.campaignId, campaignId), sql`${pledges.status} <> 'rejected'`, beforeId ? lt(pledges.id, beforeId) : undefined))
    .orderBy(desc(pledges.id))
    .limit(limit + 1);
}

export interface PledgeFilter {
  userId?: string;
  status?: string;
  path?: string;
  paths?: string[] | 'all';
  messages?: boolean;
  limit: number;
  beforeId: string | null;
}
export async function listPledges(db: Db, campaignId: string, f: PledgeFilter) {
  return db
    .select({ p: pledges, userName: users.name, unitName: orgUnits.name })
    .from(pledges)
    .innerJoin(users, eq(users.id, pledges.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, pledges.orgUnitId))
    .where(
      and(
        ...peopleRowsFilter(pledges, campaignId, f),
        f.path ? underPath(pledges.orgPath, f.path) : undefined,
        f.messages ? eq(pledges.messageStatus, 'pending') : undefined,
        f.beforeId ? lt(pledges.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(pledges.id))
    .limit(f.limit + 1);
}

/** The organizer's summary: totals by unit and by day, verified vs pledged, receipts waiting. */
export async function driveReport(db: Db, campaignId: string, path: string, includeUnassigned: boolean) {
  // the whole drive's report also counts pledges from people outside every unit
  const where = and(
    eq(pledges.campaignId, campaignId),
    includeUnassigned ? or(underPath(pledges.orgPath, path), isNull(pledges.orgPath)) : underPath(pledges.orgPath, path),
  );
  const [totals, byUnit, byDay, pending] = await db.batch([
    db
      .select({
        pledged: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.amount} END), 0)`,
        verified: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} = 'verified' THEN ${pledges.verifiedAmount} END), 0)`,
        donors: sql<number>`COUNT(DISTINCT CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.userId} END)`,
      })
      .from(pledges)
      .where(where),
    db
      .select({
        orgUnitId: pledges.orgUnitId,
        name: orgUnits.name,
        pledges: count(),
        pledged: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.amount} END), 0)`,
        verified: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} = 'verified' THEN ${pledges.verifiedAmount} END), 0)`,
        donors: sql<number>`COUNT(DISTINCT CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.userId} END)`,
      })
      .from(pledges)
      .leftJoin(orgUnits, eq(orgUnits.id, pledges.orgUnitId))
      .where(where)
      .groupBy(pledges.orgUnitId, orgUnits.name),
    db
      .select({
        day: sql<string>`substr(${pledges.createdAt}, 1, 10)`,
        pledges: count(),
        pledged: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} <> 'rejected' THEN ${pledges.amount} END), 0)`,
        verified: sql<number>`COALESCE(SUM(CASE WHEN ${pledges.status} = 'verified' THEN ${pledges.verifiedAmount} END), 0)`,
      })
      .from(pledges)
      .where(where)
      .groupBy(sql`substr(${pledges.createdAt}, 1, 10)`)
      .orderBy(sql`1`),
    db
      .select({ n: count() })
      .from(pledges)
      .where(and(where, eq(pledges.status, 'receipt_submitted'))),
  ]);
  return { ...(totals[0] ?? { pledged: 0, verified: 0, donors: 0 }), byUnit, byDay, receiptsPending: pending[0]?.n ?? 0 };
}
