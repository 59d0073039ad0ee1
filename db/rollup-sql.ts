/*
 * The activity rollup as plain SQL, with no imports, so the Worker's cron (db/queries/rollups.ts)
 * and the Node scripts that load data in bulk (demo data, `npm run seed:city`) fold events in
 * exactly the same way. Run the statements in order in ONE transaction (a D1 batch): the
 * watermark moves in the same transaction as the rows it covers, so nothing is counted twice.
 *
 * Each run folds at most `limit` events (bounded CPU per cron tick); a backlog drains over
 * several ticks and metrics stay exact meanwhile because they read the tail raw.
 */

/** China day of an ISO instant, in SQL. */
export const CHINA_DAY_SQL = (col: string) => `substr(datetime(${col}, '+8 hours'), 1, 10)`;

export function rollupSql(limit = 50_000): string[] {
  const window = `rowid > (SELECT last_rowid FROM rollup_state WHERE name = 'activity')
      AND rowid <= (SELECT last_rowid FROM rollup_state WHERE name = 'activity') + ${Math.floor(limit)}`;
  return [
    `INSERT OR IGNORE INTO rollup_state (name, last_rowid, updated_at) VALUES ('activity', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    `INSERT INTO activity_daily (org_path, day, campaign_id, kind, type, events, points, quantity)
    SELECT COALESCE(org_path, ''), ${CHINA_DAY_SQL('occurred_at')}, COALESCE(campaign_id, ''), COALESCE(kind, ''), type,
           COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(quantity), 0)
    FROM activity_events WHERE ${window}
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (org_path, day, campaign_id, kind, type) DO UPDATE SET
      events = events + excluded.events, points = points + excluded.points, quantity = quantity + excluded.quantity`,
    `INSERT INTO activity_user_days (org_path, day, user_id, kind, events, points)
    SELECT COALESCE(org_path, ''), ${CHINA_DAY_SQL('occurred_at')}, user_id, COALESCE(kind, ''), COUNT(*), COALESCE(SUM(points), 0)
    FROM activity_events WHERE ${window} AND user_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (org_path, day, user_id, kind) DO UPDATE SET events = events + excluded.events, points = points + excluded.points`,
    // the same window by China month (before the watermark moves, like the two above)
    `INSERT INTO activity_user_months (org_path, month, user_id, kind, events, points)
    SELECT COALESCE(org_path, ''), substr(${CHINA_DAY_SQL('occurred_at')}, 1, 7), user_id, COALESCE(kind, ''), COUNT(*), COALESCE(SUM(points), 0)
    FROM activity_events WHERE ${window} AND user_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (org_path, month, user_id, kind) DO UPDATE SET events = events + excluded.events, points = points + excluded.points`,
    // and by China year
    `INSERT INTO activity_user_years (org_path, year, user_id, kind, events, points)
    SELECT COALESCE(org_path, ''), substr(${CHINA_DAY_SQL('occurred_at')}, 1, 4), user_id, COALESCE(kind, ''), COUNT(*), COALESCE(SUM(points), 0)
    FROM activity_events WHERE ${window} AND user_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (org_path, year, user_id, kind) DO UPDATE SET events = events + excluded.events, points = points + excluded.points`,
    `UPDATE rollup_state SET
      last_rowid = MIN((SELECT COALESCE(MAX(rowid), 0) FROM activity_events), last_rowid + ${Math.floor(limit)}),
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE name = 'activity'`,
  ];
}

/**
 * Takes events back out of the rollups before they are deleted: a training register corrected
 * from present to absent deletes the `training_hours` event it had written, and a day already
 * folded would otherwise keep it. `filter` is a SQL condition on activity_events (its own
 * bound parameters are the caller's); only rows at or below the watermark were folded, so only
 * they are subtracted. Run these, then the DELETE, in the same batch. Retention's compaction
 * deletes per-answer events on purpose WITHOUT this: their counts are meant to stay.
 */
export function unrollSql(filter: string): string[] {
  const folded = `(${filter}) AND rowid <= (SELECT last_rowid FROM rollup_state WHERE name = 'activity')`;
  const day = CHINA_DAY_SQL('occurred_at');
  const userKeys = (table: string, unit: string, bucket: string) => [
    `UPDATE ${table} AS r SET events = r.events - x.n, points = r.points - x.p
    FROM (SELECT COALESCE(org_path, '') AS op, ${bucket} AS b, user_id AS u, COALESCE(kind, '') AS k, COUNT(*) AS n, COALESCE(SUM(points), 0) AS p
          FROM activity_events WHERE ${folded} AND user_id IS NOT NULL GROUP BY 1, 2, 3, 4) AS x
    WHERE r.org_path = x.op AND r.${unit} = x.b AND r.user_id = x.u AND r.kind = x.k`,
    // a member-day (month, year) with nothing left in it no longer counts the member as active
    `DELETE FROM ${table} WHERE events <= 0 AND (org_path, ${unit}, user_id, kind) IN (
      SELECT COALESCE(org_path, ''), ${bucket}, user_id, COALESCE(kind, '') FROM activity_events WHERE ${folded} AND user_id IS NOT NULL)`,
  ];
  return [
    `UPDATE activity_daily AS r SET events = r.events - x.n, points = r.points - x.p, quantity = r.quantity - x.q
    FROM (SELECT COALESCE(org_path, '') AS op, ${day} AS d, COALESCE(campaign_id, '') AS c, COALESCE(kind, '') AS k, type AS t,
                 COUNT(*) AS n, COALESCE(SUM(points), 0) AS p, COALESCE(SUM(quantity), 0) AS q
          FROM activity_events WHERE ${folded} GROUP BY 1, 2, 3, 4, 5) AS x
    WHERE r.org_path = x.op AND r.day = x.d AND r.campaign_id = x.c AND r.kind = x.k AND r.type = x.t`,
    ...userKeys('activity_user_days', 'day', day),
    ...userKeys('activity_user_months', 'month', `substr(${day}, 1, 7)`),
    ...userKeys('activity_user_years', 'year', `substr(${day}, 1, 4)`),
  ];
}
