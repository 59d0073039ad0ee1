import { sql, and, eq, gte, lte, desc, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { activityEvents, campaigns, orgUnits } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { underPath, writeBatch } from './util';
import { memberIdsAtSql } from './people';
import type { ActivityType } from '../../shared/metrics';

export interface ActivityInput {
  userId: string | null;
  type: ActivityType;
  campaignId?: string | null;
  kind?: string | null;
  /** the unit the activity counts for; by default the user's member unit */
  orgUnitId?: string | null;
  points?: number;
  quantity?: number;
  occurredAt?: string;
  /** the source record (answer id, vote id…): the same type+ref is recorded once */
  ref?: string | null;
  /** the event's id, when the caller must later tell whether this very row was written */
  id?: string;
}

/**
 * The one way modules append activity events. Returns the statement so callers put it in
 * the same `writeBatch()` as the change it records; the unit and its path are resolved in SQL.
 */
export function activityInsert(e: ActivityInput, onlyIf?: SQL): SQL {
  const unitExpr = e.orgUnitId
    ? sql`${e.orgUnitId}`
    : sql`(SELECT org_unit_id FROM memberships WHERE user_id = ${e.userId} AND role = 'member' ORDER BY created_at LIMIT 1)`;
  return sql`
    INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref)
    SELECT ${e.id ?? newId()}, ${e.userId}, u.id, u.path, ${e.campaignId ?? null}, ${e.kind ?? null}, ${e.type},
           ${e.points ?? 0}, ${e.quantity ?? 1}, ${e.occurredAt ?? nowIso()}, ${e.ref ?? null}
    FROM (SELECT 1) LEFT JOIN org_units u ON u.id = ${unitExpr}
    WHERE ${onlyIf ?? sql`true`} -- (a WHERE also lets SQLite parse the upsert after a join)
    ON CONFLICT (type, ref) DO NOTHING`;
}

/**
 * True in a batch once the event `id` was written by it: the same type+ref is recorded once,
 * so whatever depends on it (a board score) is earned exactly once, whoever races it.
 */
export function activityRecorded(id: string): SQL {
  return sql`EXISTS (SELECT 1 FROM activity_events WHERE id = ${id})`;
}

export async function recordActivity(db: Db, e: ActivityInput): Promise<void> {
  await writeBatch(db, [activityInsert(e)]);
}

export interface AuditInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  orgUnitId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * An audit row, to be written in the same batch as the change it describes. With
 * `onlyIfChanged` it is written only when the statement just before it changed a row
 * (a conditional update that lost a race leaves no audit trail of a change that never was).
 */
export function auditInsert(a: AuditInput, onlyIfChanged = false): SQL {
  return sql`
    INSERT INTO audit_log (id, actor_id, action, entity, entity_id, org_unit_id, detail, at)
    SELECT ${newId()}, ${a.actorId}, ${a.action}, ${a.entity}, ${a.entityId}, ${a.orgUnitId ?? null},
           ${a.detail ? JSON.stringify(a.detail) : null}, ${nowIso()}
    WHERE ${onlyIfChanged ? sql`changes() > 0` : sql`1`}`;
}

export interface MetricsRange { from?: string | undefined; to?: string | undefined }

/**
 * Who the metrics count as members. Today's figures use the member rows (`memberships`);
 * a period that ended before today (`asOfDay`, the China day of its end) counts the people
 * who were in the subtree at the end of that day, from the membership periods
 * (db/queries/people.ts), so a member transferred since counts where they were then.
 */
function memberSets(path: string, asOfDay: string | undefined) {
  if (!asOfDay) {
    return {
      ids: sql`SELECT m.user_id FROM memberships m WHERE m.org_path >= ${path} AND m.org_path < ${path} || '~' AND m.role = 'member'`,
      count: sql<number>`(SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.org_path >= ${path} AND m.org_path < ${path} || '~' AND m.role = 'member')`,
      unitIds: sql`SELECT m.user_id FROM memberships m WHERE m.org_path >= c.path AND m.org_path < c.path || '~' AND m.role = 'member'`,
      unitCount: sql<number>`(SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.org_path >= c.path AND m.org_path < c.path || '~' AND m.role = 'member')`,
    };
  }
  const registered = { registered: true };
  return {
    ids: memberIdsAtSql(sql`${path}`, asOfDay, registered),
    count: sql<number>`(SELECT COUNT(DISTINCT uid) FROM (${memberIdsAtSql(sql`${path}`, asOfDay, registered)}))`,
    unitIds: memberIdsAtSql(sql`c.path`, asOfDay, registered),
    unitCount: sql<number>`(SELECT COUNT(DISTINCT uid) FROM (${memberIdsAtSql(sql`c.path`, asOfDay, registered)}))`,
  };
}

/**
 * Member-activity metrics of a subtree; definitions in shared/metrics.ts. With `withUnits`
 * also each unit directly below (the same definitions over its own subtree), and with
 * `series` the activity by China day or week (Monday) for a trend.
 */
export async function subtreeMetrics(db: Db, path: string, range: MetricsRange, more: { unitId?: string; series?: 'day' | 'week'; asOfDay?: string } = {}) {
  const sets = memberSets(path, more.asOfDay);
  const timeConds = [
    underPath(activityEvents.orgPath, path),
    range.from ? gte(activityEvents.occurredAt, range.from) : undefined,
    range.to ? lte(activityEvents.occurredAt, range.to) : undefined,
  ];
  const memberIds = sql`(${sets.ids})`;
  const inTime = sql.join(
    [range.from ? sql`e.occurred_at >= ${range.from}` : sql`1`, range.to ? sql`e.occurred_at <= ${range.to}` : sql`1`],
    sql` AND `,
  );
  // a unit's own subtree, for correlated subqueries over the units below
  const underUnit = (col: string) => sql.raw(`${col} >= c.path AND ${col} < c.path || '~'`);
  const unitMembers = sets.unitIds;
  const chinaDay = sql.raw(`substr(datetime(${activityEvents.occurredAt.name}, '+8 hours'), 1, 10)`);
  const bucket = more.series === 'week' ? sql`date(${chinaDay}, 'weekday 0', '-6 days')` : chinaDay;
  const unitsBelow = alias(orgUnits, 'c');
  const [members, active, byKind, units, series] = await db.batch([
    // one row: the unit itself carries the subtree's count
    db.select({ n: sets.count }).from(orgUnits).where(eq(orgUnits.path, path)),
    db
      .select({
        active: sql<number>`COUNT(DISTINCT CASE WHEN ${activityEvents.userId} IN ${memberIds} THEN ${activityEvents.userId} END)`,
        points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`,
      })
      .from(activityEvents)
      .where(and(...timeConds)),
    db
      .select({
        kind: activityEvents.kind,
        events: sql<number>`COUNT(*)`,
        active: sql<number>`COUNT(DISTINCT ${activityEvents.userId})`,
        points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`,
      })
      .from(activityEvents)
      .where(and(...timeConds))
      .groupBy(activityEvents.kind),
    db
      .select({
        id: unitsBelow.id,
        name: unitsBelow.name,
        kind: unitsBelow.kind,
        members: sql<number>`${sets.unitCount}`.as('members'),
        active: sql<number>`(SELECT COUNT(DISTINCT e.user_id) FROM activity_events e WHERE ${underUnit('e.org_path')} AND ${inTime} AND e.user_id IN (${unitMembers}))`.as('active'),
        points: sql<number>`(SELECT COALESCE(SUM(e.points), 0) FROM activity_events e WHERE ${underUnit('e.org_path')} AND ${inTime})`.as('points'),
      })
      .from(unitsBelow)
      .where(eq(unitsBelow.parentId, more.unitId ?? ''))
      .orderBy(unitsBelow.path),
    db
      .select({
        at: sql<string>`${bucket}`.as('at'),
        events: sql<number>`COUNT(*)`.as('events'),
        active: sql<number>`COUNT(DISTINCT CASE WHEN ${activityEvents.userId} IN ${memberIds} THEN ${activityEvents.userId} END)`.as('active'),
        points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`.as('points'),
      })
      .from(activityEvents)
      .where(and(...timeConds, more.series ? undefined : sql`0`))
      .groupBy(sql`1`)
      .orderBy(sql`1`),
  ]);
  return {
    members: members[0]?.n ?? 0,
    activeMembers: active[0]?.active ?? 0,
    points: active[0]?.points ?? 0,
    byKind: Object.fromEntries(
      byKind.map((r) => [r.kind ?? 'other', { events: r.events, activeMembers: r.active, points: r.points }]),
    ),
    units: units.map((u) => ({ orgUnitId: u.id, name: u.name, kind: u.kind, members: u.members, activeMembers: u.active, points: u.points })),
    series: series.map((r) => ({ at: r.at, events: r.events, activeMembers: r.active, points: r.points })),
  };
}

/** A member's own activity, newest first, with the campaign it belongs to. */
export async function listUserActivity(db: Db, userId: string, limit: number, before: { at: string; id: string } | null) {
  const [rows, totals] = await db.batch([
    db
      .select({
        id: activityEvents.id,
        type: activityEvents.type,
        campaignId: activityEvents.campaignId,
        campaignTitle: campaigns.title,
        campaignKind: campaigns.kind,
        points: activityEvents.points,
        quantity: activityEvents.quantity,
        occurredAt: activityEvents.occurredAt,
      })
      .from(activityEvents)
      .leftJoin(campaigns, eq(campaigns.id, activityEvents.campaignId))
      .where(
        and(
          eq(activityEvents.userId, userId),
          before
            ? or(lt(activityEvents.occurredAt, before.at), and(eq(activityEvents.occurredAt, before.at), lt(activityEvents.id, before.id)))
            : undefined,
        ),
      )
      .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id))
      .limit(limit + 1),
    db
      .select({ points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`, events: sql<number>`COUNT(*)` })
      .from(activityEvents)
      .where(eq(activityEvents.userId, userId)),
  ]);
  return { rows, totals: totals[0] ?? { points: 0, events: 0 } };
}
