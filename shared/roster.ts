import { PHONE_RE, unsafeCharAt } from './contracts/common';
import type { MessageKey } from './messages';

/** Header names we accept for the two roster columns (an organizer's sheet imports as it is). */
const NAME_HEADERS = ['姓名', '名字', 'name'];
const PHONE_HEADERS = ['手机号', '手机', '手机号码', '联系电话', 'phone', 'mobile'];

export interface RosterIssue { row: number; key: MessageKey; params?: Record<string, string | number> }
export interface RosterCheck {
  rows: Array<{ row: number; name: string; phone: string }>;
  issues: RosterIssue[];
}

/** 138 0000 0000, 138-0000-0000, +86 13800000000, full-width digits → 13800000000. */
export function normalizePhone(raw: string): string {
  const half = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return half.replace(/[\s\-()（）]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** Finds the two columns in the header row; null when either is missing. */
export function rosterColumns(header: string[]): { name: number; phone: number } | null {
  const norm = header.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim().toLowerCase());
  const name = norm.findIndex((h) => NAME_HEADERS.includes(h));
  const phone = norm.findIndex((h) => PHONE_HEADERS.includes(h));
  return name >= 0 && phone >= 0 ? { name, phone } : null;
}

/**
 * Checks data rows (already split into cells). Row numbers are the spreadsheet's: the
 * header is row 1, so the first data row is row 2. Blank lines are skipped silently.
 */
export function checkRosterRows(table: string[][], cols: { name: number; phone: number }): RosterCheck {
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
    const first = seen.get(phone);
    if (first) return void issues.push({ row, key: 'msg.row_duplicate', params: { row: first } });
    seen.set(phone, row);
    rows.push({ row, name, phone });
  });
  return { rows, issues };
}
