import * as v from 'valibot';
import { ChinaDate, Limit } from './common';
import { FIGURE_GROUPS } from '../report';

export const ReportQuery = v.strictObject({ from: ChinaDate, to: ChinaDate });
/** The figures' query: `fresh=1` computes them now, whatever snapshot is stored (see `asOf`). */
export const ReportFiguresQuery = v.strictObject({ ...ReportQuery.entries, fresh: v.optional(v.picklist(['1'], 'msg.fresh')) });

export const ReportFigure = v.object({
  id: v.string(),
  group: v.picklist(FIGURE_GROUPS),
  label: v.string(),
  /** null: the platform holds no source for it yet (the report marks it unfilled) */
  value: v.nullable(v.number()),
  unit: v.string(),
  definition: v.string(),
  starred: v.boolean(),
});

const Values = v.record(v.string(), v.nullable(v.number()));

export const Report = v.object({
  orgUnitId: v.string(),
  name: v.string(),
  from: v.string(),
  to: v.string(),
  figures: v.array(ReportFigure),
  /** every figure for each calendar year the range touches (clipped to the range) */
  byYear: v.record(v.string(), Values),
  /** every figure for each unit directly below, over its own subtree: which branches lag */
  units: v.array(v.object({ orgUnitId: v.string(), name: v.string(), figures: Values })),
  /**
   * when the figures were computed: now, or — where they take long to compute (a city's root) —
   * a snapshot at most 5 minutes old (60 for a period that has ended); `?fresh=1` computes them now
   */
  asOf: v.string(),
});
export type ReportDto = v.InferOutput<typeof Report>;

/* The 台账 (API.md "Report figures and the 台账 workbook"): the rows behind a figure group. */
const LedgerCursor = v.optional(v.pipe(v.string(), v.maxLength(600)));
export const ReportRowsQuery = v.strictObject({
  group: v.picklist(FIGURE_GROUPS, 'msg.report_group'),
  from: ChinaDate,
  to: ChinaDate,
  cursor: LedgerCursor,
  limit: Limit(50),
});

export const ReportRows = v.object({
  group: v.picklist(FIGURE_GROUPS),
  /** in order; `type` day: a China date YYYY-MM-DD */
  columns: v.array(v.object({ key: v.string(), label: v.string(), type: v.picklist(['day', 'text', 'number']) })),
  rows: v.array(v.record(v.string(), v.nullable(v.union([v.string(), v.number()])))),
  nextCursor: v.nullable(v.string()),
});
export type ReportRowsDto = v.InferOutput<typeof ReportRows>;
