import * as v from 'valibot';
import { Id, ListQuery, Page, Phone, PersonName, SafeLine, SafeText } from './common';

export const PairBody = v.strictObject({
  /** the member's invite code (residents registering themselves) … */
  code: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{6,20}$/, 'msg.vol_invite_missing'))),
  /** … or the member an organizer registers a resident for (elderly residents without smartphones) */
  memberId: v.optional(Id),
  name: PersonName,
  phone: Phone,
  consent: v.literal(true, 'msg.vol_consent'),
  /** organizers: how consent was obtained (e.g. 纸质同意书) */
  consentNote: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200))),
});

export const UnlinkBody = v.strictObject({ reason: v.pipe(v.string(), SafeText, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(200)) });

/** A calendar day (YYYY-MM-DD) that exists: 2026-13-01 or 2026-02-30 are refused, not rolled over. */
const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'),
  v.check((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'msg.date'),
);
export const RecordBody = v.strictObject({
  date: Day,
  hours: v.pipe(
    v.number(),
    v.minValue(0.5),
    v.maxValue(24),
    v.check((h) => Number.isInteger(h * 2), 'msg.half_hours'),
  ),
  description: v.pipe(v.string(), SafeText, v.trim(), v.minLength(2, 'msg.required'), v.maxLength(500)),
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
  v.strictObject({
    ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)),
    decision: v.picklist(['approve', 'reject']),
    reason: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200)), ''),
  }),
  v.forward(
    v.check((b) => b.decision === 'approve' || b.reason.length > 0, 'msg.reject_reason'),
    ['reason'],
  ),
);
export const RejectBody = v.strictObject({ reason: v.pipe(v.string(), SafeText, v.trim(), v.minLength(1, 'msg.reject_reason'), v.maxLength(200)) });

/* 服务活动 (service activities): on-site service with sign-up and check-in/out codes. */
const SaTitle = v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(80));
const SaPlace = v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(120));
const SaDescription = v.pipe(v.string(), SafeText, v.trim(), v.maxLength(2000));
const SaCapacity = v.pipe(v.number(), v.integer('msg.sa_capacity'), v.minValue(1, 'msg.sa_capacity'), v.maxValue(10000, 'msg.sa_capacity'));
const SaTime = v.pipe(v.string(), v.isoTimestamp('msg.iso_time'));
/** an activity lasts at most a day: hours are counted per day */
const MAX_SPAN_MS = 24 * 3600e3;
const spanOk = <T extends { startsAt?: string | undefined; endsAt?: string | undefined }>(b: T) =>
  !b.startsAt || !b.endsAt || (Date.parse(b.endsAt) > Date.parse(b.startsAt) && Date.parse(b.endsAt) - Date.parse(b.startsAt) <= MAX_SPAN_MS);

export const ServiceActivityBody = v.pipe(
  v.strictObject({
    /** the org unit that runs it (inside the campaign's subtree); the campaign's unit by default */
    orgUnitId: v.optional(Id),
    title: SaTitle,
    place: SaPlace,
    description: v.optional(SaDescription, ''),
    startsAt: SaTime,
    endsAt: SaTime,
    capacity: SaCapacity,
  }),
  v.forward(v.check(spanOk, 'msg.sa_span'), ['endsAt']),
);

export const ServiceActivityPatch = v.pipe(
  v.strictObject({
    title: v.optional(SaTitle),
    place: v.optional(SaPlace),
    description: v.optional(SaDescription),
    startsAt: v.optional(SaTime),
    endsAt: v.optional(SaTime),
    capacity: v.optional(SaCapacity),
  }),
  v.forward(v.check(spanOk, 'msg.sa_span'), ['endsAt']),
);

export const ServiceActivityQuery = v.strictObject({
  /** upcoming: not yet over (check-out still open); all: everything, newest first (organizers' list) */
  when: v.optional(v.picklist(['upcoming', 'all']), 'upcoming'),
  limit: ListQuery.limit,
});

export const CheckBody = v.strictObject({
  code: v.pipe(v.string('msg.sa_code_format'), v.trim(), v.regex(/^\d{6}$/, 'msg.sa_code_format')),
  /** what the person means to do; without it the next step (check in, then out) */
  action: v.optional(v.picklist(['in', 'out'])),
});

/** The viewer's own sign-up to a service activity. */
export const MySignupSchema = v.nullable(
  v.object({
    status: v.picklist(['signed_up', 'cancelled']),
    checkedInAt: v.nullable(v.string()),
    checkedOutAt: v.nullable(v.string()),
    recordId: v.nullable(v.string()),
  }),
);
/** A service activity as every audience sees it (never names: sign-up lists are for organizers). */
export const ServiceActivitySchema = v.object({
  id: v.string(),
  campaignId: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.nullable(v.string()),
  title: v.string(),
  place: v.string(),
  description: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  capacity: v.number(),
  signedUp: v.number(),
  seatsLeft: v.number(),
  status: v.picklist(['open', 'cancelled']),
  checkInOpensAt: v.string(),
  checkOutClosesAt: v.string(),
  /** the viewer's own sign-up (signed-in viewers) */
  mine: MySignupSchema,
  /** may the viewer edit it, see its code and its sign-up list */
  canManage: v.boolean(),
});
export type ServiceActivityView = v.InferOutput<typeof ServiceActivitySchema>;
export type MySignup = NonNullable<v.InferOutput<typeof MySignupSchema>>;

/* Responses. */
export const RECORD_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const PAIR_SOURCES = ['invite', 'organizer'] as const;

export const InviteLink = v.object({ code: v.string(), url: v.string(), qrUrl: v.string() });
/** A pair as its member sees it on registering (the resident's phone masked). */
export const PairCreated = v.object({
  pair: v.object({
    id: v.string(),
    campaignId: v.string(),
    residentName: v.string(),
    residentPhone: v.string(),
    source: v.picklist(PAIR_SOURCES),
    consentAt: v.string(),
    createdAt: v.string(),
  }),
});
/** A pair in the organizers' 台账 (full phones). */
export const PairSchema = v.object({
  id: v.string(),
  memberId: v.string(),
  memberName: v.string(),
  memberUnitId: v.nullable(v.string()),
  memberUnitName: v.nullable(v.string()),
  residentName: v.string(),
  residentPhone: v.string(),
  source: v.picklist(PAIR_SOURCES),
  consentAt: v.string(),
  createdAt: v.string(),
  unlinkedAt: v.nullable(v.string()),
  unlinkReason: v.nullable(v.string()),
  /** the resident withdrew consent (PIPL): name and phone erased */
  withdrawnAt: v.optional(v.nullable(v.string())),
});
export const PairPage = Page(PairSchema);

const RecordBase = {
  id: v.string(),
  userId: v.string(),
  orgUnitId: v.nullable(v.string()),
  pairId: v.nullable(v.string()),
  date: v.string(),
  hours: v.number(),
  description: v.string(),
  status: v.picklist(RECORD_STATUSES),
  reason: v.nullable(v.string()),
  reviewedAt: v.nullable(v.string()),
  createdAt: v.string(),
  /** self-reported, or from check-in/out at a service activity (verified on site: 签到核验) */
  source: v.picklist(['self', 'checkin']),
  activityId: v.nullable(v.string()),
};
/** A service record in a list (the queue, mine, 我的1+1): who and which unit. */
export const RecordItem = v.object({ ...RecordBase, name: v.string(), orgUnitName: v.nullable(v.string()) });
export type RecordItemDto = v.InferOutput<typeof RecordItem>;
/** One service record as written (report, approve, reject, check-out): the stored row with its campaign, unit path and reviewer. */
export const RecordSchema = v.object({ ...RecordBase, campaignId: v.string(), orgPath: v.nullable(v.string()), reviewedBy: v.nullable(v.string()) });
export type RecordDto = v.InferOutput<typeof RecordSchema>;
export const RecordResponse = v.object({ record: RecordSchema });
export const RecordPage = Page(RecordItem);
/** How many pending records a batch review decided (the others were decided already). */
export const ReviewedResponse = v.object({ reviewed: v.number() });
/** Whether the pair was still linked (unlinking twice is not an error). */
export const UnlinkResponse = v.object({ unlinked: v.boolean() });

/** `from`/`to` China days (either open): the end may not come before the start. */
const inOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
export const StatsQuery = v.pipe(
  v.strictObject({ orgUnitId: v.optional(Id), from: v.optional(Day), to: v.optional(Day) }),
  v.forward(
    v.check((q) => inOrder(q), 'msg.period_order'),
    ['to'],
  ),
);
export const RecordsExportQuery = v.pipe(
  v.strictObject({
    format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx'),
    orgUnitId: v.optional(Id),
    status: v.optional(v.picklist(['pending', 'approved', 'rejected'])),
    from: v.optional(Day),
    to: v.optional(Day),
  }),
  v.forward(
    v.check((q) => inOrder(q), 'msg.period_order'),
    ['to'],
  ),
);

export const VolunteerStatsResponse = v.object({
  orgUnitId: v.string(),
  /** the period asked for (China days; null: open) */
  from: v.optional(v.nullable(v.string())),
  to: v.optional(v.nullable(v.string())),
  pairs: v.number(),
  residents: v.number(),
  members: v.number(),
  leaders: v.number(),
  approvedHours: v.number(),
  leadRate: v.number(),
  pendingRecords: v.optional(v.number()),
  byUnit: v.optional(
    v.array(
      v.object({
        orgUnitId: v.string(),
        name: v.string(),
        members: v.number(),
        leaders: v.number(),
        residents: v.number(),
        hours: v.number(),
        leadRate: v.number(),
      }),
    ),
  ),
});

/** 我的1+1 */
export const MyVolunteer = v.object({
  canInvite: v.boolean(),
  pairCap: v.number(),
  maxHoursPerDay: v.number(),
  invite: v.nullable(InviteLink),
  /** `withdrawnAt`: the resident withdrew consent (PIPL); their name and phone are gone, the pair still counts */
  pairs: v.array(
    v.object({ id: v.string(), residentName: v.string(), residentPhone: v.string(), createdAt: v.string(), withdrawnAt: v.optional(v.nullable(v.string())) }),
  ),
  approvedHours: v.number(),
  pendingHours: v.number(),
  records: v.array(RecordItem),
});
export type MyVolunteerDto = v.InferOutput<typeof MyVolunteer>;

export const CertificateResponse = v.object({
  code: v.string(),
  name: v.string(),
  orgUnitName: v.nullable(v.string()),
  campaignTitle: v.string(),
  issuer: v.nullable(v.string()),
  hours: v.number(),
  records: v.number(),
  issuedAt: v.string(),
  verifyUrl: v.string(),
  qrUrl: v.string(),
});
/** `kind` training: a year's study hours (`year`; `campaignTitle` names the year's education, `issuer` the member's unit). */
export const CertificateCheck = v.object({
  valid: v.boolean(),
  name: v.string(),
  hours: v.number(),
  currentHours: v.number(),
  campaignTitle: v.string(),
  issuer: v.nullable(v.string()),
  issuedAt: v.string(),
  kind: v.optional(v.picklist(['volunteer', 'training'])),
  year: v.optional(v.nullable(v.number())),
});

/** An invite as the public sees it. */
export const InviteView = v.object({
  code: v.string(),
  inviterName: v.string(),
  campaign: v.object({
    id: v.string(),
    slug: v.string(),
    title: v.string(),
    summary: v.string(),
    orgUnitName: v.nullable(v.string()),
    status: v.string(),
    endsAt: v.string(),
  }),
  consentText: v.string(),
  placesLeft: v.number(),
  open: v.boolean(),
});
export type InviteViewDto = v.InferOutput<typeof InviteView>;

/** The sign-up list of a service activity (organizers; phones masked). */
export const SignupSchema = v.object({
  userId: v.string(),
  name: v.string(),
  phone: v.string(),
  status: v.picklist(['signed_up', 'cancelled']),
  orgUnitId: v.nullable(v.string()),
  orgUnitName: v.nullable(v.string()),
  checkedInAt: v.nullable(v.string()),
  checkedOutAt: v.nullable(v.string()),
  recordId: v.nullable(v.string()),
  hours: v.nullable(v.number()),
  recordStatus: v.nullable(v.picklist(RECORD_STATUSES)),
  createdAt: v.string(),
});
export const SignupList = v.object({ items: v.array(SignupSchema) });
export const CheckResponse = v.object({
  step: v.picklist(['checked_in', 'checked_out']),
  serviceActivity: ServiceActivitySchema,
  record: v.nullable(RecordSchema),
  hours: v.number(),
  computedHours: v.number(),
});
export type CheckDto = v.InferOutput<typeof CheckResponse>;
export type SignupDto = v.InferOutput<typeof SignupSchema>;
/** The check-in code screen (organizers): the current 6 digits, until when, the link and its QR. */
export const CodeScreenResponse = v.object({
  code: v.string(),
  validUntil: v.string(),
  serverTime: v.string(),
  checkUrl: v.string(),
  qrSvg: v.string(),
  serviceActivity: ServiceActivitySchema,
});
export type CodeScreenDto = v.InferOutput<typeof CodeScreenResponse>;
