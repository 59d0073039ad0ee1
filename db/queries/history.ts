import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { nowIso, randomToken } from '../ids';
import { chunk, readBatch, writeBatch } from './util';
import { auditInsert } from './activity';
import { chinaMidnight, addDays } from '../../shared/china-time';
import { historyRowKey, type HistoryKind, type HistoryRow, type HistoryIssue } from '../../shared/history';
import { settingsOf } from '../../shared/contracts/campaigns';
import { maskPhone } from '../../shared/mask';

/*
 * History before the platform (issue #16 part 5). Imported rows go into the tables the live
 * modules write (bookings, contest_entries, service_records, pledges, training_*) and their
 * activity events, marked `source = 'import'`, so figures, rollups and metrics count them with
 * the rest. Each row's id is a hash of its natural key (shared/history.ts `historyRowKey`) and
 * every insert is INSERT OR IGNORE on it: importing the same file twice adds nothing.
 */

export interface Unit {
  id: string;
  name: string;
  path: string;
}
export interface Person {
  userId: string | null;
  rosterId: string | null;
}

/** A row with everything it needs to be written. */
export interface PlannedRow extends HistoryRow {
  id: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  campaignId: string;
  /** the campaign does not exist yet: the import creates it (closed, marked imported) */
  newCampaign: boolean;
  /** who the record belongs to: a registered member, or a stable stand-in `imp_…` */
  userId: string;
  /** the member's own account, for activity a member sees (null: not registered, or not a person) */
  activityUserId: string | null;
  rosterId?: string;
  /** `userId` is a stand-in (no account): the name goes to imported_people */
  standIn: boolean;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
export async function hashId(prefix: string, key: string): Promise<string> {
  return prefix + hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))).slice(0, 30);
}

/** Midday China time of a day: the instant an imported record of that day is dated (inside the day whatever the rounding). */
export const noonOf = (day: string) => new Date(chinaMidnight(day) + 12 * 3600_000).toISOString();

const under = (col: string, path: string) => sql`${sql.raw(col)} >= ${path} AND ${sql.raw(col)} < ${path} || '~'`;
const inList = (xs: string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
const LIST_PART = 90;

/**
 * What the rows name, looked up in one batch: the subtree's units (live and archived: history
 * may name a unit archived since), the campaigns of the kind by title, roster entries and
 * accounts by phone or roster id.
 */
export async function lookups(db: Db, path: string, kind: HistoryKind, titles: string[], phones: string[], rosterIds: string[]) {
  // D1 binds at most 100 parameters a statement: long lists go in parts, all in the one batch
  const parts = (xs: string[]) => chunk(xs, LIST_PART);
  const t = parts(titles.map((x) => x.toLowerCase()));
  const p = parts(phones);
  const r = parts(rosterIds);
  const res = await readBatch(db, [
    sql`SELECT id, name, path FROM org_units WHERE ${under('path', path)}`,
    ...t.map(
      (xs) =>
        sql`SELECT id, title, created_at FROM campaigns WHERE kind = ${kind} AND ${under('org_path', path)} AND lower(title) IN (${inList(xs)}) ORDER BY created_at`,
    ),
    ...[...p.map((xs) => sql`r.phone IN (${inList(xs)})`), ...r.map((xs) => sql`r.id IN (${inList(xs)})`)].map(
      (cond) => sql`SELECT r.id, r.phone, r.user_id FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE ${cond} AND ${under('u.path', path)}`,
    ),
    ...p.map(
      (xs) =>
        sql`SELECT DISTINCT us.id, us.phone FROM users us JOIN memberships m ON m.user_id = us.id WHERE us.phone IN (${inList(xs)}) AND ${under('m.org_path', path)}`,
    ),
  ]);
  const units = res[0] ?? [];
  const camps = res
    .slice(1, 1 + t.length)
    .flat()
    .sort((x, y) => String(x.created_at).localeCompare(String(y.created_at)));
  const roster = res.slice(1 + t.length, 1 + t.length + p.length + r.length).flat();
  const users = res.slice(1 + t.length + p.length + r.length).flat();
  // the oldest campaign of a title is the one rows join
  const byTitle = new Map<string, string>();
  for (const c of camps) if (!byTitle.has(String(c.title).toLowerCase())) byTitle.set(String(c.title).toLowerCase(), String(c.id));
  const entry = (x: Record<string, unknown>) => ({ id: String(x.id), userId: (x.user_id as string | null) ?? null });
  return {
    units: units.map((u) => ({ id: String(u.id), name: String(u.name), path: String(u.path) })) as Unit[],
    campaigns: byTitle,
    rosterByPhone: new Map(roster.map((x) => [String(x.phone), entry(x)])),
    rosterById: new Map(roster.map((x) => [String(x.id), entry(x)])),
    userByPhone: new Map(users.map((u) => [String(u.phone), String(u.id)])),
  };
}
export type Lookups = Awaited<ReturnType<typeof lookups>>;

/** Resolves unit, campaign and person of each read row; a row that names something outside the subtree becomes an issue. */
/**
 * The stand-in id of a person without an account: keyed with the deployment's secret (HMAC),
 * not a bare hash, so nobody holding the ids can test phone numbers against them — a bare
 * SHA-256 of an 11-digit mobile number is found by trying them all.
 */
export async function standInId(secret: string, key: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `imp_${hex(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(key))).slice(0, 30)}`;
}

export async function planRows(
  kind: HistoryKind,
  root: Unit,
  rows: HistoryRow[],
  l: Lookups,
  secret: string,
): Promise<{ planned: PlannedRow[]; issues: HistoryIssue[] }> {
  const byId = new Map(l.units.map((u) => [u.id, u]));
  const byName = new Map<string, Unit[]>();
  for (const u of l.units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const planned: PlannedRow[] = [];
  const issues: HistoryIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const named = byId.get(r.unit) ?? byName.get(r.unit);
    const unit = Array.isArray(named) ? (named.length === 1 ? named[0] : undefined) : named;
    if (!unit) {
      issues.push({
        row: r.row,
        key: Array.isArray(named) && named.length > 1 ? 'msg.hist_unit_ambiguous' : 'msg.hist_unit',
        params: { value: r.unit.slice(0, 50) },
      });
      continue;
    }
    let person: Person = { userId: null, rosterId: null };
    if (r.rosterId || r.phone) {
      const entry = (r.rosterId ? l.rosterById.get(r.rosterId) : undefined) ?? (r.phone ? l.rosterByPhone.get(r.phone) : undefined);
      person = { userId: entry?.userId ?? (r.phone ? l.userByPhone.get(r.phone) : undefined) ?? null, rosterId: entry?.id ?? null };
    }
    if (kind === 'training' && !person.rosterId) {
      issues.push({ row: r.row, key: 'msg.hist_not_on_roster' });
      continue;
    }
    // a member named by phone in one file and by roster id in another is one record
    const key = historyRowKey(kind, unit.id, { ...r, rosterId: person.rosterId ?? undefined, phone: person.rosterId ? '' : r.phone });
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ row: r.row, key: 'msg.hist_duplicate', params: { row: first } });
      continue;
    }
    seen.set(key, r.row);
    const existing = l.campaigns.get(r.title.toLowerCase());
    // a person without an account still has a stable id, so donors and participants count once each
    // (one person across kinds and imports: by phone, else by name within the unit)
    const standIn = await standInId(secret, r.phone || `${unit.id}\u001f${r.name ?? ''}`);
    // volunteers and quiz players count as people in figures even without an account; a register row only with one (like live rows)
    const isPerson = kind === 'volunteer' || kind === 'quiz';
    planned.push({
      ...r,
      id: await hashId('h', key),
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      campaignId: existing ?? (await hashId('h', `campaign\u001f${kind}\u001f${root.id}\u001f${r.title.toLowerCase()}`)),
      newCampaign: !existing,
      userId: person.userId ?? standIn,
      activityUserId: isPerson ? (person.userId ?? standIn) : person.userId,
      rosterId: person.rosterId ?? undefined,
      standIn: !person.userId,
    });
  }
  return { planned, issues };
}

/** The imported campaigns the rows need: closed, dated over their rows, marked imported; re-imports widen the dates. */
function campaignStatements(kind: HistoryKind, root: Unit, actorId: string, rows: PlannedRow[]): SQL[] {
  const spans = new Map<string, { title: string; from: string; to: string; category?: string }>();
  for (const r of rows) {
    if (!r.newCampaign) continue;
    const s = spans.get(r.campaignId);
    if (!s) spans.set(r.campaignId, { title: r.title, from: r.date, to: r.date, category: kind === 'training' ? String(r.category) : undefined });
    else {
      if (r.date < s.from) s.from = r.date;
      if (r.date > s.to) s.to = r.date;
    }
  }
  const now = nowIso();
  return [...spans].map(([id, s]) => {
    const settings = settingsOf(kind, kind === 'training' ? { category: s.category } : {});
    const starts = new Date(chinaMidnight(s.from)).toISOString();
    const ends = new Date(chinaMidnight(addDays(s.to, 1)) - 1000).toISOString();
    return sql`INSERT INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at, published_at, closed_at, source)
      VALUES (${id}, ${kind}, ${`history-${id.slice(1, 17)}`}, ${s.title}, '', '', ${root.id}, ${root.path}, 'closed', ${starts}, ${ends}, ${JSON.stringify(settings)}, ${actorId}, ${now}, ${now}, ${starts}, ${ends}, 'import')
      ON CONFLICT (id) DO UPDATE SET starts_at = min(starts_at, excluded.starts_at), ends_at = max(ends_at, excluded.ends_at), closed_at = max(closed_at, excluded.closed_at)
      WHERE campaigns.source = 'import'`;
  });
}

/** Training sessions (课次) the rows name: one per class, day and hours. */
async function sessionStatements(actorId: string, rows: PlannedRow[]): Promise<{ stmts: SQL[]; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  const stmts: SQL[] = [];
  for (const r of rows) {
    const k = `${r.campaignId}\u001f${r.date}\u001f${r.hours}`;
    if (ids.has(k)) continue;
    const id = await hashId('h', `session\u001f${k}`);
    ids.set(k, id);
    // classes on paper have no clock: 09:00 China time, lasting the session's hours
    const starts = new Date(chinaMidnight(r.date) + 9 * 3600_000).toISOString();
    const ends = new Date(Date.parse(starts) + (r.hours ?? 0) * 3600_000).toISOString();
    stmts.push(sql`INSERT OR IGNORE INTO training_sessions (id, campaign_id, title, starts_at, ends_at, location, lecturer, hours, code_secret, created_by, created_at, source)
      VALUES (${id}, ${r.campaignId}, ${r.title}, ${starts}, ${ends}, '', '', ${r.hours ?? 0}, ${randomToken(16)}, ${actorId}, ${nowIso()}, 'import')`);
  }
  return { stmts, ids };
}

const event = (r: PlannedRow, type: string, kind: string, points: number, quantity: number, at: string, ref = `import:${r.id}`) =>
  sql`INSERT OR IGNORE INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref, source)
    VALUES (${`e${r.id.slice(1)}`}, ${r.activityUserId}, ${r.unitId}, ${r.unitPath}, ${r.campaignId}, ${kind}, ${type}, ${points}, ${quantity}, ${at}, ${ref}, 'import')`;

/** Who a stand-in id stands for, once: the 台账 shows the name the sheet gave. */
const personStatements = (r: PlannedRow): SQL[] =>
  r.standIn
    ? [
        sql`INSERT OR IGNORE INTO imported_people (id, name, phone_masked, org_unit_id, created_at) VALUES (${r.userId}, ${r.name ?? ''}, ${r.phone ? maskPhone(r.phone) : ''}, ${r.unitId}, ${nowIso()})`,
      ]
    : [];

/** The statements of one row: the record first (its `changes()` tells whether it was new), then its activity. */
function rowStatements(kind: HistoryKind, actorId: string, r: PlannedRow, sessions: Map<string, string>): SQL[] {
  const at = noonOf(r.date);
  const now = nowIso();
  switch (kind) {
    case 'exhibition':
      return [
        sql`INSERT OR IGNORE INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, checked_in_at, checked_in_by, source)
          VALUES (${r.id}, ${r.id}, ${r.campaignId}, '', ${r.userId}, ${r.walkIn ? '现场散客' : '参观'}, '', ${r.visitors ?? 0}, ${r.date}, 1, ${r.unitId}, 'checked_in', ${at}, ${at}, ${actorId}, 'import')`,
        event(r, 'exhibition_visit', 'exhibition', 0, r.visitors ?? 0, at),
      ];
    case 'contest':
      return [
        sql`INSERT OR IGNORE INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, description, author_name, status, image_key, content_type, width, height, bytes, sha256, created_at, reviewed_at, reviewed_by, source)
          VALUES (${r.id}, ${r.campaignId}, ${r.userId}, ${r.unitId}, ${r.id}, ${r.category ?? '作品'}, ${r.work ?? ''}, '', ${r.name ?? ''}, 'approved', '', '', 0, 0, 0, '', ${at}, ${now}, ${actorId}, 'import')`,
        event(r, 'contest_entry', 'contest', 0, 1, at),
      ];
    case 'volunteer':
      return [
        sql`INSERT OR IGNORE INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, date, hours, description, status, source, reviewed_by, reviewed_at, created_at)
          VALUES (${r.id}, ${r.campaignId}, ${r.userId}, ${r.unitId}, ${r.unitPath}, ${r.date}, ${r.hours ?? 0}, ${r.activity || r.title}, 'approved', 'import', ${actorId}, ${now}, ${at})`,
        event(r, 'volunteer_hours', 'volunteer', 0, Math.round((r.hours ?? 0) * 60), at),
        ...personStatements(r),
      ];
    case 'drive':
      return [
        sql`INSERT OR IGNORE INTO pledges (id, campaign_id, user_id, org_unit_id, org_path, amount, verified_amount, display_name, anonymous, message_status, status, created_at, updated_at, verified_by, verified_at, source)
          VALUES (${r.id}, ${r.campaignId}, ${r.userId}, ${r.unitId}, ${r.unitPath}, ${r.amount ?? 0}, ${r.amount ?? 0}, ${r.name ?? ''}, 0, 'none', 'verified', ${at}, ${now}, ${actorId}, ${at}, 'import')`,
        event(r, 'drive_verified', 'drive', 0, r.amount ?? 0, at),
      ];
    case 'quiz':
      return [event(r, 'offline_score', 'quiz', r.points ?? 0, 1, at), ...personStatements(r)];
    case 'training': {
      const session = sessions.get(`${r.campaignId}\u001f${r.date}\u001f${r.hours}`)!;
      const credited = r.status === 'present' || r.status === 'late';
      const out = [
        sql`INSERT OR IGNORE INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_by, created_at)
          VALUES (${r.campaignId}, ${r.rosterId}, ${r.unitId}, ${r.unitPath}, 'organizer', ${actorId}, ${now})`,
        sql`INSERT OR IGNORE INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, marked_by, updated_at, source)
          VALUES (${session}, ${r.rosterId}, ${r.campaignId}, ${r.activityUserId}, ${r.unitId}, ${r.unitPath}, ${r.status ?? 'present'}, 'onsite', '', ${credited ? (r.hours ?? 0) : 0}, ${actorId}, ${now}, 'import')`,
      ];
      // the register's own event key (db/queries/training.ts), so a later correction of the row rebuilds it like any other
      const starts = new Date(chinaMidnight(r.date) + 9 * 3600_000).toISOString();
      if (credited) out.push(event(r, 'training_hours', 'training', 0, Math.round((r.hours ?? 0) * 60), starts, `att:${session}:${r.rosterId}`));
      return out;
    }
  }
}

/** Rows per D1 batch: a batch near a hundred statements (a training row has up to four, a quiz row one, the rest two). */
const ROWS_PER_BATCH: Record<HistoryKind, number> = { training: 25, quiz: 100, contest: 50, exhibition: 50, volunteer: 50, drive: 50 };

/**
 * Writes the planned rows: the campaigns and sessions first, then the rows a chunk per D1
 * batch (each chunk all or nothing), with the audit row in the last. Returns how many rows
 * were new (their record's insert changed a row).
 */
export async function importHistory(
  db: Db,
  actorId: string,
  kind: HistoryKind,
  root: Unit,
  rows: PlannedRow[],
  stats: { rows: number; errors: number },
): Promise<number> {
  const { stmts: sessionStmts, ids: sessions } = kind === 'training' ? await sessionStatements(actorId, rows) : { stmts: [], ids: new Map<string, string>() };
  for (const part of chunk([...campaignStatements(kind, root, actorId, rows), ...sessionStmts], 100)) await writeBatch(db, part);
  let imported = 0;
  const parts = chunk(rows, ROWS_PER_BATCH[kind]);
  for (let i = 0; i < parts.length; i++) {
    const perRow = parts[i]!.map((r) => rowStatements(kind, actorId, r, sessions));
    // the record's insert is the first statement of a row, except training's register row (second)
    const first = kind === 'training' ? 1 : 0;
    const offsets: number[] = [];
    const stmts: SQL[] = [];
    for (const s of perRow) {
      offsets.push(stmts.length + first);
      stmts.push(...s);
    }
    const last = i === parts.length - 1;
    if (last)
      stmts.push(auditInsert({ actorId, action: 'history.import', entity: 'org_unit', entityId: root.id, orgUnitId: root.id, detail: { kind, ...stats } }));
    const res = await writeBatch(db, stmts);
    imported += offsets.filter((o) => (res[o]?.meta.changes ?? 0) > 0).length;
  }
  if (!parts.length)
    await writeBatch(db, [
      auditInsert({ actorId, action: 'history.import', entity: 'org_unit', entityId: root.id, orgUnitId: root.id, detail: { kind, ...stats } }),
    ]);
  return imported;
}
