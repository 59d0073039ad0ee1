import { PHONE_RE, unsafeCharAt } from './contracts/common';
import type { MessageKey } from './messages';
import { chinaDay } from './china-time';
// the registry's words (人员类别, 党内职务, 状态) and their labels
import * as People from './people';

/** Header names we accept for the two roster columns (an organizer's sheet imports as it is). */
const NAME_HEADERS = ['姓名', '名字', 'name'];
const PHONE_HEADERS = ['手机号', '手机', '手机号码', '联系电话', 'phone', 'mobile'];
/** The optional registry columns (API.md "People, roles and the member registry"), as organizers head them. */
const REGISTRY_HEADERS = {
  category: ['人员类别', '类别', '政治面貌', 'category'],
  posts: ['党内职务', '职务', 'posts'],
  status: ['状态', '人员状态', 'status'],
  joinedPartyOn: ['入党日期', '入党时间', 'joinedpartyon'],
  postSince: ['任职日期', '任职时间', 'postsince'],
} as const;
export type RegistryColumn = keyof typeof REGISTRY_HEADERS;
/** The Chinese column name a row issue names (the organizer's own word for it). */
export const REGISTRY_COLUMN_LABEL: Record<RegistryColumn, string> = {
  category: '人员类别',
  posts: '党内职务',
  status: '状态',
  joinedPartyOn: '入党日期',
  postSince: '任职日期',
};

export interface RosterIssue {
  row: number;
  key: MessageKey;
  params?: Record<string, string | number>;
}
/** Registry fields a row gives; a field is absent when its column is missing or its cell empty (a re-import then keeps what is stored). */
export interface RegistryFields {
  category?: People.MemberCategory;
  posts?: People.PartyPost[];
  status?: People.MemberStatus;
  joinedPartyOn?: string;
  postSince?: string;
}
export interface RosterRowIn extends RegistryFields {
  row: number;
  name: string;
  phone: string;
}
export interface RosterCheck {
  rows: RosterRowIn[];
  issues: RosterIssue[];
}
export type RosterColumns = { name: number; phone: number } & Partial<Record<RegistryColumn, number>>;

/** 138 0000 0000, 138-0000-0000, +86 13800000000, full-width digits → 13800000000. */
export function normalizePhone(raw: string): string {
  const half = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return half.replace(/[\s\-()（）]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const normHeader = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/[\s_]/g, '')
    .trim()
    .toLowerCase();

/** Finds the columns in the header row: name and phone are required (null when either is missing), the registry ones optional. */
export function rosterColumns(header: string[]): RosterColumns | null {
  const norm = header.map(normHeader);
  const name = norm.findIndex((h) => NAME_HEADERS.includes(h));
  const phone = norm.findIndex((h) => PHONE_HEADERS.includes(h));
  if (name < 0 || phone < 0) return null;
  const cols: RosterColumns = { name, phone };
  for (const [k, names] of Object.entries(REGISTRY_HEADERS) as Array<[RegistryColumn, readonly string[]]>) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) cols[k] = i;
  }
  return cols;
}

/** Words organizers write beside the labels of shared/people.ts, mapped to the same ids. */
const CATEGORY_WORDS: Record<string, People.MemberCategory> = {
  党员: 'full',
  中共党员: 'full',
  正式: 'full',
  预备: 'probationary',
  中共预备党员: 'probationary',
  积极分子: 'activist',
};
const POST_WORDS: Record<string, People.PartyPost> = {
  支部书记: 'secretary',
  党支部书记: 'secretary',
  支部副书记: 'deputy_secretary',
  纪律检查委员: 'discipline',
  党务工作者: 'party_worker',
};
const STATUS_WORDS: Record<string, People.MemberStatus> = {
  退休: 'retired',
  离休: 'retired',
  离退休干部: 'retired',
  流出党员: 'mobile_out',
  流入党员: 'mobile_in',
  年老体弱: 'home_bound',
  行动不便: 'home_bound',
  '年老体弱、行动不便': 'home_bound',
  年老体弱行动不便: 'home_bound',
};

function wordTable<T extends string>(ids: readonly T[], labels: Record<T, { 'zh-CN': string; en: string }>, extra: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const id of ids) {
    m.set(id, id);
    m.set(labels[id]['zh-CN'], id);
    m.set(labels[id].en.toLowerCase(), id);
  }
  for (const [w, id] of Object.entries(extra)) m.set(w, id);
  return m;
}
const CATEGORIES = wordTable(People.MEMBER_CATEGORIES, People.CATEGORY_LABEL, CATEGORY_WORDS);
const POSTS = wordTable(People.PARTY_POSTS, People.POST_LABEL, POST_WORDS);
const STATUSES = wordTable(People.MEMBER_STATUSES, People.STATUS_LABEL, STATUS_WORDS);
const word = (s: string) => s.replace(/[\s\u3000]/g, '').toLowerCase();

/** 人员类别 as written (正式党员, 预备党员, 中共党员…) → its id, or null for a word we don't know. */
export const parseCategory = (raw: string): People.MemberCategory | null => CATEGORIES.get(word(raw)) ?? null;
/** 状态 as written (在职, 退休, 流出党员, 年老体弱/行动不便…) → its id, or null. */
export const parseStatus = (raw: string): People.MemberStatus | null => STATUSES.get(word(raw)) ?? null;
/**
 * 党内职务: several posts in one cell, separated by 、 , ， ; ； / or spaces ("书记、组织委员").
 * Returns the ids (each once, in the order written) or the first word we don't know.
 */
export function parsePosts(raw: string): { posts: People.PartyPost[] } | { unknown: string } {
  const posts: People.PartyPost[] = [];
  // 年老体弱/行动不便 is a status, not posts: "/" only splits posts
  for (const w of raw
    .split(/[、,，;；/\s\u3000]+/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (w === '无' || w === '—' || w === '-') continue;
    const p = POSTS.get(word(w));
    if (!p) return { unknown: w };
    if (!posts.includes(p)) posts.push(p);
  }
  return { posts };
}

const pad = (n: number) => String(n).padStart(2, '0');
function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  // 2019-02-30 is not a day
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * A date as a sheet holds it → YYYY-MM-DD, or null. Excel stores a date as a serial number
 * (days since 1899-12-30 in the 1900 system, 43647 = 2019-07-01), and shows it as the
 * organizer typed it: 2019/7/1, 2019-07-01, 2019.7.1, 2019年7月1日; a date cell read as text
 * comes as Excel's default format m/d/yy (7/1/19). A time after the date is ignored.
 */
export function parseSheetDate(raw: string): string | null {
  const s = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial < 1 || serial > 120000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(:\d{2})?)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // Excel's own text for a date cell (m/d/yy or m/d/yyyy): a two-digit year is this century up to today's, else the last
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y <= Number(chinaDay().slice(2, 4)) ? 2000 : 1900;
    return ymd(y, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** The party was founded on 1921-07-01: an earlier 入党日期 is a typo. */
export const EARLIEST_PARTY_DAY = '1921-07-01';

/**
 * A registry date's rule (入党日期, 任职日期): a real day, not in the future (China day
 * `today`), and for 入党日期 not before the party existed. Returns the message key of the
 * broken rule, or null. The same rule serves import rows and the console's edits.
 */
export function registryDateRule(day: string, today = chinaDay(), field: 'joinedPartyOn' | 'postSince' = 'joinedPartyOn'): MessageKey | null {
  if (day > today) return 'msg.date_future';
  if (field === 'joinedPartyOn' && day < EARLIEST_PARTY_DAY) return 'msg.date_too_early';
  return null;
}

/** Reads one registry cell of a row into `out`; returns the row's issue when the cell is wrong. */
function readRegistryCell(col: RegistryColumn, raw: string, out: RegistryFields, today: string): Omit<RosterIssue, 'row'> | null {
  const column = REGISTRY_COLUMN_LABEL[col];
  const value = raw.slice(0, 30);
  if (col === 'category') {
    const c = parseCategory(raw);
    if (!c) return { key: 'msg.row_unknown_word', params: { column, value } };
    out.category = c;
  } else if (col === 'status') {
    const s = parseStatus(raw);
    if (!s) return { key: 'msg.row_unknown_word', params: { column, value } };
    out.status = s;
  } else if (col === 'posts') {
    const p = parsePosts(raw);
    if ('unknown' in p) return { key: 'msg.row_unknown_word', params: { column, value: p.unknown.slice(0, 30) } };
    out.posts = p.posts;
  } else {
    const day = parseSheetDate(raw);
    if (!day) return { key: 'msg.row_date', params: { column, value } };
    const broken = registryDateRule(day, today, col);
    if (broken === 'msg.date_future') return { key: 'msg.row_date_future', params: { column, value: day } };
    if (broken) return { key: 'msg.row_date_early', params: { column, value: day } };
    out[col] = day;
  }
  return null;
}

/**
 * Checks data rows (already split into cells). Row numbers are the spreadsheet's: the
 * header is row 1, so the first data row is row 2. Blank lines are skipped silently. A row
 * with any bad cell is reported (its first problem) and not imported at all.
 */
export function checkRosterRows(table: string[][], cols: RosterColumns, today = chinaDay()): RosterCheck {
  const rows: RosterCheck['rows'] = [];
  const issues: RosterIssue[] = [];
  const seen = new Map<string, number>();
  table.forEach((cells, i) => {
    const row = i + 2;
    const name = String(cells[cols.name] ?? '').trim();
    const rawPhone = String(cells[cols.phone] ?? '').trim();
    if (!name && !rawPhone) return;
    // the same rule as a name typed in a form: no controls, bidi overrides or lone surrogates
    if (!name || Array.from(name).length > 40 || unsafeCharAt(name) >= 0) return void issues.push({ row, key: 'msg.row_name' });
    const phone = normalizePhone(rawPhone);
    if (!PHONE_RE.test(phone)) return void issues.push({ row, key: 'msg.row_phone', params: { value: rawPhone.slice(0, 20) } });
    const fields: RegistryFields = {};
    for (const col of Object.keys(REGISTRY_HEADERS) as RegistryColumn[]) {
      const at = cols[col];
      const raw = at === undefined ? '' : String(cells[at] ?? '').trim();
      if (!raw) continue;
      const issue = readRegistryCell(col, raw, fields, today);
      if (issue) return void issues.push({ row, ...issue });
    }
    const first = seen.get(phone);
    if (first) return void issues.push({ row, key: 'msg.row_duplicate', params: { row: first } });
    seen.set(phone, row);
    rows.push({ row, name, phone, ...fields });
  });
  return { rows, issues };
}

/** The template's header: what organizers fill in (the registry columns are optional). */
export const ROSTER_TEMPLATE_HEADER = ['姓名', '手机号', '人员类别', '党内职务', '任职日期', '状态', '入党日期'];
