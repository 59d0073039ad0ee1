import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { boardContext, boardKey, boardStub, rankingAccess, recordScores } from '../../lib/boards';
import { managedCampaign, visibleCampaign } from '../../lib/guards';
import { tableFile, type TableCell } from '../../lib/tables';
import {
  BoardResponse,
  FreezeBody,
  FreezeResponse,
  LeaderboardQuery,
  LiveQuery,
  MeBoardResponse,
  MeQuery,
  ScoresBody,
  ScoresAccepted,
} from '../../../../shared/contracts/leaderboards';
import { boardState, freezeBoard, memberUnits, unitsById, userIdsAmong } from '../../../../db/queries/leaderboards';
import { b64url } from '../../../../db/ids';

/*
 * Public reads are the hottest path of the platform (partner sites, 大屏): an anonymous
 * read is answered from a one-second cache in this isolate, with an ETag, so a burst of
 * viewers costs one board read a second. Live viewers get changes through the socket.
 */
const PUBLIC_TTL_MS = 1000;
const publicCache = new Map<string, { at: number; body: string; etag: string }>();

async function etagOf(body: string) {
  const d = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body));
  return `W/"${b64url(new Uint8Array(d))}"`;
}

function respond(c: Context<AppEnv>, body: string, etag: string, isPublic: boolean) {
  c.header('ETag', etag);
  c.header('Vary', 'Cookie, Accept-Language');
  if (isPublic) {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=5');
  } else c.header('Cache-Control', 'private, no-store');
  const inm = c.req.header('if-none-match');
  if (
    inm
      ?.split(',')
      .map((s) => s.trim())
      .includes(etag)
  )
    return c.body(null, 304);
  return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
}

export const leaderboardRoutes = createApp()
  .options('/:id/leaderboard', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Allow-Methods', 'GET, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'If-None-Match, Accept-Language');
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
  })
  .get(
    '/:id/leaderboard',
    describeRoute({
      tags: ['Leaderboards'],
      summary:
        'A page of the board (public, CORS *, ETag). Score desc, tiebreak asc; ties share a rank. Names masked for the public. scope=org&level=N: the units N levels below the campaign’s unit (1 under the root: the 机关党委), each by its whole subtree’s points and members',
      responses: { 200: json(BoardResponse), 304: { description: 'Not modified' } },
    }),
    valid('param', IdParam),
    valid('query', LeaderboardQuery),
    async (c) => {
      const id = c.req.valid('param').id;
      const q = c.req.valid('query');
      const anonymous = !c.var.cookieAuth;
      const cacheKey = `${id}|${q.stage ?? ''}|${q.scope}|${q.limit}|${q.offset}|${q.level ?? ''}`;
      const hit = anonymous ? publicCache.get(cacheKey) : undefined;
      if (hit && Date.now() - hit.at < PUBLIC_TTL_MS) return respond(c, hit.body, hit.etag, true);
      const campaign = await visibleCampaign(c, id);
      const audience = rankingAccess(c, campaign);
      const ctx = boardContext(campaign, q.stage);
      const board = await boardStub(c.env, ctx.boardId).read(ctx, {
        scope: q.scope,
        audience,
        offset: q.offset,
        limit: q.limit,
        level: q.scope === 'org' ? q.level : undefined,
      });
      const body = JSON.stringify(board);
      const etag = await etagOf(body);
      if (anonymous) {
        if (publicCache.size > 5000) publicCache.clear();
        publicCache.set(cacheKey, { at: Date.now(), body, etag });
      }
      return respond(c, body, etag, audience === 'public');
    },
  )
  .get(
    '/:id/leaderboard/me',
    describeRoute({
      tags: ['Leaderboards'],
      summary: "The signed-in participant's rank, score and the entries around them (±5)",
      responses: { 200: json(MeBoardResponse) },
    }),
    valid('param', IdParam),
    valid('query', MeQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      const audience = rankingAccess(c, campaign);
      const ctx = boardContext(campaign, c.req.valid('query').stage);
      const key = await boardKey(c.env, campaign.id, viewer.id);
      return c.json({ key, ...(await boardStub(c.env, ctx.boardId).around(ctx, key, audience)) });
    },
  )
  .post(
    '/:id/leaderboard/scores',
    describeRoute({
      tags: ['Leaderboards'],
      summary: 'Organizers: results of offline rounds or imports, ≤1000 a call, validated whole (a bad entry rejects the call with its index)',
      responses: { 200: json(ScoresAccepted) },
    }),
    valid('param', IdParam),
    valid('json', ScoresBody),
    async (c) => {
      const { campaign } = await managedCampaign(c, c.req.valid('param').id);
      rankingAccess(c, campaign);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const body = c.req.valid('json');
      const given = [...new Set(body.entries.map((e) => e.orgUnitId).filter((x): x is string => !!x))];
      const units = await unitsById(c.var.db, given);
      const fields: Record<string, { key: 'msg.org_missing' | 'msg.unit_outside' }> = {};
      body.entries.forEach((e, i) => {
        if (!e.orgUnitId) return;
        const u = units.get(e.orgUnitId);
        if (!u) fields[`entries.${i}.orgUnitId`] = { key: 'msg.org_missing' };
        else if (!u.path.startsWith(campaign.orgPath)) fields[`entries.${i}.orgUnitId`] = { key: 'msg.unit_outside' };
      });
      if (Object.keys(fields).length) throw new ApiError('validation_failed', undefined, {}, fields);
      const keys = body.entries.filter((e) => !e.orgUnitId).map((e) => e.key);
      const byMember = keys.length ? await memberUnits(c.var.db, keys) : new Map<string, string>();
      // Offline results keyed by member id rank under the member's board key (so their own
      // "my rank" finds them and no user id reaches a public board); other keys are the organizer's own.
      const people = await userIdsAmong(c.var.db, [...new Set(body.entries.map((e) => e.key))]);
      const entries = await Promise.all(
        body.entries.map(async (e) => ({
          key: people.has(e.key) ? await boardKey(c.env, campaign.id, e.key) : e.key,
          userId: people.has(e.key) ? e.key : null,
          name: e.name,
          score: e.score,
          tiebreak: e.tiebreak,
          orgUnitId: e.orgUnitId ?? byMember.get(e.key) ?? null,
        })),
      );
      const accepted = await recordScores(c.env, c.var.db, campaign, body.mode, entries, body.stage);
      publicCache.clear(); // this isolate's readers see the change at once; others within the TTL
      return c.json({ accepted });
    },
  )
  .post(
    '/:id/leaderboard/freeze',
    describeRoute({
      tags: ['Leaderboards'],
      summary: 'Organizers: the public sees the board as it is now until unfreeze; organizers keep seeing it live',
      responses: { 200: json(FreezeResponse) },
    }),
    valid('param', IdParam),
    valid('json', FreezeBody),
    (c) => setFrozen(c, c.req.valid('param').id, true, c.req.valid('json').stage),
  )
  .post(
    '/:id/leaderboard/unfreeze',
    describeRoute({ tags: ['Leaderboards'], summary: 'Organizers: show the live board to the public again', responses: { 200: json(FreezeResponse) } }),
    valid('param', IdParam),
    valid('json', FreezeBody),
    (c) => setFrozen(c, c.req.valid('param').id, false, c.req.valid('json').stage),
  )
  .get(
    '/:id/leaderboard/live',
    describeRoute({
      tags: ['Leaderboards'],
      summary:
        'Live board: WebSocket (or Accept: text/event-stream). A {"type":"snapshot"} message, then {"type":"update"} within 1 s of a change, at most a few a second.',
      responses: {
        101: { description: 'WebSocket' },
        200: { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      },
    }),
    valid('param', IdParam),
    valid('query', LiveQuery),
    async (c) => {
      const q = c.req.valid('query');
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      // The ranking must be visible to the caller even when they ask for the public view.
      const access = rankingAccess(c, campaign);
      const audience = q.view === 'public' ? ('public' as const) : access;
      const ws = c.req.header('upgrade')?.toLowerCase() === 'websocket';
      const sse = (c.req.header('accept') ?? '').includes('text/event-stream');
      if (!ws && !sse) throw new ApiError('validation_failed', 'msg.live_upgrade');
      const ctx = boardContext(campaign, q.stage);
      const headers = new Headers(c.req.raw.headers);
      headers.set('x-board-context', JSON.stringify(ctx));
      headers.set('x-board-options', JSON.stringify({ scope: q.scope, audience, offset: 0, limit: q.limit }));
      const res = await boardStub(c.env, ctx.boardId).fetch(new Request(c.req.url, { headers }));
      if (audience === 'public' && !ws) {
        const out = new Response(res.body, res);
        out.headers.set('Access-Control-Allow-Origin', '*');
        return out;
      }
      return res;
    },
  )
  .get(
    '/:id/leaderboard/export',
    describeRoute({ tags: ['Leaderboards'], summary: 'Organizers: the full ranking as Excel (or CSV)', responses: { 200: { description: 'File' } } }),
    valid('param', IdParam),
    valid(
      'query',
      v.strictObject({
        format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx'),
        scope: v.optional(v.picklist(['individual', 'org']), 'individual'),
        stage: LeaderboardQuery.entries.stage,
      }),
    ),
    async (c) => {
      const { campaign } = await managedCampaign(c, c.req.valid('param').id);
      rankingAccess(c, campaign);
      const q = c.req.valid('query');
      const ctx = boardContext(campaign, q.stage);
      const stub = boardStub(c.env, ctx.boardId);
      const rows: TableCell[][] = [['名次', '姓名', '单位', '得分', '编号']];
      for (let offset = 0; offset < 100_000; offset += 1000) {
        const page = await stub.read(ctx, { scope: q.scope, audience: 'organizer', offset, limit: 1000 });
        for (const e of page.entries) rows.push([e.rank, e.name, e.orgUnitName ?? '', e.score, e.key]);
        if (page.entries.length < 1000) break;
      }
      return tableFile(c, rows, `${campaign.slug}-leaderboard`, q.format, '排行榜');
    },
  );

async function setFrozen(c: Context<AppEnv>, id: string, frozen: boolean, stage: string | undefined) {
  const { campaign } = await managedCampaign(c, id);
  rankingAccess(c, campaign);
  const ctx = boardContext(campaign, stage);
  // Freezing a frozen board keeps the first snapshot (a second click must not move it on).
  const state = await boardState(c.var.db, ctx.boardId);
  if (frozen && state?.frozenAt) return c.json({ frozen: true, frozenAt: state.frozenAt });
  if (!frozen && state && !state.frozenAt) return c.json({ frozen: false, frozenAt: null });
  const frozenAt = await freezeBoard(c.var.db, ctx.boardId, campaign.id, frozen);
  await boardStub(c.env, ctx.boardId).freeze(ctx, frozenAt);
  publicCache.clear();
  return c.json({ frozen, frozenAt });
}
