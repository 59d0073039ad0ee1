import type { ReportDto } from '@shared/contracts/report';
import { FIGURES } from '@shared/report';
import { loc } from '@ui/i18n';
import { fmtNumber, fmtYuan } from '@ui/format';

/* The 报告 page's shapes and how a figure's number reads (shared by the page and its tables). */

export type ReportData = ReportDto;
export type ReportFigure = ReportDto['figures'][number];

/** A figure's value as people read it: a rate with %, funds in yuan (the API gives fen), counts with their unit. */
export function fmtFigure(id: string, value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (id === 'drive.verifiedAmount') return fmtYuan(value);
  const u = unit ?? unitOf(id);
  return u === '%' ? `${fmtNumber(value)}%` : `${fmtNumber(value)}${u ? ` ${u}` : ''}`;
}

/** A figure's unit in the reader's language, from the definitions (the by-year and by-unit values carry none). */
export function unitOf(id: string): string {
  const f = FIGURES.find((x) => x.id === id);
  return f ? loc(f.unit) : '';
}
