import { sql } from 'drizzle-orm';
import type { Db } from './env';
import { boardKey, boardScoreStatements, type BoardWrite } from './boards';
import type { CampaignRecord } from '../../../db/queries/campaigns';

/**
 * A training campaign ranks members by credited study hours (issue #15). The training code
 * deletes and re-inserts a member's `training_hours` events whenever a register row changes,
 * so an added delta could count a correction twice or miss one; instead each person's score is
 * set to the sum of their events in this campaign, evaluated by the batch after the events
 * were rewritten. Credit, correction and re-credit all converge on what the events say.
 */
export async function trainingBoardWrite(
  env: Env,
  db: Db,
  campaign: CampaignRecord,
  people: Array<{ userId: string; name: string; orgUnitId: string | null; orgUnitName?: string | null }>,
): Promise<BoardWrite> {
  const seen = new Map(people.map((p) => [p.userId, p]));
  const entries = await Promise.all(
    [...seen.values()].map(async (p) => ({
      key: await boardKey(env, campaign.id, p.userId),
      userId: p.userId,
      name: p.name,
      orgUnitId: p.orgUnitId,
      orgUnitName: p.orgUnitName ?? null,
      // events count minutes (db/queries/training.ts); boards show hours
      score: sql`(SELECT COALESCE(SUM(quantity), 0) FROM activity_events WHERE type = 'training_hours' AND campaign_id = ${campaign.id} AND user_id = ${p.userId}) / 60.0`,
      tiebreak: 0,
    })),
  );
  if (!entries.length) return { ...boardScoreStatements(db, campaign, 'set', []), stmts: [] };
  return boardScoreStatements(db, campaign, 'set', entries);
}
