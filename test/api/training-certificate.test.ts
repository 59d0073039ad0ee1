import { describe, expect, it } from 'vitest';
import { client, signedIn, PHONES } from '../helpers';
import { trainingCampaign, MEMBER_ROSTER } from './training.fixtures';

/* 结业证书: a year's completion certificate, earned by hours or a completed class, verified in public. */

async function pastClass(org: Awaited<ReturnType<typeof signedIn>>, startsAt: string, days: number, hours: number) {
  const id = await trainingCampaign(org, { category: 'rotation' }, 'fgw');
  const end = new Date(Date.parse(startsAt) + 8 * 3600e3).toISOString();
  const r = await org.post(`/api/v1/campaigns/${id}/sessions`, { title: '轮训班', startsAt, endsAt: end, hours, days });
  expect(r.status, r.text).toBe(201);
  expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: [MEMBER_ROSTER] })).body.enrolled).toBe(1);
  return { id, sessions: (r.body.sessions as Array<{ id: string }>).map((s) => s.id) };
}
const mark = (org: Awaited<ReturnType<typeof signedIn>>, session: string, status: string, mode = 'onsite') =>
  org.post(`/api/v1/sessions/${session}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status, mode }] });

describe('training certificate', () => {
  it('is earned by completing a class (every session credited) and verified in public with the name masked', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const me = await signedIn(PHONES.fgwMember);
    const cls = await pastClass(org, '2023-05-08T01:00:00.000Z', 2, 3);
    expect((await mark(org, cls.sessions[0]!, 'present')).status).toBe(200);
    const none = await me.get('/api/v1/me/learning/certificate?year=2023');
    expect(none.status).toBe(409);
    expect(none.body.error.reason).toBe('tr_cert_not_earned');

    // 送学上门 counts as attended
    expect((await mark(org, cls.sessions[1]!, 'late', 'delivered')).status).toBe(200);
    const cert = await me.get('/api/v1/me/learning/certificate?year=2023');
    expect(cert.status, cert.text).toBe(200);
    expect(cert.body).toMatchObject({
      name: '王晓燕',
      year: 2023,
      hours: 6,
      target: 32,
      basis: ['class'],
      classes: [{ campaignId: cls.id, sessions: 2, hours: 6 }],
    });
    expect(cert.body.verifyUrl).toMatch(new RegExp(`/verify/${cert.body.code}$`));
    // one code per member and year
    expect((await me.get('/api/v1/me/learning/certificate?year=2023')).body.code).toBe(cert.body.code);

    const check = await client().get(`/api/v1/certificates/${cert.body.code}`);
    expect(check.status, check.text).toBe(200);
    expect(check.body).toMatchObject({ valid: true, kind: 'training', year: 2023, hours: 6, currentHours: 6, issuer: '第一党支部' });
    expect(check.body.name).not.toContain('晓');
    expect(check.body.campaignTitle).toContain('2023');
    expect((await client().get(`/api/v1/certificates/${cert.body.code}/qr.svg`)).status).toBe(200);

    // a correction to absent: the certificate's page says so against the hours now
    expect((await mark(org, cls.sessions[1]!, 'absent')).status).toBe(200);
    expect((await client().get(`/api/v1/certificates/${cert.body.code}`)).body).toMatchObject({ hours: 6, currentHours: 3 });
    expect((await me.get('/api/v1/me/learning/certificate?year=2023')).status).toBe(409);
  });

  it('is earned by the year’s hours target without a completed class; needs a sign-in; a bad year is 400', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const me = await signedIn(PHONES.fgwMember);
    const cls = await pastClass(org, '2022-09-05T01:00:00.000Z', 4, 11);
    for (const s of cls.sessions.slice(0, 3)) expect((await mark(org, s, 'present')).status).toBe(200);
    expect((await mark(org, cls.sessions[3]!, 'excused')).status).toBe(200);
    const cert = await me.get('/api/v1/me/learning/certificate?year=2022');
    expect(cert.status, cert.text).toBe(200);
    expect(cert.body).toMatchObject({ hours: 33, basis: ['hours'], classes: [] });
    expect((await client().get('/api/v1/me/learning/certificate?year=2022')).status).toBe(401);
    expect((await me.get('/api/v1/me/learning/certificate?year=22')).status).toBe(400);
    expect((await client().get('/api/v1/certificates/no-such-code-here')).status).toBe(404);
  });
});
