import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES } from '../helpers';

const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

/** A 1+1 campaign with one pair and one approved record each for the fgw and jyj members, moved to January and March. */
async function season() {
  const org = await signedIn(PHONES.rootOrganizer);
  const r = await org.post('/api/v1/campaigns', {
    kind: 'volunteer',
    title: '1+1 分期统计',
    orgUnitId: 'root',
    startsAt: new Date(Date.now() - 7 * 864e5).toISOString(),
    endsAt: new Date(Date.now() + 864e5).toISOString(),
  });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  const placed: Record<string, { pair: string; record: string }> = {};
  for (const [who, phone, hours] of [
    ['fgw', PHONES.fgwMember, 2],
    ['jyj', PHONES.jyjMember, 3],
  ] as const) {
    const m = await signedIn(phone);
    const code = (await m.post(`/api/v1/campaigns/${id}/invites`)).body.code;
    const pair = await client({ ip: `10.71.0.${hours}` }).post(`/api/v1/campaigns/${id}/pairs`, { code, name: '赵大妈', phone: freshPhone(), consent: true });
    expect(pair.status).toBe(201);
    const rec = await m.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours, description: '陪同就医' });
    expect(rec.status).toBe(201);
    expect((await org.post(`/api/v1/service-records/${rec.body.record.id}/approve`)).status).toBe(200);
    placed[who] = { pair: pair.body.pair.id, record: rec.body.record.id };
  }
  // what happened in January (fgw) and in March (jyj), China time
  const move = async (k: string, at: string, day: string) => {
    await env.DB.prepare('UPDATE volunteer_pairs SET created_at = ? WHERE id = ?').bind(at, placed[k]!.pair).run();
    await env.DB.prepare('UPDATE service_records SET date = ? WHERE id = ?').bind(day, placed[k]!.record).run();
  };
  await move('fgw', '2026-01-09T17:00:00.000Z', '2026-01-12'); // 2026-01-10 01:00 in China
  await move('jyj', '2026-02-28T16:30:00.000Z', '2026-03-06'); // 2026-03-01 00:30 in China
  return { org, id, placed };
}

describe('1+1 for any period', () => {
  it('counts pairs made in the period (China days) and hours served in it; the 带动率 follows', async () => {
    const { org, id, placed } = await season();
    const stats = async (q: string) => (await org.get(`/api/v1/campaigns/${id}/volunteer-stats?${q}`)).body;
    const all = await stats('');
    expect(all).toMatchObject({ pairs: 2, leaders: 2, approvedHours: 5, from: null, to: null });
    const jan = await stats('from=2026-01-01&to=2026-01-31');
    expect(jan).toMatchObject({ pairs: 1, leaders: 1, approvedHours: 2, from: '2026-01-01', to: '2026-01-31' });
    expect(jan.leadRate).toBeCloseTo(1 / all.members, 3);
    expect(jan.byUnit.find((u: { orgUnitId: string }) => u.orgUnitId === 'fgw-b1')).toMatchObject({ leaders: 1, hours: 2 });
    expect(jan.byUnit.find((u: { orgUnitId: string }) => u.orgUnitId === 'jyj-b1')).toMatchObject({ leaders: 0, hours: 0 });
    // the day boundary is China's: 2026-03-01 00:30 in China is March, not February
    expect(await stats('from=2026-02-01&to=2026-02-28')).toMatchObject({ pairs: 0, approvedHours: 0 });
    expect(await stats('from=2026-03-01')).toMatchObject({ pairs: 1, approvedHours: 3 });
    expect(await stats('to=2026-01-31')).toMatchObject({ pairs: 1, approvedHours: 2 });
    // a pair unlinked before the period's end does not count for it
    await env.DB.prepare("UPDATE volunteer_pairs SET unlinked_at = '2026-01-20T00:00:00.000Z' WHERE id = ?").bind(placed.fgw!.pair).run();
    expect(await stats('from=2026-01-01&to=2026-01-31')).toMatchObject({ pairs: 0, leaders: 0, approvedHours: 2 });
    expect(await stats('from=2026-01-01&to=2026-01-15')).toMatchObject({ pairs: 1 });
    // an end before the start is refused
    const bad = await org.get(`/api/v1/campaigns/${id}/volunteer-stats?from=2026-03-01&to=2026-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.to).toContain('结束日期');
  });

  it('exports the service records of a period by service date', async () => {
    const { org, id } = await season();
    const csv = async (q: string) => (await org.get(`/api/v1/campaigns/${id}/service-records/export?format=csv${q}`)).text;
    const jan = await csv('&from=2026-01-01&to=2026-01-31');
    expect(jan).toContain('2026-01-12');
    expect(jan).not.toContain('2026-03-06');
    const both = await csv('');
    expect(both).toContain('2026-01-12');
    expect(both).toContain('2026-03-06');
    expect((await org.get(`/api/v1/campaigns/${id}/service-records/export?from=2026-02-01&to=2026-01-01`)).status).toBe(400);
  });
});
