import type { Db } from '../../../db/client';
import type { CampaignRecord } from '../../../db/queries/campaigns';
import { listEntries, type EntryRow } from '../../../db/queries/contest';
import { judgeAverages, listRounds } from '../../../db/queries/contest-judging';
import { createdCursor, keysetPages } from '../../../db/queries/util';
import { settingsOf, type SettingsOf } from '../../../shared/contracts/campaigns';
import type { ResultDto } from '../../../shared/contracts/contest';
import { awardsFor, categoryRanks, readResults, workNumber, type RoundRead } from '../../../shared/judging';
import { maskName } from '../../../shared/mask';

export type ContestCfg = SettingsOf<'contest'>;
export const contestCfg = (c: CampaignRecord): ContestCfg => settingsOf('contest', c.settings);

export const entryMediaUrl = (e: Pick<EntryRow, 'id'>, variant: 'original' | 'display' | 'thumb') => `/media/entries/${e.id}/${variant}`;

/** Every round of the contest with each work's panel average and number of scores. */
export async function roundReads(db: Db, campaignId: string): Promise<RoundRead[]> {
  const rounds = await listRounds(db, campaignId);
  return Promise.all(
    rounds.map(async (r) => ({
      ord: r.ord,
      quorum: r.quorum,
      scores: new Map((await judgeAverages(db, r.id)).map((a) => [a.entryId, { avg: a.avg, n: a.n }])),
    })),
  );
}

export async function approvedEntries(db: Db, campaignId: string) {
  const all: EntryRow[] = [];
  for await (const page of keysetPages((before) => listEntries(db, campaignId, { status: 'approved', limit: 500, before }), 500, createdCursor))
    all.push(...page);
  return all;
}

/**
 * The results of a contest as the rules read them (shared/judging.ts `readResults`): each
 * work judged in the last round it reached, unfinished works without score or rank; with
 * each work's rank in its category, and the award it holds.
 */
export async function contestResults(db: Db, campaign: CampaignRecord, s: ContestCfg, organizer: boolean): Promise<{ items: ResultDto[]; unfinished: number }> {
  const all = await approvedEntries(db, campaign.id);
  const byId = new Map(all.map((e) => [e.id, e]));
  const read = readResults(
    all.map((e) => ({
      entryId: e.id,
      title: e.title,
      authorName: organizer ? e.authorName : maskName(e.authorName),
      category: e.category,
      votes: e.votes,
      serial: e.serial,
      round: e.round,
    })),
    await roundReads(db, campaign.id),
    s.judgeWeight,
  );
  const items = categoryRanks(read).map(({ previousJudge, ...r }) => {
    const e = byId.get(r.entryId)!;
    return { ...r, previousJudge, number: workNumber(r.serial), award: e.award, thumbUrl: entryMediaUrl(e, e.thumbKey ? 'thumb' : 'original') };
  });
  return { items, unfinished: items.filter((r) => r.status === 'unfinished').length };
}

/** The awards the settings give by rank (per category when set), for `POST /awards` mode auto. */
export const autoAwards = (items: ResultDto[], s: ContestCfg) =>
  awardsFor(items, s.awards, s.awardsByCategory).map((r) => ({ entryId: r.entryId, award: r.award }));
