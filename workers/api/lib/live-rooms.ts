import type { Context } from 'hono';
import type { AppEnv, Db, Viewer } from './env';
import { ApiError } from './errors';
import { canManagePath } from './authz';
import { boardKey, boardScoreStatements, notifyBoard } from './boards';
import { getCampaign, type CampaignRecord } from '../../../db/queries/campaigns';
import { matchPointsToday, settleRoom, staleOpenRooms, type RoomRow } from '../../../db/queries/live-rooms';
import { cappedMatchPoints, matchPoints, type MatchSize } from '../../../shared/live-room';
import { chinaDay } from '../../../shared/i18n';
import type { QuizRoom } from '../../realtime/quiz-room';
import type { LiveViewer, RoomResults } from '../../realtime/quiz-room-types';
import type { Matchmaker } from '../../realtime/matchmaker';

export function roomStub(env: Env, roomId: string) {
  // `wrangler types` leaves the namespace untyped; the class is ours, so name it here.
  const ns = env.QUIZ_ROOM as unknown as DurableObjectNamespace<QuizRoom>;
  return ns.get(ns.idFromName(roomId));
}

export function matchmakerStub(env: Env, campaignId: string) {
  const ns = env.MATCHMAKER as unknown as DurableObjectNamespace<Matchmaker>;
  return ns.get(ns.idFromName(campaignId));
}

/** A room's results rank on the campaign's board under a stage of their own, beside the daily ranking. */
export const roomStage = (roomId: string) => `room-${roomId}`;
/** Where match points rank when the campaign's own board ranks best rounds rather than points. */
export const MATCH_STAGE = 'matches';

/** The member unit a player plays for (teams on the big screen): from the session. */
export function unitOfViewer(v: Viewer) {
  const m = v.memberships.find((x) => x.role === 'member') ?? v.memberships[0];
  return { unitId: m?.orgUnitId ?? null, unitName: m?.orgUnitName ?? null };
}

/**
 * Who the socket belongs to, as the Worker establishes it before the upgrade reaches the
 * room. A browser always sends Origin with a WebSocket: the session counts only when it is
 * our own (another site's page must not play or host with a visitor's cookie); without it
 * the socket may only watch (the 大屏).
 */
export function liveViewer(c: Context<AppEnv>, campaign: CampaignRecord): LiveViewer {
  const origin = c.req.header('origin');
  const sameSite = !origin || origin === new URL(c.req.url).origin;
  const v = sameSite ? c.var.viewer : null;
  if (!v) return { user: null, canHost: false };
  return { user: { id: v.id, name: v.name, ...unitOfViewer(v) }, canHost: canManagePath(v, campaign.orgPath) };
}

/** Forwards the WebSocket upgrade to the room's object with who is on it. */
export async function forwardLive(c: Context<AppEnv>, room: RoomRow, campaign: CampaignRecord) {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') throw new ApiError('validation_failed', 'msg.room_live_upgrade');
  const headers = new Headers(c.req.raw.headers);
  // names are not ASCII: the header carries them percent-encoded
  headers.set('x-live-viewer', encodeURIComponent(JSON.stringify(liveViewer(c, campaign))));
  return roomStub(c.env, room.id).fetch(new Request(c.req.url, { headers }));
}

/**
 * Writes a room's results once it has ended in its object: each player's result, an
 * activity event (kind quiz) and the board, in one batch guarded by the room's status, so
 * whoever settles first (the host's end, a results read, a player's match result) writes
 * it and the others change nothing. Matches earn points within the daily cap on the main
 * board; host-led rooms rank their scores on a board stage of their own.
 */
export async function settle(env: Env, db: Db, room: RoomRow, live?: RoomResults | null): Promise<boolean> {
  if (room.status === 'ended') return false;
  const res = live ?? (await roomStub(env, room.id).results());
  if (res?.phase !== 'ended') return false;
  const campaign = await getCampaign(db, room.campaignId);
  if (!campaign) return false;
  const day = chinaDay(Date.now());
  const isMatch = room.kind === 'match';
  const size = (room.size === 4 ? 4 : 2) as MatchSize;
  const today = isMatch
    ? await matchPointsToday(
        db,
        campaign.id,
        res.players.map((p) => p.id),
        day,
      )
    : new Map<string, number>();
  const rows = res.players.map((p) => ({
    userId: p.id,
    name: p.name,
    orgUnitId: p.unitId,
    orgUnitName: p.unitName,
    rank: p.rank,
    score: p.score,
    correct: p.correct,
    answered: p.answered,
    msTotal: p.msTotal,
    day,
    points: isMatch ? cappedMatchPoints(size, matchPoints(size, p.rank, p.answered), today.get(`${p.id}|${size}`) ?? 0) : 0,
  }));
  const entries = await Promise.all(
    rows
      .filter((r) => (isMatch ? r.points > 0 : r.answered > 0))
      .map(async (r) => ({
        key: await boardKey(env, campaign.id, r.userId),
        userId: r.userId,
        name: r.name,
        orgUnitId: r.orgUnitId,
        orgUnitName: r.orgUnitName,
        score: isMatch ? r.points : r.score,
        tiebreak: isMatch ? 0 : Math.round(r.msTotal / 100) / 10,
      })),
  );
  // match points add up where the campaign counts points (a daily quiz's board); a campaign
  // ranking best rounds keeps them on a board of their own, so they never mix with round scores
  const matchStage = ((campaign.settings as { mode?: string } | null)?.mode ?? 'daily') === 'daily' ? undefined : MATCH_STAGE;
  const write = isMatch
    ? boardScoreStatements(db, campaign, 'add', entries, matchStage)
    : boardScoreStatements(db, campaign, 'set', entries, roomStage(room.id));
  const results = await settleRoom(db, { room, rows, board: entries.length ? write.stmts : [] });
  if (!results) return false;
  if (entries.length) await notifyBoard(env, db, write, results.slice(-write.stmts.length));
  return true;
}

/** A room left open this long is over: the cron ends it (what was answered counts). */
export const ROOM_MAX_AGE_MS = 24 * 3600e3;

/**
 * Cron: rooms and matches that ended in their object without anyone reading the results
 * (the host closed the tab, every player of a match left) are written to D1 and the board;
 * rooms left open for a day are ended first.
 */
export async function settleStaleRooms(env: Env, db: Db, now: number) {
  let settled = 0;
  for (const room of await staleOpenRooms(db, new Date(now - 60_000).toISOString())) {
    try {
      const stub = roomStub(env, room.id);
      if (now - Date.parse(room.createdAt) > ROOM_MAX_AGE_MS) await stub.command('end');
      if (await settle(env, db, room)) settled++;
    } catch (e) {
      console.error('room not settled (the next run tries again)', room.id, e);
    }
  }
  return settled;
}
