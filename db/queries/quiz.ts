import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { campaigns, memberships, questions, quizAnswers, quizAttempts, quizStages, stageAdmissions, users } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { activityInsert, auditInsert } from './activity';
import { campaignSelect } from './campaigns';
import { abortUnlessChanged, chunk, isBatchAborted, isUniqueViolation, writeBatch, type Stmt } from './util';

// ---- attempts -----------------------------------------------------------------------------

export type AttemptRow = typeof quizAttempts.$inferSelect;

export async function getAttempt(db: Db, id: string) {
  return db.query.quizAttempts.findFirst({ where: eq(quizAttempts.id, id) });
}

export async function activeAttempt(db: Db, campaignId: string, stageId: string, userId: string) {
  return db.query.quizAttempts.findFirst({
    where: and(eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.stageId, stageId), eq(quizAttempts.userId, userId), eq(quizAttempts.status, 'active')),
  });
}

/** Attempts used today and in all, and points earned today in this campaign (for limits and caps). */
export async function usage(db: Db, campaignId: string, stageId: string, userId: string, day: string) {
  const [today, total, points] = await db.batch([
    db
      .select({ n: count() })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.stageId, stageId), eq(quizAttempts.day, day))),
    db
      .select({ n: count() })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.stageId, stageId))),
    db
      .select({ p: sql<number>`COALESCE(SUM(${quizAttempts.points}), 0)` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.day, day))),
  ]);
  return { today: today[0]?.n ?? 0, total: total[0]?.n ?? 0, pointsToday: points[0]?.p ?? 0 };
}

/**
 * Everything an answer needs, in one round trip: the attempt, its current question, its campaign and stages, and the participant's points today in the campaign
 * (for the daily cap).
 */
export async function answerContext(db: Db, attemptId: string, userId: string, day: string) {
  const campaignOf = sql`(SELECT campaign_id FROM quiz_attempts WHERE id = ${attemptId})`;
  const [attempt, qs, campaign, stages, points] = await db.batch([
    db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)),
    db
      .select()
      .from(questions)
      .where(sql`${questions.id} IN (SELECT j.value FROM quiz_attempts a, json_each(a.question_ids) j WHERE a.id = ${attemptId} AND j.key = a.current)`),
    campaignSelect(db).where(eq(campaigns.id, campaignOf)),
    db.select().from(quizStages).where(eq(quizStages.campaignId, campaignOf)).orderBy(asc(quizStages.ord)),
    db
      .select({ p: sql<number>`COALESCE(SUM(${quizAttempts.points}), 0)` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.campaignId, campaignOf), eq(quizAttempts.day, day))),
  ]);
  return { attempt: attempt[0] ?? null, questions: new Map(qs.map((q) => [q.id, q])), campaign: campaign[0] ?? null, stages, pointsToday: points[0]?.p ?? 0 };
}

/**
 * What starting an attempt checks, in one round trip: the campaign (by id or slug), its
 * stages, the participant's attempts by stage (in progress, today, in all), points today,
 * admissions, membership under the campaign's unit, and the pool of the campaign's banks.
 */
export async function startContext(db: Db, idOrSlug: string, userId: string, day: string) {
  const cid = sql`(SELECT c.id FROM campaigns c WHERE c.id = ${idOrSlug} OR c.slug = ${idOrSlug.toLowerCase()} LIMIT 1)`;
  const orgPath = sql`(SELECT c.org_path FROM campaigns c WHERE c.id = ${cid})`;
  const mine = and(eq(quizAttempts.userId, userId), eq(quizAttempts.campaignId, cid));
  const [campaign, stages, byStage, active, admitted, member, pool] = await db.batch([
    campaignSelect(db).where(eq(campaigns.id, cid)),
    db.select().from(quizStages).where(eq(quizStages.campaignId, cid)).orderBy(asc(quizStages.ord)),
    db
      .select({
        stageId: quizAttempts.stageId,
        total: count(),
        today: sql<number>`SUM(CASE WHEN ${quizAttempts.day} = ${day} THEN 1 ELSE 0 END)`,
        pointsToday: sql<number>`SUM(CASE WHEN ${quizAttempts.day} = ${day} THEN ${quizAttempts.points} ELSE 0 END)`,
      })
      .from(quizAttempts)
      .where(mine)
      .groupBy(quizAttempts.stageId),
    db
      .select()
      .from(quizAttempts)
      .where(and(mine, eq(quizAttempts.status, 'active'))),
    db
      .select({ stageId: stageAdmissions.stageId })
      .from(stageAdmissions)
      .where(and(eq(stageAdmissions.userId, userId), sql`${stageAdmissions.stageId} IN (SELECT s.id FROM quiz_stages s WHERE s.campaign_id = ${cid})`)),
    db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), sql`${memberships.orgPath} >= ${orgPath} AND ${memberships.orgPath} < ${orgPath} || '~'`)),
    // the pool of the campaign's own banks (a stage with banks of its own reads its pool apart)
    db
      .select({ id: questions.id, tags: questions.tags, difficulty: questions.difficulty })
      .from(questions)
      .where(
        and(
          sql`${questions.bankId} IN (SELECT j.value FROM campaigns c, json_each(c.settings, '$.bankIds') j WHERE c.id = ${cid})`,
          eq(questions.active, true),
        ),
      ),
  ]);
  const pointsToday = byStage.reduce((s, r) => s + (r.pointsToday ?? 0), 0);
  return {
    campaign: campaign[0] ?? null,
    stages,
    usage: (stageId: string) => {
      const r = byStage.find((x) => x.stageId === stageId);
      return { today: r?.today ?? 0, total: r?.total ?? 0, pointsToday };
    },
    active: (stageId: string) => active.find((a) => a.stageId === stageId) ?? null,
    admitted: new Set(admitted.map((r) => r.stageId)),
    member: (member[0]?.n ?? 0) > 0,
    pool,
  };
}

/** Starts an attempt; null when another active attempt won the race (the unique index decides). */
export async function insertAttempt(db: Db, row: typeof quizAttempts.$inferInsert) {
  try {
    await writeBatch(db, [db.insert(quizAttempts).values(row)]);
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}

export interface AnswerWrite {
  attempt: AttemptRow;
  idx: number;
  questionId: string;
  answer: unknown;
  correct: boolean;
  late: boolean;
  msTaken: number;
  points: number;
  flag: boolean;
  finished: boolean;
  kind: string;
  finishPoints: number;
  /** more statements for the same batch (the board's score); their results come back */
  also?: Stmt[];
}

/**
 * Records one answer and moves the attempt on, all in one batch: the answer row (its
 * primary key makes a double submission fail whole), the conditional move of the attempt,
 * the activity events and any `also` statements. Returns the results of `also`, or null
 * when another request answered this question first (and then nothing was written).
 */
export async function recordAnswer(db: Db, w: AnswerWrite): Promise<D1Result[] | null> {
  const now = nowIso();
  const a = w.attempt;
  const stmts: Stmt[] = [
    db.insert(quizAnswers).values({
      attemptId: a.id,
      idx: w.idx,
      questionId: w.questionId,
      answer: w.answer,
      correct: w.correct,
      late: w.late,
      msTaken: w.msTaken,
      answeredAt: now,
    }),
    db
      .update(quizAttempts)
      .set({
        current: w.idx + 1,
        correct: sql`${quizAttempts.correct} + ${w.correct ? 1 : 0}`,
        score: sql`${quizAttempts.score} + ${w.correct ? 1 : 0}`,
        msUsed: sql`${quizAttempts.msUsed} + ${w.msTaken}`,
        points: sql`${quizAttempts.points} + ${w.points + w.finishPoints}`,
        flags: sql`${quizAttempts.flags} + ${w.flag ? 1 : 0}`,
        // the next question is not served yet: its clock starts when the player asks for it
        served: false,
        ...(w.finished ? { status: 'finished' as const, finishedAt: now } : {}),
      })
      .where(and(eq(quizAttempts.id, a.id), eq(quizAttempts.current, w.idx), eq(quizAttempts.status, 'active'), eq(quizAttempts.served, true))),
    // fails the batch (and so the answer) when the conditional update above changed nothing
    abortUnlessChanged(),
    activityInsert({ userId: a.userId, type: 'quiz_answer', campaignId: a.campaignId, kind: w.kind, points: w.points, quantity: 1, ref: `${a.id}:${w.idx}` }),
  ];
  if (w.finished) {
    stmts.push(
      activityInsert({
        userId: a.userId,
        type: 'quiz_attempt',
        campaignId: a.campaignId,
        kind: w.kind,
        points: w.finishPoints,
        quantity: a.correct + (w.correct ? 1 : 0),
        ref: a.id,
      }),
    );
  }
  const own = stmts.length;
  try {
    return (await writeBatch(db, [...stmts, ...(w.also ?? [])])).slice(own);
  } catch (e) {
    if (isUniqueViolation(e) || isBatchAborted(e)) return null;
    throw e;
  }
}

/**
 * Ends an attempt left from an earlier day (what was answered counts), with any
 * `also` statements in the same batch. Returns their results, or null when another
 * request ended it first (and then nothing was written).
 */
export async function expireAttempt(db: Db, a: AttemptRow, kind: string, also: Stmt[] = []): Promise<D1Result[] | null> {
  const now = nowIso();
  try {
    const res = await writeBatch(db, [
      db
        .update(quizAttempts)
        .set({ status: 'finished', finishedAt: now })
        .where(and(eq(quizAttempts.id, a.id), eq(quizAttempts.status, 'active'), eq(quizAttempts.current, a.current))),
      // fails the batch when the attempt had already moved on or ended
      abortUnlessChanged(),
      activityInsert({ userId: a.userId, type: 'quiz_attempt', campaignId: a.campaignId, kind, points: 0, quantity: a.correct, ref: a.id }),
      ...also,
    ]);
    return res.slice(3);
  } catch (e) {
    if (isUniqueViolation(e) || isBatchAborted(e)) return null;
    throw e;
  }
}

/** `tiebreakSeconds` of shared/quiz-play in SQL: milliseconds → seconds to a tenth (tests hold the two together). */
export const tiebreakSql = (ms: SQL) => sql<number>`ROUND(${ms} / 100.0) / 10.0`;

/**
 * An organizer's decision on a flagged, finished attempt, once (one batch): cleared, or
 * disqualified — its points are taken back by an activity event, and the participant's
 * board entry is worked out again from their other attempts (best score then least time;
 * for a daily quiz the sum of points), or deleted when nothing is left to rank. Returns
 * the entry's new row or its deletion, or null when the attempt was not open to review.
 */
export async function reviewAttempt(
  db: Db,
  a: AttemptRow,
  r: {
    decision: 'cleared' | 'disqualified';
    reason: string | null;
    actorId: string;
    orgUnitId: string;
    boardId: string /** the participant's key on that board */;
    boardKey: string;
  },
) {
  const now = nowIso();
  const stmts: Stmt[] = [
    db
      .update(quizAttempts)
      .set({ review: r.decision, reviewReason: r.reason, reviewedBy: r.actorId, reviewedAt: now })
      .where(and(eq(quizAttempts.id, a.id), sql`${quizAttempts.review} IS NULL`, eq(quizAttempts.status, 'finished'), gt(quizAttempts.flags, 0))),
    abortUnlessChanged(),
    auditInsert({
      actorId: r.actorId,
      action: `attempt.${r.decision}`,
      entity: 'quiz_attempt',
      entityId: a.id,
      orgUnitId: r.orgUnitId,
      detail: r.reason ? { reason: r.reason } : undefined,
    }),
  ];
  if (r.decision === 'disqualified') {
    const daily = a.mode === 'daily';
    const rest = sql`FROM quiz_attempts x WHERE x.campaign_id = ${a.campaignId} AND x.stage_id = ${a.stageId} AND x.user_id = ${a.userId}
      AND (x.review IS NULL OR x.review <> 'disqualified') AND ${daily ? sql`x.points > 0` : sql`x.status = 'finished'`}`;
    const best = sql`${rest} ORDER BY x.score DESC, x.ms_used ASC LIMIT 1`;
    stmts.push(
      activityInsert({ userId: a.userId, type: 'quiz_disqualified', campaignId: a.campaignId, kind: 'quiz', points: -a.points, quantity: 0, ref: a.id }),
      sql`UPDATE leaderboard_entries SET
            score = ${daily ? sql`(SELECT COALESCE(SUM(x.points), 0) ${rest})` : sql`(SELECT x.score ${best})`},
            tiebreak = ${daily ? sql`tiebreak` : sql`(SELECT ${tiebreakSql(sql`x.ms_used`)} ${best})`},
            version = version + 1, updated_at = ${now}
          WHERE board_id = ${r.boardId} AND key = ${r.boardKey} AND EXISTS (SELECT 1 ${rest})
          RETURNING *`,
      sql`DELETE FROM leaderboard_entries WHERE board_id = ${r.boardId} AND key = ${r.boardKey} AND NOT EXISTS (SELECT 1 ${rest}) RETURNING key`,
    );
  }
  try {
    const res = await writeBatch(db, stmts);
    const updated = (res[4]?.results[0] as Record<string, unknown> | undefined) ?? null;
    return { updated, removed: (res[5]?.results.length ?? 0) > 0, updateResult: res[4] ?? null };
  } catch (e) {
    if (isBatchAborted(e)) return null;
    throw e;
  }
}

export async function answersOf(db: Db, attemptId: string) {
  return db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId)).orderBy(asc(quizAnswers.idx));
}

export async function questionsByIds(db: Db, ids: string[]) {
  const out = new Map<string, typeof questions.$inferSelect>();
  for (const part of chunk(ids, 90)) for (const q of await db.select().from(questions).where(inArray(questions.id, part))) out.set(q.id, q);
  return out;
}

/**
 * Per-question statistics of a campaign: how often answered, correct rate, average time.
 * Answers older than the retention period live on only as per-question totals
 * (db/queries/retention.ts), so both are summed.
 */
export async function questionStats(db: Db, campaignId: string) {
  return db.all<{ id: string; stem: string; type: (typeof questions.$inferSelect)['type']; answered: number; correct: number; avgMs: number }>(sql`
    SELECT q.id AS id, q.stem AS stem, q.type AS type, SUM(s.answered) AS answered, SUM(s.correct) AS correct, SUM(s.ms) * 1.0 / SUM(s.answered) AS avgMs
    FROM (
      SELECT qa.question_id AS qid, 1 AS answered, qa.correct AS correct, qa.ms_taken AS ms
      FROM quiz_answers qa JOIN quiz_attempts a ON a.id = qa.attempt_id WHERE a.campaign_id = ${campaignId}
      UNION ALL
      SELECT question_id, answered, correct, ms_total FROM quiz_question_totals WHERE campaign_id = ${campaignId}
    ) s JOIN questions q ON q.id = s.qid
    GROUP BY q.id
    ORDER BY SUM(s.correct) * 1.0 / SUM(s.answered)`);
}

/** Attempts started in [from, to) (instants; either open), for an export's size check. */
export async function countAttempts(db: Db, campaignId: string, f: { from?: string | undefined; to?: string | undefined }) {
  const [r] = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.campaignId, campaignId),
        f.from ? gte(quizAttempts.startedAt, f.from) : undefined,
        f.to ? lt(quizAttempts.startedAt, f.to) : undefined,
      ),
    );
  return r?.n ?? 0;
}

export async function listAttempts(
  db: Db,
  campaignId: string,
  f: { flagged: boolean; limit: number; beforeId: string | null; from?: string | undefined; to?: string | undefined },
) {
  return db
    .select({
      id: quizAttempts.id,
      stageId: quizAttempts.stageId,
      userId: quizAttempts.userId,
      name: users.name,
      status: quizAttempts.status,
      correct: quizAttempts.correct,
      total: sql<number>`json_array_length(${quizAttempts.questionIds})`,
      msUsed: quizAttempts.msUsed,
      points: quizAttempts.points,
      flags: quizAttempts.flags,
      startedAt: quizAttempts.startedAt,
      finishedAt: quizAttempts.finishedAt,
      review: quizAttempts.review,
      reviewReason: quizAttempts.reviewReason,
    })
    .from(quizAttempts)
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(
      and(
        eq(quizAttempts.campaignId, campaignId),
        f.flagged ? gt(quizAttempts.flags, 0) : undefined,
        f.beforeId ? lt(quizAttempts.id, f.beforeId) : undefined,
        f.from ? gte(quizAttempts.startedAt, f.from) : undefined,
        f.to ? lt(quizAttempts.startedAt, f.to) : undefined,
      ),
    )
    .orderBy(desc(quizAttempts.id))
    .limit(f.limit + 1);
}
