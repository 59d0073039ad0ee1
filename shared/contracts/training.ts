import * as v from 'valibot';
import { HttpUrl, Id, IsoTime, ListQuery, SafeLine, SafeText } from './common';
import { MEMBER_CATEGORIES, PARTY_POSTS } from '../people';
import {
  ATTENDANCE_MODES,
  ATTENDANCE_STATUSES,
  DEFAULT_HOURS_TARGET,
  MATERIAL_KINDS,
  SCHEDULE_MAX_DAYS,
  SESSION_MAX_HOURS,
  TRAINING_CATEGORIES,
  isHalfStep,
} from '../training';

/* 党员教育培训 (kind `training`): API.md "Education and organizational life". */

/** Settings of a training campaign; every field has a default. */
export const TrainingSettings = v.strictObject({
  category: v.optional(v.picklist(TRAINING_CATEGORIES, 'msg.tr_category'), 'rotation'),
  /** who the class is for, from the member registry: empty lists mean anyone on a roster */
  audience: v.optional(
    v.strictObject({
      categories: v.optional(v.pipe(v.array(v.picklist(MEMBER_CATEGORIES, 'msg.tr_audience')), v.maxLength(MEMBER_CATEGORIES.length))),
      posts: v.optional(v.pipe(v.array(v.picklist(PARTY_POSTS, 'msg.tr_audience')), v.maxLength(PARTY_POSTS.length))),
    }),
    {},
  ),
  /** members on a roster may enrol themselves */
  selfEnroll: v.optional(v.boolean(), false),
  /** study hours a member should reach in a year (人均32学时) */
  hoursTarget: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)), DEFAULT_HOURS_TARGET),
  leaderboard: v.optional(v.strictObject({ hidden: v.optional(v.boolean(), false) }), {}),
});

const Hours = v.pipe(
  v.number('msg.tr_hours'),
  v.minValue(0.5, 'msg.tr_hours'),
  v.maxValue(SESSION_MAX_HOURS, 'msg.tr_hours'),
  v.check(isHalfStep, 'msg.tr_hours'),
);
const Title = v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(80));
const Line = (max: number) => v.pipe(v.string(), SafeLine, v.trim(), v.maxLength(max));

export const SessionBody = v.strictObject({
  title: Title,
  startsAt: IsoTime,
  endsAt: IsoTime,
  location: v.optional(Line(100), ''),
  lecturer: v.optional(Line(60), ''),
  /** study hours it credits, in steps of 0.5; by default from the duration (shared/training.ts defaultHours) */
  hours: v.optional(Hours),
  /** a class of several days: the same session on this many consecutive days (每次不低于3天) */
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SCHEDULE_MAX_DAYS)), 1),
});

export const SessionPatch = v.strictObject({
  title: v.optional(Title),
  startsAt: v.optional(IsoTime),
  endsAt: v.optional(IsoTime),
  location: v.optional(Line(100)),
  lecturer: v.optional(Line(60)),
  hours: v.optional(Hours),
});

export const TrainingSession = v.object({
  id: v.string(),
  campaignId: v.string(),
  title: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  location: v.string(),
  lecturer: v.string(),
  hours: v.number(),
  /** check-in opens 30 minutes before the start */
  checkInOpensAt: v.string(),
  attendances: v.number(),
  /** the signed-in viewer's own register entry */
  mine: v.nullable(v.object({ status: v.picklist(ATTENDANCE_STATUSES), mode: v.picklist(ATTENDANCE_MODES), hours: v.number() })),
});
export type TrainingSessionDto = v.InferOutput<typeof TrainingSession>;
export const SessionList = v.object({ items: v.array(TrainingSession) });
export const SessionResponse = v.object({ session: TrainingSession });
export const SessionsCreated = v.object({ session: TrainingSession, sessions: v.array(TrainingSession) });

export const EnrollBody = v.union(
  [
    v.strictObject({ rosterIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)) }),
    v.strictObject({ orgUnitIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(50)) }),
  ],
  'msg.tr_enroll_body',
);

export const EnrollmentQuery = v.strictObject({
  ...ListQuery,
  orgUnitId: v.optional(Id),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
});

export const Enrollment = v.object({
  rosterId: v.string(),
  name: v.string(),
  /** masked for anyone who does not manage the person */
  phone: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  category: v.picklist(MEMBER_CATEGORIES),
  posts: v.array(v.picklist(PARTY_POSTS)),
  registered: v.boolean(),
  source: v.picklist(['organizer', 'self']),
  createdAt: v.string(),
  attendances: v.number(),
  hours: v.number(),
});
export const EnrollmentPage = v.object({ items: v.array(Enrollment), nextCursor: v.nullable(v.string()), total: v.number() });
export const EnrolledResponse = v.object({ enrolled: v.number() });
export const MyEnrollment = v.object({ enrolled: v.boolean(), rosterId: v.nullable(v.string()), eligible: v.boolean(), hours: v.number(), target: v.number() });

export const CheckInBody = v.strictObject({ code: v.pipe(v.string('msg.sa_code_format'), v.trim(), v.regex(/^\d{6}$/, 'msg.sa_code_format')) });
export const CheckInResponse = v.object({ attendance: v.object({ status: v.picklist(['present', 'late']), hours: v.number() }) });

export const CodeScreen = v.object({
  code: v.string(),
  validUntil: v.string(),
  serverTime: v.string(),
  checkUrl: v.string(),
  qrSvg: v.string(),
  session: TrainingSession,
});

export const AttendanceBody = v.strictObject({
  entries: v.pipe(
    v.array(
      v.strictObject({
        rosterId: Id,
        status: v.picklist(ATTENDANCE_STATUSES, 'msg.tr_status'),
        mode: v.optional(v.picklist(ATTENDANCE_MODES, 'msg.tr_mode')),
        note: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200))),
      }),
    ),
    v.minLength(1),
    v.maxLength(500),
  ),
});
export const UpdatedResponse = v.object({ updated: v.number() });

/** One line of the register (签到表): everyone enrolled, with their entry if any. */
export const RegisterLine = v.object({
  rosterId: v.string(),
  name: v.string(),
  phone: v.string(),
  orgUnitName: v.string(),
  status: v.nullable(v.picklist(ATTENDANCE_STATUSES)),
  mode: v.nullable(v.picklist(ATTENDANCE_MODES)),
  note: v.string(),
  hours: v.number(),
  checkedInAt: v.nullable(v.string()),
});
export const RegisterResponse = v.object({ session: TrainingSession, campaignTitle: v.string(), items: v.array(RegisterLine) });
export const RegisterQuery = v.strictObject({ format: v.optional(v.picklist(['json', 'xlsx', 'csv'], 'msg.format'), 'json'), orgUnitId: v.optional(Id) });

export const MaterialBody = v.strictObject({
  title: Title,
  kind: v.picklist(MATERIAL_KINDS, 'msg.tr_material_kind'),
  url: HttpUrl,
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  hours: Hours,
});
export const Material = v.object({
  id: v.string(),
  campaignId: v.string(),
  title: v.string(),
  kind: v.picklist(MATERIAL_KINDS),
  url: v.string(),
  minutes: v.number(),
  hours: v.number(),
  createdAt: v.string(),
  /** the signed-in viewer's own study of it */
  mine: v.nullable(v.object({ studyId: v.string(), startedAt: v.string(), finishedAt: v.nullable(v.string()) })),
});
export const MaterialList = v.object({ items: v.array(Material) });
export const MaterialResponse = v.object({ material: Material });
export const StudyStarted = v.object({ studyId: v.string(), startedAt: v.string(), finishableAt: v.string() });
export const StudyFinished = v.object({ studyId: v.string(), finishedAt: v.string(), hours: v.number() });

export const LearningQuery = v.strictObject({ year: v.optional(v.pipe(v.string(), v.regex(/^20\d\d$/, 'msg.tr_year'))) });
export const Learning = v.object({
  year: v.number(),
  hours: v.number(),
  target: v.number(),
  sessions: v.array(
    v.object({
      campaignId: v.string(),
      campaignTitle: v.string(),
      title: v.string(),
      startsAt: v.string(),
      status: v.picklist(ATTENDANCE_STATUSES),
      mode: v.picklist(ATTENDANCE_MODES),
      hours: v.number(),
    }),
  ),
  studies: v.array(v.object({ campaignId: v.string(), campaignTitle: v.string(), title: v.string(), finishedAt: v.string(), hours: v.number() })),
  /** the year's completion certificate is earned (hours ≥ target, or a class completed): GET /me/learning/certificate */
  certificate: v.boolean(),
});

export const StatsQuery = v.strictObject({ orgUnitId: v.optional(Id) });
export const TrainingStats = v.object({
  sessions: v.number(),
  enrolled: v.number(),
  /** people with at least one credited attendance (参训人数) */
  attendees: v.number(),
  /** credited attendances (参训人次) */
  attendances: v.number(),
  /** attendees ÷ enrolled */
  coverageRate: v.number(),
  hours: v.number(),
  hoursPerAttendee: v.number(),
  delivered: v.number(),
});
