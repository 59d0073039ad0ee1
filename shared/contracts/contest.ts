import * as v from 'valibot';
import { Id, ListQuery } from './common';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Display and thumbnail copies made in the browser are much smaller. */
export const MAX_DERIVED_BYTES = 2 * 1024 * 1024;

export const EntryFields = v.strictObject({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60)),
  category: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(20)),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000)), ''),
  authorName: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(40)),
  /** a client-made id of this upload: retrying it never makes a second entry */
  uploadId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'msg.upload_id'))),
});

export const EntryListQuery = v.strictObject({
  ...ListQuery,
  category: v.optional(v.pipe(v.string(), v.maxLength(20))),
  status: v.optional(v.picklist(['pending', 'approved', 'rejected'])),
  mine: v.optional(v.picklist(['true', 'false'])),
});

export const ReviewBody = v.pipe(
  v.strictObject({ decision: v.picklist(['approve', 'reject']), reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), '') }),
  v.forward(v.check((b) => b.decision === 'approve' || b.reason.length > 0, 'msg.reject_reason'), ['reason']),
);

export const JudgeBody = v.strictObject({ userId: v.optional(Id), phone: v.optional(v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/, 'msg.phone'))) });

export const RoundBody = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(20)),
  criteria: v.pipe(
    v.array(v.strictObject({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(20)), weight: v.pipe(v.number(), v.minValue(0), v.maxValue(100)), max: v.pipe(v.number(), v.minValue(1), v.maxValue(1000)) })),
    v.minLength(1, 'msg.required'), v.maxLength(10),
  ),
  assignment: v.optional(v.picklist(['all', 'random']), 'all'),
  judgesPerEntry: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 3),
  quorum: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 1),
  /** which entries enter: all approved (first round), the top N of the previous round, or a hand-picked list */
  entries: v.optional(v.union([v.literal('all-approved'), v.strictObject({ topN: v.pipe(v.number(), v.integer(), v.minValue(1)) }), v.strictObject({ ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(5000)) })]), 'all-approved'),
});

export const ScoreBody = v.strictObject({ criteria: v.record(v.pipe(v.string(), v.maxLength(20)), v.number()) });
export const DiscountBody = v.strictObject({ ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)), reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(200)) });
export const AwardsBody = v.union([
  v.strictObject({ mode: v.literal('auto') }),
  v.strictObject({ mode: v.literal('manual'), awards: v.pipe(v.array(v.strictObject({ entryId: Id, award: v.nullable(v.pipe(v.string(), v.maxLength(20))) })), v.maxLength(1000)) }),
]);

/** A judge on a campaign's panel; `phone` is masked unless the reader manages the judge's unit. */
export const JudgeItem = v.object({ userId: v.string(), name: v.string(), phone: v.string(), orgUnitId: v.nullable(v.string()) });

/** A judge invitation code: 24 random bytes, base64url (the link is the secret). */
export const JudgeInviteCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32}$/, 'msg.judge_invite_missing'));
export const JUDGE_INVITE_DAYS = 14;

export const JudgeInviteCreated = v.object({ id: v.string(), code: v.string(), url: v.string(), qrUrl: v.string(), expiresAt: v.string() });
export const JudgeInviteItem = v.object({ id: v.string(), createdAt: v.string(), expiresAt: v.string(), createdByName: v.nullable(v.string()) });
/** What anyone holding the link may see: the campaign and the inviting unit, never a person. */
export const JudgeInvitePublic = v.object({
  campaign: v.object({ id: v.string(), slug: v.string(), title: v.string(), kind: v.string(), status: v.string() }),
  inviterUnit: v.string(),
  valid: v.boolean(),
  /** why it is not valid any more */
  state: v.picklist(['open', 'used', 'expired', 'revoked', 'closed']),
  expiresAt: v.string(),
});
