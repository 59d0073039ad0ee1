import { sql, and, eq, desc, type SQL } from 'drizzle-orm';
import { activityEvents, campaigns } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { writeBatch, olderThan } from './util';
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
      .where(and(eq(activityEvents.userId, userId), olderThan(activityEvents.occurredAt, activityEvents.id, before)))
      .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id))
      .limit(limit + 1),
    db
      .select({ points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`, events: sql<number>`COUNT(*)` })
      .from(activityEvents)
      .where(eq(activityEvents.userId, userId)),
  ]);
  return { rows, totals: totals[0] ?? { points: 0, events: 0 } };
}
