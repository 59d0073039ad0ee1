import { expect } from 'vitest';
import { chinaDay } from '../../shared/i18n';
import { client, freshPhone, type Client, registerUser } from '../helpers';

/** Fixtures of the exhibition API tests (exhibition.test.ts, exhibition-waitlist.test.ts). */
let n = 0;
export async function exhibition(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'exhibition',
    title: `展览测试${n++}`,
    orgUnitId: 'root',
    startsAt: new Date(Date.now() - 864e5).toISOString(),
    endsAt: new Date(Date.now() + 30 * 864e5).toISOString(),
    settings: { venue: '文化馆', ...settings },
  });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
/** Milliseconds from now to `hour`:00 China time `days` China days from today: slots that must share a day, whatever the hour the tests run. */
export const chinaAt = (days: number, hour: number) =>
  Date.parse(`${chinaDay(Date.now() + days * 864e5)}T${String(hour).padStart(2, '0')}:00:00+08:00`) - Date.now();
export async function slot(org: Client, id: string, capacity: number, startInMs = 3600e3, lengthMs = 2 * 3600e3) {
  const startsAt = new Date(Date.now() + startInMs).toISOString();
  const r = await org.post(`/api/v1/campaigns/${id}/slots`, { startsAt, endsAt: new Date(Date.now() + startInMs + lengthMs).toISOString(), capacity });
  expect(r.status).toBe(201);
  const slots = await client().get(`/api/v1/campaigns/${id}/slots`);
  return slots.body.items.find((s: { startsAt: string }) => s.startsAt === startsAt).id as string;
}
/** A freshly registered visitor (a phone of its own: freshPhone repeats after 99 calls in one millisecond window). */
export async function visitor(i = n++) {
  const c = client({ ip: `10.90.${i % 250}.${Math.floor(i / 250) % 250}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, password: 'secret-pass', name: `观众${i}` });
  if (r.status !== 201) throw new Error(`register ${phone}: ${r.status} ${r.text}`);
  return c;
}
export const book = (c: Client, id: string, slotId: string, partySize = 1) =>
  c.post(`/api/v1/campaigns/${id}/bookings`, { slotId, partySize, name: '张三明', phone: '13912345678' });
