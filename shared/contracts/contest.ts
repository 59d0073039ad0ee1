import * as v from 'valibot';
import { Id, ListQuery, Page, SafeLine, SafeText } from './common';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Display and thumbnail copies made in the browser are much smaller. */
export const MAX_DERIVED_BYTES = 2 * 1024 * 1024;

export const EntryFields = v.strictObject({
  title: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60)),
  category: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(20)),
  description: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(1000)), ''),
  authorName: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(40)),
  /** a client-made id of this upload: retrying it never makes a second entry */
  uploadId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'msg.upload_id'))),
});

export const EntryListQuery = v.strictObject({
  ...ListQuery,
  category: v.optional(v.pipe(v.string(), v.maxLength(20))),
  status: v.optional(v.picklist(['pending', 'approved', 'rejected'])),
  mine: v.optional(v.picklist(['true', 'false'])),
  /** search the gallery: title or 作品编号 (organizers: also the author's name) */
  q: v.optional(v.pipe(v.string(), SafeLine, v.trim(), v.maxLength(40))),
  /** newest first (default), most votes (only where vote counts are shown), or by 作品编号 */
  sort: v.optional(v.picklist(['newest', 'votes', 'number']), 'newest'),
});

export const ReviewBody = v.pipe(
  v.strictObject({ decision: v.picklist(['approve', 'reject']), reason: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200)), '') }),
  v.forward(
    v.check((b) => b.decision === 'approve' || b.reason.length > 0, 'msg.reject_reason'),
    ['reason'],
  ),
);

export const JudgeBody = v.strictObject({ userId: v.optional(Id), phone: v.optional(v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/, 'msg.phone'))) });

export const RoundBody = v.strictObject({
  name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(20)),
  criteria: v.pipe(
    v.array(
      v.strictObject({
        name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(20)),
        weight: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
        max: v.pipe(v.number(), v.minValue(1), v.maxValue(1000)),
      }),
    ),
    v.minLength(1, 'msg.required'),
    v.maxLength(10),
  ),
  assignment: v.optional(v.picklist(['all', 'random']), 'all'),
  judgesPerEntry: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 3),
  quorum: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 1),
  /** which entries enter: all approved (first round), the top N of the previous round, or a hand-picked list */
  entries: v.optional(
    v.union([
      v.literal('all-approved'),
      v.strictObject({ topN: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
      v.strictObject({ ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(5000)) }),
    ]),
    'all-approved',
  ),
  /** carry the top N although some works of the previous round are unfinished (after the console's warning) */
  force: v.optional(v.boolean(), false),
});
/** A random round draws judgesPerEntry judges a work: fewer than the quorum could never finish it. */
export const RoundBodyChecked = v.pipe(
  RoundBody,
  v.forward(
    v.check((b) => b.assignment === 'all' || b.quorum <= b.judgesPerEntry, 'msg.round_quorum'),
    ['quorum'],
  ),
);

/** Publish or withdraw the results; publishing while works are unfinished needs `force` (409 judging_incomplete first). */
export const PublishResultsBody = v.strictObject({ published: v.boolean(), force: v.optional(v.boolean(), false) });
export const PublishResultsResponse = v.object({ published: v.boolean(), unfinished: v.number() });

export const ScoreBody = v.strictObject({ criteria: v.record(v.pipe(v.string(), v.maxLength(20)), v.number()) });
/** A judge's weighted total for the work. */
export const ScoreResponse = v.object({ total: v.number() });
export const DiscountBody = v.strictObject({
  ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)),
  reason: v.pipe(v.string(), SafeText, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(200)),
});
/** How many of the votes named were this contest's and are now discounted. */
export const DiscountResponse = v.object({ discounted: v.number() });
export const AwardsBody = v.union([
  v.strictObject({ mode: v.literal('auto') }),
  v.strictObject({
    mode: v.literal('manual'),
    awards: v.pipe(v.array(v.strictObject({ entryId: Id, award: v.nullable(v.pipe(v.string(), v.maxLength(20))) })), v.maxLength(1000)),
  }),
]);

/* Responses. */
export const ENTRY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ROUND_STATUSES = ['open', 'closed'] as const;

/** A work as the viewer may see it: reasons and dates to the entrant and organizers; originals and sizes to organizers. */
export const EntrySchema = v.object({
  id: v.string(),
  campaignId: v.string(),
  category: v.string(),
  title: v.string(),
  description: v.string(),
  authorName: v.string(),
  status: v.picklist(ENTRY_STATUSES),
  reason: v.optional(v.nullable(v.string())),
  width: v.number(),
  height: v.number(),
  award: v.nullable(v.string()),
  views: v.number(),
  votes: v.nullable(v.number()),
  imageUrl: v.string(),
  thumbUrl: v.string(),
  createdAt: v.optional(v.string()),
  originalUrl: v.optional(v.string()),
  bytes: v.optional(v.number()),
  round: v.optional(v.number()),
  /** 作品编号: a per-campaign serial, and as shown (0001) */
  serial: v.optional(v.nullable(v.number())),
  number: v.optional(v.nullable(v.string())),
  /** organizers: other works with the same image */
  duplicates: v.optional(v.array(v.object({ id: v.string(), title: v.string(), authorName: v.string() }))),
});
export type EntryDto = v.InferOutput<typeof EntrySchema>;
export const EntryPage = Page(EntrySchema);
export const EntrySubmitted = v.object({ entry: EntrySchema, retried: v.optional(v.boolean()) });
/** A work as reviewed (the organizers' view of it). */
export const EntryResponse = v.object({ entry: EntrySchema });
/** One work with the contest it belongs to (the viewer's page links back to the gallery). */
export const EntryView = v.object({ entry: EntrySchema, campaign: v.object({ id: v.string(), slug: v.string(), title: v.string() }) });

export const MyVotesResponse = v.object({ votesPerDay: v.number(), votesLeftToday: v.number(), votedEntryIds: v.array(v.string()), votingOpen: v.boolean() });
export const VoteResponse = v.object({ votesLeftToday: v.number() });

export const VoteSchema = v.object({
  id: v.string(),
  entryId: v.string(),
  entryTitle: v.string(),
  voterId: v.string(),
  voterName: v.string(),
  ip: v.string(),
  day: v.string(),
  flagged: v.boolean(),
  flagReason: v.nullable(v.string()),
  discounted: v.boolean(),
  discountReason: v.nullable(v.string()),
  accountCreatedAt: v.string(),
  createdAt: v.string(),
});
export const VotePage = Page(VoteSchema);

/** One line of the results: the panel's and the public's scores combined, rank and award. */
export const ResultSchema = v.object({
  entryId: v.string(),
  key: v.string(),
  title: v.string(),
  authorName: v.string(),
  category: v.string(),
  /** the panel's average in the last round the work reached, once its quorum scored it; else null */
  judge: v.nullable(v.number()),
  votes: v.number(),
  /** `unfinished`: fewer scores than the round's quorum — no score, no rank, never a 0 */
  status: v.picklist(['final', 'unfinished']),
  /** the last round the work reached (0: none), its scores so far and the quorum */
  round: v.number(),
  judgeCount: v.number(),
  quorum: v.nullable(v.number()),
  /** the panel's average in the round before (breaks ties) */
  previousJudge: v.nullable(v.number()),
  publicScore: v.number(),
  score: v.nullable(v.number()),
  tiebreak: v.number(),
  rank: v.nullable(v.number()),
  /** rank among the works of its category (awards per category go by it) */
  categoryRank: v.nullable(v.number()),
  serial: v.nullable(v.number()),
  number: v.nullable(v.string()),
  award: v.nullable(v.string()),
  thumbUrl: v.string(),
});
export type ResultDto = v.InferOutput<typeof ResultSchema>;
export const ResultsResponse = v.object({
  published: v.boolean(),
  judgeWeight: v.number(),
  items: v.array(ResultSchema),
  /** works not fully scored yet */
  unfinished: v.number(),
  /** awards go per category (书法, 绘画, 摄影 each their own prizes) */
  awardsPerCategory: v.boolean(),
});
export const AwardsResponse = v.object({ items: v.array(ResultSchema) });

/** A judge of the panel (organizers); the phone only where the organizer may see it. */
export const JudgeSchema = v.object({ userId: v.string(), name: v.string(), phone: v.optional(v.nullable(v.string())), orgUnitId: v.nullable(v.string()) });
export const JudgesResponse = v.object({ judges: v.array(JudgeSchema) });

const Criterion = v.object({ name: v.string(), weight: v.number(), max: v.number() });
export const RoundSchema = v.object({
  id: v.string(),
  campaignId: v.string(),
  ord: v.number(),
  name: v.string(),
  criteria: v.array(Criterion),
  assignment: v.picklist(['all', 'random']),
  judgesPerEntry: v.number(),
  quorum: v.number(),
  status: v.picklist(ROUND_STATUSES),
  closedAt: v.nullable(v.string()),
  unfinished: v.nullable(v.array(v.object({ judgeId: v.string(), missing: v.number() }))),
  createdAt: v.string(),
});
export type RoundDto = v.InferOutput<typeof RoundSchema>;
export const RoundOpened = v.object({
  round: RoundSchema,
  assigned: v.number(),
  entries: v.number(),
  /** works with fewer eligible judges than the quorum (conflicts): they cannot be finished in this round */
  shortOfQuorum: v.array(v.string()),
});
export const RoundResponse = v.object({ round: RoundSchema });
export const RoundProgress = v.object({ judgeId: v.string(), name: v.string(), assigned: v.number(), scored: v.number(), conflicts: v.number() });
export const RoundList = v.object({ items: v.array(v.object({ ...RoundSchema.entries, progress: v.array(RoundProgress) })) });

/** A judge's assignment: blind (no author, no unit). */
export const AssignmentSchema = v.object({
  roundId: v.string(),
  roundName: v.string(),
  roundStatus: v.picklist(ROUND_STATUSES),
  criteria: v.array(Criterion),
  entryId: v.string(),
  campaignId: v.string(),
  title: v.string(),
  category: v.string(),
  description: v.string(),
  width: v.number(),
  height: v.number(),
  conflict: v.boolean(),
  total: v.nullable(v.number()),
  given: v.nullable(v.record(v.string(), v.number())),
  scoredAt: v.nullable(v.string()),
  imageUrl: v.string(),
  originalUrl: v.string(),
});
export type AssignmentDto = v.InferOutput<typeof AssignmentSchema>;
export const AssignmentList = v.object({ items: v.array(AssignmentSchema) });

/** A judge on a campaign's panel; `phone` is masked unless the reader manages the judge's unit. */
export const JudgeItem = v.object({ userId: v.string(), name: v.string(), phone: v.string(), orgUnitId: v.nullable(v.string()) });

/** A judge invitation code: 24 random bytes, base64url (the link is the secret). */
export const JudgeInviteCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32}$/, 'msg.judge_invite_missing'));
export const JUDGE_INVITE_DAYS = 14;

export const JudgeInviteCreated = v.object({ id: v.string(), code: v.string(), url: v.string(), qrUrl: v.string(), expiresAt: v.string() });
export const JudgeInviteItem = v.object({ id: v.string(), createdAt: v.string(), expiresAt: v.string(), createdByName: v.nullable(v.string()) });
export const JudgeInviteList = v.object({ items: v.array(JudgeInviteItem) });
export const JudgeInviteAccepted = v.object({ accepted: v.literal(true), campaignId: v.string() });
/** What anyone holding the link may see: the campaign and the inviting unit, never a person. */
export const JudgeInvitePublic = v.object({
  campaign: v.object({ id: v.string(), slug: v.string(), title: v.string(), kind: v.string(), status: v.string() }),
  inviterUnit: v.string(),
  valid: v.boolean(),
  /** why it is not valid any more */
  state: v.picklist(['open', 'used', 'expired', 'revoked', 'closed']),
  expiresAt: v.string(),
});
