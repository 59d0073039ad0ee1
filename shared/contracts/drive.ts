import * as v from 'valibot';
import { Id, ListQuery, Page, SafeLine, SafeText } from './common';

/** 1 fen to 10 million yuan: anything beyond is a typo, not a pledge. */
export const MAX_PLEDGE_FEN = 1_000_000_000;
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const Fen = v.pipe(v.number('msg.amount'), v.integer('msg.amount'), v.minValue(1, 'msg.amount'), v.maxValue(MAX_PLEDGE_FEN, 'msg.amount'));

export const PledgeBody = v.strictObject({
  amount: Fen,
  displayName: v.optional(v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(40))),
  anonymous: v.optional(v.boolean(), false),
  message: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200))),
  orgUnitId: v.optional(Id),
});
export const IdempotencyKey = v.pipe(v.string('msg.idem_key'), v.minLength(1, 'msg.idem_key'), v.maxLength(255, 'msg.idem_key'));
export const VerifyBody = v.strictObject({ amount: Fen });
export const PledgeRejectBody = v.strictObject({ reason: v.pipe(v.string(), SafeText, v.trim(), v.minLength(1, 'msg.reject_reason'), v.maxLength(200)) });
export const MessageBody = v.strictObject({ visible: v.boolean() });
export const PledgeQuery = v.strictObject({
  ...ListQuery,
  status: v.optional(v.picklist(['pledged', 'receipt_submitted', 'verified', 'rejected'])),
  orgUnitId: v.optional(Id),
  mine: v.optional(v.picklist(['true', 'false'])),
  messages: v.optional(v.picklist(['pending'])),
});

/* Responses. */
export const PLEDGE_STATUSES = ['pledged', 'receipt_submitted', 'verified', 'rejected'] as const;
export const MESSAGE_STATUSES = ['none', 'pending', 'visible', 'hidden'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** A pledge as its pledger and the organizers see it. */
export const PledgeSchema = v.object({
  id: v.string(),
  campaignId: v.string(),
  amount: v.number(),
  verifiedAmount: v.nullable(v.number()),
  displayName: v.string(),
  anonymous: v.boolean(),
  message: v.nullable(v.string()),
  messageStatus: v.picklist(MESSAGE_STATUSES),
  orgUnitId: v.nullable(v.string()),
  status: v.picklist(PLEDGE_STATUSES),
  reason: v.nullable(v.string()),
  hasReceipt: v.boolean(),
  receiptType: v.nullable(v.string()),
  receiptUrl: v.nullable(v.string()),
  createdAt: v.string(),
  verifiedAt: v.nullable(v.string()),
  /** the organizers' queue adds who pledged and for which unit */
  userName: v.optional(v.nullable(v.string())),
  orgUnitName: v.optional(v.nullable(v.string())),
});
export type PledgeDto = v.InferOutput<typeof PledgeSchema>;
export const PledgeResponse = v.object({ pledge: PledgeSchema });
export const PledgePage = Page(PledgeSchema);

export const ProgressResponse = v.object({
  goal: v.number(),
  pledged: v.number(),
  verified: v.number(),
  donors: v.number(),
  updatedAt: v.nullable(v.string()),
  showAmounts: v.boolean(),
});
export type DriveProgress = v.InferOutput<typeof ProgressResponse>;

/** One line of the donor wall: masked names, amounts only when the drive shows them. */
export const DonorSchema = v.object({
  id: v.string(),
  name: v.string(),
  amount: v.nullable(v.number()),
  verified: v.boolean(),
  message: v.nullable(v.string()),
  createdAt: v.string(),
});
export type Donor = v.InferOutput<typeof DonorSchema>;
export const DonorPage = Page(DonorSchema);

export const DriveReportResponse = v.object({
  goal: v.number(),
  pledged: v.number(),
  verified: v.number(),
  donors: v.number(),
  byUnit: v.array(
    v.object({
      orgUnitId: v.nullable(v.string()),
      name: v.nullable(v.string()),
      pledges: v.number(),
      pledged: v.number(),
      verified: v.number(),
      donors: v.number(),
    }),
  ),
  byDay: v.array(v.object({ day: v.string(), pledges: v.number(), pledged: v.number(), verified: v.number() })),
  receiptsPending: v.number(),
});
export type DriveReport = v.InferOutput<typeof DriveReportResponse>;
