import { sql, type SQL } from 'drizzle-orm';
import { CHINA_DAY_SQL } from '../rollup-sql';
import { CLASS_CATEGORIES, NEW_MEMBER_YEARS, NEW_SECRETARY_MONTHS, SECRETARY_POSTS } from '../../shared/report';
import { percent } from '../../shared/report';
import type { Figures, Period } from './report';

/*
 * The training figures of one scope (subtree × period) as ONE statement, so the report stays
 * one D1 batch however many years and units it shows. Definitions: shared/report.ts.
 *
 * Why not the activity rollups: a register correction (present → absent) DELETES the row's
 * `training_hours` event rather than writing a compensating one (db/queries/training.ts
 * syncEvents), so a day already folded into activity_daily would keep hours the register took
 * back. The register and the studies are the record; they are read directly, driven from the
 * sessions that start in the period (a session's register by its primary key) and from each
 * training campaign's materials (a material's studies by their unique index), never a scan of
 * every event.
 *
 * "Credited" (`cr`): a register row present or late (送学上门 is recorded as present with mode
 * `delivered`) of a session starting in the period — on the session's China day — and a study
 * finished in the period — on the finishing China day. A register row counts under the unit
 * the person was enrolled from (its org_path); a study under the unit of its activity event.
 *
 * What a scope reads is bounded by the scope, so the units below cost what their subtree holds,
 * not the whole city once each: `cr` holds the register rows enrolled from the subtree (found by
 * training_attendance (campaign_id, org_path)) and, for the members at the period end who were
 * enrolled from elsewhere (transferred in), their rows found through their enrolments — never
 * the other units' rows. Every use below filters `cr` to one of those two sets.
 */

const under = (col: string, p: SQL) => sql`${sql.raw(col)} >= ${p} AND ${sql.raw(col)} < ${p} || '~'`;
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
const category = sql.raw(`COALESCE(json_extract(c.settings, '$.category'), 'rotation')`);
const held = sql.raw(`c.kind = 'training' AND c.status <> 'draft'`);
const CLASS = list(CLASS_CATEGORIES);
const CREDITED = sql.raw(`('present', 'late')`);

/** Who was on the subtree's registry at the end of `day` as full or probationary member (the rule of db/queries/people.ts). */
const membersAt = (p: SQL, day: string, more: SQL = sql`1`) => sql`SELECT DISTINCT r.id AS rid, r.user_id AS uid, r.post_since AS since
  FROM membership_periods pe JOIN roster_entries r ON r.id = pe.roster_id
  WHERE ${under('pe.org_path', p)} AND pe.from_day <= ${day} AND (pe.to_day IS NULL OR pe.to_day > ${day})
    AND r.category IN ('full', 'probationary') AND ${more}`;

export function trainingStatement(path: string, period: Period, t: { from: string; to: string }): SQL {
  const P = sql`${path}`;
  const sessionDay = sql.raw(CHINA_DAY_SQL('s.starts_at'));
  const studyDay = sql.raw(CHINA_DAY_SQL('st.finished_at'));
  const hasPost = (posts: readonly string[]) => sql`EXISTS (SELECT 1 FROM json_each(r.posts) j WHERE j.value IN (${list(posts)}))`;
  const newSince = sql`date(${period.to}, ${`-${NEW_SECRETARY_MONTHS} months`})`;
  return sql`
    WITH mem AS (${membersAt(P, period.to)}),
    cr AS (
      SELECT a.roster_id AS rid, a.user_id AS uid, a.org_path AS path, a.hours AS hours, ${sessionDay} AS day, ${category} AS cat
        FROM campaigns c JOIN training_attendance a ON a.campaign_id = c.id JOIN training_sessions s ON s.id = a.session_id
        WHERE ${held} AND ${under('a.org_path', P)} AND s.starts_at >= ${t.from} AND s.starts_at < ${t.to} AND a.status IN ${CREDITED}
      UNION ALL
      SELECT a.roster_id, a.user_id, a.org_path, a.hours, ${sessionDay}, ${category}
        FROM mem JOIN training_enrollments en ON en.roster_id = mem.rid JOIN campaigns c ON c.id = en.campaign_id
        JOIN training_sessions s ON s.campaign_id = en.campaign_id JOIN training_attendance a ON a.session_id = s.id AND a.roster_id = en.roster_id
        WHERE ${held} AND NOT (${under('a.org_path', P)}) AND s.starts_at >= ${t.from} AND s.starts_at < ${t.to} AND a.status IN ${CREDITED}
      UNION ALL
      SELECT re.id, st.user_id, e.org_path, m.hours, ${studyDay}, ${category}
        FROM campaigns c JOIN training_materials m ON m.campaign_id = c.id JOIN training_studies st ON st.material_id = m.id
        LEFT JOIN roster_entries re ON re.user_id = st.user_id
        LEFT JOIN activity_events e ON e.type = 'training_hours' AND e.ref = 'study:' || st.id
        WHERE ${held} AND st.finished_at >= ${t.from} AND st.finished_at < ${t.to}
    ),
    mine AS (SELECT * FROM cr WHERE ${under('cr.path', P)} AND cr.cat IN (${CLASS})),
    ns AS (${membersAt(P, period.to, sql`${hasPost(['secretary'])} AND r.post_since > ${newSince} AND r.post_since <= ${period.to}`)})
    SELECT
      (SELECT COUNT(*) FROM campaigns c WHERE ${held} AND ${under('c.org_path', P)} AND ${category} IN (${CLASS}) AND (
        EXISTS (SELECT 1 FROM training_sessions s WHERE s.campaign_id = c.id AND s.starts_at >= ${t.from} AND s.starts_at < ${t.to})
        OR EXISTS (SELECT 1 FROM training_materials m JOIN training_studies st ON st.material_id = m.id
          WHERE m.campaign_id = c.id AND st.finished_at >= ${t.from} AND st.finished_at < ${t.to}))) AS classes,
      (SELECT COUNT(*) FROM mine) AS attendances,
      (SELECT COUNT(DISTINCT COALESCE(rid, 'u:' || uid)) FROM mine) AS people,
      (SELECT COUNT(*) FROM mem) AS members,
      (SELECT COUNT(DISTINCT cr.rid) FROM cr WHERE cr.cat IN (${CLASS}) AND cr.rid IN (SELECT rid FROM mem)) AS covered,
      (SELECT COALESCE(SUM(cr.hours), 0) FROM cr WHERE cr.rid IN (SELECT rid FROM mem)) AS hours,
      (SELECT COUNT(*) FROM mine JOIN roster_entries r ON r.id = mine.rid
        WHERE ${hasPost(SECRETARY_POSTS)} AND (r.post_since IS NULL OR r.post_since <= mine.day)) AS secretaries,
      (SELECT COUNT(*) FROM ns) AS newSecretaries,
      (SELECT COUNT(*) FROM ns WHERE
        -- CROSS JOIN keeps SQLite from scanning every register row for the roster id: the secretaries' classes' rows only
        EXISTS (SELECT 1 FROM campaigns c CROSS JOIN training_attendance a ON a.campaign_id = c.id JOIN training_sessions s ON s.id = a.session_id
          WHERE ${held} AND ${category} = 'secretary' AND a.roster_id = ns.rid AND a.status IN ${CREDITED} AND ${sessionDay} >= ns.since AND ${sessionDay} <= ${period.to})
        OR EXISTS (SELECT 1 FROM campaigns c JOIN training_materials m ON m.campaign_id = c.id JOIN training_studies st ON st.material_id = m.id
          WHERE ${held} AND ${category} = 'secretary' AND st.user_id = ns.uid AND st.finished_at IS NOT NULL AND ${studyDay} >= ns.since AND ${studyDay} <= ${period.to})) AS newSecretariesTrained,
      (SELECT COUNT(*) FROM mine JOIN roster_entries r ON r.id = mine.rid WHERE CASE
        WHEN r.joined_party_on IS NOT NULL THEN r.joined_party_on <= mine.day AND r.joined_party_on > date(mine.day, ${`-${NEW_MEMBER_YEARS} years`})
        ELSE r.category = 'probationary' END) AS newMembers,
      (SELECT COUNT(*) FROM campaigns c JOIN training_sessions s ON s.campaign_id = c.id
        WHERE ${held} AND ${under('c.org_path', P)} AND ${category} = 'lecture' AND s.starts_at >= ${t.from} AND s.starts_at < ${t.to}) AS lectures,
      (SELECT COUNT(*) FROM campaigns c JOIN training_sessions s ON s.campaign_id = c.id
        WHERE ${held} AND ${under('c.org_path', P)} AND ${category} = 'party_day' AND s.starts_at >= ${t.from} AND s.starts_at < ${t.to}) AS partyDays`;
}

/** The training figures from the statement's one row. */
export function readTraining(row: Record<string, unknown> | undefined): Figures {
  const n = (k: string) => Number(row?.[k] ?? 0);
  const members = n('members');
  return {
    'training.classes': n('classes'),
    'training.attendances': n('attendances'),
    'training.people': n('people'),
    'training.coverageRate': percent(n('covered'), members),
    'training.hoursPerMember': members > 0 ? Math.round((n('hours') / members) * 10) / 10 : null,
    'training.secretaryAttendances': n('secretaries'),
    'training.newSecretaryRate': percent(n('newSecretariesTrained'), n('newSecretaries')),
    'training.newMemberAttendances': n('newMembers'),
    'lectures.count': n('lectures'),
    'partyDays.count': n('partyDays'),
  };
}
