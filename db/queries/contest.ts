import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import { contestEntries, contestVotes, users } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { activityInsert, auditInsert } from './activity';
import { notifyStatements } from './notifications';
import { shiftScoreIfChanged } from './leaderboards';
import { abortUnlessChanged, isBatchAborted, isUniqueViolation, writeBatch, type Stmt, olderThan } from './util';
import { BURST } from '../../shared/contest';

export type EntryRow = typeof contestEntries.$inferSelect;

export async function getEntry(db: Db, id: string) {
  return db.query.contestEntries.findFirst({ where: eq(contestEntries.id, id) });
}

export async function entryByUpload(db: Db, campaignId: string, userId: string, uploadId: string) {
  return db.query.contestEntries.findFirst({
    where: and(eq(contestEntries.campaignId, campaignId), eq(contestEntries.userId, userId), eq(contestEntries.uploadId, uploadId)),
  });
}

/**
 * Inserts an entry only while the participant is under the per-category quota (one
 * conditional statement: parallel uploads cannot exceed it) with its activity event.
 * The 作品编号 (`serial`) is the campaign's highest plus one, taken in the same statement:
 * D1 runs one statement at a time, so parallel submissions never share a number (and the
 * unique index would refuse it if they did). Returns the serial; 'quota' when full, 'retry'
 * when the same upload id already made an entry.
 */
export async function insertEntry(db: Db, e: typeof contestEntries.$inferInsert, quota: number): Promise<{ serial: number } | 'quota' | 'retry'> {
  try {
    const [res] = await writeBatch(db, [
      sql`INSERT INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, description, author_name, status, image_key, display_key, thumb_key, content_type, width, height, bytes, sha256, serial, created_at)
          SELECT ${e.id}, ${e.campaignId}, ${e.userId}, ${e.orgUnitId ?? null}, ${e.uploadId}, ${e.category}, ${e.title}, ${e.description ?? ''}, ${e.authorName}, 'pending', ${e.imageKey}, ${e.displayKey ?? null}, ${e.thumbKey ?? null}, ${e.contentType}, ${e.width}, ${e.height}, ${e.bytes}, ${e.sha256},
                 (SELECT COALESCE(MAX(serial), 0) + 1 FROM contest_entries WHERE campaign_id = ${e.campaignId}), ${e.createdAt}
          WHERE (SELECT COUNT(*) FROM contest_entries WHERE campaign_id = ${e.campaignId} AND user_id = ${e.userId} AND category = ${e.category} AND status <> 'rejected') < ${quota}
          RETURNING id, serial`,
      activityInsert(
        { userId: e.userId, type: 'contest_entry', campaignId: e.campaignId, kind: 'contest', points: 0, quantity: 1, ref: e.id },
        sql`EXISTS (SELECT 1 FROM contest_entries WHERE id = ${e.id})`,
      ),
    ]);
    const row = res?.results[0] as { serial: number } | undefined;
    return row ? { serial: row.serial } : 'quota';
  } catch (err) {
    if (isUniqueViolation(err)) return 'retry';
    throw err;
  }
}

export async function duplicatesOf(db: Db, campaignId: string, sha256: string, exceptId: string) {
  return db
    .select({ id: contestEntries.id, title: contestEntries.title, authorName: contestEntries.authorName })
    .from(contestEntries)
    .where(and(eq(contestEntries.campaignId, campaignId), eq(contestEntries.sha256, sha256), sql`${contestEntries.id} <> ${exceptId}`));
}

export interface EntryFilter {
  status?: string | undefined;
  category?: string | undefined;
  userId?: string | undefined;
  limit: number;
  before: { at: string; id: string } | null;
  /** search: title, 作品编号, and (organizers only) the author's name */
  q?: { text: string; author: boolean } | undefined;
  /** newest (keyset by time), votes or number (by offset) */
  sort?: 'newest' | 'votes' | 'number' | undefined;
  offset?: number | undefined;
}

const likeText = (t: string) => `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listEntries(db: Db, campaignId: string, f: EntryFilter) {
  const sort = f.sort ?? 'newest';
  const q = f.q?.text.trim();
  const asNumber = q && /^#?\d{1,9}$/.test(q) ? Number(q.replace('#', '')) : null;
  const search = q
    ? or(
        sql`${contestEntries.title} LIKE ${likeText(q)} ESCAPE '\\'`,
        asNumber !== null ? eq(contestEntries.serial, asNumber) : undefined,
        f.q?.author ? sql`${contestEntries.authorName} LIKE ${likeText(q)} ESCAPE '\\'` : undefined,
      )
    : undefined;
  const query = db
    .select()
    .from(contestEntries)
    .where(
      and(
        eq(contestEntries.campaignId, campaignId),
        // works imported from paper (history import) have no image: counted in reports, never shown or judged
        eq(contestEntries.source, 'platform'),
        f.status ? eq(contestEntries.status, f.status as 'approved') : undefined,
        f.category ? eq(contestEntries.category, f.category) : undefined,
        f.userId ? eq(contestEntries.userId, f.userId) : undefined,
        search,
        sort === 'newest' ? olderThan(contestEntries.createdAt, contestEntries.id, f.before) : undefined,
      ),
    )
    .orderBy(
      ...(sort === 'votes'
        ? [desc(contestEntries.votes), asc(contestEntries.serial), asc(contestEntries.id)]
        : sort === 'number'
          ? [asc(contestEntries.serial), asc(contestEntries.id)]
          : [desc(contestEntries.createdAt), desc(contestEntries.id)]),
    )
    .limit(f.limit + 1);
  return sort === 'newest' ? query : query.offset(f.offset ?? 0);
}

/** What a voter has left today and which works they already voted for today. */
export async function myVotesToday(db: Db, campaignId: string, voterId: string, day: string) {
  return db
    .select({ entryId: contestVotes.entryId })
    .from(contestVotes)
    .where(and(eq(contestVotes.voterId, voterId), eq(contestVotes.campaignId, campaignId), eq(contestVotes.day, day)));
}

/** Approves or rejects a work; its author is told in the same batch when its status changes (消息中心). Returns the notices written, for their texts. */
export async function reviewEntry(
  db: Db,
  actorId: string,
  e: EntryRow,
  orgUnitId: string,
  decision: 'approve' | 'reject',
  reason: string | null,
  tell: { title: string; link: string } = { title: '', link: '' },
) {
  const status = decision === 'approve' ? 'approved' : 'rejected';
  const told =
    e.status === status
      ? { stmts: [], ids: [] }
      : notifyStatements([
          {
            userId: e.userId,
            kind: decision === 'approve' ? 'entry_approved' : 'entry_rejected',
            params: { title: tell.title, work: e.title, reason: reason ?? '' },
            link: tell.link,
          },
        ]);
  await writeBatch(db, [
    db
      .update(contestEntries)
      .set({ status, reason: decision === 'reject' ? reason : null, reviewedAt: nowIso(), reviewedBy: actorId })
      .where(eq(contestEntries.id, e.id)),
    auditInsert({ actorId, action: `entry.${decision}`, entity: 'contest_entry', entityId: e.id, orgUnitId, detail: { from: e.status, reason } }),
    ...told.stmts,
  ]);
  return told.ids;
}

/**
 * Casts a vote in one batch that also enforces the voter's daily limit, so parallel votes
 * can never exceed it (the guard aborts the batch when the limit left nothing to insert);
 * the unique index keeps one vote per work per day. `board` (the work's score, from
 * boardScoreStatements) goes into the same batch. Returns 'ok' with the results of
 * `board`, 'again' (already voted for this work today) or 'limit'.
 */
export async function castVote(
  db: Db,
  v: { id: string; campaignId: string; entryId: string; voterId: string; day: string; ip: string; accountCreatedAt: string; orgUnitId?: string | null },
  perDay: number,
  board: Stmt[] = [],
) {
  const now = nowIso();
  try {
    const res = await writeBatch(db, [
      sql`INSERT INTO contest_votes (id, campaign_id, entry_id, voter_id, day, ip, account_created_at, flagged, discounted, created_at)
          SELECT ${v.id}, ${v.campaignId}, ${v.entryId}, ${v.voterId}, ${v.day}, ${v.ip}, ${v.accountCreatedAt}, 0, 0, ${now}
          WHERE (SELECT COUNT(*) FROM contest_votes WHERE voter_id = ${v.voterId} AND campaign_id = ${v.campaignId} AND day = ${v.day}) < ${perDay}`,
      abortUnlessChanged(),
      sql`UPDATE contest_entries SET votes = votes + 1 WHERE id = ${v.entryId}`,
      activityInsert({ userId: v.voterId, type: 'contest_vote', campaignId: v.campaignId, kind: 'contest', points: 0, quantity: 1, ref: v.id }),
      ...board,
    ]);
    return { result: 'ok' as const, board: res.slice(4) };
  } catch (e) {
    if (isUniqueViolation(e)) return { result: 'again' as const };
    if (isBatchAborted(e)) return { result: 'limit' as const };
    throw e;
  }
}

export async function votesToday(db: Db, campaignId: string, voterId: string, day: string) {
  return (
    (
      await db
        .select({ n: count() })
        .from(contestVotes)
        .where(and(eq(contestVotes.voterId, voterId), eq(contestVotes.campaignId, campaignId), eq(contestVotes.day, day)))
    )[0]?.n ?? 0
  );
}

/**
 * Flags a burst: many votes for one work within minutes from new accounts of one subnet.
 * Flagged votes still count until an organizer discounts them.
 */
export async function flagBurst(db: Db, entryId: string, subnetPrefix: string, now = Date.now()) {
  const since = new Date(now - BURST.windowMs).toISOString();
  const newSince = new Date(now - BURST.newAccountMs).toISOString();
  const res = await db.run(sql`
    UPDATE contest_votes SET flagged = 1, flag_reason = 'burst'
    WHERE entry_id = ${entryId} AND created_at >= ${since} AND account_created_at >= ${newSince} AND ip LIKE ${subnetPrefix + '%'} AND flagged = 0
      AND (SELECT COUNT(*) FROM contest_votes WHERE entry_id = ${entryId} AND created_at >= ${since} AND account_created_at >= ${newSince} AND ip LIKE ${subnetPrefix + '%'}) >= ${BURST.votes}`);
  return res.meta.changes ?? 0;
}

export async function listVotes(db: Db, campaignId: string, flaggedOnly: boolean, limit: number, beforeId: string | null) {
  return db
    .select({
      id: contestVotes.id,
      entryId: contestVotes.entryId,
      entryTitle: contestEntries.title,
      voterId: contestVotes.voterId,
      voterName: users.name,
      ip: contestVotes.ip,
      day: contestVotes.day,
      flagged: contestVotes.flagged,
      flagReason: contestVotes.flagReason,
      discounted: contestVotes.discounted,
      discountReason: contestVotes.discountReason,
      accountCreatedAt: contestVotes.accountCreatedAt,
      createdAt: contestVotes.createdAt,
    })
    .from(contestVotes)
    .innerJoin(contestEntries, eq(contestEntries.id, contestVotes.entryId))
    .innerJoin(users, eq(users.id, contestVotes.voterId))
    .where(
      and(
        eq(contestVotes.campaignId, campaignId),
        flaggedOnly ? eq(contestVotes.flagged, true) : undefined,
        beforeId ? lt(contestVotes.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(contestVotes.id))
    .limit(limit + 1);
}

/**
 * Discounts votes (kept, marked, audit-logged) in one batch; each vote that this batch
 * discounted takes one off its work's count and, on `boardId`, off the work's board score
 * (the chain of `changes()` keeps a vote discounted twice, in parallel, from counting twice).
 * Returns the results of the board statements, for the board's object.
 */
export async function discountVotes(db: Db, actorId: string, orgUnitId: string, ids: string[], reason: string, boardId?: string) {
  const stmts: Stmt[] = [];
  const boardAt: number[] = [];
  for (const id of ids) {
    stmts.push(sql`UPDATE contest_votes SET discounted = 1, discount_reason = ${reason} WHERE id = ${id} AND discounted = 0`);
    stmts.push(sql`UPDATE contest_entries SET votes = votes - 1 WHERE id = (SELECT entry_id FROM contest_votes WHERE id = ${id}) AND changes() = 1`);
    if (boardId) {
      boardAt.push(stmts.length);
      stmts.push(shiftScoreIfChanged(boardId, sql`(SELECT entry_id FROM contest_votes WHERE id = ${id})`, -1));
    }
    stmts.push(auditInsert({ actorId, action: 'vote.discount', entity: 'contest_vote', entityId: id, orgUnitId, detail: { reason } }));
  }
  const res = await writeBatch(db, stmts);
  return boardAt.map((i) => res[i]!);
}

export async function setAwards(
  db: Db,
  actorId: string,
  campaign: { id: string; orgUnitId: string },
  awards: Array<{ entryId: string; award: string | null }>,
) {
  const stmts: Stmt[] = [db.update(contestEntries).set({ award: null }).where(eq(contestEntries.campaignId, campaign.id))];
  for (const a of awards)
    if (a.award)
      stmts.push(
        db
          .update(contestEntries)
          .set({ award: a.award })
          .where(and(eq(contestEntries.id, a.entryId), eq(contestEntries.campaignId, campaign.id))),
      );
  stmts.push(
    auditInsert({
      actorId,
      action: 'contest.awards',
      entity: 'campaign',
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      detail: { count: awards.filter((a) => a.award).length },
    }),
  );
  await writeBatch(db, stmts);
}

/**
 * Counts a view once per viewer per work per day, in one batch: the mark goes in only if the
 * viewer has none that day, and the counter (and the viewer's activity) moves only if it did.
 * Returns whether this view counted.
 */
export async function addView(db: Db, entry: EntryRow, viewerId: string | null, viewerKey: string, day: string) {
  const [mark] = await writeBatch(db, [
    sql`INSERT INTO contest_views (entry_id, viewer_key, day) VALUES (${entry.id}, ${viewerKey}, ${day}) ON CONFLICT DO NOTHING RETURNING entry_id`,
    sql`UPDATE contest_entries SET views = views + 1 WHERE id = ${entry.id} AND changes() = 1`,
    ...(viewerId
      ? [
          activityInsert(
            {
              userId: viewerId,
              type: 'contest_view',
              campaignId: entry.campaignId,
              kind: 'contest',
              points: 0,
              quantity: 1,
              ref: `${entry.id}:${viewerId}:${day}`,
            },
            sql`EXISTS (SELECT 1 FROM contest_views WHERE entry_id = ${entry.id} AND viewer_key = ${viewerKey} AND day = ${day})`,
          ),
        ]
      : []),
  ]);
  return (mark?.results.length ?? 0) > 0;
}

/** Cron: marks of past days only stop a second count that day; a week on they are forgotten. */
export async function purgeViewMarks(db: Db, beforeDay: string) {
  await db.run(sql`DELETE FROM contest_views WHERE day < ${beforeDay}`);
}

export async function userCreatedAt(db: Db, userId: string) {
  return (await db.select({ at: users.createdAt }).from(users).where(eq(users.id, userId)))[0]?.at ?? nowIso();
}

/** The entries 台账: every work of a campaign with its author's phone and units (for the privacy rule). */
export async function entriesLedger(
  db: Db,
  campaignId: string,
  page: { limit: number; after: { serial: number | null; id: string } | null } = { limit: 20_000, after: null },
) {
  const a = page.after;
  // (serial, id) ascending; a NULL serial sorts first in SQLite, so "after" a NULL one is a NULL with a greater id, or any serial
  const after = !a
    ? undefined
    : a.serial === null
      ? sql`((${contestEntries.serial} IS NULL AND ${contestEntries.id} > ${a.id}) OR ${contestEntries.serial} IS NOT NULL)`
      : sql`(${contestEntries.serial} > ${a.serial} OR (${contestEntries.serial} = ${a.serial} AND ${contestEntries.id} > ${a.id}))`;
  return db
    .select({
      e: contestEntries,
      phone: users.phone,
      unitName: sql<string | null>`(SELECT name FROM org_units u WHERE u.id = ${contestEntries.orgUnitId})`,
      orgPaths: sql<string | null>`(SELECT group_concat(org_path, ' ') FROM memberships m WHERE m.user_id = ${contestEntries.userId})`,
    })
    .from(contestEntries)
    .innerJoin(users, eq(users.id, contestEntries.userId))
    .where(and(eq(contestEntries.campaignId, campaignId), after))
    .orderBy(asc(contestEntries.serial), asc(contestEntries.id))
    .limit(page.limit);
}

/** How many entries a contest has (any status), for an export's size check. */
export async function countEntries(db: Db, campaignId: string) {
  const [r] = await db.select({ n: sql<number>`COUNT(*)` }).from(contestEntries).where(eq(contestEntries.campaignId, campaignId));
  return r?.n ?? 0;
}

/** Publishes or withdraws the results (one statement on the settings, with its audit row). */
export async function setResultsPublished(db: Db, actorId: string, campaign: { id: string; orgUnitId: string }, published: boolean, unfinished: number) {
  await writeBatch(db, [
    sql`UPDATE campaigns SET settings = json_set(settings, '$.resultsPublished', json(${published ? 'true' : 'false'})), updated_at = ${nowIso()} WHERE id = ${campaign.id}`,
    auditInsert({
      actorId,
      action: published ? 'contest.results_publish' : 'contest.results_withdraw',
      entity: 'campaign',
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      detail: { unfinished },
    }),
  ]);
}
