import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { requireManage } from './authz';
import { daysIn } from '../../../shared/report';
import { getOrgUnit } from '../../../db/queries/org';
import type { Period } from '../../../db/queries/report';

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
