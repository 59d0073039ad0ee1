// A year of party-member education under the demo tree (issue #15 part 8), beside the three
// training campaigns of training.mjs: a secretaries' class (2 days), a new members' class,
// an online course with finished studies, and a monthly 党课 and 主题党日 over the last eleven
// months in the first branch of each 机关党委 (campaigns of the branch). The register holds every state — present, late, excused,
// absent and 送学上门 (delivered) — and each credited row its training_hours event, as the API
// writes them; server.mjs folds the events into the rollups after loading. Deterministic: the
// states follow from positions, the times from `now`.

const ROOT_UNIT = 'root';
const COMMITTEES = ['fgw', 'jyj', 'wjw', 'czj'];

/** The SQL statements of the demo year. */
export function trainingYearStatements({ now, day, iso, roster, unitById, events, row, chunks, crypto, insertCampaigns }) {
  const out = [];
  const created = iso(now - 365 * day);
  // 09:00 (or `hour`) China time on the China day `daysAhead` from today
  const at = (daysAhead, hour) =>
    Date.parse(new Date(now + 8 * 3600e3 + daysAhead * day).toISOString().slice(0, 10) + `T${String(hour).padStart(2, '0')}:00:00+08:00`);
  // the 15th of the China month `monthsAhead` from this one, at `hour`
  const monthDay = (monthsAhead, hour) => {
    const d = new Date(now + 8 * 3600e3);
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsAhead, 15));
    return Date.parse(`${m.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  };
  const path = (unit) => unitById.get(unit).path;
  const active = roster.filter((r) => r.userId || r.id.startsWith('roster-pending'));

  const campaigns = [
    {
      id: 'camp-tr-secretary',
      slug: 'shuji-shifan-peixun',
      unit: ROOT_UNIT,
      status: 'closed',
      title: '2026年度党支部书记示范培训班（头雁工程）',
      summary: '市直机关党支部书记、副书记、组织委员集中示范培训，为期2天。',
      settings: { category: 'secretary', audience: { posts: ['secretary', 'deputy_secretary', 'organization'] }, selfEnroll: false, hoursTarget: 32 },
    },
    {
      id: 'camp-tr-new-member',
      slug: 'xin-dangyuan-peixun',
      unit: ROOT_UNIT,
      status: 'closed',
      title: '2026年度新发展党员培训班',
      summary: '预备党员入党教育培训：党章、党的纪律和党员义务。',
      settings: { category: 'new_member', audience: { categories: ['probationary'] }, selfEnroll: false, hoursTarget: 32 },
    },
    {
      id: 'camp-tr-online',
      slug: 'wangluo-peixun',
      unit: ROOT_UNIT,
      status: 'published',
      title: '2026年度党员网络培训',
      summary: '线上学习专题课程，学满时长自动计入学时。',
      settings: { category: 'online', selfEnroll: true, hoursTarget: 32 },
    },
    ...COMMITTEES.flatMap((c) => [
      {
        id: `camp-tr-lecture-${c}`,
        slug: `dangke-${c}`,
        unit: `${c}-b1`,
        status: 'published',
        title: `${unitById.get(c).name.replace('机关党委', '')}${unitById.get(`${c}-b1`).name}月度党课`,
        summary: '每月一次支部党课，由支部书记或机关党委书记讲授。',
        settings: { category: 'lecture', selfEnroll: false, hoursTarget: 32 },
      },
      {
        id: `camp-tr-party-day-${c}`,
        slug: `dangri-${c}`,
        unit: `${c}-b1`,
        status: 'published',
        title: `${unitById.get(c).name.replace('机关党委', '')}${unitById.get(`${c}-b1`).name}月度主题党日`,
        summary: '每月固定主题党日：“三会一课”、学习研讨、志愿服务。',
        settings: { category: 'party_day', selfEnroll: false, hoursTarget: 32 },
      },
    ]),
  ];
  out.push(
    insertCampaigns(
      campaigns.map((c) => ({
        ...c,
        kind: 'training',
        description: c.summary,
        startsAt: iso(now - 330 * day),
        endsAt: iso(now + 35 * day),
        closedAt: c.status === 'closed' ? iso(now - 20 * day) : null,
        createdAt: created,
      })),
    ),
  );

  const sessions = [
    {
      id: 'trs-secretary-1',
      campaign: 'camp-tr-secretary',
      title: '书记示范培训班：党支部标准化规范化建设（第1天）',
      at: at(-120, 9),
      end: 17,
      hours: 6,
      location: '市委党校报告厅',
      lecturer: '市委组织部 王处长',
    },
    {
      id: 'trs-secretary-2',
      campaign: 'camp-tr-secretary',
      title: '书记示范培训班：“三会一课”实务与案例（第2天）',
      at: at(-119, 9),
      end: 17,
      hours: 6,
      location: '市委党校报告厅',
      lecturer: '市直机关工委 赵科长',
    },
    {
      id: 'trs-new-member-1',
      campaign: 'camp-tr-new-member',
      title: '新发展党员培训：学党章、守纪律、尽义务',
      at: at(-60, 9),
      end: 16,
      hours: 5,
      location: '市委党校第二教室',
      lecturer: '市委党校 孙老师',
    },
  ];
  for (const c of COMMITTEES) {
    for (let m = -11; m <= -1; m++) {
      sessions.push({
        id: `trs-lecture-${c}-${m + 12}`,
        campaign: `camp-tr-lecture-${c}`,
        title: `${m + 12}号党课：学习贯彻党的创新理论`,
        at: monthDay(m, 15),
        end: 17,
        hours: 2,
        location: '机关会议室',
        lecturer: '支部书记',
      });
      sessions.push({
        id: `trs-party-day-${c}-${m + 12}`,
        campaign: `camp-tr-party-day-${c}`,
        title: `${m + 12}号主题党日`,
        at: monthDay(m, 9) + 6 * day,
        end: 12,
        hours: 3,
        location: '党员活动室',
        lecturer: '',
      });
    }
  }
  const endOf = (s) => at(Math.round((s.at - at(0, 0)) / day), s.end);
  out.push(
    ...chunks(sessions, 60).map(
      (part) =>
        'INSERT OR IGNORE INTO training_sessions (id, campaign_id, title, starts_at, ends_at, location, lecturer, hours, code_secret, created_by, created_at) VALUES\n' +
        part
          .map((s) =>
            row(
              s.id,
              s.campaign,
              s.title,
              iso(s.at),
              iso(endOf(s)),
              s.location,
              s.lecturer,
              s.hours,
              crypto.randomUUID().replace(/-/g, ''),
              'user-org-root',
              iso(s.at - 14 * day),
            ),
          )
          .join(',\n'),
    ),
  );

  // enrolment: who the audience is, as the API's enrol would pick them
  const enrol = [
    ...active
      .filter((r) => r.posts?.some((p) => ['secretary', 'deputy_secretary', 'organization'].includes(p)))
      .map((r) => ({ campaign: 'camp-tr-secretary', r })),
    ...active.filter((r) => r.category === 'probationary').map((r) => ({ campaign: 'camp-tr-new-member', r })),
    ...active.filter((r) => r.userId && r.status === 'active').map((r) => ({ campaign: 'camp-tr-online', r })),
    // the branch's own members (one branch per 机关党委: the demo stays small enough to load per test file)
    ...COMMITTEES.flatMap((c) =>
      active
        .filter((r) => r.unit === `${c}-b1`)
        .flatMap((r) => [
          { campaign: `camp-tr-lecture-${c}`, r },
          { campaign: `camp-tr-party-day-${c}`, r },
        ]),
    ),
  ];
  out.push(
    ...chunks(enrol, 80).map(
      (part) =>
        'INSERT OR IGNORE INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_by, created_at) VALUES\n' +
        part
          .map((e) => row(e.campaign, e.r.id, e.r.unit, path(e.r.unit), e.campaign === 'camp-tr-online' ? 'self' : 'organizer', 'user-org-root', created))
          .join(',\n'),
    ),
  );

  // the register: every state, by position; home-bound and pending people get 送学上门 now and then
  const att = [];
  sessions.forEach((s, si) => {
    enrol
      .filter((e) => e.campaign === s.campaign)
      .forEach((e, i) => {
        const k = i + si;
        const home = !e.r.userId || e.r.status === 'home_bound';
        const delivered = home && k % 3 === 0;
        const status = delivered ? 'present' : home ? 'absent' : k % 17 === 4 ? 'absent' : k % 9 === 2 ? 'excused' : k % 6 === 1 ? 'late' : 'present';
        const credited = status === 'present' || status === 'late';
        const checkedIn = credited && !delivered ? iso(s.at + (status === 'late' ? 14 : -12 + (k % 9)) * 60e3) : null;
        att.push(
          row(
            s.id,
            e.r.id,
            s.campaign,
            e.r.userId,
            e.r.unit,
            path(e.r.unit),
            status,
            delivered ? 'delivered' : 'onsite',
            delivered ? '行动不便，支部上门送学' : status === 'excused' ? '因公请假' : '',
            credited ? s.hours : 0,
            checkedIn,
            checkedIn ? null : 'user-org-root',
            iso(endOf(s)),
          ),
        );
        if (credited)
          events.push(
            row(
              `ev-tr-${s.id}-${e.r.id}`,
              e.r.userId,
              e.r.unit,
              path(e.r.unit),
              s.campaign,
              'training',
              'training_hours',
              0,
              s.hours * 60,
              iso(s.at),
              `att:${s.id}:${e.r.id}`,
            ),
          );
      });
  });
  for (const part of chunks(att, 80))
    out.push(
      'INSERT OR IGNORE INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, checked_in_at, marked_by, updated_at) VALUES\n' +
        part.join(',\n'),
    );

  // the online course: two materials; a third of the members finished one, a few both, some only started
  const materials = [
    { id: 'trm-online-1', title: '专题课程：新时代党的建设总要求', kind: 'video', url: 'https://example.org/video/dangjian-2026', minutes: 60, hours: 1.5 },
    { id: 'trm-online-2', title: '专题文章：党纪学习教育问答', kind: 'article', url: 'https://example.org/article/dangji-2026', minutes: 30, hours: 0.5 },
  ];
  out.push(
    'INSERT OR IGNORE INTO training_materials (id, campaign_id, title, kind, url, minutes, hours, created_by, created_at) VALUES\n' +
      materials.map((m) => row(m.id, 'camp-tr-online', m.title, m.kind, m.url, m.minutes, m.hours, 'user-org-root', iso(now - 200 * day))).join(',\n'),
  );
  const studies = [];
  enrol
    .filter((e) => e.campaign === 'camp-tr-online')
    .forEach((e, i) => {
      materials.forEach((m, mi) => {
        if (i % 3 !== 0 && !(mi === 0 && i % 5 === 1)) return;
        const started = now - (30 + ((i * 7) % 150)) * day;
        const finished = mi === 1 && i % 2 === 1 ? null : started + (m.minutes + 5) * 60e3;
        const id = `trst-${m.id}-${e.r.userId}`;
        studies.push(row(id, m.id, 'camp-tr-online', e.r.userId, iso(started), finished ? iso(finished) : null));
        if (finished)
          events.push(
            row(
              `ev-${id}`,
              e.r.userId,
              e.r.unit,
              path(e.r.unit),
              'camp-tr-online',
              'training',
              'training_hours',
              0,
              m.hours * 60,
              iso(finished),
              `study:${id}`,
            ),
          );
      });
    });
  for (const part of chunks(studies, 80))
    out.push('INSERT OR IGNORE INTO training_studies (id, material_id, campaign_id, user_id, started_at, finished_at) VALUES\n' + part.join(',\n'));
  return out;
}
