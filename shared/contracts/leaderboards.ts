import * as v from 'valibot';
import { Id, SafeLine } from './common';
import { MAX_ROWS } from '../ranking';

/** Campaign kinds that rank (exhibitions count visits but do not rank). */
export const RANKING_KINDS = ['quiz', 'contest', 'volunteer', 'drive', 'training'] as const;

const Stage = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'msg.stage'));
const IntParam = (min: number, max: number, key: 'msg.rows' | 'msg.offset' | 'msg.board_level') =>
  v.pipe(v.string(), v.regex(/^\d{1,7}$/, key), v.transform(Number), v.minValue(min, key), v.maxValue(max, key));

export const LeaderboardQuery = v.strictObject({
  scope: v.optional(v.picklist(['individual', 'org'], 'msg.scope'), 'individual'),
  limit: v.optional(IntParam(1, MAX_ROWS, 'msg.rows'), '10'),
  offset: v.optional(IntParam(0, 10_000_000, 'msg.offset'), '0'),
  stage: v.optional(Stage),
  /** scope=org: rank the units this many levels below the campaign's unit (1: the 机关党委 under the root), each by its whole subtree */
  level: v.optional(IntParam(1, 6, 'msg.board_level')),
});

export const LiveQuery = v.strictObject({
  scope: v.optional(v.picklist(['individual', 'org'], 'msg.scope'), 'individual'),
  /** public: the public board even for an organizer's session (widgets on our own pages) */
  view: v.optional(v.picklist(['public'])),
  limit: v.optional(IntParam(1, MAX_ROWS, 'msg.rows'), '10'),
  stage: v.optional(Stage),
});

export const MeQuery = v.strictObject({ stage: v.optional(Stage) });

export const BoardEntry = v.object({
  rank: v.number(),
  key: v.string(),
  name: v.string(),
  orgUnitId: v.optional(v.nullable(v.string())),
  orgUnitName: v.nullable(v.string()),
  score: v.number(),
});
export const BOARD_SCOPES = ['individual', 'org'] as const;
export const SCORE_UNITS = ['points', 'votes', 'hours', 'fen'] as const;
/** The response of GET /leaderboard, also the body of live `snapshot` / `update` messages. */
export const BoardResponse = v.object({
  scope: v.picklist(BOARD_SCOPES),
  total: v.number(),
  frozen: v.boolean(),
  frozenAt: v.nullable(v.string()),
  final: v.boolean(),
  scoreUnit: v.picklist(SCORE_UNITS),
  updatedAt: v.string(),
  offset: v.number(),
  /** scope=org: how unit scores are made (average over registered members, sum, participation %) — widgets label averages as such */
  aggregation: v.optional(v.picklist(['average', 'sum', 'participation'])),
  /** scope=org by level: how many levels below the campaign's unit the ranked units are */
  level: v.optional(v.number()),
  entries: v.array(BoardEntry),
});
export type BoardDto = v.InferOutput<typeof BoardResponse>;

/**
 * One message of the live board (WebSocket or SSE `data:`), sent by the board's Durable
 * Object and read by the kit (web/ui/live-board.ts) and the partner widget: the whole
 * board on connecting (`snapshot`), then again after changes (`update`, batched).
 */
export const LiveBoardMessage = v.variant('type', [
  v.object({ type: v.literal('snapshot'), ...BoardResponse.entries }),
  v.object({ type: v.literal('update'), ...BoardResponse.entries }),
]);
export type LiveBoardMessage = v.InferOutput<typeof LiveBoardMessage>;

export const MeBoardResponse = v.object({
  /** the viewer's own key on this board (a keyed hash, shared/board-key.ts): how a page finds its own rows */
  key: v.string(),
  rank: v.nullable(v.number()),
  score: v.nullable(v.number()),
  total: v.number(),
  around: v.array(BoardEntry),
});

export const ScoreEntry = v.strictObject({
  key: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(64)),
  name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(40)),
  orgUnitId: v.optional(Id),
  score: v.pipe(v.number(), v.finite(), v.minValue(-1e12), v.maxValue(1e12)),
  tiebreak: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e9)), 0),
});
export const ScoresBody = v.strictObject({
  mode: v.picklist(['set', 'add'], 'msg.score_mode'),
  stage: v.optional(Stage),
  entries: v.pipe(v.array(ScoreEntry), v.minLength(1, 'msg.required'), v.maxLength(1000, 'msg.too_many_scores')),
});
export type ScoresInput = v.InferOutput<typeof ScoresBody>;

/** How many offline scores were written (all or none: a bad row refuses the batch). */
export const ScoresAccepted = v.object({ accepted: v.number() });
export const FreezeBody = v.strictObject({ stage: v.optional(Stage) });
export const FreezeResponse = v.object({ frozen: v.boolean(), frozenAt: v.nullable(v.string()) });

/** `GET /org-units/{id}/points?from=&to=` (China days, either open): a unit's points across its campaigns. */
/** A calendar day (YYYY-MM-DD) that exists: 2026-13-01 or 2026-02-30 are refused, not rolled over. */
const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'),
  v.check((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'msg.date'),
);
export const UnitPointsQuery = v.pipe(
  v.strictObject({ from: v.optional(Day), to: v.optional(Day) }),
  v.forward(
    v.check((q) => !q.from || !q.to || q.from <= q.to, 'msg.period_order'),
    ['to'],
  ),
);
export const UnitPointsResponse = v.object({
  orgUnitId: v.string(),
  name: v.string(),
  from: v.nullable(v.string()),
  to: v.nullable(v.string()),
  /** points the subtree's members earned in the period, over every campaign */
  points: v.number(),
  /** registered members of the subtree, and points ÷ members (an average, labelled as such) */
  members: v.number(),
  averagePerMember: v.number(),
  campaigns: v.array(v.object({ campaignId: v.string(), title: v.string(), kind: v.string(), points: v.number(), participants: v.number() })),
});
