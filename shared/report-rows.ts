import type { Lang, Localized } from './i18n';
import { FIGURE_GROUPS, type FigureGroup } from './report';
import { ATTENDANCE_LABEL, MODE_LABEL, TRAINING_CATEGORY_LABEL, type AttendanceMode, type AttendanceStatus, type TrainingCategory } from './training';
import { maskName } from './mask';
import { ANONYMOUS_NAME } from './board-key';

/*
 * The 台账: the rows behind each figure group of the report (shared/report.ts), as the
 * drill-down (GET /org-units/{id}/report/rows) and the workbook's sheets show them. Column
 * keys are stable; labels follow the reader's language. `day` columns hold China dates
 * (YYYY-MM-DD) that the workbook writes as real date cells. Organizers' view: full names, but
 * never a phone number, and donors masked as on the donor wall.
 */

export type LedgerCell = string | number | null;
export type LedgerRow = Record<string, LedgerCell>;
export interface LedgerColumn {
  key: string;
  label: Localized;
  type: 'day' | 'text' | 'number';
}

const col = (key: string, zh: string, en: string, type: LedgerColumn['type'] = 'text'): LedgerColumn => ({ key, label: { 'zh-CN': zh, en }, type });
/** The columns several groups have: the day of the row, the person, their unit. */
const DATE = (zh = '日期', en = 'Date') => col('date', zh, en, 'day');
const NAME = col('member', '姓名', 'Name');
const UNIT = col('unit', '所在组织', 'Unit');

export const LEDGER_COLUMNS: Record<FigureGroup, readonly LedgerColumn[]> = {
  training: [
    DATE(),
    col('session', '课次', 'Session'),
    col('campaign', '培训', 'Training'),
    col('category', '类别', 'Category'),
    NAME,
    UNIT,
    col('status', '出勤', 'Attendance'),
    col('mode', '方式', 'Mode'),
    col('hours', '学时', 'Hours', 'number'),
  ],
  quiz: [
    NAME,
    UNIT,
    col('campaign', '答题活动', 'Quiz'),
    col('answers', '参与次数', 'Times taken part', 'number'),
    col('advanced', '入围', 'Advanced'),
    col('points', '积分', 'Points', 'number'),
  ],
  contest: [
    col('serial', '作品编号', 'No.', 'number'),
    col('title', '作品名称', 'Title'),
    col('author', '作者', 'Author'),
    UNIT,
    col('campaign', '大赛', 'Contest'),
    col('category', '类别', 'Category'),
    col('status', '状态', 'Status'),
    DATE('提交日期', 'Submitted'),
  ],
  exhibition: [DATE(), col('exhibition', '展览', 'Exhibition'), UNIT, col('type', '类型', 'Type'), col('visitors', '人数', 'Visitors', 'number')],
  volunteer: [
    DATE(),
    col('type', '类型', 'Type'),
    col('campaign', '活动', 'Campaign'),
    col('member', '党员', 'Member'),
    UNIT,
    col('hours', '时长（小时）', 'Hours', 'number'),
  ],
  drive: [
    DATE('核实日期', 'Verified on'),
    col('campaign', '募捐活动', 'Drive'),
    col('amount', '金额（元）', 'Amount (yuan)', 'number'),
    col('donor', '捐款人', 'Donor'),
  ],
};

/** The workbook's sheet of each group, in the order of the groups. */
export const LEDGER_SHEET: Record<FigureGroup, Localized> = {
  training: { 'zh-CN': '教育培训', en: 'Training' },
  quiz: { 'zh-CN': '知识答题', en: 'Quizzes' },
  contest: { 'zh-CN': '作品征集', en: 'Contest works' },
  exhibition: { 'zh-CN': '展览参观', en: 'Exhibition visits' },
  volunteer: { 'zh-CN': '志愿服务', en: 'Volunteering' },
  drive: { 'zh-CN': '公益募捐', en: 'Charity drives' },
};
export const SUMMARY_SHEET: Localized = { 'zh-CN': '汇总', en: 'Summary' };
/** The summary's columns: the figure, its unit, the whole range, one column a year, the definition. */
export const SUMMARY_HEADER = {
  figure: { 'zh-CN': '指标', en: 'Figure' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  range: { 'zh-CN': '{from} 至 {to}', en: '{from} to {to}' },
  definition: { 'zh-CN': '定义', en: 'Definition' },
} satisfies Record<string, Localized>;
/** The workbook's name: 台账_<unit>_<from>_<to>.xlsx. */
export const LEDGER_FILE: Localized = { 'zh-CN': '台账', en: 'Ledger' };

const YES: Localized = { 'zh-CN': '是', en: 'Yes' };
const NO: Localized = { 'zh-CN': '否', en: 'No' };
const ENTRY_STATUS: Record<string, Localized> = { pending: { 'zh-CN': '待审核', en: 'Pending' }, approved: { 'zh-CN': '已通过', en: 'Approved' } };
const VISIT_TYPE: Record<'group' | 'single', Localized> = { group: { 'zh-CN': '团体', en: 'Group' }, single: { 'zh-CN': '个人', en: 'Individual' } };
const VOLUNTEER_TYPE: Record<'pair' | 'record', Localized> = {
  pair: { 'zh-CN': '“1+1”结对', en: '"1+1" pair' },
  record: { 'zh-CN': '志愿服务', en: 'Service record' },
};

const word = (labels: Record<string, Localized>, x: LedgerCell, lang: Lang): LedgerCell => (typeof x === 'string' && labels[x] ? labels[x]![lang] : x);

/**
 * A row as stored (db/queries/report-rows.ts) in the reader's words: codes become labels,
 * fen become yuan, a donor's name is masked (anonymous: 爱心人士).
 */
export function ledgerRow(group: FigureGroup, raw: LedgerRow, lang: Lang): LedgerRow {
  const out: LedgerRow = {};
  for (const c of LEDGER_COLUMNS[group]) out[c.key] = raw[c.key] ?? null;
  switch (group) {
    case 'training':
      out.category = word(TRAINING_CATEGORY_LABEL as Record<TrainingCategory, Localized>, out.category ?? null, lang);
      out.status = word(ATTENDANCE_LABEL as Record<AttendanceStatus, Localized>, out.status ?? null, lang);
      out.mode = word(MODE_LABEL as Record<AttendanceMode, Localized>, out.mode ?? null, lang);
      break;
    case 'quiz':
      out.advanced = (raw.advanced ? YES : NO)[lang];
      break;
    case 'contest':
      out.status = word(ENTRY_STATUS, out.status ?? null, lang);
      break;
    case 'exhibition':
      out.type = word(VISIT_TYPE, out.type ?? null, lang);
      break;
    case 'volunteer':
      out.type = word(VOLUNTEER_TYPE, out.type ?? null, lang);
      break;
    case 'drive':
      out.amount = typeof raw.amountFen === 'number' ? raw.amountFen / 100 : null;
      out.donor = raw.anonymous ? ANONYMOUS_NAME : maskName(String(raw.donorName ?? ''));
      break;
  }
  return out;
}

export { FIGURE_GROUPS };
