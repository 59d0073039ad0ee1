// Benchmark of the report figures (issue #16): the root organizer's 2019–2023 report — every
// figure, by year and for each unit directly below, in one D1 batch — at the demo scale, as a
// ratio to the no-op route in the same run. The demo data lives in the last weeks, so a setup
// gives the demo registry a five-year history of training: each year a rotation class of ten
// sessions for every member on the roster (most present, some late, excused or absent), a
// monthly lecture in each committee and a monthly Party day, and membership periods that begin
// in 2018 (the demo backfills them from a month ago), so the year-end denominators are real.
import { bench, loadSql, setup } from './registry.mjs';

const YEARS = [2019, 2020, 2021, 2022, 2023];
const at = (y, m, d, h = 1) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

setup(async ({ persistDir }) => {
  const lines = [`UPDATE membership_periods SET from_day = '2018-01-01' WHERE reason = 'backfill'`];
  for (const y of YEARS) {
    const cats = [
      ['rotation', 'root', '/root/'],
      ['lecture', 'fgw', '/root/fgw/'],
      ['party_day', 'wjw', '/root/wjw/'],
    ];
    for (const [cat, unit, path] of cats) {
      lines.push(`INSERT OR IGNORE INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at)
        VALUES ('bench-tr-${cat}-${y}', 'training', 'bench-tr-${cat}-${y}', '${y} 年${cat}', '', '', '${unit}', '${path}', 'closed', '${at(y, 1, 1)}', '${at(y, 12, 31)}', '{"category":"${cat}"}', 'user-org-root', '${at(y, 1, 1)}', '${at(y, 1, 1)}')`);
    }
    const sessions = [];
    for (let i = 0; i < 10; i++)
      sessions.push(
        `('bench-trs-rot-${y}-${i}', 'bench-tr-rotation-${y}', '轮训第${i + 1}讲', '${at(y, 3 + Math.floor(i / 2), 10 + (i % 2))}', '${at(y, 3 + Math.floor(i / 2), 10 + (i % 2), 9)}', 4, 'x', 'user-org-root', '${at(y, 1, 1)}')`,
      );
    for (let m = 1; m <= 12; m++) {
      sessions.push(
        `('bench-trs-lec-${y}-${m}', 'bench-tr-lecture-${y}', '党课', '${at(y, m, 15)}', '${at(y, m, 15, 3)}', 2, 'x', 'user-org-root', '${at(y, 1, 1)}')`,
      );
      sessions.push(
        `('bench-trs-day-${y}-${m}', 'bench-tr-party_day-${y}', '主题党日', '${at(y, m, 1)}', '${at(y, m, 1, 3)}', 2, 'x', 'user-org-root', '${at(y, 1, 1)}')`,
      );
    }
    lines.push(
      `INSERT OR IGNORE INTO training_sessions (id, campaign_id, title, starts_at, ends_at, hours, code_secret, created_by, created_at) VALUES ${sessions.join(',')}`,
    );
    // every roster entry on every rotation session: most present, every 7th late, every 11th excused, every 13th absent
    lines.push(`INSERT OR IGNORE INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, hours, updated_at)
      SELECT s.id, r.id, s.campaign_id, r.user_id, r.org_unit_id, u.path,
             CASE WHEN (r.rowid + s.rowid) % 13 = 0 THEN 'absent' WHEN (r.rowid + s.rowid) % 11 = 0 THEN 'excused' WHEN (r.rowid + s.rowid) % 7 = 0 THEN 'late' ELSE 'present' END,
             'onsite', CASE WHEN (r.rowid + s.rowid) % 13 = 0 OR (r.rowid + s.rowid) % 11 = 0 THEN 0 ELSE s.hours END, s.starts_at
      FROM training_sessions s JOIN roster_entries r JOIN org_units u ON u.id = r.org_unit_id
      WHERE s.campaign_id = 'bench-tr-rotation-${y}'`);
  }
  loadSql(persistDir, 'bench-report.sql', lines);
});

bench(
  'GET /org-units/root/report?from=2019-01-01&to=2023-12-31 (报告, 5 years)',
  ({ orgCookie }) => ({ path: '/api/v1/org-units/root/report?from=2019-01-01&to=2023-12-31', headers: { cookie: orgCookie } }),
  "the root's 2019–2023 report: 20 figures for the whole period, each of 5 years and each unit below (one D1 batch), on five years of demo-scale training",
);
bench(
  'GET /org-units/root/report (报告, this year)',
  ({ orgCookie }) => ({
    path: `/api/v1/org-units/root/report?from=${new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4)}-01-01&to=${new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)}`,
    headers: { cookie: orgCookie },
  }),
  'the same for this year, on the demo data as seeded',
);
