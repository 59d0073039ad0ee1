import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, signedIn, PHONES } from '../helpers';
import { chinaAt, exhibition, slot, visitor } from './exhibition.fixtures';
import { idCheckChar } from '../../shared/id-number';

// Booking as museums do it: the notice accepted, each visitor's name, ID numbers where the
// exhibition requires them (stored masked), and a text the day before for those who ask.
const ID_A = '11010519491231002X';
const ID_B = `44052418800101001${idCheckChar('44052418800101001')}`;

describe('visit details', () => {
  it('an exhibition with a notice books only when it is accepted (422, nothing booked), and the waiting list likewise', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { rules: '请携带身份证，馆内请勿拍照。' });
    const s = await slot(org, id, 1);
    const c = await visitor();
    const body = { slotId: s, partySize: 1, name: '王守须', phone: freshPhone() };
    for (const accepted of [undefined, false]) {
      const r = await c.post(`/api/v1/campaigns/${id}/bookings`, { ...body, ...(accepted === undefined ? {} : { acceptedNotice: accepted }) });
      expect(r.status).toBe(422);
      expect(r.body.error.reason).toBe('notice_not_accepted');
      expect(r.body.error.fields.acceptedNotice).toContain('参观须知');
    }
    // nothing was booked: the seat is still there
    expect((await client().get(`/api/v1/campaigns/${id}/slots`)).body.items[0]).toMatchObject({ booked: 0 });
    expect((await c.post(`/api/v1/campaigns/${id}/bookings`, { ...body, acceptedNotice: true })).status).toBe(201);
    // the slot is full now: joining its waiting list asks the same
    const w = await visitor();
    const join = (extra: object) => w.post(`/api/v1/campaigns/${id}/slots/${s}/waitlist`, { partySize: 1, name: '李候补', phone: freshPhone(), ...extra });
    expect((await join({})).body.error.reason).toBe('notice_not_accepted');
    expect((await join({ acceptedNotice: true })).status).toBe(201);
    // without a notice nothing needs ticking
    const plain = await exhibition(org);
    expect((await (await visitor()).post(`/api/v1/campaigns/${plain}/bookings`, { ...body, slotId: await slot(org, plain, 5) })).status).toBe(201);
  });

  it('keeps optional visitor names; ID numbers are checked by their check character and stored masked only', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 10);
    const c = await visitor();
    const book = (extra: object) => c.post(`/api/v1/campaigns/${id}/bookings`, { slotId: s, partySize: 2, name: '赵一家', phone: freshPhone(), ...extra });
    // a wrong check character: 400 on the field, nothing booked
    const bad = await book({ visitors: [{ name: '赵一', idNumber: '110105194912310021' }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)[0]).toMatch(/^visitors/);
    expect(bad.body.error.message + JSON.stringify(bad.body.error.fields)).toContain('身份证号');
    // more visitors than the party
    expect((await book({ visitors: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] })).status).toBe(400);
    const ok = await book({ visitors: [{ name: '赵一', idNumber: ID_A.toLowerCase() }, { name: '赵二' }] });
    expect(ok.status).toBe(201);
    expect(ok.body.booking.visitors).toEqual([
      { name: '赵一', idNumber: '**************002X' },
      { name: '赵二', idNumber: null },
    ]);
    // the database never holds the full number
    const row = await env.DB.prepare('SELECT visitors FROM bookings WHERE id = ?').bind(ok.body.booking.id).first<{ visitors: string }>();
    expect(row!.visitors).not.toContain('1949');
    expect(JSON.parse(row!.visitors)).toEqual([
      { name: '赵一', idNumber: '**************002X' },
      { name: '赵二', idNumber: null },
    ]);
    // the organizers' list shows the visitors too
    const list = await org.get(`/api/v1/campaigns/${id}/bookings`);
    expect(list.body.items[0].visitors[0]).toEqual({ name: '赵一', idNumber: '**************002X' });
  });

  it('where the exhibition requires ID numbers, every visitor of the party gives a name and one (422 otherwise)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { requireIdNumbers: true });
    const s = await slot(org, id, 10);
    const c = await visitor();
    const book = (visitors?: object[]) =>
      c.post(`/api/v1/campaigns/${id}/bookings`, { slotId: s, partySize: 2, name: '钱实名', phone: freshPhone(), ...(visitors ? { visitors } : {}) });
    for (const v of [
      undefined,
      [{ name: '钱一', idNumber: ID_A }],
      [{ name: '钱一', idNumber: ID_A }, { name: '钱二' }],
      [{ name: '钱一', idNumber: ID_A }, { idNumber: ID_B }],
    ]) {
      const r = await book(v);
      expect(r.status).toBe(422);
      expect(r.body.error.reason).toBe('id_numbers_required');
    }
    expect((await client().get(`/api/v1/campaigns/${id}/slots`)).body.items[0]).toMatchObject({ booked: 0 });
    const ok = await book([
      { name: '钱一', idNumber: ID_A },
      { name: '钱二', idNumber: ID_B },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body.booking.visitors.map((x: { idNumber: string }) => x.idNumber.slice(-4))).toEqual([ID_A.slice(-4), ID_B.slice(-4)]);
  });

  it('texts a reminder the day before to those who asked, once, however often the cron runs', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { rules: '' });
    // a slot tomorrow at 10:00 China time, and one the day after
    const tomorrow = await slot(org, id, 10, chinaAt(1, 10));
    const later = await slot(org, id, 10, chinaAt(2, 10));
    const asked = freshPhone();
    const notAsked = freshPhone();
    const laterPhone = freshPhone();
    const a = await (await visitor()).post(`/api/v1/campaigns/${id}/bookings`, {
      slotId: tomorrow,
      partySize: 1,
      name: '孙提醒',
      phone: asked,
      remindSms: true,
    });
    expect(a.status).toBe(201);
    expect(a.body.booking).toMatchObject({ remindSms: true, remindedAt: null });
    expect((await (await visitor()).post(`/api/v1/campaigns/${id}/bookings`, { slotId: tomorrow, partySize: 1, name: '周不要', phone: notAsked })).status).toBe(
      201,
    );
    expect(
      (await (await visitor()).post(`/api/v1/campaigns/${id}/bookings`, { slotId: later, partySize: 1, name: '吴后天', phone: laterPhone, remindSms: true }))
        .status,
    ).toBe(201);
    // a cancelled booking is not reminded
    const cancelledPhone = freshPhone();
    const quitter = await visitor();
    const cancelled = await quitter.post(`/api/v1/campaigns/${id}/bookings`, {
      slotId: tomorrow,
      partySize: 1,
      name: '郑取消',
      phone: cancelledPhone,
      remindSms: true,
    });
    expect((await quitter.post(`/api/v1/bookings/${cancelled.body.booking.id}/cancel`)).status).toBe(200);
    const { runScheduled } = await import('../../workers/jobs/scheduled');
    // cron runs that overlap, and one after: the text goes once
    await Promise.all([runScheduled(env, Date.now()), runScheduled(env, Date.now())]);
    await runScheduled(env, Date.now());
    const outbox = async (phone: string) =>
      (await client().get(`/api/v1/dev/outbox?phone=${phone}`)).body.items.filter((i: { purpose: string }) => i.purpose === 'visit_reminder');
    const got = await outbox(asked);
    expect(got).toHaveLength(1);
    expect(got[0].code).toContain('展览测试');
    expect(got[0].code).toMatch(/\d{4}-\d{2}-\d{2} 10:00–12:00/);
    expect(await outbox(notAsked)).toHaveLength(0);
    expect(await outbox(laterPhone)).toHaveLength(0);
    expect(await outbox(cancelledPhone)).toHaveLength(0);
    const row = await env.DB.prepare('SELECT reminded_at FROM bookings WHERE id = ?').bind(a.body.booking.id).first<{ reminded_at: string | null }>();
    expect(row!.reminded_at).not.toBeNull();
  });
});
