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

const f = (
  id: string,
  group: FigureGroup,
  zh: string,
  en: string,
  unitZh: string,
  unitEn: string,
  defZh: string,
  defEn: string,
  starred = true,
): FigureDef => ({ id, group, label: { 'zh-CN': zh, en }, unit: { 'zh-CN': unitZh, en: unitEn }, definition: { 'zh-CN': defZh, en: defEn }, starred });

export const FIGURES: readonly FigureDef[] = [
  f(
    'training.classes',
    'training',
    '期班次',
    'Classes held',
    '期',
    'classes',
    '子树内（活动所属单位在子树内）已发布的培训活动中，类别为集中轮训、书记/党务干部示范培训、新发展党员培训、入党积极分子和发展对象培训、网络培训的，在期间内有开始的课次或有学员完成网络学习的期班数；一个培训活动计一期。',
    "Published training campaigns of the subtree (organized by a unit in it) of the categories rotation, secretaries' model, new members', activists' and online training that have a session starting in the period or a study finished in it; one campaign is one class.",
  ),
  f(
    'training.attendances',
    'training',
    '轮训人次',
    'Attendances',
    '人次',
    'attendances',
    '期间内记入学时的参训条数：上述五类培训中课次开始于期间内、签到为出席或迟到（含送学上门）的出勤记录，加上期间内完成的网络学习；按报名时所在单位计入子树；请假、缺席不计；同一人多次计多次。',
    'Credited attendances in the period: register rows marked present or late (including lessons delivered at home) of sessions of those five categories starting in the period, plus online studies finished in the period; counted under the unit the person enrolled from; excused and absent rows do not count; a person attending several times counts each time.',
  ),
  f(
    'training.people',
    'training',
    '参训人数',
    'People trained',
    '人',
    'people',
    '上述“轮训人次”中的不同人员数（按名册人员计）。',
    'Distinct people (registry entries) among those credited attendances.',
  ),
  f(
    'training.coverageRate',
    'training',
    '全员轮训率',
    'Rotation coverage',
    '%',
    '%',
    '分母：期末（期间最后一天结束时）名册上在子树内的党员（正式、预备）人数，按组织关系所在单位认定；分子：其中在期间内有至少一次上述五类培训记入学时（出席、迟到、送学上门或完成网络学习）的人数；期间内转出的人员不计入。',
    "Denominator: members (full, probationary) on the subtree's registry at the end of the last day of the period, by the unit they belonged to that day; numerator: those of them with at least one credited attendance (present, late, delivered or a finished online study) of those five categories in the period; people who left before the end do not count.",
  ),
  f(
    'training.hoursPerMember',
    'training',
    '人均学时',
    'Study hours per member',
    '学时',
    'hours',
    '分子：期末名册上子树党员（正式、预备）在期间内记入的全部学时（各类课堂出勤与网络学习）；分母：同一批党员人数；按年显示时为每年的值，保留一位小数。',
    "Numerator: all study hours credited in the period (any class attendance and online study) to the members (full, probationary) on the subtree's registry at the end of the period; denominator: the number of those members; per year when shown by year, one decimal.",
  ),
  f(
    'training.secretaryAttendances',
    'training',
    '书记/副书记/组织委员参训人次',
    'Secretaries trained (attendances)',
    '人次',
    'attendances',
    '“轮训人次”中，参训人名册职务含书记、副书记或组织委员且任职日期不晚于参训当天（未填任职日期视为一直担任）的条数；名册只保存当前职务。',
    'Those credited attendances of people whose registry posts include secretary, deputy secretary or organization officer with a start date on or before the attendance day (no start date: held throughout); the registry keeps only current posts.',
  ),
  f(
    'training.newSecretaryRate',
    'training',
    '半年内新任书记参训率',
    'New secretaries trained within six months',
    '%',
    '%',
    '分母：期末名册上子树内职务为书记、任职日期在期末前半年内（晚于期末日前推 6 个月，且不晚于期末）的人数；分子：其中从任职日期到期末有示范培训（书记/党务干部示范培训类）记入学时的人数。',
    "Denominator: people on the subtree's registry at the end of the period holding the post of secretary since a date within the six months before the end; numerator: those of them with a credited attendance or study in a secretaries' model training between that date and the end of the period.",
  ),
  f(
    'training.newMemberAttendances',
    'training',
    '新发展党员参训人次',
    'New members trained (attendances)',
    '人次',
    'attendances',
    '“轮训人次”中，参训人在参训当天入党未满一年（名册入党日期不晚于参训当天且在其前一年内）的条数；名册未填入党日期的，以当前类别为预备党员计。',
    'Those credited attendances of people who had joined the Party within a year before the attendance day (registry date joined on or before that day); without a date joined, people whose category is probationary member.',
  ),
  f(
    'lectures.count',
    'training',
    '党课/宣讲次数',
    'Party lectures and talks',
    '次',
    'sessions',
    '子树内已发布的“党课/宣讲”类培训活动在期间内开始的课次数。',
    'Sessions of published lecture campaigns of the subtree that start in the period.',
  ),
  f(
    'partyDays.count',
    'training',
    '主题党日次数',
    'Themed Party days',
    '次',
    'sessions',
    '子树内已发布的“主题党日”类培训活动在期间内开始的课次数。',
    'Sessions of published Party-day campaigns of the subtree that start in the period.',
  ),
  f(
    'quiz.participants',
    'quiz',
    '答题参与人数',
    'Quiz participants',
    '人',
    'people',
    '期间内子树成员中至少完成一次答题的不同人数。',
    'Distinct members of the subtree who finished at least one quiz attempt in the period.',
  ),
  f(
    'quiz.advanced',
    'quiz',
    '入围人数',
    'Advanced to a later round',
    '人',
    'people',
    '子树内答题活动在期间内公布的晋级名单中的不同人数。',
    'Distinct people on advancement lists published in the period by quiz campaigns in the subtree.',
  ),
  f(
    'quiz.pointsPerMemberDay',
    'quiz',
    '日均积分',
    'Quiz points per member per day',
    '分',
    'points',
    '分子：期间内子树成员的答题积分总和；分母：期末名册上的成员数 × 期间天数。',
    "Numerator: quiz points earned by the subtree's members in the period; denominator: members on the registry at the end of the period × days in the period.",
  ),
  f(
    'contest.works',
    'contest',
    '征集作品',
    'Works collected',
    '件',
    'works',
    '子树内书画摄影大赛在期间内收到且未被退回的作品数。',
    'Works received in the period by contests in the subtree, not rejected.',
  ),
  f(
    'exhibition.visits',
    'exhibition',
    '参观人次',
    'Exhibition visits',
    '人次',
    'visits',
    '子树内展览在期间内检票入场的人次（团体按人数计）。',
    'Visitors checked in during the period at exhibitions in the subtree (a group counts its party size).',
  ),
  f(
    'volunteer.pairs',
    'volunteer',
    '“1+1”注册数',
    '"1+1" registrations',
    '对',
    'pairs',
    '期间内登记、仍有效（未解除）的“1+1”结对数，按党员所在单位计入子树。',
    '"1+1" pairs registered in the period and still in place, counted under the member\'s unit.',
  ),
  f(
    'volunteer.approvedRecords',
    'volunteer',
    '审批志愿服务条数',
    'Approved service records',
    '条',
    'records',
    '服务日期在期间内、已审批通过的志愿服务记录数。',
    'Approved service records whose service date lies in the period.',
  ),
  f(
    'volunteer.approvedHours',
    'volunteer',
    '志愿服务时长',
    'Approved service hours',
    '小时',
    'hours',
    '上述记录的服务时长之和。',
    'The hours of those records.',
    false,
  ),
  f(
    'drive.verifiedAmount',
    'drive',
    '善款',
    'Funds raised',
    '元',
    'yuan',
    '子树内募捐活动在期间内核实到账的金额（接口以分返回）。',
    'Amounts verified in the period for drives in the subtree (the API returns fen).',
  ),
  f('drive.donors', 'drive', '捐款人数', 'Donors', '人', 'people', '上述核实捐款的不同捐款人数。', 'Distinct donors of those verified pledges.', false),
];

/** Training categories that are classes (期班): lectures, Party days and reading are counted apart. */
export const CLASS_CATEGORIES = ['rotation', 'secretary', 'new_member', 'activist', 'online'] as const;
/** The posts `training.secretaryAttendances` counts: 书记, 副书记, 组织委员. */
export const SECRETARY_POSTS = ['secretary', 'deputy_secretary', 'organization'] as const;
/** `training.newSecretaryRate`: a secretary is new when the post began within this many months before the period end. */
export const NEW_SECRETARY_MONTHS = 6;
/** `training.newMemberAttendances`: a member is new within this many years of joining. */
export const NEW_MEMBER_YEARS = 1;

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

/**
 * The periods the console's 报告 offers with one tap (today = a China date): this year, last
 * year, the 2019–2023 plan the seed report evaluates, this year and the four before. The cron
 * counts the root's ahead of its readers (workers/jobs/snapshots.ts).
 */
export const REPORT_PRESETS = [
  { key: 'report.thisYear', range: (today: string) => ({ from: `${today.slice(0, 4)}-01-01`, to: today }) },
  { key: 'report.lastYear', range: (today: string) => ({ from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: `${Number(today.slice(0, 4)) - 1}-12-31` }) },
  { key: 'report.plan', range: () => ({ from: '2019-01-01', to: '2023-12-31' }) },
  { key: 'report.fiveYears', range: (today: string) => ({ from: `${Number(today.slice(0, 4)) - 4}-01-01`, to: today }) },
] as const;
