import { lang } from './i18n/lang';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang() + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(lang(), opts)));
  return f;
}

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2026年3月1日 / Mar 1, 2026 in the reader's time zone. */
export function fmtDate(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? dtf({ year: 'numeric', month: 'short', day: 'numeric' }).format(d) : '—';
}

/** 2026年3月1日 08:00 / Mar 1, 2026, 08:00. */
export function fmtDateTime(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? dtf({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d) : '—';
}

/** A campaign's period; the year is shown once when both ends share it. */
export function fmtRange(startIso: string, endIso: string): string {
  const a = valid(startIso);
  const b = valid(endIso);
  if (!a || !b) return `${fmtDate(startIso)} – ${fmtDate(endIso)}`;
  const f = dtf({ year: 'numeric', month: 'short', day: 'numeric' });
  const fr = f as Intl.DateTimeFormat & { formatRange?: (x: Date, y: Date) => string };
  return fr.formatRange ? fr.formatRange(a, b) : `${f.format(a)} – ${f.format(b)}`;
}

export function fmtNumber(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? new Intl.NumberFormat(lang()).format(n) : '—';
}

/** 0.4567 → 45.7% */
export function fmtPercent(fraction: number | null | undefined): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Amounts travel in fen (分); people read yuan. */
export function fmtYuan(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '—';
  return new Intl.NumberFormat(lang(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(fen / 100);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO (UTC) → the value of an <input type="datetime-local"> in the reader's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = valid(iso);
  if (!d) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An <input type="datetime-local"> value (reader's zone) → ISO 8601 in UTC, or null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Campaign state as a reader sees it: upcoming / ongoing / ended (by dates and status). */
export function phaseOf(c: { status: string; startsAt: string; endsAt: string }, now = Date.now()): 'draft' | 'upcoming' | 'ongoing' | 'ended' {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'closed') return 'ended';
  const s = Date.parse(c.startsAt);
  const e = Date.parse(c.endsAt);
  if (now < s) return 'upcoming';
  if (now > e) return 'ended';
  return 'ongoing';
}
