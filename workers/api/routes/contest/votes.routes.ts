import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { newId } from '../../../../db/ids';
import { boardContext, boardScoreStatements, notifyBoard } from '../../lib/boards';
import { rateHit } from '../../../../db/queries/accounts';
import { clientAddress } from '../../lib/guards';
import { Cursor, Id, Limit } from '../../../../shared/contracts/common';
import { contestCfg } from '../../lib/contest-results';
import { DiscountBody, DiscountResponse, MyVotesResponse, VotePage, VoteResponse } from '../../../../shared/contracts/contest';
import { subnetPrefix, votesLeftToday, votingOpen } from '../../../../shared/contest';
import { chinaDay } from '../../../../shared/i18n';
import { secondsToNextDay } from '../../../../shared/china-time';
import { getCampaign } from '../../../../db/queries/campaigns';
import { decodeCursor, encodeCursor } from '../../../../db/queries/util';
import { castVote, discountVotes, flagBurst, getEntry, listVotes, myVotesToday, userCreatedAt, votesToday } from '../../../../db/queries/contest';
import { campaignOfKind, managedCampaign } from '../../lib/guards';

const cfg = contestCfg;

/** Votes a voter may cast a minute, and an address (rate limits besides the daily quota). */
export const VOTE_RATE = { perAccount: 30, perAddress: 120, windowMs: 60e3 };

const contestOf = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'contest');

/** Voting on a contest’s works, per campaign: my votes today, and the organizers’ review and discounting. */
export const contestVoteCampaignRoutes = createApp()
  .get(
    '/:id/my-votes',
    describeRoute({
      tags: ['Contests'],
      summary: 'My votes today: how many are left and which works I already voted for (signed in)',
      responses: { 200: json(MyVotesResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await contestOf(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const voted = await myVotesToday(c.var.db, campaign.id, viewer.id, chinaDay(Date.now()));
      return c.json({
        votesPerDay: s.votesPerDay,
        votesLeftToday: votesLeftToday(s.votesPerDay, voted.length),
        votedEntryIds: voted.map((x) => x.entryId),
        votingOpen: votingOpen(campaign, s, Date.now()),
      });
    },
  )
  .get(
    '/:id/votes',
    describeRoute({
      tags: ['Contests'],
      summary: 'Votes for review (organizers); ?flagged=true for bursts from new accounts of one subnet',
      responses: { 200: json(VotePage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ flagged: v.optional(v.picklist(['true', 'false'])), limit: Limit(100), cursor: Cursor })),
    async (c) => {
      const { campaign } = await managedCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listVotes(c.var.db, campaign.id, q.flagged === 'true', q.limit, decodeCursor(q.cursor));
      const items = rows.slice(0, q.limit);
      return c.json({ items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null });
    },
  )
  .post(
    '/:id/votes/discount',
    describeRoute({
      tags: ['Contests'],
      summary: 'Discount votes with a reason (organizers): they stay on record, stop counting, and the audit log keeps who did it',
      responses: { 200: json(DiscountResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', DiscountBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      const votes = await listVotes(c.var.db, campaign.id, false, 5000, null);
      const mine = votes.filter((x) => b.ids.includes(x.id) && !x.discounted);
      // the works' board scores drop in the discount's own batch
      const ctx = boardContext(campaign);
      const board = await discountVotes(
        c.var.db,
        viewer.id,
        campaign.orgUnitId,
        mine.map((x) => x.id),
        b.reason,
        ctx.boardId,
      );
      await notifyBoard(c.env, c.var.db, { ctx }, board);
      return c.json({ discounted: mine.length });
    },
  );

/** A vote for one work. */
export const entryVoteRoutes = createApp().post(
  '/:id/votes',
  describeRoute({
    tags: ['Contests'],
    summary: 'Vote for a work: signed in, one vote per work per day, votesPerDay a day; again → 409, over the limit → 429',
    responses: { 201: json(VoteResponse, 'Voted') },
  }),
  valid('param', v.object({ id: Id })),
  async (c) => {
    const viewer = requireViewer(c);
    const db = c.var.db;
    const e = await getEntry(db, c.req.valid('param').id);
    if (!e) throw new ApiError('not_found');
    const campaign = await getCampaign(db, e.campaignId);
    if (!campaign || campaign.status === 'draft') throw new ApiError('not_found');
    if (e.status !== 'approved') throw new ApiError('conflict', 'msg.entry_not_approved');
    const s = cfg(campaign);
    const now = Date.now();
    if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
    if (!votingOpen(campaign, s, now)) throw new ApiError('conflict', 'msg.voting_closed');
    const ip = clientAddress(c);
    const [byAccount, byAddress] = await Promise.all([
      rateHit(db, `vote:u:${viewer.id}`, VOTE_RATE.windowMs),
      rateHit(db, `vote:ip:${ip}`, VOTE_RATE.windowMs),
    ]);
    if (byAccount.count > VOTE_RATE.perAccount || byAddress.count > VOTE_RATE.perAddress) {
      throw new ApiError('rate_limited', 'msg.vote_rate', {}, undefined, { 'Retry-After': String(Math.ceil(byAccount.retryAfterMs / 1000)) });
    }
    const day = chinaDay(now);
    // the work's board score is earned in the vote's own batch: both or neither
    const board = boardScoreStatements(db, campaign, 'add', [{ key: e.id, name: e.title, orgUnitId: e.orgUnitId, score: 1, tiebreak: 0 }]);
    const res = await castVote(
      db,
      { id: newId(), campaignId: campaign.id, entryId: e.id, voterId: viewer.id, day, ip, accountCreatedAt: await userCreatedAt(db, viewer.id) },
      s.votesPerDay,
      board.stmts,
    );
    if (res.result === 'again') throw new ApiError('conflict', 'msg.vote_again');
    if (res.result === 'limit')
      throw new ApiError('rate_limited', 'msg.vote_limit', { n: s.votesPerDay }, undefined, { 'Retry-After': String(secondsToNextDay(now)) });
    await notifyBoard(c.env, db, board, res.board);
    await flagBurst(db, e.id, subnetPrefix(ip), now);
    const used = await votesToday(db, campaign.id, viewer.id, day);
    return c.json({ votesLeftToday: votesLeftToday(s.votesPerDay, used) }, 201);
  },
);
