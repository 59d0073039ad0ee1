import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES, type Client, registerUser } from '../helpers';
import { codeMinute, serviceCode } from '../../shared/service-activities';
import { volunteer } from './volunteer.fixtures';

const H = 3600e3;
const iso = (ms: number) => new Date(ms).toISOString();
/** A service activity of a fresh campaign, created by the root organizer. */
async function serviceActivity(org: Client, over: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  const id = await volunteer(org, settings);
  const r = await org.post(`/api/v1/campaigns/${id}/service-activities`, {
    title: '社区义诊志愿服务',
    place: '幸福社区服务中心',
    description: '协助测血压',
    startsAt: iso(Date.now() + 10 * 60e3),
    endsAt: iso(Date.now() + 3 * H),
    capacity: 5,
    ...over,
  });
  expect(r.status, r.text).toBe(201);
  return { campaignId: id, sa: r.body.serviceActivity as { id: string; [k: string]: unknown } };
}
/** The controllable clock: moves the activity's times (and a check-in) relative to now. */
async function setTimes(id: string, startsInMs: number, endsInMs: number) {
  await env.DB.prepare('UPDATE service_activities SET starts_at = ?, ends_at = ? WHERE id = ?')
    .bind(iso(Date.now() + startsInMs), iso(Date.now() + endsInMs), id)
    .run();
}
async function setCheckedIn(id: string, userId: string, agoMs: number) {
  await env.DB.prepare('UPDATE service_signups SET checked_in_at = ? WHERE activity_id = ? AND user_id = ?')
    .bind(iso(Date.now() - agoMs), id, userId)
    .run();
}
/** The code the place shows `minutesAgo` minutes ago, derived like the server does. */
async function codeOf(id: string, minutesAgo = 0) {
  const secret = (await env.DB.prepare('SELECT code_secret FROM service_activities WHERE id = ?').bind(id).first<{ code_secret: string }>())!.code_secret;
  return serviceCode(secret, codeMinute(Date.now()) - minutesAgo);
}
const wrongCode = async (id: string) => {
  const ok = new Set([await codeOf(id), await codeOf(id, 1)]);
  for (let n = 0; ; n++) if (!ok.has(String(n).padStart(6, '0'))) return String(n).padStart(6, '0');
};

describe('service activities (服务活动)', () => {
  it('an organizer creates, edits and cancels one; the public sees times, places and counts', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { campaignId, sa } = await serviceActivity(org);
    expect(sa).toMatchObject({
      title: '社区义诊志愿服务',
      capacity: 5,
      signedUp: 0,
      seatsLeft: 5,
      status: 'open',
      orgUnitId: 'root',
      canManage: true,
      mine: null,
    });
    expect(sa).not.toHaveProperty('codeSecret');
    const list = await client().get(`/api/v1/campaigns/${campaignId}/service-activities`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([sa.id]);
    expect(list.body.items[0].canManage).toBe(false);
    expect(JSON.stringify(list.body)).not.toContain('code_secret');
    const edited = await org.patch(`/api/v1/service-activities/${sa.id}`, { place: '幸福社区卫生站', capacity: 8 });
    expect(edited.body.serviceActivity).toMatchObject({ place: '幸福社区卫生站', capacity: 8 });
    const bad = await org.patch(`/api/v1/service-activities/${sa.id}`, { endsAt: iso(Date.now() - H) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.endsAt).toContain('结束时间');
    expect(
      (
        await org.post(`/api/v1/campaigns/${campaignId}/service-activities`, {
          title: '',
          place: 'x',
          startsAt: iso(Date.now()),
          endsAt: iso(Date.now() + H),
          capacity: 0,
        })
      ).status,
    ).toBe(400);
    expect((await org.post(`/api/v1/service-activities/${sa.id}/cancel`)).body.serviceActivity.status).toBe('cancelled');
    expect((await org.post(`/api/v1/service-activities/${sa.id}/cancel`)).status).toBe(409);
    const member = await signedIn(PHONES.fgwMember);
    const r = await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('取消');
    expect((await client().get(`/api/v1/campaigns/${campaignId}/service-activities`)).body.items).toEqual([]);
    expect((await org.get(`/api/v1/campaigns/${campaignId}/service-activities?when=all`)).body.items).toHaveLength(1);
  });

  it('signs up and cancels; capacity never lowered below the sign-ups', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { sa } = await serviceActivity(org, { capacity: 1 });
    const member = await signedIn(PHONES.fgwMember);
    const r = await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    expect(r.status).toBe(201);
    expect(r.body.serviceActivity).toMatchObject({ signedUp: 1, seatsLeft: 0, mine: { status: 'signed_up', checkedInAt: null } });
    const again = await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已报名');
    const other = await signedIn(PHONES.jyjMember);
    const full = await other.post(`/api/v1/service-activities/${sa.id}/signups`);
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain('名额已满');
    const cancelled = await member.call('DELETE', `/api/v1/service-activities/${sa.id}/signups`);
    expect(cancelled.body.serviceActivity).toMatchObject({ signedUp: 0, seatsLeft: 1, mine: { status: 'cancelled' } });
    expect((await member.call('DELETE', `/api/v1/service-activities/${sa.id}/signups`)).status).toBe(409);
    expect((await other.post(`/api/v1/service-activities/${sa.id}/signups`)).status).toBe(201);
    const low = await org.patch(`/api/v1/service-activities/${sa.id}`, { capacity: 2 });
    expect(low.status).toBe(200);
    await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    const below = await org.patch(`/api/v1/service-activities/${sa.id}`, { capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.error.message).toContain('2');
    expect((await client().post(`/api/v1/service-activities/${sa.id}/signups`)).status).toBe(401);
  });

  it('never exceeds the capacity under parallel sign-ups', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { sa } = await serviceActivity(org, { capacity: 3 });
    const people = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const c = client({ ip: `10.75.0.${i}` });
        expect((await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: `志愿者${i}` })).status).toBe(201);
        return c;
      }),
    );
    const results = await Promise.all(people.map((c) => c.post(`/api/v1/service-activities/${sa.id}/signups`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const row = await env.DB.prepare(
      "SELECT signed_up, (SELECT COUNT(*) FROM service_signups WHERE activity_id = ? AND status = 'signed_up') n FROM service_activities WHERE id = ?",
    )
      .bind(sa.id, sa.id)
      .first<{ signed_up: number; n: number }>();
    expect(row).toEqual({ signed_up: 3, n: 3 });
    // cancel and sign up again in parallel: still never more than 3
    const again = await Promise.all(
      [people[0]!, people[1]!, people[2]!]
        .map((c) => c.call('DELETE', `/api/v1/service-activities/${sa.id}/signups`))
        .concat(people.slice(3).map((c) => c.post(`/api/v1/service-activities/${sa.id}/signups`))),
    );
    expect(again.every((r) => r.status < 500)).toBe(true);
    const after = await env.DB.prepare(
      "SELECT signed_up, capacity, (SELECT COUNT(*) FROM service_signups WHERE activity_id = ? AND status = 'signed_up') n FROM service_activities WHERE id = ?",
    )
      .bind(sa.id, sa.id)
      .first<{ signed_up: number; capacity: number; n: number }>();
    expect(after!.signed_up).toBe(after!.n);
    expect(after!.n).toBeLessThanOrEqual(3);
  });

  it('checks in only in the window, with the current or previous minute’s code; twice → 409; not signed up → 403', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { sa } = await serviceActivity(org);
    const member = await signedIn(PHONES.fgwMember);
    const stranger = await signedIn(PHONES.jyjMember);
    expect((await stranger.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) })).status).toBe(403);
    await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    // starts in an hour: check-in opens 30 minutes before
    await setTimes(sa.id, H, 3 * H);
    const early = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('还没到签到时间');
    // ended an hour ago: check-in closed
    await setTimes(sa.id, -3 * H, -H);
    expect((await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) })).body.error.message).toContain('签到已截止');
    // starts in 20 minutes: open
    await setTimes(sa.id, 20 * 60e3, 3 * H);
    const malformed = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: '12a' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.code).toContain('6 位');
    const wrong = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await wrongCode(sa.id) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('签到码不正确或已过期');
    const old = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id, 2) });
    expect(old.status).toBe(400);
    const en = await signedIn(PHONES.fgwMember, { lang: 'en' });
    expect((await en.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id, 3) })).body.error.message).toContain(
      'Wrong or expired code',
    );
    expect(await env.DB.prepare('SELECT checked_in_at FROM service_signups WHERE activity_id = ?').bind(sa.id).first('checked_in_at')).toBeNull();
    const ok = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id, 1), action: 'in' });
    expect(ok.status).toBe(200);
    expect(ok.body.step).toBe('checked_in');
    expect(ok.body.serviceActivity.mine.checkedInAt).toBeTruthy();
    const twice = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id), action: 'in' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已签到');
    const cancel = await member.call('DELETE', `/api/v1/service-activities/${sa.id}/signups`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain('已签到');
  });

  it('check-out makes a pending record of the hours (clipped, half hours) that approves like the others', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { campaignId, sa } = await serviceActivity(org);
    const member = await signedIn(PHONES.fgwMember);
    await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    await setTimes(sa.id, -10 * 60e3, 3 * H);
    expect((await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id), action: 'out' })).body.error.message).toContain(
      '还没有签到',
    );
    expect((await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) })).body.step).toBe('checked_in');
    // the activity ran from 3 h ago to 20 min ago; came 40 min before the start (not counted), leaves now (after the end, not counted)
    await setTimes(sa.id, -3 * H, -20 * 60e3);
    await setCheckedIn(sa.id, 'user-member-fgw', 3 * H + 40 * 60e3);
    const out = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) });
    expect(out.status, out.text).toBe(200);
    expect(out.body.step).toBe('checked_out');
    expect(out.body.computedHours).toBe(2.5); // 2 h 40 min → 2.5
    expect(out.body.record).toMatchObject({
      hours: 2.5,
      status: 'pending',
      source: 'checkin',
      activityId: sa.id,
      userId: 'user-member-fgw',
      orgUnitId: 'fgw-b1',
    });
    const signup = await env.DB.prepare('SELECT checked_out_at, record_id FROM service_signups WHERE activity_id = ?')
      .bind(sa.id)
      .first<{ checked_out_at: string; record_id: string }>();
    expect(signup!.record_id).toBe(out.body.record.id);
    expect(signup!.checked_out_at).toBe(out.body.record.createdAt);
    expect((await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) })).status).toBe(409);
    // in the organizers' queue with its source, approved through the same path (activity event, board)
    const queue = await org.get(`/api/v1/campaigns/${campaignId}/service-records?status=pending`);
    expect(queue.body.items.find((r: { id: string }) => r.id === out.body.record.id)).toMatchObject({ source: 'checkin', activityId: sa.id });
    expect((await org.post(`/api/v1/service-records/${out.body.record.id}/approve`)).body.record.status).toBe('approved');
    const ev = await env.DB.prepare("SELECT quantity FROM activity_events WHERE type = 'volunteer_hours' AND ref = ?")
      .bind(out.body.record.id)
      .first<{ quantity: number }>();
    expect(ev!.quantity).toBe(150);
    expect((await member.get(`/api/v1/campaigns/${campaignId}/leaderboard/me`)).body.score).toBe(2.5);
    // organizers see the sign-up list with the times and hours, and export it
    const list = await org.get(`/api/v1/service-activities/${sa.id}/signups`);
    expect(list.body.items[0]).toMatchObject({ name: '王晓燕', orgUnitName: expect.any(String), hours: 2.5, recordStatus: 'approved' });
    expect(list.body.items[0].phone).toMatch(/\*{4}/);
    const csv = await org.get(`/api/v1/service-activities/${sa.id}/signups/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('王晓燕');
    expect(csv.text).toContain('签到时间');
    // check-out closes 2 h after the end
    const late = await signedIn(PHONES.jyjMember);
    const b = await serviceActivity(org);
    await late.post(`/api/v1/service-activities/${b.sa.id}/signups`);
    await setTimes(b.sa.id, -10 * 60e3, H);
    await late.post(`/api/v1/service-activities/${b.sa.id}/check`, { code: await codeOf(b.sa.id) });
    await setTimes(b.sa.id, -5 * H, -2 * H - 60e3);
    const closed = await late.post(`/api/v1/service-activities/${b.sa.id}/check`, { code: await codeOf(b.sa.id) });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toContain('签退已截止');
  });

  it('keeps the day within the daily maximum (self-reported hours count too)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { campaignId, sa } = await serviceActivity(org, {}, { maxHoursPerDay: 4 });
    const member = await signedIn(PHONES.fgwMember);
    await member.post(`/api/v1/service-activities/${sa.id}/signups`);
    await setTimes(sa.id, -10 * 60e3, 3 * H);
    await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) });
    await setTimes(sa.id, -4 * H, 60e3);
    await setCheckedIn(sa.id, 'user-member-fgw', 4 * H);
    // 3 h self-reported for the same day: only 1 of the 4 hours fits
    const day = new Date(Date.now() - 4 * H + 8 * H).toISOString().slice(0, 10);
    expect((await member.post(`/api/v1/campaigns/${campaignId}/service-records`, { date: day, hours: 3, description: '入户走访' })).status).toBe(201);
    const out = await member.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) });
    expect(out.body).toMatchObject({ step: 'checked_out', computedHours: 4, hours: 1 });
    expect(out.body.record.date).toBe(day);
    const used = await env.DB.prepare("SELECT SUM(hours) h FROM service_records WHERE campaign_id = ? AND date = ? AND status <> 'rejected'")
      .bind(campaignId, day)
      .first<{ h: number }>();
    expect(used!.h).toBe(4);
  });

  it('rate-limits code guesses per person (429 with Retry-After)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { sa } = await serviceActivity(org);
    const c = client({ ip: '10.76.0.1' });
    await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: '猜码者' });
    await c.post(`/api/v1/service-activities/${sa.id}/signups`);
    await setTimes(sa.id, -10 * 60e3, H);
    const bad = await wrongCode(sa.id);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.post(`/api/v1/service-activities/${sa.id}/check`, { code: bad })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await c.post(`/api/v1/service-activities/${sa.id}/check`, { code: await codeOf(sa.id) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.message).toContain('1 分钟');
    expect(await env.DB.prepare('SELECT checked_in_at FROM service_signups WHERE activity_id = ?').bind(sa.id).first('checked_in_at')).toBeNull();
  });

  it('the code page: a 6-digit code of this minute, when it changes, and a QR of the check-in link', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { sa } = await serviceActivity(org);
    const r = await org.get(`/api/v1/service-activities/${sa.id}/code`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.code).toMatch(/^\d{6}$/);
    expect([await codeOf(sa.id), await codeOf(sa.id, 1)]).toContain(r.body.code);
    expect(Date.parse(r.body.validUntil) % 60e3).toBe(0);
    expect(Date.parse(r.body.validUntil) - Date.parse(r.body.serverTime)).toBeLessThanOrEqual(60e3);
    expect(r.body.checkUrl).toMatch(new RegExp(`/service-activities/${sa.id}/check\\?code=${r.body.code}$`));
    expect(r.body.qrSvg).toContain('<svg');
  });
});
