import { sql, type Column } from 'drizzle-orm';
import { activityEvents, contestEntries, pledges, quizAttempts, serviceRecords } from '../schema';
import type { Db } from '../client';

export interface CampaignCounts {
  /** people who did anything in the campaign (distinct accounts in its activity) */
  participants: number;
  /** what waits for an organizer: works to review, receipts to verify, flagged attempts, service records */
  pending: number;
}

/**
 * The console list's counts for a page of campaigns, in one batch of grouped queries (never one
 * per campaign). The ids go in as one JSON parameter: D1 binds at most 100 values a statement.
 */
export async function campaignCounts(db: Db, ids: string[]): Promise<Map<string, CampaignCounts>> {
  const out = new Map<string, CampaignCounts>(ids.map((id) => [id, { participants: 0, pending: 0 }]));
  if (!ids.length) return out;
  const list = JSON.stringify(ids);
  const inPage = (col: Column) => sql`${col} IN (SELECT value FROM json_each(${list}))`;
  const n = sql<number>`COUNT(*)`;
  const [people, entries, receipts, flagged, records] = await db.batch([
    db
      .select({ id: activityEvents.campaignId, n: sql<number>`COUNT(DISTINCT ${activityEvents.userId})` })
      .from(activityEvents)
      .where(inPage(activityEvents.campaignId))
      .groupBy(activityEvents.campaignId),
    db
      .select({ id: contestEntries.campaignId, n })
      .from(contestEntries)
      .where(sql`${inPage(contestEntries.campaignId)} AND ${contestEntries.status} = 'pending'`)
      .groupBy(contestEntries.campaignId),
    db
      .select({ id: pledges.campaignId, n })
      .from(pledges)
      .where(sql`${inPage(pledges.campaignId)} AND ${pledges.status} = 'receipt_submitted'`)
      .groupBy(pledges.campaignId),
    db
      .select({ id: quizAttempts.campaignId, n })
      .from(quizAttempts)
      .where(sql`${inPage(quizAttempts.campaignId)} AND ${quizAttempts.flags} > 0 AND ${quizAttempts.review} IS NULL`)
      .groupBy(quizAttempts.campaignId),
    db
      .select({ id: serviceRecords.campaignId, n })
      .from(serviceRecords)
      .where(sql`${inPage(serviceRecords.campaignId)} AND ${serviceRecords.status} = 'pending'`)
      .groupBy(serviceRecords.campaignId),
  ]);
  for (const r of people) if (r.id && out.has(r.id)) out.get(r.id)!.participants = Number(r.n);
  for (const rows of [entries, receipts, flagged, records]) {
    for (const r of rows) if (out.has(r.id)) out.get(r.id)!.pending += Number(r.n);
  }
  return out;
}
