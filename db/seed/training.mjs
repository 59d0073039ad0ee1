// Demo data of the training campaigns (kind `training`, see demo.mjs CAMPAIGNS): the 集中轮训
// class enrols the fgw and wjw members (3 sessions: two held, one to come), the 党课 enrols
// 第一党支部 (one held, with its recording online), the 主题党日 is coming up. Credited register
// rows get their training_hours event (quantity in minutes), as the API writes them; `events`
// is demo.mjs's list of activity rows, which it writes after this.

import { trainingYearStatements } from './training-year.mjs';

/** The SQL statements of the training demo data (and the demo year of training-year.mjs). */
export function trainingStatements({ now, day, iso, roster, unitById, events, row, q, chunks, crypto, insertCampaigns }) {
  const out = [];
  const trDay = (daysAhead, hour) =>
    Date.parse(new Date(now + 8 * 3600e3 + daysAhead * day).toISOString().slice(0, 10) + `T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const trSessions = [
    {
      id: 'trs-rotation-1',
      campaign: 'camp-training',
      title: '第一期轮训班：学习贯彻党的二十大精神（第1天）',
      at: trDay(-10, 9),
      hours: 6,
      end: 17,
      location: '市委党校第一教室',
      lecturer: '市委党校 刘教授',
    },
    {
      id: 'trs-rotation-2',
      campaign: 'camp-training',
      title: '第一期轮训班：党章党规党纪（第2天）',
      at: trDay(-9, 9),
      hours: 6,
      end: 17,
      location: '市委党校第一教室',
      lecturer: '市纪委 陈处长',
    },
    {
      id: 'trs-rotation-3',
      campaign: 'camp-training',
      title: '第一期轮训班：现场教学与结业（第3天）',
      at: trDay(3, 9),
      hours: 6,
      end: 17,
      location: '市革命历史纪念馆',
      lecturer: '纪念馆 讲解员',
    },
    {
      id: 'trs-lecture-1',
      campaign: 'camp-lecture',
      title: '专题党课：以党的创新理论武装头脑',
      at: trDay(-5, 15),
      hours: 2,
      end: 17,
      location: '发改委机关三楼会议室',
      lecturer: '机关党委书记 李振华',
    },
    {
      id: 'trs-party-day-1',
      campaign: 'camp-party-day',
      title: '重温入党誓词·参观革命纪念馆',
      at: trDay(2, 14),
      hours: 3,
      end: 17,
      location: '市革命历史纪念馆',
      lecturer: '第一党支部书记',
    },
  ];
  out.push(
    'INSERT OR IGNORE INTO training_sessions (id, campaign_id, title, starts_at, ends_at, location, lecturer, hours, code_secret, created_by, created_at) VALUES\n' +
      trSessions
        .map((t) =>
          row(
            t.id,
            t.campaign,
            t.title,
            iso(t.at),
            iso(trDay(Math.round((t.at - trDay(0, 0)) / day), t.end)),
            t.location,
            t.lecturer,
            t.hours,
            crypto.randomUUID().replace(/-/g, ''),
            'user-org-root',
            iso(t.at - 14 * day),
          ),
        )
        .join(',\n'),
  );
  const onRoster = roster.filter((r) => r.userId || r.id.startsWith('roster-pending'));
  const underUnit = (r, prefix) => unitById.get(r.unit).path.startsWith(unitById.get(prefix).path);
  const trEnrol = [
    ...onRoster.filter((r) => underUnit(r, 'fgw') || underUnit(r, 'wjw')).map((r) => ({ campaign: 'camp-training', r })),
    ...onRoster.filter((r) => r.unit === 'fgw-b1').map((r) => ({ campaign: 'camp-lecture', r })),
    ...onRoster.filter((r) => r.unit === 'fgw-b1').map((r) => ({ campaign: 'camp-party-day', r })),
  ];
  out.push(
    'INSERT OR IGNORE INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_by, created_at) VALUES\n' +
      trEnrol.map((e) => row(e.campaign, e.r.id, e.r.unit, unitById.get(e.r.unit).path, 'organizer', 'user-org-root', iso(now - 20 * day))).join(',\n'),
  );
  const attRows = [];
  for (const t of trSessions.filter((x) => x.at < now)) {
    trEnrol
      .filter((e) => e.campaign === t.campaign)
      .forEach((e, i) => {
        // most came; some late, a few excused or absent; 送学上门 for the pending (home-bound) ones
        const delivered = !e.r.userId && i % 2 === 0;
        const status = delivered ? 'present' : !e.r.userId ? 'absent' : i % 11 === 3 ? 'excused' : i % 13 === 5 ? 'absent' : i % 7 === 2 ? 'late' : 'present';
        const credited = status === 'present' || status === 'late';
        const checkedIn = credited && !delivered ? iso(t.at + (status === 'late' ? 15 : -10 + (i % 8)) * 60e3) : null;
        attRows.push(
          row(
            t.id,
            e.r.id,
            t.campaign,
            e.r.userId,
            e.r.unit,
            unitById.get(e.r.unit).path,
            status,
            delivered ? 'delivered' : 'onsite',
            delivered ? '年老体弱，支部书记上门送学' : status === 'excused' ? '因公出差，已请假' : '',
            credited ? t.hours : 0,
            checkedIn,
            checkedIn ? null : 'user-org-root',
            iso(t.at + t.hours * 3600e3),
          ),
        );
        if (credited)
          events.push(
            row(
              `ev-tr-${t.id}-${e.r.id}`,
              e.r.userId,
              e.r.unit,
              unitById.get(e.r.unit).path,
              t.campaign,
              'training',
              'training_hours',
              0,
              t.hours * 60,
              iso(t.at),
              `att:${t.id}:${e.r.id}`,
            ),
          );
      });
  }
  for (const part of chunks(attRows, 60))
    out.push(
      'INSERT OR IGNORE INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, checked_in_at, marked_by, updated_at) VALUES\n' +
        part.join(',\n'),
    );
  out.push(
    `INSERT OR IGNORE INTO training_materials (id, campaign_id, title, kind, url, minutes, hours, created_by, created_at) VALUES ('trm-lecture-video', 'camp-lecture', '专题党课录像：以党的创新理论武装头脑', 'video', 'https://example.org/video/dangke-2026', 45, 1, 'user-org-fgw', ${q(iso(now - 4 * day))})`,
  );
  out.push(...trainingYearStatements({ now, day, iso, roster, unitById, events, row, q, chunks, crypto, insertCampaigns }));
  return out;
}
