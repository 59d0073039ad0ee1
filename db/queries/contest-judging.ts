/**
 * Contest judging: the judges, the rounds, the assignments and their scores. Moved out of
 * contest.ts (entries, votes, views, results) to keep files small.
 */
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { contestEntries, contestJudges, judgeAssignments, judgingRounds, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { notifyStatements } from './notifications';
import { chunk, writeBatch, type Stmt } from './util';

export async function addJudge(db: Db, actorId: string, campaign: { id: string; orgUnitId: string }, userId: string) {
  await writeBatch(db, [
    db.insert(contestJudges).values({ campaignId: campaign.id, userId, createdAt: nowIso() }).onConflictDoNothing(),
    auditInsert({ actorId, action: 'judge.add', entity: 'campaign', entityId: campaign.id, orgUnitId: campaign.orgUnitId, detail: { userId } }),
  ]);
}

export async function judgesOf(db: Db, campaignId: string) {
  return db
    .select({
      userId: contestJudges.userId,
      name: users.name,
      phone: users.phone,
      orgUnitId: sql<
        string | null
      >`(SELECT org_unit_id FROM memberships m WHERE m.user_id = ${contestJudges.userId} AND m.role = 'member' ORDER BY created_at LIMIT 1)`,
      // every unit the judge belongs to, space-separated: decides who may read their phone
      orgPaths: sql<string | null>`(SELECT group_concat(org_path, ' ') FROM memberships m WHERE m.user_id = ${contestJudges.userId})`,
    })
    .from(contestJudges)
    .innerJoin(users, eq(users.id, contestJudges.userId))
    .where(eq(contestJudges.campaignId, campaignId));
}

export async function isJudge(db: Db, campaignId: string, userId: string) {
  return (
    ((
      await db
        .select({ n: count() })
        .from(contestJudges)
        .where(and(eq(contestJudges.campaignId, campaignId), eq(contestJudges.userId, userId)))
    )[0]?.n ?? 0) > 0
  );
}

export async function listRounds(db: Db, campaignId: string) {
  return db.select().from(judgingRounds).where(eq(judgingRounds.campaignId, campaignId)).orderBy(asc(judgingRounds.ord));
}
export async function getRound(db: Db, id: string) {
  return db.query.judgingRounds.findFirst({ where: eq(judgingRounds.id, id) });
}

export async function createRound(
  db: Db,
  actorId: string,
  campaign: { id: string; orgUnitId: string },
  r: { name: string; criteria: Array<{ name: string; weight: number; max: number }>; assignment: 'all' | 'random'; judgesPerEntry: number; quorum: number },
) {
  const id = newId();
  await writeBatch(db, [
    sql`INSERT INTO judging_rounds (id, campaign_id, ord, name, criteria, assignment, judges_per_entry, quorum, status, created_at)
        SELECT ${id}, ${campaign.id}, COALESCE(MAX(ord), 0) + 1, ${r.name}, ${JSON.stringify(r.criteria)}, ${r.assignment}, ${r.judgesPerEntry}, ${r.quorum}, 'open', ${nowIso()}
        FROM judging_rounds WHERE campaign_id = ${campaign.id}`,
    auditInsert({ actorId, action: 'round.create', entity: 'judging_round', entityId: id, orgUnitId: campaign.orgUnitId }),
  ]);
  return id;
}

/** Entries of a round: approved entries whose `round` is the round's number. */
export async function roundEntries(db: Db, campaignId: string, ord: number) {
  return db
    .select()
    .from(contestEntries)
    .where(and(eq(contestEntries.campaignId, campaignId), eq(contestEntries.status, 'approved'), eq(contestEntries.round, ord)));
}

export async function putEntriesInRound(db: Db, campaignId: string, ids: string[] | 'all-approved', ord: number) {
  if (ids === 'all-approved') {
    await db
      .update(contestEntries)
      .set({ round: ord })
      .where(and(eq(contestEntries.campaignId, campaignId), eq(contestEntries.status, 'approved'), eq(contestEntries.source, 'platform')));
    return;
  }
  for (const part of chunk(ids, 90))
    await db
      .update(contestEntries)
      .set({ round: ord })
      .where(and(eq(contestEntries.campaignId, campaignId), inArray(contestEntries.id, part)));
}

/** Writes a round's assignments and, in the same batch, tells each judge how many works are theirs (once per judge and round). */
export async function insertAssignments(
  db: Db,
  rows: Array<{ roundId: string; entryId: string; judgeId: string }>,
  tell: { title: string; round: string } = { title: '', round: '' },
) {
  // every column is bound (7 a row) and D1 takes at most 100 parameters a statement
  const stmts: Stmt[] = chunk(rows, 14).map((part) => db.insert(judgeAssignments).values(part).onConflictDoNothing());
  const works = new Map<string, number>();
  for (const r of rows) works.set(r.judgeId, (works.get(r.judgeId) ?? 0) + 1);
  const told = notifyStatements(
    [...works].map(([judgeId, n]) => ({
      userId: judgeId,
      kind: 'judge_assigned' as const,
      params: { title: tell.title, round: tell.round, works: n },
      link: '/console/judging',
      dedupeKey: `round:${rows[0]!.roundId}`,
    })),
  );
  if (stmts.length) await writeBatch(db, [...stmts, ...told.stmts]);
}

export async function assignmentsOfJudge(db: Db, judgeId: string, campaignId?: string) {
  return db
    .select({
      roundId: judgeAssignments.roundId,
      roundName: judgingRounds.name,
      roundStatus: judgingRounds.status,
      criteria: judgingRounds.criteria,
      entryId: judgeAssignments.entryId,
      campaignId: contestEntries.campaignId,
      title: contestEntries.title,
      category: contestEntries.category,
      hasDisplay: sql<number>`${contestEntries.displayKey} IS NOT NULL`,
      description: contestEntries.description,
      width: contestEntries.width,
      height: contestEntries.height,
      conflict: judgeAssignments.conflict,
      total: judgeAssignments.total,
      given: judgeAssignments.criteria,
      scoredAt: judgeAssignments.scoredAt,
    })
    .from(judgeAssignments)
    .innerJoin(judgingRounds, eq(judgingRounds.id, judgeAssignments.roundId))
    .innerJoin(contestEntries, eq(contestEntries.id, judgeAssignments.entryId))
    .where(and(eq(judgeAssignments.judgeId, judgeId), campaignId ? eq(contestEntries.campaignId, campaignId) : undefined))
    .orderBy(asc(judgingRounds.ord), asc(contestEntries.id));
}

export async function openAssignmentFor(db: Db, entryId: string, judgeId: string) {
  const rows = await db
    .select({ roundId: judgeAssignments.roundId, conflict: judgeAssignments.conflict, status: judgingRounds.status, criteria: judgingRounds.criteria })
    .from(judgeAssignments)
    .innerJoin(judgingRounds, eq(judgingRounds.id, judgeAssignments.roundId))
    .where(and(eq(judgeAssignments.entryId, entryId), eq(judgeAssignments.judgeId, judgeId), eq(judgingRounds.status, 'open')));
  return rows[0] ?? null;
}

export async function scoreAssignment(db: Db, roundId: string, entryId: string, judgeId: string, given: Record<string, number>, total: number) {
  await db
    .update(judgeAssignments)
    .set({ criteria: given, total, scoredAt: nowIso() })
    .where(
      and(
        eq(judgeAssignments.roundId, roundId),
        eq(judgeAssignments.entryId, entryId),
        eq(judgeAssignments.judgeId, judgeId),
        eq(judgeAssignments.conflict, false),
      ),
    );
}

export async function declareConflict(db: Db, roundId: string, entryId: string, judgeId: string) {
  await db
    .update(judgeAssignments)
    .set({ conflict: true, criteria: null, total: null, scoredAt: null })
    .where(and(eq(judgeAssignments.roundId, roundId), eq(judgeAssignments.entryId, entryId), eq(judgeAssignments.judgeId, judgeId)));
}

/** Per judge: assigned (without conflicts) and scored. */
export async function roundProgress(db: Db, roundId: string) {
  return db
    .select({
      judgeId: judgeAssignments.judgeId,
      name: users.name,
      assigned: sql<number>`SUM(CASE WHEN ${judgeAssignments.conflict} = 0 THEN 1 ELSE 0 END)`,
      scored: sql<number>`SUM(CASE WHEN ${judgeAssignments.scoredAt} IS NOT NULL THEN 1 ELSE 0 END)`,
      conflicts: sql<number>`SUM(${judgeAssignments.conflict})`,
    })
    .from(judgeAssignments)
    .innerJoin(users, eq(users.id, judgeAssignments.judgeId))
    .where(eq(judgeAssignments.roundId, roundId))
    .groupBy(judgeAssignments.judgeId, users.name);
}

export async function closeRound(db: Db, actorId: string, round: { id: string }, orgUnitId: string, unfinished: Array<{ judgeId: string; missing: number }>) {
  const [res] = await writeBatch(db, [
    db
      .update(judgingRounds)
      .set({ status: 'closed', closedAt: nowIso(), unfinished })
      .where(and(eq(judgingRounds.id, round.id), eq(judgingRounds.status, 'open')))
      .returning({ id: judgingRounds.id }),
    auditInsert({ actorId, action: 'round.close', entity: 'judging_round', entityId: round.id, orgUnitId, detail: { unfinished } }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Average judge total (0–100) per entry over the scored assignments of a round. */
export async function judgeAverages(db: Db, roundId: string) {
  return db
    .select({ entryId: judgeAssignments.entryId, avg: sql<number>`AVG(${judgeAssignments.total})`, n: sql<number>`COUNT(${judgeAssignments.total})` })
    .from(judgeAssignments)
    .where(and(eq(judgeAssignments.roundId, roundId), gt(judgeAssignments.total, -1)))
    .groupBy(judgeAssignments.entryId);
}
