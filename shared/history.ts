import type { Localized } from './i18n';
import type { MessageKey } from './messages';
import { chinaDay } from './china-time';
import { normalizePhone, parseSheetDate } from './roster';
import { ATTENDANCE_LABEL, ATTENDANCE_STATUSES, TRAINING_CATEGORIES, TRAINING_CATEGORY_LABEL, type AttendanceStatus, type TrainingCategory } from './training';

/*
 * History before the platform (issue #16 part 5): the columns of each kind's template and the
 * pure reading of one sheet row. The API resolves units, people and campaigns; this file only
 * says whether a row is well formed and what it means, so the console can explain the same
 * columns the server reads.
 */

export const HISTORY_KINDS = ['training', 'contest', 'exhibition', 'volunteer', 'drive', 'quiz'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** One import reads at most this many data rows (a year of a big committee's paper in a few files). */
export const HISTORY_MAX_ROWS = 5000;
export const HISTORY_MAX_BYTES = 5 * 1024 * 1024;
/** History starts with the 2019–2023 plan; earlier dates are typos more often than records. */
export const HISTORY_EARLIEST_DAY = '2000-01-01';

export type FieldName =
  | 'unit'
  | 'title'
  | 'category'
  | 'date'
  | 'hours'
  | 'name'
  | 'phone'
  | 'rosterId'
  | 'status'
  | 'work'
  | 'visitors'
  | 'walkIn'
  | 'activity'
  | 'amount'
  | 'points';

export interface HistoryColumn {
  field: FieldName;
  /** the header as the template writes it (and the importer finds it) */
  header: string;
  required: boolean;
  example: string;
  note: Localized;
}

const col = (field: FieldName, header: string, required: boolean, example: string, zh: string, en: string): HistoryColumn => ({
  field,
  header,
  required,
  example,
  note: { 'zh-CN': zh, en },
});
const UNIT = col('unit', '组织', true, '第一党支部', '本组织或下级组织的名称（或组织编号）。', 'The name (or id) of this unit or a unit below it.');
const DATE = (what: string, whatEn: string) =>
  col('date', '日期', true, '2021-07-01', `${what}的日期，如 2021-07-01（不能晚于今天）。`, `The date of ${whatEn}, e.g. 2021-07-01 (not after today).`);
const NAME = col('name', '姓名', true, '张三', '党员姓名。', 'The member’s name.');
const PHONE = col(
  'phone',
  '手机号',
  false,
  '13800000000',
  '手机号（可选，用于识别本人并与名册、账号关联）。',
  'Mobile number (optional: finds the person on the roster and their account).',
);

/** The campaign a row belongs to, by its title: the one of that title in the subtree takes the row, else a closed one is made. */
const TITLE = (header: string, example: string, zhName: string, en: string) =>
  col(
    'title',
    header,
    true,
    example,
    `${zhName}名称；同名活动已存在则并入，否则新建一个已结束的活动。`,
    `The ${en}; joins the one of that title in the subtree, else one is created (closed).`,
  );

/** A member's own record in a campaign (service hours, quiz points): the unit, the campaign, who (by name and phone) and when. */
const personal = (title: HistoryColumn, date: HistoryColumn) => [UNIT, title, NAME, PHONE, date];

export const HISTORY_COLUMNS: Record<HistoryKind, HistoryColumn[]> = {
  training: [
    UNIT,
    TITLE('培训班名称', '2021年党史学习教育集中轮训', '期班', 'class'),
    col(
      'category',
      '类别',
      false,
      '集中轮训',
      `培训类别：${TRAINING_CATEGORIES.map((c) => TRAINING_CATEGORY_LABEL[c]['zh-CN']).join('、')}（默认集中轮训）。`,
      'The category, in Chinese words as listed (default 集中轮训).',
    ),
    DATE('课次', 'the session'),
    col('hours', '学时', true, '4', '该课次的学时（0.5 的倍数，大于 0）。', 'Study hours of the session (a multiple of 0.5, above 0).'),
    NAME,
    col(
      'phone',
      '手机号',
      false,
      '13800000000',
      '手机号或名册编号至少填一项，人员须在本组织名册中。',
      'A mobile number or a roster id: the person must be on a roster of the subtree.',
    ),
    col('rosterId', '名册编号', false, '', '名册中的人员编号（可选）。', 'The roster entry id (optional).'),
    col(
      'status',
      '出勤',
      false,
      '出席',
      '出席、迟到、请假或缺席（默认出席；出席和迟到计学时）。',
      'Present, late, excused or absent in Chinese words (default 出席; present and late earn the hours).',
    ),
  ],
  contest: [
    UNIT,
    TITLE('活动名称', '2021年庆祝建党100周年书画摄影大赛', '征集活动', 'contest'),
    col('work', '作品名称', true, '红船精神', '作品名称。', 'The title of the work.'),
    col('name', '作者', true, '张三', '作者姓名。', 'The author’s name.'),
    col('category', '类别', false, '书法', '作品类别，如书法、绘画、摄影（默认“作品”）。', 'The category, e.g. 书法, 绘画, 摄影 (default 作品).'),
    DATE('投稿', 'the entry'),
  ],
  exhibition: [
    UNIT,
    TITLE('展览名称', '党史教育基地参观', '展览', 'exhibition'),
    DATE('参观', 'the visit'),
    col('visitors', '参观人数', true, '30', '当天参观的人数（正整数）。', 'The number of visitors that day (a whole number above 0).'),
    col('walkIn', '是否散客', false, '否', '“是”表示现场散客（未预约），默认“否”。', '是 for walk-in visitors (no booking); default 否.'),
  ],
  volunteer: [
    ...personal(TITLE('活动名称', '2020年“1+1”志愿服务', '志愿服务活动', 'volunteer campaign'), DATE('服务', 'the service')),
    col('hours', '时长（小时）', true, '2', '服务时长，单位小时（大于 0，不超过 24）。', 'Hours of service (above 0, at most 24).'),
    col('activity', '服务内容', false, '社区环境整治', '服务内容（可选）。', 'What was done (optional).'),
  ],
  drive: [
    UNIT,
    TITLE('活动名称', '2020年抗疫募捐', '募捐活动', 'drive'),
    DATE('到账', 'the verified donation'),
    col(
      'amount',
      '金额（元）',
      true,
      '200',
      '已核实的捐款金额，单位元（大于 0，最多两位小数）。',
      'The verified amount in yuan (above 0, at most two decimals).',
    ),
    col('name', '捐款人', true, '张三', '捐款人或单位名称。', 'The donor (a person or a unit).'),
  ],
  quiz: [
    ...personal(TITLE('活动名称', '2019年党章党规知识竞赛', '答题活动', 'quiz'), DATE('答题', 'the quiz')),
    col('points', '积分', true, '85', '线下答题所得积分（0 及以上的整数）。', 'Points scored offline (a whole number, 0 or more).'),
  ],
};

export const HISTORY_KIND_LABEL: Record<HistoryKind, Localized> = {
  training: { 'zh-CN': '培训出勤', en: 'Training attendance' },
  contest: { 'zh-CN': '征集作品', en: 'Contest works' },
  exhibition: { 'zh-CN': '参观人次', en: 'Exhibition visitors' },
  volunteer: { 'zh-CN': '志愿服务记录', en: 'Volunteer service' },
  drive: { 'zh-CN': '善款', en: 'Funds' },
  quiz: { 'zh-CN': '线下答题积分', en: 'Offline quiz scores' },
};

/** One row as read: every field a kind may have, typed; the API fills in who and where. */
export interface HistoryRow {
  row: number;
  unit: string;
  title: string;
  date: string;
  category?: TrainingCategory | string;
  hours?: number;
  name?: string;
  phone?: string;
  rosterId?: string;
  status?: AttendanceStatus;
  work?: string;
  visitors?: number;
  walkIn?: boolean;
  activity?: string;
  /** fen */
  amount?: number;
  points?: number;
}

export interface HistoryIssue {
  row: number;
  key: MessageKey;
  params?: Record<string, string | number>;
}

const norm = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/[\s_（）()]/g, '')
    .trim();

/** The column index of each field in the header row; null with the missing required header. */
export function historyColumns(kind: HistoryKind, header: string[]): { cols: Partial<Record<FieldName, number>> } | { missing: string } {
  const at = new Map(header.map((h, i) => [norm(h), i] as const));
  const cols: Partial<Record<FieldName, number>> = {};
  for (const c of HISTORY_COLUMNS[kind]) {
    const i = at.get(norm(c.header));
    if (i === undefined) {
      if (c.required) return { missing: c.header };
      continue;
    }
    cols[c.field] = i;
  }
  return { cols };
}

const CATEGORY_WORDS = new Map(
  TRAINING_CATEGORIES.flatMap(
    (c) =>
      [
        [TRAINING_CATEGORY_LABEL[c]['zh-CN'], c],
        [c, c],
      ] as Array<[string, TrainingCategory]>,
  ),
);
const STATUS_WORDS = new Map(
  ATTENDANCE_STATUSES.flatMap(
    (s) =>
      [
        [ATTENDANCE_LABEL[s]['zh-CN'], s],
        [s, s],
      ] as Array<[string, AttendanceStatus]>,
  ),
);
const YES = new Set(['是', 'y', 'yes', '1', 'true', '散客']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);

/** A plain decimal (full-width digits and thousands commas allowed), or null. */
function decimal(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/[０-９．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * Reads one data row (`row` is its line in the sheet, the header being line 1). Returns the
 * typed row or the first broken rule. `today` is the China day nothing may come after.
 */
export function readHistoryRow(
  kind: HistoryKind,
  cells: string[],
  cols: Partial<Record<FieldName, number>>,
  row: number,
  today = chinaDay(),
): HistoryRow | HistoryIssue {
  const get = (f: FieldName) => (cols[f] === undefined ? '' : String(cells[cols[f]!] ?? '').trim());
  const bad = (key: MessageKey, params?: Record<string, string | number>): HistoryIssue => ({ row, key, params });
  for (const c of HISTORY_COLUMNS[kind]) {
    if (c.required && !get(c.field)) return bad('msg.hist_required', { column: c.header });
    if (get(c.field).length > 200) return bad('msg.hist_too_long', { column: c.header });
  }
  const date = parseSheetDate(get('date'));
  if (!date) return bad('msg.hist_date', { value: get('date').slice(0, 30) });
  if (date > today) return bad('msg.hist_date_future', { value: date });
  if (date < HISTORY_EARLIEST_DAY) return bad('msg.hist_date_early', { value: date });
  const out: HistoryRow = { row, unit: get('unit'), title: get('title'), date };
  const phone = get('phone') ? normalizePhone(get('phone')) : '';
  if (phone && !/^1\d{10}$/.test(phone)) return bad('msg.hist_phone', { value: get('phone').slice(0, 30) });
  if (kind === 'training') {
    const category = get('category') ? CATEGORY_WORDS.get(get('category')) : 'rotation';
    if (!category) return bad('msg.hist_category', { value: get('category') });
    const hours = decimal(get('hours'));
    if (hours === null || hours <= 0 || hours > 24 || Math.round(hours * 2) !== hours * 2) return bad('msg.hist_hours', { value: get('hours') });
    const status = get('status') ? STATUS_WORDS.get(get('status')) : 'present';
    if (!status) return bad('msg.hist_status', { value: get('status') });
    if (!phone && !get('rosterId')) return bad('msg.hist_person');
    return { ...out, category, hours, name: get('name'), phone, rosterId: get('rosterId') || undefined, status };
  }
  if (kind === 'contest') return { ...out, work: get('work'), name: get('name'), category: get('category') || '作品' };
  if (kind === 'exhibition') {
    const visitors = decimal(get('visitors'));
    if (visitors === null || !Number.isInteger(visitors) || visitors < 1 || visitors > 100_000) return bad('msg.hist_visitors', { value: get('visitors') });
    const w = get('walkIn').toLowerCase();
    if (!YES.has(w) && !NO.has(w)) return bad('msg.hist_yes_no', { value: get('walkIn') });
    return { ...out, visitors, walkIn: YES.has(w) };
  }
  if (kind === 'volunteer') {
    const hours = decimal(get('hours'));
    if (hours === null || hours <= 0 || hours > 24) return bad('msg.hist_hours', { value: get('hours') });
    return { ...out, name: get('name'), phone, hours: Math.round(hours * 100) / 100, activity: get('activity') };
  }
  if (kind === 'drive') {
    const yuan = decimal(get('amount'));
    if (yuan === null || yuan <= 0 || yuan > 100_000_000 || Math.abs(Math.round(yuan * 100) - yuan * 100) > 1e-6)
      return bad('msg.hist_amount', { value: get('amount') });
    return { ...out, amount: Math.round(yuan * 100), name: get('name') };
  }
  const points = decimal(get('points'));
  if (points === null || !Number.isInteger(points) || points < 0 || points > 1_000_000) return bad('msg.hist_points', { value: get('points') });
  return { ...out, name: get('name'), phone, points };
}

/**
 * The natural key of a row: kind, unit, campaign title and the fields that make the record,
 * normalized. The same line imported twice has the same key (so it lands once); two equal
 * lines in one file are one record, reported as a duplicate.
 */
export function historyRowKey(kind: HistoryKind, unitId: string, r: HistoryRow): string {
  const parts: Array<string | number | boolean | undefined> = [kind, unitId, r.title.toLowerCase(), r.date];
  if (kind === 'training') parts.push(r.hours, r.rosterId || r.phone);
  else if (kind === 'contest') parts.push(r.work, r.name, r.category);
  else if (kind === 'exhibition') parts.push(r.walkIn);
  else if (kind === 'volunteer') parts.push(r.phone || r.name, r.hours, r.activity);
  else if (kind === 'drive') parts.push(r.name, r.amount);
  else parts.push(r.phone || r.name);
  return parts.map((p) => String(p ?? '').replace(/\s+/g, ' ')).join('\u001f');
}

export const isHistoryIssue = (x: HistoryRow | HistoryIssue): x is HistoryIssue => 'key' in x;
