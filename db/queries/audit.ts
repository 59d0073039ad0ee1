import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { auditLog, orgUnits, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { underPath, olderThan } from './util';

export interface AuditFilter {
  /** an action (`role.appoint`) or its group (`role`) */
  action?: string | undefined;
  actorId?: string | undefined;
  /** instants, `from` inclusive, `to` exclusive */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The audit trail of a subtree, newest first: rows are placed by the unit they were written
 * for, and read through the units' current paths (a moved unit takes its history with it).
 */
const auditWhere = (path: string, f: AuditFilter) =>
  and(
    underPath(orgUnits.path, path),
    f.action ? or(eq(auditLog.action, f.action), sql`${auditLog.action} LIKE ${`${f.action.replace(/[%_]/g, '')}.%`}`) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  );

/** How many rows `listAudit` would page through, for an export's size check. */
export async function countAudit(db: Db, path: string, f: AuditFilter) {
  const [r] = await db.select({ n: sql<number>`COUNT(*)` }).from(auditLog).innerJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId)).where(auditWhere(path, f));
  return r?.n ?? 0;
}

export async function listAudit(db: Db, path: string, f: AuditFilter, limit: number, before: { at: string; id: string } | null) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      orgUnitId: auditLog.orgUnitId,
      orgUnitName: orgUnits.name,
      actorId: auditLog.actorId,
      actorName: users.name,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .innerJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(auditWhere(path, f), olderThan(auditLog.at, auditLog.id, before)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

/** A download of organizers' data (an export): nothing changes, so it is its own write. */
export async function auditExport(db: Db, actorId: string, orgUnitId: string, detail: Record<string, unknown>) {
  await db
    .insert(auditLog)
    .values({ id: newId(), actorId, action: 'export.download', entity: 'export', entityId: String(detail.path ?? ''), orgUnitId, detail, at: nowIso() });
}
