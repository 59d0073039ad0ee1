import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { requireManage } from './authz';
import { daysIn } from '../../../shared/report';
import { getOrgUnit } from '../../../db/queries/org';
import { reportFigures, type Figures, type Period } from '../../../db/queries/report';
import { listChildUnits } from '../../../db/queries/org';
import type { Db } from '../../../db/client';
import { yearsOf } from '../../../shared/report';
import { REPORT_SNAPSHOT_MS, snapshotted } from './snapshots';

/** A report covers at most the platform's planning horizon: the 2019–2023 plan is five years; ten leaves room. */
export const REPORT_MAX_DAYS = 3660;

/**
 * The unit and China-date range of every report route (figures, the 台账 rows and workbook,
 * the draft report): the unit must exist and be in the viewer's managed subtree, and the range
 * must not end before it starts nor span more than REPORT_MAX_DAYS. One place, so the routes
 * refuse the same input the same way.
 */
export async function reportScope(c: Context<AppEnv>, id: string, q: { from: string; to: string }) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit) throw new ApiError('not_found', 'msg.org_missing');
  requireManage(c, unit.path);
  if (q.from > q.to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
  if (daysIn(q.from, q.to) > REPORT_MAX_DAYS) {
    throw new ApiError(
      'validation_failed',
      'msg.report_too_long',
      { days: REPORT_MAX_DAYS },
      { from: { key: 'msg.report_too_long', params: { days: REPORT_MAX_DAYS } } },
    );
  }
  const period: Period = { from: q.from, to: q.to };
  return { unit, period };
}

/**
 * A subtree's figures over a period: the whole, each calendar year it touches and each unit
 * directly below, in one D1 batch — kept as a snapshot where that is slow (a city's root over
 * five years), for the route and for the cron that counts the presets ahead of their readers.
 */
export async function reportOf(db: Db, unit: { id: string; path: string }, period: Period, policy: { fresh?: boolean; maxAgeMs?: number } = {}) {
  const years = yearsOf(period.from, period.to);
  const children = await listChildUnits(db, unit.id);
  // the units below are part of the key: a unit added or archived is a new report
  const key = `report:${unit.id}:${period.from}:${period.to}:${children.map((u) => u.id).join(',')}`;
  const { value, asOf } = await snapshotted(db, key, { maxAgeMs: policy.maxAgeMs ?? REPORT_SNAPSHOT_MS, fresh: policy.fresh }, () =>
    reportFigures(db, [
      { path: unit.path, period },
      ...years.map((y) => ({ path: unit.path, period: { from: y.from, to: y.to } })),
      ...children.map((u) => ({ path: u.path, period })),
    ]),
  );
  const [whole = {}, ...rest] = value as Figures[];
  return {
    whole,
    byYear: years.map((y, i) => ({ year: y.year, figures: rest[i] ?? {} })),
    units: children.map((u, i) => ({ unit: u, figures: rest[years.length + i] ?? {} })),
    asOf,
  };
}
