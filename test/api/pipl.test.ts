import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { read, utils } from '@e965/xlsx';
import { client, DEMO_PASSWORD, outboxCode, PHONES, signedIn } from '../helpers';
import { snapshot } from './roles';

/** the sheet name the download writes */
const SHEET: string = '我的数据';

/*
 * Personal-data rights (PIPL): a member downloads everything stored about them and deletes the
 * account (name and phone erased, counts kept); a resident withdraws 1+1 consent with a code.
 */

const one = <T>(q: string, ...args: unknown[]) =>
  env.DB.prepare(q)
    .bind(...args)
    .first<T>();

/** A demo member with pairs, records and activity: the richest person to ask about. */
async function richMember() {
  const r = await one<{ id: string; phone: string; name: string }>(`
    SELECT u.id, u.phone, u.name FROM users u
    WHERE u.id LIKE 'user-m%' AND EXISTS (SELECT 1 FROM volunteer_pairs p WHERE p.member_id = u.id)
      AND EXISTS (SELECT 1 FROM service_records r WHERE r.user_id = u.id)
      AND EXISTS (SELECT 1 FROM activity_events e WHERE e.user_id = u.id)
      -- on the 1+1 board, whose object must forget the name
      AND EXISTS (SELECT 1 FROM leaderboard_entries b WHERE b.board_id LIKE 'camp-volunteer:%' AND b.user_id = u.id)
    ORDER BY u.id LIMIT 1`);
  return r!;
}

describe('download my data', () => {
  it('holds the account, memberships, roster entry, pairs, records and every activity event — and no secrets', async () => {
    const m = await richMember();
    const c = await signedIn(m.phone);
    const r = await c.get('/api/v1/me/data');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.account).toMatchObject({ id: m.id, phone: m.phone, name: m.name });
    expect(r.body.sessions.count).toBeGreaterThanOrEqual(1);
    const s = r.body.sections;
    const events = await one<{ n: number }>('SELECT COUNT(*) AS n FROM activity_events WHERE user_id = ?', m.id);
    expect(s.activityEvents).toHaveLength(events!.n);
    const pairs = await one<{ n: number }>('SELECT COUNT(*) AS n FROM volunteer_pairs WHERE member_id = ?', m.id);
    expect(s.volunteerPairs).toHaveLength(pairs!.n);
    expect(s.serviceRecords.length).toBeGreaterThan(0);
    expect(s.memberships[0]).toMatchObject({ role: 'member' });
    expect(s.roster[0]).toMatchObject({ phone: m.phone, name: m.name });
    for (const name of ['quizAttempts', 'contestEntries', 'contestVotes', 'pledges', 'bookings', 'waitlist', 'serviceSignups'])
      expect(Array.isArray(s[name])).toBe(true);
    expect(r.text).not.toMatch(/pbkdf2|password_hash|id_hash|code_secret|image_key/);
    // someone else's data is nowhere in it
    expect(r.text).not.toContain(PHONES.fgwMember);
    expect((await client().get('/api/v1/me/data')).status).toBe(401);
  });

  it('downloads as a workbook, and is not an organizers’ export', async () => {
    const m = await richMember();
    const c = await signedIn(m.phone);
    const x = await c.get('/api/v1/me/data?format=xlsx');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const rows = utils.sheet_to_json<unknown[]>(read(x.bytes, { type: 'array' }).Sheets[SHEET]!, { header: 1 });
    expect(rows.flat()).toContain(m.phone);
    expect(rows.some((row) => String(row[0]).startsWith('activityEvents ('))).toBe(true);
    const audited = await one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.download' AND actor_id = ?", m.id);
    expect(audited!.n).toBe(0);
    expect((await c.get('/api/v1/me/data?format=pdf')).status).toBe(400);
  });

  it('我的 reads my unit and registry words from the roster', async () => {
    const c = await signedIn(PHONES.fgwMember);
    const r = await c.get('/api/v1/me/roster');
    expect(r.status).toBe(200);
    expect(r.body.entry).toMatchObject({ orgUnitId: 'fgw-b1', category: expect.any(String), posts: expect.any(Array), status: expect.any(String) });
    expect((await (await signedIn(PHONES.admin)).get('/api/v1/me/roster')).body.entry).toBeNull();
  });
});

describe('delete my account', () => {
  it('a wrong password changes nothing (422); too many tries wait (429)', async () => {
    const c = await signedIn(PHONES.jyjMember);
    const snap = await snapshot();
    const r = await c.call('DELETE', '/api/v1/me', { password: 'not-my-password' });
    expect(r.status).toBe(422);
    expect(r.body.error.fields.password).toBeTruthy();
    expect((await c.call('DELETE', '/api/v1/me', {})).status).toBe(400);
    // the counter of wrong tries is the only thing a refusal writes (rate_limits is volatile in snapshot)
    expect(await snapshot()).toBe(snap);
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await c.call('DELETE', '/api/v1/me', { password: 'still-wrong' })).status;
    expect(last).toBe(429);
    expect((await c.get('/api/v1/me')).status).toBe(200);
  });

  it('erases name and phone everywhere, ends every session, keeps the counts; signing in is impossible after', async () => {
    const m = await richMember();
    const a = await signedIn(m.phone);
    const b = await signedIn(m.phone);
    const count = async (table: string, col = 'user_id') => (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${col} = ?`, m.id))!.n;
    const before = { events: await count('activity_events'), records: await count('service_records'), pairs: await count('volunteer_pairs', 'member_id') };
    const unitCount = async () => (await client().get('/api/v1/org-units')).body.items as Array<{ id: string; memberCount: number }>;
    const units = await unitCount();
    // the board object is loaded (with the name) before the deletion
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get('/api/v1/campaigns/camp-volunteer/leaderboard?limit=100')).text).not.toContain('已注销');
    const r = await a.call('DELETE', '/api/v1/me', { password: DEMO_PASSWORD });
    expect(r.status, r.text).toBe(204);
    expect((await a.get('/api/v1/me')).status).toBe(401);
    expect((await b.get('/api/v1/me')).status).toBe(401);
    expect((await client().post('/api/v1/auth/login', { phone: m.phone, password: DEMO_PASSWORD })).status).toBe(401);
    const u = await one<{ name: string; phone: string; deleted_at: string | null }>('SELECT name, phone, deleted_at FROM users WHERE id = ?', m.id);
    expect(u).toMatchObject({ name: '已注销' });
    expect(u!.phone).not.toBe(m.phone);
    expect(u!.phone).not.toMatch(/^1\d{10}$/);
    expect(u!.deleted_at).toBeTruthy();
    // the phone and name are in no table any more
    for (const [t, cols] of [
      ['users', ['phone', 'name']],
      ['roster_entries', ['phone', 'name']],
      ['bookings', ['phone', 'name']],
      ['leaderboard_entries', ['name']],
    ] as const) {
      for (const col of cols) {
        const hit = await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t} WHERE ${col} = ?`, col === 'phone' ? m.phone : m.name);
        if (col === 'name' && t !== 'users') continue; // names are not unique: other people may share one
        expect(hit!.n, `${t}.${col}`).toBe(0);
      }
    }
    expect(await count('sessions')).toBe(0);
    expect({ events: await count('activity_events'), records: await count('service_records'), pairs: await count('volunteer_pairs', 'member_id') }).toEqual(
      before,
    );
    expect(await unitCount()).toEqual(units);
    const audit = await one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'account.delete' AND entity_id = ?", m.id);
    expect(audit!.n).toBe(1);
    // boards show the erased name (their objects rebuilt from D1), never the old one to organizers
    const board = await root.get('/api/v1/campaigns/camp-volunteer/leaderboard?limit=100', { 'cache-control': 'no-cache' });
    expect(board.status).toBe(200);
    expect(board.text).toContain('已注销');
    // the phone may register afresh: it is free again
    expect((await client({ ip: '10.74.0.1' }).post('/api/v1/auth/codes', { phone: m.phone, purpose: 'register' })).status).toBe(202);
  });

  it('the last organizer of the root cannot delete the account (409)', async () => {
    await env.DB.prepare("DELETE FROM memberships WHERE org_unit_id = 'root' AND role = 'admin'").run();
    const c = await signedIn(PHONES.rootOrganizer);
    const r = await c.call('DELETE', '/api/v1/me', { password: DEMO_PASSWORD });
    expect(r.status).toBe(409);
    expect(r.body.error.reason).toBe('me_last_organizer');
    expect((await c.get('/api/v1/me')).status).toBe(200);
  });
});

describe('a resident withdraws 1+1 consent', () => {
  it('with the SMS code: the pair is withdrawn, name and phone erased, counts kept; the member sees it', async () => {
    const pair = (await one<{ id: string; member_id: string; resident_phone: string; resident_name: string }>(
      "SELECT p.id, p.member_id, p.resident_phone, p.resident_name FROM volunteer_pairs p JOIN users u ON u.id = p.member_id WHERE p.unlinked_at IS NULL AND u.id LIKE 'user-m%' AND u.deleted_at IS NULL ORDER BY p.id LIMIT 1",
    ))!;
    const resident = client({ ip: '10.74.1.1' });
    const wrong = await resident.post('/api/v1/pairs/withdraw', { phone: pair.resident_phone, code: '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.reason).toBe('code_invalid');
    expect((await resident.post('/api/v1/auth/codes', { phone: pair.resident_phone, purpose: 'consent' })).status).toBe(202);
    const code = await outboxCode(resident, pair.resident_phone, 'consent');
    const total = await one<{ n: number }>("SELECT COUNT(*) AS n FROM volunteer_pairs WHERE campaign_id = 'camp-volunteer'");
    const r = await resident.post('/api/v1/pairs/withdraw', { phone: pair.resident_phone, code });
    expect(r.status, r.text).toBe(200);
    expect(r.body.withdrawn).toBe(1);
    const row = await one<{ withdrawn_at: string; resident_name: string; resident_phone: string }>(
      'SELECT withdrawn_at, resident_name, resident_phone FROM volunteer_pairs WHERE id = ?',
      pair.id,
    );
    expect(row!.withdrawn_at).toBeTruthy();
    expect(row!.resident_name).toBe('已撤回同意');
    expect(row!.resident_phone).not.toBe(pair.resident_phone);
    expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM volunteer_pairs WHERE campaign_id = 'camp-volunteer'"))!.n).toBe(total!.n);
    // the member who brought them sees the pair withdrawn
    const phone = (await one<{ phone: string }>('SELECT phone FROM users WHERE id = ?', pair.member_id))!.phone;
    const mine = (await (await signedIn(phone)).get('/api/v1/campaigns/camp-volunteer/my-volunteer')).body.pairs.find((p: { id: string }) => p.id === pair.id);
    expect(mine).toMatchObject({ residentName: '已撤回同意', residentPhone: '' });
    expect(mine.withdrawnAt).toBeTruthy();
    // once only: the code is used up, and there is nothing left to withdraw
    await resident.post('/api/v1/auth/codes', { phone: pair.resident_phone, purpose: 'consent' }).catch(() => null);
    const again = await resident.post('/api/v1/pairs/withdraw', { phone: pair.resident_phone, code });
    expect(again.status).toBe(422);
    const audit = await one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'pair.withdraw' AND entity_id = ?", pair.id);
    expect(audit!.n).toBe(1);
  });
});
