import * as v from 'valibot';
import { ChinaDate, Id, Page, SafeLine } from './common';
import { ORG_KINDS } from '../kinds';

export const OrgUnit = v.object({
  id: v.string(),
  parentId: v.nullable(v.string()),
  name: v.string(),
  kind: v.picklist(ORG_KINDS),
  memberCount: v.number(),
});
export type OrgUnitDto = v.InferOutput<typeof OrgUnit>;
/** The tree as GET /org-units lists it: each unit with the registered members of its whole subtree. */
export const OrgUnitList = v.object({ items: v.array(v.object({ ...OrgUnit.entries, subtreeMemberCount: v.number() })) });
export const OrgUnitResponse = v.object({ orgUnit: OrgUnit });
export const ArchiveResponse = v.object({ archived: v.boolean() });

export const CreateOrgUnitBody = v.strictObject({
  parentId: Id,
  name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60)),
  kind: v.picklist(ORG_KINDS, 'msg.org_kind'),
});

export const RosterReport = v.object({
  created: v.number(),
  linked: v.number(),
  /** entries already on this unit's roster whose registry fields the sheet changed */
  updated: v.optional(v.number()),
  /** rows already on this unit's roster as they are */
  unchanged: v.optional(v.number()),
  errors: v.array(v.object({ row: v.number(), message: v.string() })),
  dryRun: v.optional(v.boolean()),
});
export type RosterReportDto = v.InferOutput<typeof RosterReport>;
/** A unit's roster as organizers read it: phones masked; `userId` once the person has registered. */
export const RosterEntry = v.object({ name: v.string(), phone: v.string(), registered: v.boolean(), userId: v.nullable(v.string()) });
export const RosterPage = Page(RosterEntry);

/** A metrics bound: an ISO instant, or a YYYY-MM-DD China day (the whole day, whatever the client's zone). */
const MetricsBound = v.pipe(
  v.string(),
  v.check((s) => v.is(ChinaDate, s) || v.is(v.pipe(v.string(), v.isoTimestamp()), s), 'msg.iso_time'),
);

export const MetricsQuery = v.strictObject({
  from: v.optional(MetricsBound),
  to: v.optional(MetricsBound),
  /** add a trend: activity by China day, or by week (starting Monday) */
  series: v.optional(v.picklist(['day', 'week'], 'msg.series')),
  /** add `previous`: the same figures over the period of equal length just before (needs `from`) */
  compare: v.optional(v.picklist(['previous'], 'msg.compare')),
  /** `1`: compute now, whatever snapshot is stored (see `asOf`) */
  fresh: v.optional(v.picklist(['1'], 'msg.fresh')),
});

export const MetricsExportQuery = v.strictObject({
  from: v.optional(MetricsBound),
  to: v.optional(MetricsBound),
  format: v.optional(v.picklist(['csv', 'xlsx'], 'msg.format'), 'xlsx'),
});

/** The same metrics for one unit directly below: which 党支部 lag behind. */
export const UnitMetrics = v.object({
  orgUnitId: v.string(),
  name: v.string(),
  kind: v.string(),
  members: v.number(),
  activeMembers: v.number(),
  participationRate: v.number(),
  points: v.number(),
});

export const MetricsPoint = v.object({
  /** the China day, or the Monday of the week (YYYY-MM-DD) */
  at: v.string(),
  events: v.number(),
  activeMembers: v.number(),
  points: v.number(),
});

export const Metrics = v.object({
  orgUnitId: v.string(),
  members: v.number(),
  activeMembers: v.number(),
  participationRate: v.number(),
  points: v.number(),
  byKind: v.record(v.string(), v.object({ events: v.number(), activeMembers: v.number(), points: v.number() })),
  /** each unit directly below, with the same metrics over its own subtree */
  units: v.array(UnitMetrics),
  /** with `?series=`: every day (or week) of the period, zeros included */
  series: v.optional(v.array(MetricsPoint)),
  /**
   * when these figures were computed: now, or — for a subtree whose figures take long to compute
   * (a city's root) — a snapshot at most 5 minutes old; `?fresh=1` computes them now
   */
  asOf: v.string(),
  /** with `?compare=previous`: the subtree's figures over the period of equal length just before (inclusive ISO bounds) */
  previous: v.optional(
    v.object({ from: v.string(), to: v.string(), members: v.number(), activeMembers: v.number(), participationRate: v.number(), points: v.number() }),
  ),
});
export type MetricsDto = v.InferOutput<typeof Metrics>;
export type MetricsPointDto = v.InferOutput<typeof MetricsPoint>;
export type UnitMetricsDto = v.InferOutput<typeof UnitMetrics>;

/** Largest roster we accept in one upload: bigger files are split by the organizer. */
export const ROSTER_MAX_ROWS = 20000;
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;

/** One thing waiting for organizers: `count` of `what` in a campaign (a draft counts 1). */
export const TodoItem = v.object({
  what: v.picklist(['entries_pending', 'receipts_pending', 'attempts_flagged', 'draft']),
  campaignId: v.string(),
  campaignKind: v.string(),
  campaignTitle: v.string(),
  count: v.number(),
});
export type TodoItemDto = v.InferOutput<typeof TodoItem>;
