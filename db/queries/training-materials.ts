import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { trainingMaterials, trainingStudies } from '../schema';
import { newId, nowIso } from '../ids';
import { abortUnlessChanged, guardedBatch, writeBatch, type Stmt } from './util';
import { activityInsert, auditInsert } from './activity';
import { hoursToQuantity } from '../../shared/training';
import type { MaterialRow } from './training';

// ---- materials and online study (线上学习) ----

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
