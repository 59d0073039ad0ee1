import * as v from 'valibot';
import { Id, SafeLine } from './common';
import { MATCH_SIZES, ROOM_PHASES } from '../live-room';

/**
 * Live quiz rooms (现场竞赛) and matches (双人对战 / 四人赛): the HTTP side. What travels
 * over the sockets is the union in shared/live-room.ts.
 */

const Count = (min: number, max: number, msg: 'msg.room_count' | 'msg.room_seconds') =>
  v.pipe(v.number(msg), v.integer(msg), v.minValue(min, msg), v.maxValue(max, msg));

export const CreateRoomBody = v.pipe(
  v.strictObject({
    title: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60)),
    bankId: v.optional(Id),
    count: v.optional(Count(1, 50, 'msg.room_count'), 10),
    /** or the questions chosen one by one, in order */
    questionIds: v.optional(v.pipe(v.array(Id), v.minLength(1, 'msg.room_count'), v.maxLength(50, 'msg.room_count'))),
    secondsPerQuestion: v.optional(Count(5, 120, 'msg.room_seconds'), 20),
  }),
  v.check((b) => !!b.bankId !== !!b.questionIds, 'msg.room_source'),
);

export const RoomCreated = v.object({ room: v.object({ id: v.string(), pin: v.string(), joinUrl: v.string(), screenUrl: v.string() }) });

export const PinParam = v.object({ pin: v.pipe(v.string(), v.regex(/^\d{6}$/, 'msg.room_pin')) });

export const RoomPublic = v.object({ room: v.object({ id: v.string(), title: v.string(), phase: v.picklist(ROOM_PHASES), players: v.number() }) });

export const RoomListItem = v.object({
  id: v.string(),
  pin: v.nullable(v.string()),
  title: v.string(),
  status: v.picklist(['open', 'ended']),
  phase: v.picklist(ROOM_PHASES),
  players: v.number(),
  questions: v.number(),
  secondsPerQuestion: v.number(),
  createdAt: v.string(),
  endedAt: v.nullable(v.string()),
});
export const RoomList = v.object({ items: v.array(RoomListItem) });

export const TopEntry = v.object({ rank: v.number(), name: v.string(), score: v.number(), unit: v.nullable(v.string()), correct: v.number() });
export const RoomResults = v.object({
  room: RoomListItem,
  players: v.number(),
  questions: v.array(v.object({ id: v.string(), stem: v.string(), answered: v.number(), correct: v.number() })),
  top: v.array(TopEntry),
  teams: v.array(v.object({ rank: v.number(), name: v.string(), score: v.number(), players: v.number() })),
});
export const ResultsQuery = v.strictObject({ format: v.optional(v.picklist(['json', 'xlsx', 'csv'], 'msg.format'), 'json') });

export const HostCommandBody = v.strictObject({ command: v.picklist(['start', 'next', 'reveal', 'end'], 'msg.room_command') });
export const HostCommandResponse = v.object({ phase: v.picklist(ROOM_PHASES), index: v.number() });

export const MatchBody = v.strictObject({ size: v.picklist(MATCH_SIZES, 'msg.match_size') });
export const MatchTicket = v.object({
  ticket: v.object({
    id: v.string(),
    status: v.picklist(['waiting', 'matched', 'timeout']),
    matchId: v.nullable(v.string()),
    size: v.picklist(MATCH_SIZES),
    expiresAt: v.string(),
  }),
});
export const TicketParam = v.object({ id: Id, ticket: Id });

export const MatchResult = v.object({
  match: v.object({ id: v.string(), size: v.number(), phase: v.picklist(ROOM_PHASES), status: v.picklist(['open', 'ended']) }),
  players: v.array(v.object({ rank: v.number(), name: v.string(), score: v.number(), correct: v.number(), points: v.number(), you: v.boolean() })),
});
