import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, questions, quizRoomResults, quizRooms } from '../schema';
import { abortUnlessChanged, chunk, guardedBatch, isUniqueViolation, type Stmt } from './util';
import { activityInsert } from './activity';
import { nowIso } from '../ids';

export type RoomRow = typeof quizRooms.$inferSelect;
export type RoomResultRow = typeof quizRoomResults.$inferSelect;

/**
 * Inserts a room with a fresh PIN; the partial unique index on open rooms' PINs decides a
 * clash (two rooms created at once cannot share one), and a clash draws another PIN.
 */
export async function insertRoom(db: Db, row: Omit<typeof quizRooms.$inferInsert, 'pin'>, drawPin: (() => string) | null): Promise<RoomRow | null> {
  for (let i = 0; i < 8; i++) {
    try {
      const [r] = await db
        .insert(quizRooms)
        .values({ ...row, pin: drawPin ? drawPin() : null })
        .returning();
      return r ?? null;
    } catch (e) {
      if (!drawPin || !isUniqueViolation(e)) throw e;
    }
  }
  return null;
}

export async function getRoom(db: Db, id: string) {
  return (await db.select().from(quizRooms).where(eq(quizRooms.id, id)).limit(1))[0] ?? null;
}

/** The open room a PIN names. */
export async function openRoomByPin(db: Db, pin: string) {
  return (
    (
      await db
        .select()
        .from(quizRooms)
        .where(and(eq(quizRooms.pin, pin), eq(quizRooms.status, 'open')))
        .limit(1)
    )[0] ?? null
  );
}

export async function listRooms(db: Db, campaignId: string, limit = 50) {
  return db
    .select()
    .from(quizRooms)
    .where(and(eq(quizRooms.campaignId, campaignId), eq(quizRooms.kind, 'room')))
    .orderBy(desc(quizRooms.createdAt))
    .limit(limit);
}

/** Active questions with their answers (for the room object only), in the order asked. */
export async function roomQuestions(db: Db, ids: string[]) {
  const found = new Map<string, typeof questions.$inferSelect>();
  for (const part of chunk(ids, 90)) {
    for (const q of await db
      .select()
      .from(questions)
      .where(and(inArray(questions.id, part), eq(questions.active, true))))
      found.set(q.id, q);
  }
  return ids.map((id) => found.get(id)).filter((q): q is typeof questions.$inferSelect => !!q);
}

export async function roomResults(db: Db, roomId: string) {
  return db.select().from(quizRoomResults).where(eq(quizRoomResults.roomId, roomId)).orderBy(quizRoomResults.rank, quizRoomResults.userId);
}

/** Match points each of these players already earned today in this campaign (the daily cap counts them). */
export async function matchPointsToday(db: Db, campaignId: string, userIds: string[], day: string) {
  if (!userIds.length) return new Map<string, number>();
  const rows = await db
    .select({ userId: quizRoomResults.userId, size: quizRooms.size, points: sql<number>`SUM(${quizRoomResults.points})` })
    .from(quizRoomResults)
    .innerJoin(quizRooms, eq(quizRooms.id, quizRoomResults.roomId))
    .where(and(eq(quizRooms.campaignId, campaignId), eq(quizRooms.kind, 'match'), eq(quizRoomResults.day, day), inArray(quizRoomResults.userId, userIds)))
    .groupBy(quizRoomResults.userId, quizRooms.size);
  return new Map(rows.map((r) => [`${r.userId}|${r.size}`, Number(r.points)]));
}

export interface Settlement {
  room: RoomRow;
  rows: Array<Omit<RoomResultRow, 'roomId'>>;
  /** statements of the board write (boardScoreStatements), last in the batch */
  board: Stmt[];
}

/**
 * Ends a room in D1 exactly once: the status flips from open (a second settlement aborts the
 * batch), the results, one activity event per player (kind quiz) and the board scores land
 * together or not at all.
 */
export async function settleRoom(db: Db, s: Settlement): Promise<D1Result[] | null> {
  const at = nowIso();
  const stmts: Stmt[] = [
    db
      .update(quizRooms)
      .set({ status: 'ended', endedAt: at })
      .where(and(eq(quizRooms.id, s.room.id), eq(quizRooms.status, 'open'))),
    abortUnlessChanged(),
    ...chunk(s.rows, 8).map((part) =>
      db
        .insert(quizRoomResults)
        .values(part.map((r) => ({ ...r, roomId: s.room.id })))
        .onConflictDoNothing(),
    ),
    ...s.rows.map((r) =>
      activityInsert({
        userId: r.userId,
        type: 'quiz_attempt',
        kind: 'quiz',
        campaignId: s.room.campaignId,
        orgUnitId: r.orgUnitId,
        points: r.points,
        quantity: Math.max(1, r.answered),
        occurredAt: at,
        ref: `${s.room.kind}:${s.room.id}:${r.userId}`,
      }),
    ),
    ...s.board,
  ];
  return guardedBatch(db, stmts);
}

/** Open rooms and matches created before `before`, oldest first: what the cron settles or closes. */
export async function staleOpenRooms(db: Db, before: string, limit = 50) {
  return db
    .select()
    .from(quizRooms)
    .where(and(eq(quizRooms.status, 'open'), lt(quizRooms.createdAt, before)))
    .orderBy(asc(quizRooms.createdAt))
    .limit(limit);
}

/** Does the user belong to a unit in the subtree at `orgPath` (a quiz for members only)? */
export async function isMemberUnder(db: Db, userId: string, orgPath: string) {
  const r = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), sql`${memberships.orgPath} >= ${orgPath} AND ${memberships.orgPath} < ${orgPath} || '~'`));
  return Number(r[0]?.n ?? 0) > 0;
}
