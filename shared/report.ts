import type { Localized } from './i18n';

/*
 * The seed report's figures (API.md, "Report figures and the 台账 workbook"): each with an id,
 * a label, a unit and a written definition — numerator, denominator, and what counts in the
 * period — shown beside the number so an organizer can defend it. Periods are China dates,
 * both inclusive; "the subtree" is the unit the report is for and every unit below it.
 * Denominators use the registry as it was at the end of the period.
 */
export const FIGURE_GROUPS = ['training', 'quiz', 'contest', 'exhibition', 'volunteer', 'drive'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export interface FigureDef {
  id: string;
  group: FigureGroup;
  label: Localized;
  unit: Localized;
  definition: Localized;
  /** the seed report marks it with * (to be filled by the platform) */
  starred: boolean;
}

const f = (id: string, group: FigureGroup, zh: string, en: string, unitZh: string, unitEn: string, defZh: string, defEn: string, starred = true): FigureDef =>
  ({ id, group, label: { 'zh-CN': zh, en }, unit: { 'zh-CN': unitZh, en: unitEn }, definition: { 'zh-CN': defZh, en: defEn }, starred });

export const FIGURES: readonly FigureDef[] = [
  f('training.classes', 'training', '期班次', 'Classes held', '期', 'classes',
    '子树内培训活动（集中轮训、示范培训、新发展党员培训、积极分子培训、网络培训）在期间内开始的课次数。',
    'Sessions of training campaigns (rotation, secretary, new-member, activist, online) in the subtree that start in the period.'),
  f('training.attendances', 'training', '轮训人次', 'Attendances', '人次', 'attendances',
    '期间内记入学时的出勤（到课、迟到、送学上门）条数；同一人参加多次计多次。',
    'Credited attendances (present, late, delivered) in the period; a person attending several times counts each time.'),
  f('training.people', 'training', '参训人数', 'People trained', '人', 'people',
    '期间内至少有一次记入学时出勤的不同人员数。', 'Distinct people with at least one credited attendance in the period.'),
  f('training.coverageRate', 'training', '全员轮训率', 'Rotation coverage', '%', '%',
    '分子：期间内参加过集中轮训的党员（正式、预备）人数；分母：期末名册上子树内的党员人数。',
    'Numerator: members (full, probationary) who attended a rotation class in the period; denominator: members on the subtree\'s registry at the end of the period.'),
  f('training.hoursPerMember', 'training', '人均学时', 'Study hours per member', '学时', 'hours',
    '分子：期间内子树党员记入的学时总和（课堂出勤与网络学习）；分母：期末名册上的党员人数；按年计算时为每年的值。',
    'Numerator: study hours credited to the subtree\'s members in the period (attendance and online study); denominator: members on the registry at the end of the period; per year when shown by year.'),
  f('training.secretaryAttendances', 'training', '书记/副书记/组织委员参训人次', 'Secretaries trained (attendances)', '人次', 'attendances',
    '期间内担任书记、副书记或组织委员的人员记入学时的出勤条数。', 'Credited attendances in the period of people holding the post of secretary, deputy secretary or organization officer.'),
  f('training.newSecretaryRate', 'training', '半年内新任书记参训率', 'New secretaries trained within six months', '%', '%',
    '分母：任职日期在期间内的书记；分子：其中在任职后 183 天内有记入学时出勤的人数。',
    'Denominator: secretaries whose post began in the period; numerator: those with a credited attendance within 183 days of taking the post.'),
  f('training.newMemberAttendances', 'training', '新发展党员参训人次', 'New members trained (attendances)', '人次', 'attendances',
    '期间内预备党员及入党一年内的正式党员记入学时的出勤条数。', 'Credited attendances in the period of probationary members and full members who joined within a year.'),
  f('lectures.count', 'training', '党课/宣讲次数', 'Party lectures and talks', '次', 'sessions',
    '子树内“党课/宣讲”类活动在期间内开始的课次数。', 'Sessions of lecture campaigns in the subtree that start in the period.'),
  f('partyDays.count', 'training', '主题党日次数', 'Themed Party days', '次', 'sessions',
    '子树内“主题党日”类活动在期间内开始的课次数。', 'Sessions of Party-day campaigns in the subtree that start in the period.'),
  f('quiz.participants', 'quiz', '答题参与人数', 'Quiz participants', '人', 'people',
    '期间内子树成员中至少完成一次答题的不同人数。', 'Distinct members of the subtree who finished at least one quiz attempt in the period.'),
  f('quiz.advanced', 'quiz', '入围人数', 'Advanced to a later round', '人', 'people',
    '子树内答题活动在期间内公布的晋级名单中的不同人数。', 'Distinct people on advancement lists published in the period by quiz campaigns in the subtree.'),
  f('quiz.pointsPerMemberDay', 'quiz', '日均积分', 'Quiz points per member per day', '分', 'points',
    '分子：期间内子树成员的答题积分总和；分母：期末名册上的成员数 × 期间天数。',
    'Numerator: quiz points earned by the subtree\'s members in the period; denominator: members on the registry at the end of the period × days in the period.'),
  f('contest.works', 'contest', '征集作品', 'Works collected', '件', 'works',
    '子树内书画摄影大赛在期间内收到且未被退回的作品数。', 'Works received in the period by contests in the subtree, not rejected.'),
  f('exhibition.visits', 'exhibition', '参观人次', 'Exhibition visits', '人次', 'visits',
    '子树内展览在期间内检票入场的人次（团体按人数计）。', 'Visitors checked in during the period at exhibitions in the subtree (a group counts its party size).'),
  f('volunteer.pairs', 'volunteer', '“1+1”注册数', '"1+1" registrations', '对', 'pairs',
    '期间内登记、仍有效（未解除）的“1+1”结对数，按党员所在单位计入子树。', '"1+1" pairs registered in the period and still in place, counted under the member\'s unit.'),
  f('volunteer.approvedRecords', 'volunteer', '审批志愿服务条数', 'Approved service records', '条', 'records',
    '服务日期在期间内、已审批通过的志愿服务记录数。', 'Approved service records whose service date lies in the period.'),
  f('volunteer.approvedHours', 'volunteer', '志愿服务时长', 'Approved service hours', '小时', 'hours',
    '上述记录的服务时长之和。', 'The hours of those records.', false),
  f('drive.verifiedAmount', 'drive', '善款', 'Funds raised', '元', 'yuan',
    '子树内募捐活动在期间内核实到账的金额（接口以分返回）。', 'Amounts verified in the period for drives in the subtree (the API returns fen).'),
  f('drive.donors', 'drive', '捐款人数', 'Donors', '人', 'people',
    '上述核实捐款的不同捐款人数。', 'Distinct donors of those verified pledges.', false),
];

export type FigureId = (typeof FIGURES)[number]['id'];
export const FIGURE_IDS = FIGURES.map((x) => x.id);

/** The China dates of each calendar year a range touches: [year, from, to] clipped to the range. */
export function yearsOf(from: string, to: string): Array<{ year: string; from: string; to: string }> {
  const out: Array<{ year: string; from: string; to: string }> = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    out.push({ year: String(y), from: y === Number(from.slice(0, 4)) ? from : `${y}-01-01`, to: y === Number(to.slice(0, 4)) ? to : `${y}-12-31` });
  }
  return out;
}

/** Days in a China-date range, both ends inclusive. */
export const daysIn = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** A ratio as a percentage with one decimal, or null when there is no denominator. */
export const percent = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
