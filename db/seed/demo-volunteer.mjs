// Demo data of the 1+1 volunteer campaign (db/seed/demo.mjs): the member–resident pairs, service
// records in every state, and 服务活动 with their sign-ups and check-in records. `eventsRaw` is
// demo.mjs's list of the activity it made (the approved records are those of its volunteer hours).

import { GIVEN, SURNAMES } from './demo-org.mjs';

/** The SQL statements of the volunteer demo data, one per string. */
export function volunteerStatements({ now, day, iso, users, members, eventsRaw, unitById, row, crypto, placed }) {
  const out = [];
  // "1+1": about a third of the members brought a resident (consent stored), and service
  // records in every state: approved (above), pending for the queue, and rejected with reasons.
  const consent =
    '我同意将本人姓名和手机号提供给本次“1+1”志愿服务活动的组织者，仅用于志愿者登记、服务联系和活动统计，不用于其他用途；活动结束后按规定保存或删除。';
  const pairRows = [];
  members.forEach((u, i) => {
    if (i % 3 !== 0) return;
    const resident = SURNAMES[(i * 13) % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];
    const at = iso(now - (5 + (i % 20)) * day);
    pairRows.push(
      row(
        `pair-${u.id}`,
        'camp-volunteer',
        ...placed(u),
        resident,
        `1880000${String(i).padStart(4, '0')}`,
        null,
        consent,
        at,
        i % 9 === 0 ? 'organizer' : 'invite',
        i % 9 === 0 ? 'user-org-root' : null,
        at,
      ),
    );
  });
  out.push(
    'INSERT OR IGNORE INTO volunteer_pairs (id, campaign_id, member_id, member_unit_id, member_path, resident_name, resident_phone, resident_user_id, consent_text, consent_at, source, created_by, created_at) VALUES\n' +
      pairRows.join(',\n'),
  );
  const recordRows = eventsRaw
    .filter((e) => e.kind === 'volunteer')
    .map((e) =>
      row(
        `rec-${e.user.id}-v`,
        'camp-volunteer',
        e.user.id,
        e.user.unit,
        unitById.get(e.user.unit).path,
        null,
        iso(e.at + 8 * 3600e3).slice(0, 10),
        e.quantity,
        '社区环境整治、入户走访独居老人',
        'approved',
        null,
        'user-org-root',
        iso(e.at + day),
        iso(e.at),
      ),
    );
  const tasks = ['社区垃圾分类宣传', '陪伴独居老人就医', '文明交通劝导', '图书馆图书整理', '社区疫苗接种引导', '河道清洁'];
  members.forEach((u, i) => {
    if (i % 5 !== 1) return;
    const at = now - (1 + (i % 6)) * day;
    const rejected = i % 25 === 1;
    recordRows.push(
      row(
        `rec-${u.id}-p`,
        'camp-volunteer',
        ...placed(u),
        null,
        iso(at + 8 * 3600e3).slice(0, 10),
        1 + (i % 4) * 0.5 + 1,
        tasks[i % tasks.length],
        rejected ? 'rejected' : 'pending',
        rejected ? '请补充服务地点和服务对象，并上传现场照片后重新提交。' : null,
        rejected ? 'user-org-root' : null,
        rejected ? iso(at + day) : null,
        iso(at),
      ),
    );
  });
  out.push(
    'INSERT OR IGNORE INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, pair_id, date, hours, description, status, reason, reviewed_by, reviewed_at, created_at) VALUES\n' +
      recordRows.join(',\n'),
  );

  // 服务活动: one held five days ago (everyone checked in and out with the code, their hours
  // waiting for review as 签到核验 records), two coming up with places left (王晓燕, the demo
  // member, has signed up for the first) and a full one.
  const saStart = (daysAhead, hour) =>
    Date.parse(new Date(now + 8 * 3600e3 + daysAhead * day).toISOString().slice(0, 10) + `T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const serviceActivities = [
    {
      id: 'sa-demo-clinic',
      unit: 'root',
      title: '社区义诊志愿服务',
      place: '幸福社区党群服务中心',
      description: '协助医护人员做好登记、测量血压和引导，请着志愿者马甲。',
      at: saStart(-5, 9),
      hours: 3,
      capacity: 20,
      people: 8,
    },
    {
      id: 'sa-demo-river',
      unit: 'fgw',
      title: '母亲河河道清洁',
      place: '滨江公园北门集合',
      description: '清理河岸垃圾并做好分类，手套和垃圾袋现场发放。',
      at: saStart(2, 9),
      hours: 3,
      capacity: 15,
      people: 4,
    },
    {
      id: 'sa-demo-library',
      unit: 'jyj',
      title: '少儿图书馆图书整理',
      place: '市少儿图书馆二楼',
      description: '整理归架、修补破损图书。',
      at: saStart(9, 14),
      hours: 2,
      capacity: 10,
      people: 0,
    },
    {
      id: 'sa-demo-traffic',
      unit: 'root',
      title: '文明交通劝导',
      place: '人民路与解放路交叉口',
      description: '早高峰劝导行人和非机动车文明出行。',
      at: saStart(4, 7),
      hours: 2,
      capacity: 6,
      people: 6,
    },
  ];
  const saRows = [];
  const signupRows = [];
  const checkinRecords = [];
  serviceActivities.forEach((a, ai) => {
    const unit = unitById.get(a.unit);
    const past = a.at < now;
    // the demo member signs up for the river clean-up; the others are members of the unit's subtree
    const pool = members.filter((m) => unitById.get(m.unit).path.startsWith(unit.path) && m.id !== 'user-member-fgw');
    const people = [...(a.id === 'sa-demo-river' ? [users.find((x) => x.id === 'user-member-fgw')] : []), ...pool.slice(ai * 7, ai * 7 + a.people)].slice(
      0,
      a.people,
    );
    saRows.push(
      row(
        a.id,
        'camp-volunteer',
        a.unit,
        unit.path,
        a.title,
        a.place,
        a.description,
        iso(a.at),
        iso(a.at + a.hours * 3600e3),
        a.capacity,
        people.length,
        crypto.randomUUID().replace(/-/g, ''),
        'open',
        'user-org-root',
        iso(a.at - 10 * day),
      ),
    );
    people.forEach((u, i) => {
      const signedAt = iso(a.at - (6 - (i % 4)) * day);
      if (!past) return signupRows.push(row(a.id, u.id, 'signed_up', null, null, null, signedAt));
      const inAt = a.at - 10 * 60e3 + i * 60e3;
      const outAt = a.at + a.hours * 3600e3 + 5 * 60e3;
      const recId = `rec-${a.id}-${u.id}`;
      signupRows.push(row(a.id, u.id, 'signed_up', iso(inAt), iso(outAt), recId, signedAt));
      checkinRecords.push(
        row(
          recId,
          'camp-volunteer',
          ...placed(u),
          null,
          iso(a.at + 8 * 3600e3).slice(0, 10),
          a.hours,
          `${a.title}（${a.place}）`,
          'pending',
          'checkin',
          a.id,
          iso(outAt),
        ),
      );
    });
  });
  out.push(
    'INSERT OR IGNORE INTO service_activities (id, campaign_id, org_unit_id, org_path, title, place, description, starts_at, ends_at, capacity, signed_up, code_secret, status, created_by, created_at) VALUES\n' +
      saRows.join(',\n'),
  );
  out.push(
    'INSERT OR IGNORE INTO service_signups (activity_id, user_id, status, checked_in_at, checked_out_at, record_id, created_at) VALUES\n' +
      signupRows.join(',\n'),
  );
  out.push(
    'INSERT OR IGNORE INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, pair_id, date, hours, description, status, source, activity_id, created_at) VALUES\n' +
      checkinRecords.join(',\n'),
  );
  return out;
}
