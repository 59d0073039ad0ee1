import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { campaignOfKind, clientAddress, managedCampaignOfKind, requireOpen } from '../../lib/guards';
import { rateHit, rateRefund } from '../../../../db/queries/accounts';
import { ErrorEnvelope } from '../../../../shared/contracts/common';
import { checkBankIds } from '../../lib/settings-refs';
import { tableFile, type TableCell } from '../../lib/tables';
import { forwardLive, matchmakerStub, roomStub, settle } from '../../lib/live-rooms';
import { getCampaign } from '../../../../db/queries/campaigns';
import { getRoom, insertRoom, isMemberUnder, listRooms, openRoomByPin, roomQuestions, roomResults, type RoomRow } from '../../../../db/queries/live-rooms';
import { questionsByIds } from '../../../../db/queries/quiz';
import { banksByIds, questionPool } from '../../../../db/queries/quiz-banks';
import { newId, nowIso } from '../../../../db/ids';
import { drawQuestions } from '../../../../shared/quiz';
import { maskName } from '../../../../shared/mask';
import { MATCH_QUESTIONS, MATCH_SECONDS, pinOf, rankTeams } from '../../../../shared/live-room';
import {
  CreateRoomBody,
  HostCommandBody,
  HostCommandResponse,
  MatchBody,
  MatchResult,
  MatchTicket,
  PinParam,
  ResultsQuery,
  RoomCreated,
  RoomList,
  RoomPublic,
  RoomResults,
  TicketParam,
} from '../../../../shared/contracts/rooms';
import { settingsOf } from '../../../../shared/contracts/campaigns';
import type { RoomConfig } from '../../../realtime/quiz-room-types';
import { renderSVG } from 'uqr';

const rand32 = () => crypto.getRandomValues(new Uint32Array(1))[0]!;
const random01 = () => rand32() / 2 ** 32;

/** The questions a room plays, with answers: only the room's object ever holds those. */
function roomConfig(
  room: { id: string; kind: 'room' | 'match'; campaignId: string; title: string; secondsPerQuestion: number },
  qs: Awaited<ReturnType<typeof roomQuestions>>,
): Omit<RoomConfig, 'members'> {
  const { id, kind, campaignId, title, secondsPerQuestion } = room;
  return {
    id,
    kind,
    campaignId,
    title,
    secondsPerQuestion,
    questions: qs.map((q) => ({ id: q.id, type: q.type, stem: q.stem, options: q.options, answer: q.answer })),
  };
}

async function listItem(env: Env, r: RoomRow) {
  const info = r.status === 'open' ? await roomStub(env, r.id).info() : null;
  return {
    id: r.id,
    pin: r.pin,
    title: r.title,
    status: r.status,
    phase: info?.phase ?? ('ended' as const),
    players: info?.players ?? 0,
    questions: r.questionIds.length,
    secondsPerQuestion: r.secondsPerQuestion,
    createdAt: r.createdAt,
    endedAt: r.endedAt,
  };
}

/** A room and its campaign, for an organizer of that campaign. */
async function managedRoom(c: Context<AppEnv>, id: string) {
  const room = await getRoom(c.var.db, id);
  if (room?.kind !== 'room') throw new ApiError('not_found');
  const campaign = await getCampaign(c.var.db, room.campaignId);
  if (!campaign) throw new ApiError('not_found');
  requireManage(c, campaign.orgPath);
  return { room, campaign };
}

/**
 * PIN guessing (GET /rooms/{pin} and its QR are public): wrong PINs per client address per
 * minute. Each lookup takes a hit before it looks (so a parallel burst can't slip past) and a
 * right PIN gives it back, so a hall of players behind one address joins without limit.
 */
export const PIN_LOOKUP_LIMIT = { perAddress: 60, windowMs: 60e3 };

async function openRoomOfPin(c: Context<AppEnv>, pin: string) {
  const key = `room-pin:ip:${clientAddress(c)}`;
  const hit = await rateHit(c.var.db, key, PIN_LOOKUP_LIMIT.windowMs);
  if (hit.count > PIN_LOOKUP_LIMIT.perAddress) {
    throw new ApiError('rate_limited', 'msg.room_pin_rate', {}, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(hit.retryAfterMs / 1000))) });
  }
  const room = await openRoomByPin(c.var.db, pin);
  if (!room?.pin) throw new ApiError('not_found');
  await rateRefund(c.var.db, key, PIN_LOOKUP_LIMIT.windowMs);
  return room;
}

const errors = json(ErrorEnvelope, 'Error');

const joinUrl = (c: Context<AppEnv>, pin: string) => `${new URL(c.req.url).origin}/live/${pin}`;

export const roomCampaignRoutes = createApp()
  .post(
    '/:id/rooms',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'Organizers: a live room (现场竞赛) from a bank (count drawn) or chosen questions, with a 6-digit PIN',
      responses: { 201: json(RoomCreated, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', CreateRoomBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'quiz');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const body = c.req.valid('json');
      let ids: string[];
      if (body.bankId) {
        await checkBankIds(c, campaign.orgPath, [body.bankId], 'bankId');
        const pool = await questionPool(c.var.db, [body.bankId]);
        if (!pool.length) throw new ApiError('validation_failed', undefined, {}, { bankId: { key: 'msg.room_bank_empty' } });
        ids = drawQuestions(pool, Math.min(body.count, pool.length), true, random01).map((q) => q.id);
      } else {
        ids = [...new Set(body.questionIds!)];
        const found = await questionsByIds(c.var.db, ids);
        const bankIds = [...new Set([...found.values()].map((q) => q.bankId))];
        const ok = found.size === ids.length && [...found.values()].every((q) => q.active) && (await banksByIds(c.var.db, bankIds)).length === bankIds.length;
        if (!ok) throw new ApiError('validation_failed', undefined, {}, { questionIds: { key: 'msg.room_questions' } });
        await checkBankIds(c, campaign.orgPath, bankIds, 'questionIds');
      }
      const qs = await roomQuestions(c.var.db, ids);
      const id = newId();
      const row = await insertRoom(
        c.var.db,
        {
          id,
          campaignId: campaign.id,
          kind: 'room',
          title: body.title,
          questionIds: qs.map((q) => q.id),
          secondsPerQuestion: body.secondsPerQuestion,
          status: 'open',
          createdBy: viewer.id,
          createdAt: nowIso(),
        },
        () => pinOf(rand32()),
      );
      if (!row?.pin) throw new ApiError('unavailable', 'msg.room_pin_busy');
      await roomStub(c.env, id).init({ ...roomConfig({ ...row, kind: 'room' }, qs), pin: row.pin });
      return c.json({ room: { id, pin: row.pin, joinUrl: joinUrl(c, row.pin), screenUrl: `${new URL(c.req.url).origin}/console/rooms/${id}/screen` } }, 201);
    },
  )
  .get(
    '/:id/rooms',
    describeRoute({ tags: ['Live rooms'], summary: "Organizers: the campaign's live rooms, newest first", responses: { 200: json(RoomList) } }),
    valid('param', IdParam),
    async (c) => {
      const { campaign } = await managedCampaignOfKind(c, c.req.valid('param').id, 'quiz');
      const rows = await listRooms(c.var.db, campaign.id);
      return c.json({ items: await Promise.all(rows.map((r) => listItem(c.env, r))) });
    },
  )
  .post(
    '/:id/matches',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'Queue for 双人对战 (size 2) or 四人赛 (size 4): a ticket that says matched (with matchId), waiting (poll it) or, after 30 s alone, timeout',
      responses: { 202: json(MatchTicket, 'Queued') },
    }),
    valid('param', IdParam),
    valid('json', MatchBody),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await campaignOfKind(c, c.req.valid('param').id, 'quiz');
      requireOpen(campaign);
      const now = Date.now();
      if (now < Date.parse(campaign.startsAt) || now >= Date.parse(campaign.endsAt)) throw new ApiError('conflict', 'msg.quiz_not_open');
      const settings = settingsOf('quiz', campaign.settings);
      // a quiz for members only is played against members only (as its attempts are)
      if (settings.audience === 'members' && !canManagePath(viewer, campaign.orgPath) && !(await isMemberUnder(c.var.db, viewer.id, campaign.orgPath))) {
        throw new ApiError('forbidden', 'msg.quiz_members_only');
      }
      const size = c.req.valid('json').size;
      const pool = await questionPool(c.var.db, settings.bankIds);
      if (!pool.length) throw new ApiError('conflict', 'msg.match_no_questions');
      // the questions this player brings: the match plays the set of whoever completes the group
      const qs = await roomQuestions(
        c.var.db,
        drawQuestions(pool, Math.min(MATCH_QUESTIONS, pool.length), true, random01).map((q) => q.id),
      );
      const draft = roomConfig(
        { id: newId(), kind: 'match', campaignId: campaign.id, title: size === 2 ? '双人对战' : '四人赛', secondsPerQuestion: MATCH_SECONDS },
        qs,
      );
      const t = await matchmakerStub(c.env, campaign.id).enqueue({ id: viewer.id, name: viewer.name }, size, newId(), draft, now);
      if (t.created) {
        await insertRoom(
          c.var.db,
          {
            id: draft.id,
            campaignId: campaign.id,
            kind: 'match',
            title: draft.title,
            questionIds: qs.map((q) => q.id),
            secondsPerQuestion: MATCH_SECONDS,
            size,
            status: 'open',
            createdBy: null,
            createdAt: nowIso(now),
          },
          null,
        );
      }
      const { created: _c, members: _m, ...ticket } = t;
      return c.json({ ticket }, 202);
    },
  )
  .get(
    '/:id/matches/:ticket',
    describeRoute({ tags: ['Live rooms'], summary: 'Poll a match ticket (your own)', responses: { 200: json(MatchTicket) } }),
    valid('param', TicketParam),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await campaignOfKind(c, c.req.valid('param').id, 'quiz');
      const ticket = await matchmakerStub(c.env, campaign.id).poll(c.req.valid('param').ticket, viewer.id);
      if (!ticket) throw new ApiError('not_found');
      return c.json({ ticket });
    },
  );

export const roomRoutes = createApp()
  .get(
    '/:pin',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'The open room a PIN names (public): its title, phase and players. Wrong PINs are limited per address (429 with Retry-After).',
      responses: { 200: json(RoomPublic), 404: errors, 429: errors },
    }),
    valid('param', PinParam),
    async (c) => {
      const room = await openRoomOfPin(c, c.req.valid('param').pin);
      const info = await roomStub(c.env, room.id).info();
      return c.json({ room: { id: room.id, title: room.title, phase: info?.phase ?? 'lobby', players: info?.players ?? 0 } });
    },
  )
  .get(
    '/:pin/qr.svg',
    describeRoute({
      tags: ['Live rooms'],
      summary: "The QR of an open room's join page (/live/{pin}), for the 大屏 and the host screen",
      responses: { 200: { description: 'SVG' }, 404: errors, 429: errors },
    }),
    valid('param', PinParam),
    async (c) => {
      const room = await openRoomOfPin(c, c.req.valid('param').pin);
      return c.body(renderSVG(joinUrl(c, room.pin!), { border: 2 }), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=600' });
    },
  )
  .get(
    '/:id/live',
    describeRoute({
      tags: ['Live rooms'],
      summary:
        'The room live (WebSocket). First message {"type":"join","role":"player"|"host"|"screen"}; then {"type":"state",…} on every change. Player and host need a same-site Origin.',
      responses: { 101: { description: 'WebSocket' } },
    }),
    valid('param', IdParam),
    async (c) => {
      const room = await getRoom(c.var.db, c.req.valid('param').id);
      if (room?.kind !== 'room') throw new ApiError('not_found');
      const campaign = await getCampaign(c.var.db, room.campaignId);
      if (!campaign) throw new ApiError('not_found');
      return forwardLive(c, room, campaign);
    },
  )
  .post(
    '/:id/host',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'Organizers: a host command (start, next, reveal, end) without a socket; end writes the results',
      responses: { 200: json(HostCommandResponse) },
    }),
    valid('param', IdParam),
    valid('json', HostCommandBody),
    async (c) => {
      const { room } = await managedRoom(c, c.req.valid('param').id);
      const out = await roomStub(c.env, room.id).command(c.req.valid('json').command);
      if (out.phase === 'ended') await settle(c.env, c.var.db, room);
      return c.json(out);
    },
  )
  .get(
    '/:id/results',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'Organizers: players, per-question answered/correct, the ranking and unit teams (?format=xlsx|csv: the full ranking)',
      responses: { 200: json(RoomResults) },
    }),
    valid('param', IdParam),
    valid('query', ResultsQuery),
    async (c) => {
      let { room } = await managedRoom(c, c.req.valid('param').id);
      // a room the host ended over the socket is written here, the first time anyone asks
      if (await settle(c.env, c.var.db, room)) room = (await getRoom(c.var.db, room.id))!;
      const live = room.status === 'open' ? await roomStub(c.env, room.id).results() : null;
      const stored = room.status === 'ended' ? await roomResults(c.var.db, room.id) : [];
      const players = live
        ? live.players.map((p) => ({ rank: p.rank, name: p.name, unit: p.unitName, score: p.score, correct: p.correct, answered: p.answered }))
        : stored.map((p) => ({ rank: p.rank, name: p.name, unit: p.orgUnitName, score: p.score, correct: p.correct, answered: p.answered }));
      const fmt = c.req.valid('query').format;
      if (fmt !== 'json') {
        const rows: TableCell[][] = [['名次', '姓名', '单位', '得分', '答对', '作答']];
        for (const p of players) rows.push([p.rank, p.name, p.unit ?? '', p.score, p.correct, p.answered]);
        return tableFile(c, rows, `room-${room.pin ?? room.id}`, fmt, '现场竞赛');
      }
      const qs = await questionsByIds(c.var.db, room.questionIds);
      const perQ = live?.questions ?? (await perQuestionFromRows(c, room));
      return c.json({
        room: await listItem(c.env, room),
        players: players.length,
        questions: room.questionIds.map((id, i) => ({ id, stem: qs.get(id)?.stem ?? '', answered: perQ[i]?.answered ?? 0, correct: perQ[i]?.correct ?? 0 })),
        top: players.slice(0, 100).map((p) => ({ rank: p.rank, name: p.name, score: p.score, unit: p.unit, correct: p.correct })),
        teams: rankTeams(players.map((p) => ({ unitName: p.unit, score: p.score }))),
      });
    },
  );

/** After a room ended, the per-question counts come from the room object (it keeps them) — or zeros if it lost them. */
async function perQuestionFromRows(c: Context<AppEnv>, room: RoomRow) {
  return (await roomStub(c.env, room.id).results())?.questions ?? [];
}

export const matchRoutes = createApp()
  .get(
    '/:id/live',
    describeRoute({
      tags: ['Live rooms'],
      summary: 'A match live (WebSocket): the same messages as a room; the server starts, moves and ends it. Only its players may play.',
      responses: { 101: { description: 'WebSocket' } },
    }),
    valid('param', IdParam),
    async (c) => {
      requireViewer(c);
      const room = await getRoom(c.var.db, c.req.valid('param').id);
      if (room?.kind !== 'match') throw new ApiError('not_found');
      const campaign = await getCampaign(c.var.db, room.campaignId);
      if (!campaign) throw new ApiError('not_found');
      return forwardLive(c, room, campaign);
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Live rooms'],
      summary: "A match's result for one of its players: ranks, scores and the match points earned (within the daily cap)",
      responses: { 200: json(MatchResult) },
    }),
    valid('param', IdParam),
    async (c) => {
      const viewer = requireViewer(c);
      let room = await getRoom(c.var.db, c.req.valid('param').id);
      if (room?.kind !== 'match') throw new ApiError('not_found');
      const live = await roomStub(c.env, room.id).results();
      if (!live?.players.some((p) => p.id === viewer.id) && !(await roomResults(c.var.db, room.id)).some((r) => r.userId === viewer.id))
        throw new ApiError('not_found');
      if (await settle(c.env, c.var.db, room, live)) room = (await getRoom(c.var.db, room.id))!;
      // the other players are strangers to each other: their names masked, as on public boards
      const nameFor = (userId: string, name: string) => (userId === viewer.id ? name : maskName(name));
      const stored = await roomResults(c.var.db, room.id);
      const players = stored.length
        ? stored.map((r) => ({
            rank: r.rank,
            name: nameFor(r.userId, r.name),
            score: r.score,
            correct: r.correct,
            points: r.points,
            you: r.userId === viewer.id,
          }))
        : (live?.players ?? []).map((p) => ({
            rank: p.rank,
            name: nameFor(p.id, p.name),
            score: p.score,
            correct: p.correct,
            points: 0,
            you: p.id === viewer.id,
          }));
      return c.json({ match: { id: room.id, size: room.size ?? 2, phase: live?.phase ?? 'ended', status: room.status }, players });
    },
  );
