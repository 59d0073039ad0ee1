import * as v from 'valibot';
import { Id, ListQuery, SafeLine, SafeText } from './common';

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
