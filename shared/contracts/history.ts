import * as v from 'valibot';
import { HISTORY_KINDS } from '../history';

/** `GET /history/templates/{kind}.xlsx` */
export const HistoryTemplateParam = v.object({
  file: v.picklist(
    HISTORY_KINDS.map((k) => `${k}.xlsx`),
    'msg.hist_kind',
  ),
});

/** `POST /org-units/{id}/history/import?kind=…&dryRun=1` */
export const HistoryImportQuery = v.strictObject({
  kind: v.picklist(HISTORY_KINDS, 'msg.hist_kind'),
  dryRun: v.optional(v.picklist(['1', '0', 'true', 'false'])),
});

export const HistoryRowError = v.object({ row: v.number(), message: v.string() });

/** A row as the import read it (the preview of a dry run): the unit and campaign it lands in and its fields. */
export const HistoryPreviewRow = v.object({
  row: v.number(),
  unit: v.string(),
  title: v.string(),
  /** the campaign of that title does not exist yet: the import creates it (closed, marked imported) */
  newCampaign: v.boolean(),
  date: v.string(),
  name: v.optional(v.string()),
  category: v.optional(v.string()),
  hours: v.optional(v.number()),
  status: v.optional(v.string()),
  work: v.optional(v.string()),
  visitors: v.optional(v.number()),
  walkIn: v.optional(v.boolean()),
  activity: v.optional(v.string()),
  /** fen */
  amount: v.optional(v.number()),
  points: v.optional(v.number()),
});

export const HistoryDryRun = v.object({
  dryRun: v.literal(true),
  kind: v.picklist(HISTORY_KINDS),
  /** rows that would be imported (or are already there from an earlier import) */
  valid: v.number(),
  errors: v.array(HistoryRowError),
  /** the first 20 good rows */
  preview: v.array(HistoryPreviewRow),
});

export const HistoryImported = v.object({
  dryRun: v.literal(false),
  kind: v.picklist(HISTORY_KINDS),
  /** rows added now */
  imported: v.number(),
  /** good rows already there from an earlier import of the same records: nothing added */
  skipped: v.number(),
  errors: v.array(HistoryRowError),
});

export const HistoryImportResult = v.union([HistoryDryRun, HistoryImported]);
export type HistoryImportResultDto = v.InferOutput<typeof HistoryImportResult>;
