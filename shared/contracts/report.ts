import * as v from 'valibot';
import { ChinaDate } from './common';
import { FIGURE_GROUPS } from '../report';

export const ReportQuery = v.strictObject({ from: ChinaDate, to: ChinaDate });

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
});
export type ReportDto = v.InferOutput<typeof Report>;
