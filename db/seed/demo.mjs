// Demo data of API.md: an org tree with ≥200 members, the five demo accounts and a
// published campaign of each kind. Ids are fixed and every statement is INSERT OR IGNORE,
// so loading it again keeps the data and adds no duplicates.
import { createHmac, webcrypto as crypto } from 'node:crypto';
import { DEMO_QUESTIONS } from './questions.mjs';
import { trainingStatements } from './training.mjs';

export const DEMO_PASSWORD = 'tongxin-demo';

/**
 * The board-key secret of local runs and tests only (scripts/server.mjs passes it to
 * `wrangler dev`, vitest.config.ts to workerd). A deployment sets its own with
 * `wrangler secret put BOARD_KEY_SECRET`; this one is public, so boards made with it are not private.
 */
export const DEV_BOARD_KEY_SECRET = 'tongxin-dev-board-key-secret-not-for-production';

/** shared/board-key.ts with node:crypto (a unit test holds the two equal): base64url(HMAC-SHA256(secret, campaign:subject)), 16 bytes. */
export function demoBoardKey(campaignId, subject, secret = DEV_BOARD_KEY_SECRET) {
  return createHmac('sha256', secret).update(`${campaignId}:${subject}`).digest().subarray(0, 16).toString('base64url');
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = [
  '建国',
  '志强',
  '秀英',
  '丽娟',
  '海燕',
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '文博',
  '思远',
  '子涵',
  '雨轩',
  '浩然',
  '欣怡',
  '晓东',
  '红梅',
  '国庆',
  '卫东',
  '春华',
  '玉兰',
  '德华',
  '志明',
  '晓燕',
  '立新',
  '振华',
  '淑珍',
  '佳怡',
  '俊杰',
  '宏伟',
  '婷婷',
  '晨曦',
  '永刚',
  '凤英',
  '建华',
];

const q = (s) => (s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s) : `'${String(s).replace(/'/g, "''")}'`);
const row = (...vals) => `(${vals.map(q).join(', ')})`;

async function pbkdf2(password) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100000 }, key, 256);
  return `pbkdf2-sha256$100000$${Buffer.from(salt).toString('base64')}$${Buffer.from(bits).toString('base64')}`;
}

/** The org tree: root → 4 机关党委 → branches (one with a 党总支 in between). */
export const ORG = (() => {
  const units = [{ id: 'root', parentId: null, name: '市直机关工委', kind: 'committee' }];
  const committees = [
    ['fgw', '市发展和改革委员会机关党委', ['第一党支部', '第二党支部', '离退休干部党支部']],
    ['jyj', '市教育局机关党委', ['第一党支部', '第二党支部']],
    ['wjw', '市卫生健康委员会机关党委', ['机关第一党支部', '机关第二党支部']],
    ['czj', '市财政局机关党委', ['综合党支部', '业务党支部']],
  ];
  for (const [code, name, branches] of committees) {
    units.push({ id: code, parentId: 'root', name, kind: 'party_committee' });
    branches.forEach((b, i) => units.push({ id: `${code}-b${i + 1}`, parentId: code, name: b, kind: 'branch' }));
  }
  // A 党总支 with two branches of its own under the health commission.
  units.push({ id: 'wjw-zz', parentId: 'wjw', name: '市疾控中心党总支', kind: 'general_branch' });
  units.push({ id: 'wjw-zz-b1', parentId: 'wjw-zz', name: '疾控中心第一党支部', kind: 'branch' });
  units.push({ id: 'wjw-zz-b2', parentId: 'wjw-zz', name: '疾控中心第二党支部', kind: 'branch' });
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const chain = [];
    for (let x = u; x; x = x.parentId ? byId.get(x.parentId) : null) chain.unshift(x.id);
    u.path = `/${chain.join('/')}/`;
    u.depth = chain.length - 1;
  }
  return units;
})();

export const DEMO_ACCOUNTS = [
  { id: 'user-admin', phone: '13800000000', name: '系统管理员', unit: 'root', role: 'admin' },
  { id: 'user-org-root', phone: '13800000001', name: '周建华', unit: 'root', role: 'organizer' },
  { id: 'user-org-fgw', phone: '13800000002', name: '李振华', unit: 'fgw', role: 'organizer' },
  { id: 'user-member-fgw', phone: '13800000003', name: '王晓燕', unit: 'fgw-b1', role: 'member' },
  { id: 'user-member-jyj', phone: '13800000004', name: '陈思远', unit: 'jyj-b1', role: 'member' },
];

/** Demo works of the art contest; images are db/seed/images/work-NN.jpg in this order. */
export const DEMO_WORKS = [
  { category: '摄影', title: '晨光中的城市', description: '清晨六点，登高拍摄城市天际线。' },
  { category: '摄影', title: '湖畔暮色', description: '傍晚湖边，霞光映水。' },
  { category: '摄影', title: '山村新貌', description: '乡村振兴后的新农村。' },
  { category: '摄影', title: '夜色流光', description: '长曝光拍摄的城市车流。' },
  { category: '绘画', title: '金秋', description: '水彩，描绘丰收的田野。' },
  { category: '绘画', title: '红霞万朵', description: '油画，表现晚霞的热烈。' },
  { category: '绘画', title: '碧水青山', description: '国画，绿水青山就是金山银山。' },
  { category: '绘画', title: '远方', description: '丙烯画，抽象风景。' },
  { category: '书法', title: '不忘初心', description: '楷书，四尺斗方。' },
  { category: '书法', title: '为人民服务', description: '行书，毛泽东同志题词。' },
  { category: '书法', title: '实事求是', description: '隶书横幅。' },
  { category: '书法', title: '天道酬勤', description: '草书条幅。' },
];

const CAMPAIGNS = [
  {
    id: 'camp-quiz',
    kind: 'quiz',
    slug: 'dangshi-daily',
    unit: 'root',
    title: '党史学习教育每日答题',
    summary: '每天5道题，学党史、悟思想，答对得积分，每日积分上限10分。',
    description:
      '为深入开展党史学习教育，市直机关工委组织“每日答题”活动。\n\n· 每天可答题一次，每次5道题，每题限时30秒；\n· 每答对一题得1分，每日最多10分；\n· 积分计入个人和所在党支部的学习积分，按党支部人均积分排名。',
    settings: {
      mode: 'daily',
      questionsPerAttempt: 5,
      secondsPerQuestion: 30,
      attemptsPerDay: 1,
      pointsPerCorrect: 2,
      dailyPointsCap: 10,
      bankIds: ['bank-demo'],
      stratify: true,
    },
  },
  {
    id: 'camp-quiz-contest',
    kind: 'quiz',
    slug: 'dangshi-contest',
    unit: 'root',
    title: '“学党史 知党恩”知识挑战赛',
    summary: '初赛、决赛两个阶段，每场10题、每题限时20秒，按答对题数和用时排名；初赛前20名入围决赛。',
    description:
      '面向市直机关党员和广大群众的党史知识挑战赛。\n\n· 初赛：每人每天可答2次，取最好成绩；\n· 决赛：初赛前20名（并列者一同入围）参加，每人1次机会；\n· 排名规则：答对题数多者在前，题数相同用时少者在前。',
    settings: {
      mode: 'round',
      questionsPerAttempt: 10,
      secondsPerQuestion: 20,
      attemptsPerDay: 2,
      pointsPerCorrect: 1,
      pointsForFinish: 1,
      dailyPointsCap: 20,
      bankIds: ['bank-demo'],
      stratify: true,
      revealAnswers: true,
    },
  },
  {
    id: 'camp-contest',
    kind: 'contest',
    slug: 'hanmo-danqing',
    unit: 'root',
    title: '“翰墨丹青颂党恩”书画摄影大赛',
    summary: '征集书法、绘画、摄影作品，评委评审与网络投票相结合，优秀作品将在市文化馆展出。',
    description:
      '面向市直机关全体党员和干部职工征集书法、绘画、摄影作品。\n\n征集时间：即日起至活动结束；每人每类最多投稿3件。\n评审方式：评委评分占70%，网络投票占30%。\n获奖作品将在“翰墨丹青颂党恩”优秀作品展展出。',
    settings: { categories: ['书法', '绘画', '摄影'], entriesPerPerson: 3, votesPerDay: 5, judgeWeight: 0.7, minLongEdge: { 摄影: 1200 } },
  },
  {
    id: 'camp-volunteer',
    kind: 'volunteer',
    slug: 'one-plus-one',
    unit: 'root',
    title: '“1+1”党员带群众志愿服务行动',
    summary: '每名党员带动一名群众注册志愿者，共同参加社区志愿服务。',
    description:
      '每名党员通过个人邀请码带动一名群众注册成为志愿者，结对参加文明创建、社区治理、关爱老人等志愿服务。服务时长经所在党组织审核后计入志愿服务记录。',
    settings: { pairCap: 1, maxHoursPerDay: 8 },
  },
  {
    id: 'camp-drive',
    kind: 'drive',
    slug: 'jinqiu-zhuxue',
    unit: 'root',
    title: '“金秋助学”公益募捐',
    summary: '为家庭困难学生筹集助学金。善款通过持证慈善组织在民政部指定平台募集，本平台只登记认捐与凭证。',
    description:
      '本次募捐由持有公开募捐资格证书的慈善组织发起，善款直接捐赠至其在民政部指定互联网募捐信息平台上的项目。请先在平台完成捐赠，再回到本页上传捐赠凭证，由组织者核对后计入进度。\n\n（演示数据：以下慈善组织为虚构示例。）',
    settings: {
      goal: 5000000,
      charity: { name: '示例市慈善总会（虚构，仅供演示）', licenseNo: '示例-公募-0000', projectUrl: 'https://example.org/charity/project/demo' },
      aggregation: 'sum',
    },
  },
  {
    id: 'camp-exhibition',
    kind: 'exhibition',
    slug: 'hanmo-exhibition',
    unit: 'root',
    title: '“翰墨丹青颂党恩”优秀作品展',
    summary: '书画摄影大赛优秀作品在市文化馆展出，欢迎预约参观。',
    description: '展出书画摄影大赛获奖及入围作品一百余件。实行分时段预约，每个时段限额入场，凭预约码入场。',
    settings: {
      venue: '市文化馆一楼展厅',
      address: '市文化路1号',
      openingHours: '周二至周日 9:00–17:00（周一闭馆）',
      rules: '请提前预约并携带身份证；每笔预约最多5人。',
      galleryCampaignId: 'camp-contest',
    },
  },
  // 党员教育培训 (kind training): a 集中轮训 class, a 党课 and a 主题党日; their sessions, enrolment and register below
  {
    id: 'camp-training',
    kind: 'training',
    slug: 'dangxiao-lunxun',
    unit: 'root',
    title: '2026年度党员集中轮训班',
    summary: '市直机关党员分期分批集中轮训，每期3天，学习贯彻党的二十大精神，每名党员年度学时不少于32学时。',
    description:
      '按照年度党员教育培训工作计划，市直机关工委依托市委党校举办党员集中轮训班。\n\n· 每期3天，现场扫码签到，迟到10分钟以上记为迟到；\n· 年老体弱、行动不便的党员由支部“送学上门”；\n· 参训学时计入个人年度学习档案。',
    settings: { category: 'rotation', audience: { categories: ['full', 'probationary'] }, selfEnroll: false, hoursTarget: 32 },
  },
  {
    id: 'camp-lecture',
    kind: 'training',
    slug: 'dangke-xuanjiang',
    unit: 'fgw',
    title: '“七一”专题党课暨宣讲报告会',
    summary: '机关党委书记讲专题党课，并提供党课录像供未能到场的党员线上学习。',
    description: '专题党课由机关党委书记主讲，现场签到；不能到场的党员可观看党课录像，学满时长后计入学时。',
    settings: { category: 'lecture', selfEnroll: true, hoursTarget: 32 },
  },
  {
    id: 'camp-party-day',
    kind: 'training',
    slug: 'zhuti-dangri',
    unit: 'fgw',
    title: '“追寻红色足迹”主题党日',
    summary: '第一党支部赴革命纪念馆开展主题党日活动：重温入党誓词、参观学习、交流发言。',
    description: '每月固定主题党日。本次活动集体参观革命纪念馆，重温入党誓词。',
    settings: { category: 'party_day', selfEnroll: true, hoursTarget: 32 },
  },
  {
    id: 'camp-quiz-draft',
    kind: 'quiz',
    slug: 'fgw-policy-quiz',
    unit: 'fgw',
    status: 'draft',
    title: '发改系统政策法规知识竞赛',
    summary: '初赛、复赛、决赛三个阶段，决赛现场大屏直播。',
    description: '本竞赛面向市发展和改革委员会全体党员。',
    settings: { mode: 'round', questionsPerAttempt: 20, secondsPerQuestion: 20, attemptsPerDay: 1 },
  },
];

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The SQL statements that load the demo data, one per string. */
export async function demoStatements(now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  const day = 86400e3;
  const created = iso(now - 30 * day);
  const hash = await pbkdf2(DEMO_PASSWORD);
  const unitById = new Map(ORG.map((u) => [u.id, u]));
  const out = [];

  out.push(
    'INSERT OR IGNORE INTO org_units (id, parent_id, name, kind, path, depth, created_at) VALUES\n' +
      ORG.map((u) => row(u.id, u.parentId, u.name, u.kind, u.path, u.depth, created)).join(',\n'),
  );

  // Members: 20 per branch, from seeded names; phones 1390000xxxx.
  const rand = rng(20261126);
  const branches = ORG.filter((u) => u.kind === 'branch');
  const users = [...DEMO_ACCOUNTS.map((a) => ({ ...a }))];
  let n = 0;
  for (const b of branches) {
    for (let i = 0; i < 20; i++, n++) {
      const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
      users.push({ id: `user-m${String(n).padStart(3, '0')}`, phone: `1390000${String(n).padStart(4, '0')}`, name, unit: b.id, role: 'member' });
    }
  }
  for (const part of chunks(users, 50)) {
    out.push(
      'INSERT OR IGNORE INTO users (id, phone, name, password_hash, created_at) VALUES\n' +
        part.map((u) => row(u.id, u.phone, u.name, hash, created)).join(',\n'),
    );
  }
  const memberships = users.map((u) => ({ id: `ms-${u.id}-${u.role}`, userId: u.id, unit: u.unit, role: u.role }));
  // Organizers are members of a branch too, so they count in their unit's metrics.
  memberships.push({ id: 'ms-user-org-fgw-member', userId: 'user-org-fgw', unit: 'fgw-b2', role: 'member' });
  for (const part of chunks(memberships, 50)) {
    out.push(
      'INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES\n' +
        part.map((m) => row(m.id, m.userId, m.unit, unitById.get(m.unit).path, m.role, created)).join(',\n'),
    );
  }
  // Rosters: every member is on their branch's roster; a few listed people have not registered yet.
  const roster = users.filter((u) => u.role === 'member').map((u) => ({ id: `roster-${u.id}`, unit: u.unit, phone: u.phone, name: u.name, userId: u.id }));
  for (let i = 0; i < 12; i++) {
    const b = branches[i % branches.length];
    roster.push({
      id: `roster-pending-${i}`,
      unit: b.id,
      phone: `1370000${String(i).padStart(4, '0')}`,
      name: SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length],
      userId: null,
    });
  }
  // --- registry (issue #14): 人员类别, 党内职务, 状态, 入党日期 on the demo roster, and each
  // entry's membership period (from the day it was listed), so the registry screen has a
  // 书记 and committee members per branch, a few 预备党员 and 积极分子, a retired branch and 流出 members.
  roster.forEach((r, i) => {
    const k = Number(r.userId?.slice(6)) % 20; // position of a generated member in its branch (NaN for the others)
    const year = 1975 + ((i * 7) % 45);
    Object.assign(r, {
      category: 'full',
      posts: [],
      postSince: null,
      status: 'active',
      joinedPartyOn: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
    });
    if (k === 0) Object.assign(r, { posts: ['secretary'], postSince: '2021-06-15' });
    else if (k === 1) Object.assign(r, { posts: ['deputy_secretary', 'organization'], postSince: '2023-03-01' });
    else if (k === 2) Object.assign(r, { posts: ['publicity'], postSince: '2023-03-01' });
    else if (k === 18) Object.assign(r, { category: 'probationary', joinedPartyOn: '2026-06-28' });
    else if (k === 19) Object.assign(r, { category: 'activist', joinedPartyOn: null });
    else if (k === 17 && i % 3 === 0) Object.assign(r, { status: 'mobile_out' });
    if (r.unit === 'fgw-b3' && k > 2) Object.assign(r, { status: k % 5 === 0 ? 'home_bound' : 'retired' });
  });
  for (const part of chunks(roster, 50)) {
    out.push(
      'INSERT OR IGNORE INTO roster_entries (id, org_unit_id, phone, name, user_id, category, posts, post_since, status, joined_party_on, created_at) VALUES\n' +
        part
          .map((r) => row(r.id, r.unit, r.phone, r.name, r.userId, r.category, JSON.stringify(r.posts), r.postSince, r.status, r.joinedPartyOn, created))
          .join(',\n'),
    );
  }
  const periods = [
    ...roster.map((r) => ({ id: `mp-${r.id}`, rosterId: r.id, userId: r.userId, unit: r.unit })),
    { id: 'mp-ms-user-org-fgw-member', rosterId: null, userId: 'user-org-fgw', unit: 'fgw-b2' },
  ];
  for (const part of chunks(periods, 50)) {
    out.push(
      'INSERT OR IGNORE INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, note, created_at) VALUES\n' +
        part
          .map((p) =>
            row(p.id, p.rosterId, p.userId, p.unit, unitById.get(p.unit).path, iso(now - 30 * day + 8 * 3600e3).slice(0, 10), null, 'backfill', null, created),
          )
          .join(',\n'),
    );
  }
  // --- end registry

  out.push(
    'INSERT OR IGNORE INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at, published_at, closed_at) VALUES\n' +
      CAMPAIGNS.map((c) => {
        const status = c.status ?? 'published';
        return row(
          c.id,
          c.kind,
          c.slug,
          c.title,
          c.summary,
          c.description,
          c.unit,
          unitById.get(c.unit).path,
          status,
          iso(now - 30 * day),
          iso(now + 90 * day),
          JSON.stringify(c.settings),
          'user-org-root',
          created,
          created,
          status === 'published' ? iso(now - 30 * day) : null,
          null,
        );
      }).join(',\n'),
  );

  // The demo question bank (owned by the root) and the two stages of the knowledge contest.
  out.push(
    `INSERT OR IGNORE INTO question_banks (id, org_unit_id, org_path, title, created_by, created_at) VALUES ('bank-demo', 'root', '/root/', '党史·党章·二十大精神题库', 'user-org-root', ${q(created)})`,
  );
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  const typeOf = { 单选: 'single', 多选: 'multiple', 判断: 'judge', 填空: 'blank' };
  const fold = (s) => s.replace(/[\s\p{P}\p{S}_]/gu, '').toLowerCase();
  const qRows = DEMO_QUESTIONS.map(([t, stem, opts, ans, expl, tag, diff], i) => {
    const type = typeOf[t];
    const options = opts.map((text, j) => ({ key: letters[j], text }));
    const answer = type === 'single' ? ans : type === 'multiple' ? ans.split('') : type === 'judge' ? ans === '对' : ans.split('|');
    return row(
      `q-${String(i + 1).padStart(3, '0')}`,
      'bank-demo',
      type,
      stem,
      fold(stem),
      JSON.stringify(options),
      JSON.stringify(answer),
      expl,
      '',
      JSON.stringify([tag]),
      diff,
      1,
      created,
      created,
    );
  });
  for (const part of chunks(qRows, 30)) {
    out.push(
      'INSERT OR IGNORE INTO questions (id, bank_id, type, stem, stem_key, options, answer, explanation, source, tags, difficulty, active, created_at, updated_at) VALUES\n' +
        part.join(',\n'),
    );
  }
  out.push(
    'INSERT OR IGNORE INTO quiz_stages (id, campaign_id, ord, name, starts_at, ends_at, settings, advancement, advanced_at) VALUES\n' +
      [
        row('stage-prelim', 'camp-quiz-contest', 1, '初赛', iso(now - day), iso(now + 20 * day), '{}', JSON.stringify({ rule: 'top', n: 20 }), null),
        row(
          'stage-final',
          'camp-quiz-contest',
          2,
          '决赛',
          iso(now + 21 * day),
          iso(now + 28 * day),
          JSON.stringify({ attemptsPerDay: 1, attemptsTotal: 1, questionsPerAttempt: 15 }),
          null,
          null,
        ),
      ].join(',\n'),
  );

  // The art contest: twelve approved works (images in db/seed/images, put into R2 by
  // scripts/server.mjs), some votes from members, a panel of three judges and an open 初评.
  const works = DEMO_WORKS.map((w, i) => ({ ...w, id: `entry-${String(i + 1).padStart(2, '0')}`, author: users[10 + i * 17] }));
  const voteRows = [];
  const votesPer = new Map();
  for (let m = 0; m < 60; m++) {
    const voter = users[40 + m];
    for (let k = 0; k < 1 + (m % 3); k++) {
      const w = works[(m * 5 + k * 7) % works.length];
      const voteDay = iso(now - (1 + k) * day).slice(0, 10);
      voteRows.push(row(`vote-${m}-${k}`, 'camp-contest', w.id, voter.id, voteDay, `10.${m % 7}.0.${m}`, created, 0, null, 0, null, iso(now - (1 + k) * day)));
      votesPer.set(w.id, (votesPer.get(w.id) ?? 0) + 1);
    }
  }
  out.push(
    'INSERT OR IGNORE INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, description, author_name, status, image_key, content_type, width, height, bytes, sha256, round, votes, views, created_at, reviewed_at, reviewed_by) VALUES\n' +
      works
        .map((w, i) =>
          row(
            w.id,
            'camp-contest',
            w.author.id,
            w.author.unit,
            `demo-upload-${i}`,
            w.category,
            w.title,
            w.description,
            w.author.name,
            'approved',
            `entries/camp-contest/${w.id}/original`,
            'image/jpeg',
            1400,
            1000,
            10000,
            `demo-sha-${i}`,
            1,
            votesPer.get(w.id) ?? 0,
            20 + i * 3,
            iso(now - 6 * day),
            iso(now - 5 * day),
            'user-org-root',
          ),
        )
        .join(',\n'),
  );
  // contest2: 作品编号 for the demo works, in order of submission (as the insert gives them)
  out.push(
    `UPDATE contest_entries SET serial = (SELECT COUNT(*) FROM contest_entries e2 WHERE e2.campaign_id = contest_entries.campaign_id AND (e2.created_at < contest_entries.created_at OR (e2.created_at = contest_entries.created_at AND e2.id <= contest_entries.id))) WHERE campaign_id = 'camp-contest' AND serial IS NULL`,
  );
  out.push(
    'INSERT OR IGNORE INTO contest_votes (id, campaign_id, entry_id, voter_id, day, ip, account_created_at, flagged, flag_reason, discounted, discount_reason, created_at) VALUES\n' +
      voteRows.join(',\n'),
  );
  const judges = [users[5], users[77], users[150]];
  out.push(
    'INSERT OR IGNORE INTO contest_judges (campaign_id, user_id, created_at) VALUES\n' + judges.map((j) => row('camp-contest', j.id, created)).join(',\n'),
  );
  out.push(
    `INSERT OR IGNORE INTO judging_rounds (id, campaign_id, ord, name, criteria, assignment, judges_per_entry, quorum, status, created_at) VALUES ('round-demo-1', 'camp-contest', 1, '初评', ${q(
      JSON.stringify([
        { name: '思想性', weight: 40, max: 10 },
        { name: '艺术性', weight: 40, max: 10 },
        { name: '技法', weight: 20, max: 10 },
      ]),
    )}, 'all', 3, 2, 'open', ${q(created)})`,
  );
  out.push(
    'INSERT OR IGNORE INTO judge_assignments (round_id, entry_id, judge_id, conflict) VALUES\n' +
      works.flatMap((w) => judges.filter((j) => j.unit !== w.author.unit && j.id !== w.author.id).map((j) => row('round-demo-1', w.id, j.id, 0))).join(',\n'),
  );
  out.push(
    `INSERT OR IGNORE INTO leaderboards (board_id, campaign_id, frozen_at, updated_at) VALUES ('camp-contest:main', 'camp-contest', NULL, ${q(iso(now))})`,
  );
  out.push(
    'INSERT OR IGNORE INTO leaderboard_entries (board_id, key, score, tiebreak, name, org_unit_id, version, updated_at) VALUES\n' +
      works.map((w) => row('camp-contest:main', w.id, votesPer.get(w.id) ?? 0, 0, w.title, w.author.unit, 1, iso(now))).join(',\n'),
  );

  // Activity of the last four weeks: about two thirds of members answered the daily quiz
  // on some days, and a few volunteered, so metrics and "我的" have something real to show.
  const events = [];
  const eventsRaw = [];
  for (const u of users.filter((x) => x.role === 'member')) {
    if (rand() > 0.68) continue;
    const days = 1 + Math.floor(rand() * 12);
    for (let d = 0; d < days; d++) {
      const at = now - Math.floor(rand() * 28 * day);
      const pts = 1 + Math.floor(rand() * 5);
      events.push(row(`ev-${u.id}-q${d}`, u.id, u.unit, unitById.get(u.unit).path, 'camp-quiz', 'quiz', 'quiz_attempt', pts, 5, iso(at), `seed-${u.id}-q${d}`));
      eventsRaw.push({ user: u, kind: 'quiz', points: pts, quantity: 5 });
    }
    if (rand() < 0.2) {
      const hours = 2 + Math.floor(rand() * 3);
      const at = now - (1 + Math.floor(rand() * 20)) * day;
      // an approved service record and its activity (quantity in minutes, as the API records it)
      events.push(
        row(`ev-${u.id}-v`, u.id, u.unit, unitById.get(u.unit).path, 'camp-volunteer', 'volunteer', 'volunteer_hours', 0, hours * 60, iso(at), `rec-${u.id}-v`),
      );
      eventsRaw.push({ user: u, kind: 'volunteer', points: 0, quantity: hours, at });
    }
  }

  // "1+1": about a third of the members brought a resident (consent stored), and service
  // records in every state: approved (above), pending for the queue, and rejected with reasons.
  const consent =
    '我同意将本人姓名和手机号提供给本次“1+1”志愿服务活动的组织者，仅用于志愿者登记、服务联系和活动统计，不用于其他用途；活动结束后按规定保存或删除。';
  const members = users.filter((x) => x.role === 'member');
  const pairRows = [];
  members.forEach((u, i) => {
    if (i % 3 !== 0) return;
    const resident = SURNAMES[(i * 13) % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];
    const at = iso(now - (5 + (i % 20)) * day);
    pairRows.push(
      row(
        `pair-${u.id}`,
        'camp-volunteer',
        u.id,
        u.unit,
        unitById.get(u.unit).path,
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
        u.id,
        u.unit,
        unitById.get(u.unit).path,
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
          u.id,
          u.unit,
          unitById.get(u.unit).path,
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

  // The exhibition: daily slots (Tuesday to Sunday, four a day, 50 seats) from a week ago
  // to two months ahead; past slots have check-ins and no-shows, coming ones bookings.
  const slotRows = [];
  const bookingRows = [];
  const dayStart = Date.parse(new Date(now + 8 * 3600e3).toISOString().slice(0, 10) + 'T00:00:00+08:00');
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let k = 0;
  for (let d = -7; d <= 60; d++) {
    const date = dayStart + d * day;
    const weekday = new Date(date + 8 * 3600e3).getUTCDay(); // 0 = Sunday, 1 = Monday
    if (weekday === 1) continue; // 周一闭馆
    [9, 11, 13, 15].forEach((h, j) => {
      const id = `slot-${d + 7}-${j}`;
      const startsAt = date + h * 3600e3;
      const slotBookings = d < 0 ? 3 + ((d + j) % 3) : d <= 6 && j < 2 ? 2 : 0;
      let seats = 0;
      for (let b = 0; b < slotBookings; b++) {
        const u = members[(k * 7) % members.length];
        k++;
        const party = 1 + (k % 3);
        seats += party;
        const state = d < 0 ? (k % 5 === 0 ? 'no_show' : 'checked_in') : 'booked';
        const code = Array.from({ length: 12 }, () => A[Math.floor(rand() * A.length)]).join('');
        bookingRows.push(
          row(
            `booking-${k}`,
            code,
            'camp-exhibition',
            id,
            u.id,
            u.name,
            u.phone,
            party,
            iso(startsAt + 8 * 3600e3).slice(0, 10),
            0,
            u.unit,
            state,
            iso(startsAt - 3 * day),
            null,
            state === 'checked_in' ? iso(startsAt + 20 * 60e3) : null,
            state === 'checked_in' ? 'user-org-root' : null,
          ),
        );
        if (state === 'checked_in')
          events.push(
            row(
              `ev-visit-${k}`,
              u.id,
              u.unit,
              unitById.get(u.unit).path,
              'camp-exhibition',
              'exhibition',
              'exhibition_visit',
              0,
              party,
              iso(startsAt + 20 * 60e3),
              `booking-${k}`,
            ),
          );
      }
      slotRows.push(row(id, 'camp-exhibition', iso(startsAt), iso(startsAt + 2 * 3600e3), 50, seats, 0, created));
    });
  }
  for (const part of chunks(slotRows, 60))
    out.push('INSERT OR IGNORE INTO exhibition_slots (id, campaign_id, starts_at, ends_at, capacity, booked, closed, created_at) VALUES\n' + part.join(',\n'));
  for (const part of chunks(bookingRows, 60))
    out.push(
      'INSERT OR IGNORE INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, cancelled_at, checked_in_at, checked_in_by) VALUES\n' +
        part.join(',\n'),
    );

  // 党员教育培训: sessions, enrolment and the register of the three training campaigns (db/seed/training.mjs)
  out.push(...trainingStatements({ now, day, iso, roster, unitById, events, row, q, chunks, crypto }));

  // Boards of the ranking campaigns, derived from the activity above (the quiz ranks points
  // with seconds used as tiebreak, the 1+1 campaign ranks approved hours) and pledges for the drive.
  const boards = { 'camp-quiz:main': new Map(), 'camp-volunteer:main': new Map(), 'camp-drive:main': new Map() };
  for (const e of eventsRaw) {
    const b = e.kind === 'quiz' ? boards['camp-quiz:main'] : boards['camp-volunteer:main'];
    const cur = b.get(e.user.id) ?? { user: e.user, score: 0, tiebreak: 0 };
    cur.score += e.kind === 'quiz' ? e.points : e.quantity;
    cur.tiebreak += e.kind === 'quiz' ? 20 + Math.floor(rand() * 100) : 0;
    b.set(e.user.id, cur);
  }
  // The drive: verified pledges are what its board ranks; others wait in every state.
  const pledgeRows = [];
  const messages = ['愿孩子们学业有成！', '一点心意，略尽绵薄之力。', '', '加油！', '', '助学圆梦，传递温暖。'];
  members.forEach((u, i) => {
    const r = rand();
    if (r > 0.55) return;
    const amount = (1 + Math.floor(rand() * 40)) * 1000;
    const state = r < 0.4 ? 'verified' : r < 0.47 ? 'receipt_submitted' : r < 0.52 ? 'pledged' : 'rejected';
    const at = iso(now - (1 + (i % 14)) * day);
    const msg = messages[i % messages.length] || null;
    pledgeRows.push(
      row(
        `pledge-${u.id}`,
        'camp-drive',
        u.id,
        u.unit,
        unitById.get(u.unit).path,
        amount,
        state === 'verified' ? amount : null,
        u.name,
        i % 4 === 0 ? 1 : 0,
        msg,
        msg ? (i % 3 === 0 ? 'pending' : 'visible') : 'none',
        state,
        state === 'rejected' ? '上传的凭证与认捐金额不符，请核对后重新提交。' : null,
        state === 'receipt_submitted' || state === 'verified' ? 'receipts/camp-drive/demo-receipt' : null,
        state === 'receipt_submitted' || state === 'verified' ? 'image/jpeg' : null,
        at,
        at,
        state === 'verified' || state === 'rejected' ? 'user-org-root' : null,
        state === 'verified' || state === 'rejected' ? at : null,
      ),
    );
    if (state === 'verified') {
      // anonymous giving ranks apart from the donor, as 爱心人士 (shared/board-key.ts)
      if (i % 4 === 0)
        boards['camp-drive:main'].set(`anonymous:${u.id}`, {
          user: { ...u, name: '爱心人士' },
          key: 'anon.' + demoBoardKey('camp-drive', `anonymous:${u.id}`),
          anonymous: true,
          score: amount,
          tiebreak: 0,
        });
      else boards['camp-drive:main'].set(u.id, { user: u, score: amount, tiebreak: 0 });
      events.push(row(`ev-${u.id}-d`, u.id, u.unit, unitById.get(u.unit).path, 'camp-drive', 'drive', 'drive_verified', 0, amount, at, `pledge-${u.id}`));
    }
  });
  out.push(
    'INSERT OR IGNORE INTO pledges (id, campaign_id, user_id, org_unit_id, org_path, amount, verified_amount, display_name, anonymous, message, message_status, status, reason, receipt_key, receipt_type, created_at, updated_at, verified_by, verified_at) VALUES\n' +
      pledgeRows.join(',\n'),
  );
  const lbRows = [];
  for (const [boardId, entries] of Object.entries(boards)) {
    out.push(
      `INSERT OR IGNORE INTO leaderboards (board_id, campaign_id, frozen_at, updated_at) VALUES (${q(boardId)}, ${q(boardId.split(':')[0])}, NULL, ${q(iso(now))})`,
    );
    // people rank under their keyed-hash board key, never their user id (API.md)
    const campaignId = boardId.split(':')[0];
    for (const e of entries.values()) {
      lbRows.push(
        row(boardId, e.key ?? demoBoardKey(campaignId, e.user.id), e.score, e.tiebreak, e.user.name, e.user.unit, e.anonymous ? null : e.user.id, 1, iso(now)),
      );
    }
  }
  for (const part of chunks(lbRows, 80)) {
    out.push(
      'INSERT OR IGNORE INTO leaderboard_entries (board_id, key, score, tiebreak, name, org_unit_id, user_id, version, updated_at) VALUES\n' + part.join(',\n'),
    );
  }
  for (const part of chunks(events, 80)) {
    out.push(
      'INSERT OR IGNORE INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES\n' +
        part.join(',\n'),
    );
  }
  return out;
}

function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
