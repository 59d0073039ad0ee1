import * as v from 'valibot';
import { HttpUrl, Id, IsoTime, ListQuery, SafeLine, SafeText } from './common';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignKind } from '../kinds';
import { TrainingSettings } from './training';

/*
 * Settings per kind. Every field has a default so an organizer sends only what differs;
 * the stored settings are always the full, validated object.
 */
/** Defaults the database also falls back to for campaigns stored before a setting existed. */
export const EXHIBITION_DEFAULTS = { bookingsPerPerson: 3, groupSizeMax: 100 } as const;

const Count = (min: number, max: number, dflt: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)), dflt);

/** How org units rank on boards: average over registered members (fair to small units), sum, or participation share. */
export const Aggregation = v.picklist(['average', 'sum', 'participation'], 'msg.aggregation');

const Common = {
  /** who may take part: members of the organizing subtree, or anyone signed in */
  audience: v.optional(v.picklist(['public', 'members'], 'msg.audience'), 'public'),
  leaderboard: v.optional(
    v.strictObject({
      aggregation: v.optional(Aggregation, 'average'),
      hidden: v.optional(v.boolean(), false),
    }),
    {},
  ),
  embed: v.optional(
    v.strictObject({
      /** sites that may frame the embed pages (`https://host[:port]`); empty = any site */
      allowedOrigins: v.optional(
        v.pipe(v.array(v.pipe(v.string(), v.maxLength(200), v.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'msg.origin'))), v.maxLength(20)),
        [],
      ),
    }),
    {},
  ),
};

export const QuizSettings = v.strictObject({
  ...Common,
  mode: v.optional(v.picklist(['daily', 'challenge', 'round'], 'msg.quiz_mode'), 'daily'),
  questionsPerAttempt: Count(1, 200, 5),
  secondsPerQuestion: Count(5, 600, 30),
  attemptsPerDay: Count(1, 100, 1),
  attemptsTotal: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))), null),
  pointsPerCorrect: Count(0, 100, 1),
  /** points for finishing an attempt (counted within the daily cap) */
  pointsForFinish: Count(0, 100, 0),
  dailyPointsCap: Count(0, 10000, 10),
  revealAnswers: v.optional(v.boolean(), true),
  /** question banks the draws come from (stages may name their own) */
  bankIds: v.optional(v.pipe(v.array(Id), v.maxLength(20)), []),
  /** mix topics and levels the way the banks do (by difficulty and first tag) */
  stratify: v.optional(v.boolean(), false),
  /** answers faster than this (ms) flag the attempt for review */
  minAnswerMs: Count(0, 60_000, 1000),
});

/**
 * What a stage may override of its campaign's quiz settings. In a PATCH, null removes an
 * override (the stage follows the campaign again); attemptsTotal: null means unlimited
 * only when created so — to clear that override, send "inherit".
 */
export const StageSettings = v.strictObject({
  bankIds: v.optional(v.nullable(v.pipe(v.array(Id), v.maxLength(20)))),
  mode: v.optional(v.nullable(v.picklist(['daily', 'challenge', 'round'], 'msg.quiz_mode'))),
  questionsPerAttempt: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)))),
  secondsPerQuestion: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)))),
  attemptsPerDay: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)))),
  attemptsTotal: v.optional(v.union([v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))), v.literal('inherit')])),
  stratify: v.optional(v.nullable(v.boolean())),
  revealAnswers: v.optional(v.nullable(v.boolean())),
});

/** Prizes by rank, best first: each a name and how many works get it. */
const AwardTiers = v.pipe(
  v.array(
    v.strictObject({
      name: v.pipe(v.string(), SafeLine, v.minLength(1), v.maxLength(20)),
      count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
    }),
  ),
  v.maxLength(10),
);

export const ContestSettings = v.strictObject({
  ...Common,
  categories: v.optional(v.pipe(v.array(v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(20))), v.minLength(1), v.maxLength(20)), [
    '书法',
    '绘画',
    '摄影',
  ]),
  entriesPerPerson: Count(1, 50, 3),
  votesPerDay: Count(0, 100, 5),
  showVoteCounts: v.optional(v.boolean(), true),
  judgeWeight: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.7),
  /** the shortest long edge (px) a work of a category may have; photography needs detail */
  minLongEdge: v.optional(v.record(v.pipe(v.string(), v.maxLength(20)), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20000))), { 摄影: 1200 }),
  /** pixel-flood guard: no image may claim more pixels than this */
  maxPixels: Count(1_000_000, 100_000_000, 40_000_000),
  submissionEndsAt: v.optional(v.nullable(IsoTime), null),
  votingStartsAt: v.optional(v.nullable(IsoTime), null),
  votingEndsAt: v.optional(v.nullable(IsoTime), null),
  /** awards by rank when assigned automatically: how many of each, best first */
  awards: v.optional(AwardTiers, [
    { name: '一等奖', count: 1 },
    { name: '二等奖', count: 2 },
    { name: '三等奖', count: 3 },
    { name: '优秀奖', count: 5 },
  ]),
  /** prizes per category (书法, 绘画, 摄影 each their own), by rank within the category; when set, `awards` is not used */
  awardsByCategory: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(20)), AwardTiers),
      v.check((r) => Object.keys(r).length <= 20, 'msg.award_categories'),
    ),
    {},
  ),
  /** results visible to the public before the contest closes */
  resultsPublished: v.optional(v.boolean(), false),
});

/** What a resident agrees to when registering through an invite (stored with each pair). */
export const DEFAULT_CONSENT =
  '我同意将本人姓名和手机号提供给本次“1+1”志愿服务活动的组织者，仅用于志愿者登记、服务联系和活动统计，不用于其他用途；活动结束后按规定保存或删除。';

export const VolunteerSettings = v.strictObject({
  ...Common,
  /** residents one member may bring (1 = "1+1") */
  pairCap: Count(1, 20, 1),
  maxHoursPerDay: Count(1, 24, 8),
  /** service records one member may report for one day, and pending (unreviewed) at once */
  recordsPerDay: Count(1, 50, 5),
  pendingRecordsMax: Count(1, 500, 30),
  consentText: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.minLength(10), v.maxLength(1000)), DEFAULT_CONSENT),
});

export const DriveSettings = v.strictObject({
  ...Common,
  goal: Count(0, 1e12, 1_000_000),
  charity: v.optional(
    v.strictObject({
      name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(100)),
      licenseNo: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(60)),
      projectUrl: HttpUrl,
    }),
  ),
  aggregation: v.optional(v.picklist(['sum', 'participation'], 'msg.aggregation'), 'sum'),
  showAmounts: v.optional(v.boolean(), true),
});

export const ExhibitionSettings = v.strictObject({
  ...Common,
  venue: v.optional(v.pipe(v.string(), SafeLine, v.maxLength(100)), ''),
  address: v.optional(v.pipe(v.string(), SafeLine, v.maxLength(200)), ''),
  openingHours: v.optional(v.pipe(v.string(), SafeText, v.maxLength(200)), ''),
  rules: v.optional(v.pipe(v.string(), SafeText, v.maxLength(2000)), ''),
  galleryCampaignId: v.optional(v.nullable(Id), null),
  noShowLimit: Count(1, 100, 3),
  noShowWindowDays: Count(1, 365, 30),
  noShowBlockDays: Count(0, 365, 14),
  /** upcoming visits (booked, slot not over) one account may hold in this exhibition; as many waiting-list entries */
  bookingsPerPerson: Count(1, 50, EXHIBITION_DEFAULTS.bookingsPerPerson),
  /** seats one group booking may take (never more than the slot holds) */
  groupSizeMax: Count(1, 500, EXHIBITION_DEFAULTS.groupSizeMax),
  /** every visitor of a party gives a name and 身份证号 when booking (stored masked: shared/id-number.ts) */
  requireIdNumbers: v.optional(v.boolean(), false),
});

export const SETTINGS_SCHEMA = {
  quiz: QuizSettings,
  contest: ContestSettings,
  volunteer: VolunteerSettings,
  drive: DriveSettings,
  exhibition: ExhibitionSettings,
  training: TrainingSettings,
} satisfies Record<CampaignKind, v.GenericSchema>;

export type SettingsOf<K extends CampaignKind> = v.InferOutput<(typeof SETTINGS_SCHEMA)[K]>;
export type CampaignSettings = { [K in CampaignKind]: SettingsOf<K> }[CampaignKind];

const Slug = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'msg.slug'));
const Title = v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(80));
const Summary = v.pipe(v.string(), SafeText, v.trim(), v.maxLength(500));
const Description = v.pipe(v.string(), SafeText, v.maxLength(10000));
const Settings = v.pipe(
  v.record(v.string(), v.unknown()),
  v.check((s) => JSON.stringify(s).length <= 20000, 'msg.too_long'),
);

export const CreateCampaignBody = v.strictObject({
  kind: v.picklist(CAMPAIGN_KINDS, 'msg.kind'),
  title: Title,
  slug: v.optional(Slug),
  summary: v.optional(Summary, ''),
  description: v.optional(Description, ''),
  orgUnitId: Id,
  startsAt: IsoTime,
  endsAt: IsoTime,
  settings: v.optional(Settings, {}),
});

export const UpdateCampaignBody = v.strictObject({
  title: v.optional(Title),
  slug: v.optional(Slug),
  summary: v.optional(Summary),
  description: v.optional(Description),
  startsAt: v.optional(IsoTime),
  endsAt: v.optional(IsoTime),
  settings: v.optional(Settings),
});

/** POST /campaigns/{id}/duplicate: the copy's start (every date moves with it) and, optionally, its title. */
export const DuplicateCampaignBody = v.strictObject({
  startsAt: IsoTime,
  title: v.optional(Title),
});

/** GET /campaign-templates: ready-made set-ups, in the asker's language, settings complete. */
export const CampaignTemplateItem = v.object({
  id: v.string(),
  kind: v.picklist(CAMPAIGN_KINDS),
  title: v.string(),
  description: v.string(),
  summary: v.string(),
  durationDays: v.number(),
  settings: v.record(v.string(), v.unknown()),
});
export const CampaignTemplateList = v.object({ items: v.array(CampaignTemplateItem) });

export const CampaignListQuery = v.strictObject({
  ...ListQuery,
  kind: v.optional(v.picklist(CAMPAIGN_KINDS, 'msg.kind')),
  orgUnitId: v.optional(Id),
  status: v.optional(v.picklist(CAMPAIGN_STATUSES, 'msg.status')),
  /** organizers: only campaigns they may manage (console list) */
  managed: v.optional(v.picklist(['true', 'false'])),
  /** campaigns running at some time in that year, China time (the console's 年历) */
  year: v.optional(v.pipe(v.string(), v.regex(/^20\d{2}$/, 'msg.year'))),
});

export const Campaign = v.object({
  id: v.string(),
  kind: v.picklist(CAMPAIGN_KINDS),
  title: v.string(),
  slug: v.string(),
  summary: v.string(),
  description: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  status: v.picklist(CAMPAIGN_STATUSES),
  startsAt: v.string(),
  endsAt: v.string(),
  settings: v.record(v.string(), v.unknown()),
  createdAt: v.string(),
  updatedAt: v.string(),
  publishedAt: v.nullable(v.string()),
  closedAt: v.nullable(v.string()),
  /** the cover an organizer uploaded (/media/covers/…); null: the kind's designed default */
  coverUrl: v.nullable(v.string()),
  canManage: v.boolean(),
});
export type CampaignDto = v.InferOutput<typeof Campaign>;
/** The list's counts, on the campaigns the viewer manages (the console's 活动 list). */
export const CampaignCounts = v.object({
  /** distinct people with any activity in the campaign */
  participants: v.number(),
  /** what waits for an organizer: works to review, receipts to verify, flagged attempts, service records */
  pending: v.number(),
});
export const CampaignListItem = v.object({ ...Campaign.entries, counts: v.optional(CampaignCounts) });
export const CampaignList = v.object({ items: v.array(CampaignListItem), nextCursor: v.nullable(v.string()) });
export const CampaignResponse = v.object({ campaign: Campaign });
/** The campaign's cover after an upload or a removal (null: the kind's designed default). */
export const CoverResponse = v.object({ coverUrl: v.nullable(v.string()) });

/** Validates a kind's settings, filling every default; returns issues as valibot reports them. */
export function parseSettings(kind: CampaignKind, input: unknown) {
  return v.safeParse(SETTINGS_SCHEMA[kind], input ?? {});
}

/** A stored campaign's settings as its module reads them: typed, with every default filled in. */
export function settingsOf<K extends CampaignKind>(kind: K, stored: unknown): SettingsOf<K> {
  return v.parse(SETTINGS_SCHEMA[kind], stored ?? {}) as SettingsOf<K>;
}
