import { and, asc, count, eq, sql } from 'drizzle-orm';
import { quizStages, stageAdmissions, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { notifyStatements } from './notifications';
import { chunk, writeBatch } from './util';

// ---- stages -------------------------------------------------------------------------------

export async function listStages(db: Db, campaignId: string) {
  return db.select().from(quizStages).where(eq(quizStages.campaignId, campaignId)).orderBy(asc(quizStages.ord));
}

export async function createStage(
  db: Db,
  actorId: string,
  campaign: { id: string; orgUnitId: string },
  s: { name: string; startsAt: string; endsAt: string; settings: Record<string, unknown>; advancement: { rule: string; n?: number; score?: number } | null },
) {
  const id = newId();
  // ord = next number, in the same statement so two parallel adds cannot share one
  await writeBatch(db, [
    sql`INSERT INTO quiz_stages (id, campaign_id, ord, name, starts_at, ends_at, settings, advancement, advanced_at)
        SELECT ${id}, ${campaign.id}, COALESCE(MAX(ord), 0) + 1, ${s.name}, ${s.startsAt}, ${s.endsAt}, ${JSON.stringify(s.settings)}, ${s.advancement ? JSON.stringify(s.advancement) : null}, NULL
        FROM quiz_stages WHERE campaign_id = ${campaign.id}`,
    auditInsert({ actorId, action: 'stage.create', entity: 'quiz_stage', entityId: id, orgUnitId: campaign.orgUnitId }),
  ]);
  return id;
}

export async function updateStage(
  db: Db,
  actorId: string,
  id: string,
  orgUnitId: string,
  patch: Partial<{
    name: string;
    startsAt: string;
    endsAt: string;
    settings: Record<string, unknown>;
    advancement: { rule: string; n?: number; score?: number } | null;
  }>,
) {
  await writeBatch(db, [
    db.update(quizStages).set(patch).where(eq(quizStages.id, id)),
    auditInsert({ actorId, action: 'stage.update', entity: 'quiz_stage', entityId: id, orgUnitId }),
  ]);
}

export async function isAdmitted(db: Db, stageId: string, userId: string) {
  const r = await db
    .select({ n: count() })
    .from(stageAdmissions)
    .where(and(eq(stageAdmissions.stageId, stageId), eq(stageAdmissions.userId, userId)));
  return (r[0]?.n ?? 0) > 0;
}

/** Publishes 入围名单: admissions to the next stage, replacing a previous list, in one batch — which also tells each person on it (once per stage). */
export async function publishAdvancement(
  db: Db,
  actorId: string,
  from: { id: string; orgUnitId: string },
  nextStageId: string,
  list: Array<{ userId: string; rank: number }>,
  tell: { title: string; stage: string; link: string } = { title: '', stage: '', link: '' },
) {
  const now = nowIso();
  const told = notifyStatements(
    list.map((e) => ({
      userId: e.userId,
      kind: 'stage_admitted' as const,
      params: { title: tell.title, stage: tell.stage, rank: e.rank },
      link: tell.link,
      dedupeKey: `stage:${nextStageId}`,
    })),
  );
  await writeBatch(db, [
    ...told.stmts,
    db.delete(stageAdmissions).where(eq(stageAdmissions.stageId, nextStageId)),
    ...chunk(list, 20).map((part) =>
      db.insert(stageAdmissions).values(part.map((e) => ({ stageId: nextStageId, userId: e.userId, fromRank: e.rank, createdAt: now }))),
    ),
    db.update(quizStages).set({ advancedAt: now }).where(eq(quizStages.id, from.id)),
    auditInsert({
      actorId,
      action: 'stage.advance',
      entity: 'quiz_stage',
      entityId: from.id,
      orgUnitId: from.orgUnitId,
      detail: { next: nextStageId, count: list.length },
    }),
  ]);
}

export async function admissions(db: Db, stageId: string) {
  return db
    .select({ userId: stageAdmissions.userId, name: users.name, fromRank: stageAdmissions.fromRank })
    .from(stageAdmissions)
    .innerJoin(users, eq(users.id, stageAdmissions.userId))
    .where(eq(stageAdmissions.stageId, stageId))
    .orderBy(asc(stageAdmissions.fromRank));
}
