import * as v from 'valibot';
import { Id, ListQuery, Phone, PersonName } from './common';

export const PairBody = v.strictObject({
  /** the member's invite code (residents registering themselves) … */
  code: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{6,20}$/, 'msg.vol_invite_missing'))),
  /** … or the member an organizer registers a resident for (elderly residents without smartphones) */
  memberId: v.optional(Id),
  name: PersonName,
  phone: Phone,
  consent: v.literal(true, 'msg.vol_consent'),
  /** organizers: how consent was obtained (e.g. 纸质同意书) */
  consentNote: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
});

export const UnlinkBody = v.strictObject({ reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(200)) });

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'));
export const RecordBody = v.strictObject({
  date: Day,
  hours: v.pipe(v.number(), v.minValue(0.5), v.maxValue(24), v.check((h) => Number.isInteger(h * 2), 'msg.half_hours')),
  description: v.pipe(v.string(), v.trim(), v.minLength(2, 'msg.required'), v.maxLength(500)),
  pairId: v.optional(Id),
});

export const RecordQuery = v.strictObject({
  ...ListQuery,
  status: v.optional(v.picklist(['pending', 'approved', 'rejected'])),
  orgUnitId: v.optional(Id),
  from: v.optional(Day),
  to: v.optional(Day),
  mine: v.optional(v.picklist(['true', 'false'])),
});

export const ReviewRecordsBody = v.pipe(
  v.strictObject({ ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)), decision: v.picklist(['approve', 'reject']), reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), '') }),
  v.forward(v.check((b) => b.decision === 'approve' || b.reason.length > 0, 'msg.reject_reason'), ['reason']),
);
export const RejectBody = v.strictObject({ reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.reject_reason'), v.maxLength(200)) });
