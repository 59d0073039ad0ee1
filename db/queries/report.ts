import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { readBatch } from './util';
import { eventsSource, splitRange, usersSource } from './metrics';
import { chinaMidnight, addDays } from '../../shared/china-time';
import { daysIn, type FigureId } from '../../shared/report';
import { membersAtSql } from './people';
import { readTraining, trainingStatement } from './report-training';

/*
 * The report's figures (definitions in shared/report.ts) for one subtree and one China-date
 * range: one D1 batch. Activity-based figures read the daily rollups (db/queries/metrics.ts);
 * record-based ones count the module's own rows by their date in the period. A figure whose
 * source the platform does not hold yet is null ("unfilled"), never 0.
 */

export interface Period {
  from: string;
  to: string;
}
export type Figures = Partial<Record<FigureId, number | null>>;

const under = (col: string, p: SQL) => sql`${sql.raw(col)} >= ${p} AND ${sql.raw(col)} < ${p} || '~'`;
const instants = (p: Period) => ({ from: new Date(chinaMidnight(p.from)).toISOString(), to: new Date(chinaMidnight(addDays(p.to, 1))).toISOString() });

/**
 * Registry members (正式党员 and 预备党员) of the subtree at the end of the period — where
 * people were that day by their membership periods, not where they are today: the
 * denominator of per-member figures.
 */
export function registryMembers(p: SQL, day: string): SQL {
  return sql`SELECT ${membersAtSql(p, day, { category: ['full', 'probationary'] })} AS n`;
}

/** The statements of one scope (subtree × period), in a fixed order read back by `readFigures`. */
function figureStatements(path: string, period: Period): SQL[] {
  const P = sql`${path}`;
  const t = instants(period);
  const split = splitRange({ from: t.from, to: new Date(Date.parse(t.to) - 1).toISOString() });
  const inRange = (col: string) => sql`${sql.raw(col)} >= ${t.from} AND ${sql.raw(col)} < ${t.to}`;
  return [
    registryMembers(P, period.to),
    sql`SELECT COUNT(DISTINCT s.user_id) AS n FROM (${usersSource(P, split)}) s WHERE s.kind = 'quiz'`,
    sql`SELECT COALESCE(SUM(s.points), 0) AS n FROM (${eventsSource(P, split)}) s WHERE s.kind = 'quiz'`,
    sql`SELECT COUNT(DISTINCT sa.user_id) AS n FROM stage_admissions sa JOIN quiz_stages st ON st.id = sa.stage_id JOIN campaigns c ON c.id = st.campaign_id
      WHERE ${under('c.org_path', P)} AND ${inRange('sa.created_at')}`,
    sql`SELECT COUNT(*) AS n FROM contest_entries e JOIN campaigns c ON c.id = e.campaign_id
      WHERE ${under('c.org_path', P)} AND e.status <> 'rejected' AND ${inRange('e.created_at')}`,
    sql`SELECT COALESCE(SUM(b.party_size), 0) AS n FROM bookings b JOIN campaigns c ON c.id = b.campaign_id
      WHERE ${under('c.org_path', P)} AND b.status = 'checked_in' AND ${inRange('b.checked_in_at')}`,
    sql`SELECT COUNT(*) AS n FROM volunteer_pairs v WHERE ${under('v.member_path', P)} AND v.unlinked_at IS NULL AND ${inRange('v.created_at')}`,
    sql`SELECT COUNT(*) AS n, COALESCE(SUM(r.hours), 0) AS h FROM service_records r
      WHERE ${under('r.org_path', P)} AND r.status = 'approved' AND r.date >= ${period.from} AND r.date <= ${period.to}`,
    sql`SELECT COALESCE(SUM(COALESCE(pl.verified_amount, pl.amount)), 0) AS n, COUNT(DISTINCT pl.user_id) AS d FROM pledges pl JOIN campaigns c ON c.id = pl.campaign_id
      WHERE ${under('c.org_path', P)} AND pl.status = 'verified' AND ${inRange('pl.verified_at')}`,
    trainingStatement(path, period, t),
  ];
}
const PER_SCOPE = 10;

function readFigures(rows: Array<Array<Record<string, unknown>>>, period: Period): Figures {
  const n = (i: number, col = 'n') => Number(rows[i]?.[0]?.[col] ?? 0);
  const members = n(0);
  const quizPoints = n(2);
  return {
    'quiz.participants': n(1),
    'quiz.pointsPerMemberDay': members > 0 ? Math.round((quizPoints / (members * daysIn(period.from, period.to))) * 100) / 100 : null,
    'quiz.advanced': n(3),
    'contest.works': n(4),
    'exhibition.visits': n(5),
    'volunteer.pairs': n(6),
    'volunteer.approvedRecords': n(7),
    'volunteer.approvedHours': Math.round(n(7, 'h') * 10) / 10,
    'drive.verifiedAmount': n(8),
    'drive.donors': n(8, 'd'),
    ...readTraining(rows[9]?.[0]),
  };
}

/** Figures of several scopes (subtree × period) in one D1 batch. */
export async function reportFigures(db: Db, scopes: Array<{ path: string; period: Period }>): Promise<Figures[]> {
  const stmts = scopes.flatMap((s) => figureStatements(s.path, s.period));
  const rows = stmts.length ? await readBatch(db, stmts) : [];
  return scopes.map((s, i) => readFigures(rows.slice(i * PER_SCOPE, (i + 1) * PER_SCOPE), s.period));
}
