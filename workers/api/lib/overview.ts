import type { Db } from '../../../db/client';
import { subtreeMetrics } from '../../../db/queries/metrics';
import { fillSeries, participationRate } from '../../../shared/metrics';
import { chinaDay } from '../../../shared/china-time';
import { boundInstant, previousRange } from '../../../shared/period';
import type { MetricsDto } from '../../../shared/contracts/org';

/* 概览's figures for a subtree (GET /org-units/{id}/metrics), shared by the route and the cron that computes the root's ahead of its readers. */

export interface OverviewQuery {
  from?: string | undefined;
  to?: string | undefined;
  series?: 'day' | 'week' | undefined;
  compare?: 'previous' | undefined;
}

/** Bounds as instants: a bare YYYY-MM-DD is the whole China day (shared/period.ts). */
export const instants = <T extends { from?: string | undefined; to?: string | undefined }>(q: T): T => ({
  ...q,
  from: q.from && boundInstant(q.from, 'from'),
  to: q.to && boundInstant(q.to, 'to'),
});

/** The China day a period ended on, when that is before today: its metrics count members as they were then. */
export function pastDay(to: string | undefined): string | undefined {
  if (!to) return undefined;
  const day = chinaDay(to);
  return day < chinaDay() ? day : undefined;
}

/** The subtree's headline figures over the period of equal length just before [from, to]. */
async function previousMetrics(db: Db, path: string, from: string, to: string) {
  const p = previousRange(from, to);
  const m = await subtreeMetrics(db, path, p, { asOfDay: pastDay(p.to) });
  return { ...p, members: m.members, activeMembers: m.activeMembers, participationRate: participationRate(m.activeMembers, m.members), points: m.points };
}

/** The metrics response but its `asOf` (query bounds already checked; `compare` needs `from`). */
export async function overviewOf(db: Db, unit: { id: string; path: string }, raw: OverviewQuery): Promise<Omit<MetricsDto, 'asOf'>> {
  const q = instants(raw);
  const m = await subtreeMetrics(db, unit.path, q, { unitId: unit.id, series: q.series, asOfDay: pastDay(q.to) });
  const last = chinaDay(q.to ?? Date.now());
  const first = q.from ? chinaDay(q.from) : (m.series[0]?.at ?? last);
  const previous = q.compare && q.from ? await previousMetrics(db, unit.path, q.from, q.to ?? new Date().toISOString()) : undefined;
  return {
    orgUnitId: unit.id,
    members: m.members,
    activeMembers: m.activeMembers,
    participationRate: participationRate(m.activeMembers, m.members),
    points: m.points,
    byKind: m.byKind,
    units: m.units.map((u) => ({ ...u, participationRate: participationRate(u.activeMembers, u.members) })),
    ...(q.series ? { series: fillSeries(m.series, first, last, q.series, (at) => ({ at, events: 0, activeMembers: 0, points: 0 })) } : {}),
    ...(previous ? { previous } : {}),
  };
}

/**
 * What a stored 概览 is keyed by: the unit and the query as asked (a bare date names the same
 * China day all day long; the open end "until now" is part of it too). The China day is part
 * of the key, as `from` alone means "from then until now".
 */
export const overviewKey = (unitId: string, q: OverviewQuery) =>
  `metrics:${unitId}:${chinaDay()}:${q.from ?? ''}:${q.to ?? ''}:${q.series ?? ''}:${q.compare ?? ''}`;
