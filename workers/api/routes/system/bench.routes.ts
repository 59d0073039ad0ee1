import * as v from 'valibot';
import { sql } from 'drizzle-orm';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { ApiError } from '../../lib/errors';
import { boardStub } from '../../lib/boards';
import type { BoardContext } from '../../../realtime/leaderboard-types';
import { subtreeMetrics } from '../../../../db/queries/metrics';

/*
 * Routes for `npm run bench` only: mounted when wrangler dev runs with
 * `--var BENCH_ROUTES:1`, never in the deployed configuration. Each repeats a lookup
 * `n` times inside the Worker and reports the elapsed time, so the comparison between
 * the Leaderboard object and the naive SQL is not drowned by HTTP overhead.
 */
const Q = v.strictObject({
  board: v.pipe(v.string(), v.regex(/^bench-[a-z0-9]+$/)),
  n: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number)), '50'),
  max: v.optional(v.pipe(v.string(), v.regex(/^\d{1,8}$/), v.transform(Number)), '100000'),
});

const ctxOf = (board: string): BoardContext => ({
  boardId: `${board}:main`,
  campaignId: board,
  orgPath: '/root/',
  aggregation: 'sum',
  final: false,
  scoreUnit: 'points',
  maskNames: true,
});

const M = v.strictObject({
  unit: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  days: v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number)),
  raw: v.optional(v.picklist(['0', '1']), '0'),
  n: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number)), '3'),
  /** the period's end (ms); the bench passes the same one to both ways so their numbers compare */
  at: v.optional(v.pipe(v.string(), v.regex(/^\d{13}$/), v.transform(Number))),
});

export const benchRoutes = createApp()
  .use('*', async (c, next) => {
    if ((c.env as unknown as { BENCH_ROUTES?: string }).BENCH_ROUTES !== '1') throw new ApiError('not_found');
    await next();
  })
  // 概览 over a period: read from the daily rollups, or (raw=1) the naive scan of every event
  .get('/metrics', valid('query', M), async (c) => {
    const { unit, days, raw, n, at } = c.req.valid('query');
    const row = await c.var.db.get<{ id: string; path: string }>(sql`SELECT id, path FROM org_units WHERE id = ${unit}`);
    if (!row) throw new ApiError('not_found');
    const end = at ?? Date.now();
    const to = new Date(end).toISOString();
    const from = new Date(end - days * 86_400_000).toISOString();
    const t0 = Date.now();
    let checksum = 0;
    for (let i = 0; i < n; i++) {
      const m = await subtreeMetrics(c.var.db, row.path, { from, to }, { unitId: row.id, series: 'week', rawOnly: raw === '1' });
      checksum += m.points + m.activeMembers;
    }
    return c.json({ ms: Date.now() - t0, n, checksum });
  })
  .get('/rank', valid('query', Q), async (c) => {
    const { board, n, max } = c.req.valid('query');
    const stub = boardStub(c.env, `${board}:main`);
    const t0 = Date.now();
    let checksum = 0;
    for (let i = 0; i < n; i++) checksum += (await stub.rankOf(ctxOf(board), `k${Math.floor(Math.random() * max)}`)).rank ?? 0;
    return c.json({ ms: Date.now() - t0, n, checksum });
  })
  .get('/naive-rank', valid('query', Q), async (c) => {
    const { board, n, max } = c.req.valid('query');
    const t0 = Date.now();
    let checksum = 0;
    for (let i = 0; i < n; i++) {
      const key = `k${Math.floor(Math.random() * max)}`;
      const row = await c.var.db.get<{ rank: number }>(sql`
        SELECT COUNT(*) + 1 AS rank FROM leaderboard_entries e, (SELECT score, tiebreak FROM leaderboard_entries WHERE board_id = ${`${board}:main`} AND key = ${key}) me
        WHERE e.board_id = ${`${board}:main`} AND (e.score > me.score OR (e.score = me.score AND e.tiebreak < me.tiebreak))`);
      checksum += row?.rank ?? 0;
    }
    return c.json({ ms: Date.now() - t0, n, checksum });
  })
  .get('/top', valid('query', Q), async (c) => {
    const { board, n } = c.req.valid('query');
    const stub = boardStub(c.env, `${board}:main`);
    const t0 = Date.now();
    for (let i = 0; i < n; i++) await stub.read(ctxOf(board), { scope: 'individual', audience: 'organizer', offset: 0, limit: 10 });
    return c.json({ ms: Date.now() - t0, n });
  })
  .get('/naive-top', valid('query', Q), async (c) => {
    const { board, n } = c.req.valid('query');
    const t0 = Date.now();
    for (let i = 0; i < n; i++) {
      await c.var.db.all(sql`SELECT key, name, score, tiebreak, (SELECT COUNT(*) + 1 FROM leaderboard_entries x WHERE x.board_id = e.board_id AND (x.score > e.score OR (x.score = e.score AND x.tiebreak < e.tiebreak))) AS rank
        FROM leaderboard_entries e WHERE board_id = ${`${board}:main`} ORDER BY score DESC, tiebreak ASC LIMIT 10`);
    }
    return c.json({ ms: Date.now() - t0, n });
  })
  .get('/warm', valid('query', Q), async (c) => {
    const { board } = c.req.valid('query');
    const stats = await boardStub(c.env, `${board}:main`).rankOf(ctxOf(board), 'k0');
    return c.json(stats);
  });
