import { expect } from 'vitest';
import { signedIn, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, SIGNED_IN, roleMatrix } from './roles';
import { iso, screenCode, session, trainingCampaign } from './training.fixtures';

/* 党员教育培训: a class of the fgw 机关党委 with 王晓燕 (fgw-b1) enrolled and a session on now, as every role. */

async function fixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = await trainingCampaign(root, { category: 'rotation' }, 'fgw');
  expect((await root.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: ['roster-user-member-fgw', 'roster-user-m000'] })).body.enrolled).toBe(2);
  const now = await session(root, id, -5, 60);
  const spare = await session(root, id, 600, 660);
  const material = (
    await root.post(`/api/v1/campaigns/${id}/materials`, { title: '学习资料', kind: 'article', url: 'https://example.org/a', minutes: 10, hours: 0.5 })
  ).body.material.id as string;
  return { id, session: now.id, spare: spare.id, material, code: await screenCode(root, now.id) };
}

roleMatrix('training authorization matrix', {
  setup: fixture,
  operations: (f) => [
    { name: 'sessions', method: 'GET', path: `/api/v1/campaigns/${f.id}/sessions`, allowed: EVERYONE, ok: 200 },
    { name: 'materials', method: 'GET', path: `/api/v1/campaigns/${f.id}/materials`, allowed: EVERYONE, ok: 200 },
    {
      name: 'add a session',
      method: 'POST',
      path: `/api/v1/campaigns/${f.id}/sessions`,
      body: { title: '党课', startsAt: iso(Date.now() + 864e5), endsAt: iso(Date.now() + 864e5 + 3600e3) },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'edit a session', method: 'PATCH', path: `/api/v1/sessions/${f.spare}`, body: { lecturer: '王老师' }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'enrol', method: 'POST', path: `/api/v1/campaigns/${f.id}/enrollments`, body: { rosterIds: ['roster-user-m001'] }, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'enrolments',
      method: 'GET',
      path: `/api/v1/campaigns/${f.id}/enrollments`,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed && expect(r.body.items.every((x: { phone: string }) => /^\d{3}\*{4}\d{4}$/.test(x.phone))).toBe(true),
    },
    { name: 'statistics', method: 'GET', path: `/api/v1/campaigns/${f.id}/training-stats`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'the code screen', method: 'GET', path: `/api/v1/sessions/${f.session}/code`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'the register', method: 'GET', path: `/api/v1/sessions/${f.session}/attendance`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'the register of one branch', method: 'GET', path: `/api/v1/sessions/${f.session}/attendance?orgUnitId=fgw-b1`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'the sign-in sheet', method: 'GET', path: `/api/v1/sessions/${f.session}/attendance?format=csv`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'mark the register',
      method: 'POST',
      path: `/api/v1/sessions/${f.session}/attendance`,
      body: { entries: [{ rosterId: 'roster-user-m000', status: 'present', mode: 'delivered' }] },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    {
      name: 'check in (enrolled only)',
      method: 'POST',
      path: `/api/v1/sessions/${f.session}/check-in`,
      body: { code: f.code },
      allowed: ['fgwMember'],
      ok: 200,
    },
    { name: 'start a study (enrolled only)', method: 'POST', path: `/api/v1/materials/${f.material}/start`, allowed: ['fgwMember'], ok: 200 },
    {
      name: 'add a material',
      method: 'POST',
      path: `/api/v1/campaigns/${f.id}/materials`,
      body: { title: '视频', kind: 'video', url: 'https://example.org/v', minutes: 5, hours: 0.5 },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'my study hours', method: 'GET', path: '/api/v1/me/learning', allowed: SIGNED_IN, ok: 200 },
    { name: 'my place in the class', method: 'GET', path: `/api/v1/campaigns/${f.id}/my-training`, allowed: SIGNED_IN, ok: 200 },
    { name: 'delete a session', method: 'DELETE', path: `/api/v1/sessions/${f.spare}`, allowed: FGW_MANAGERS, ok: 204 },
  ],
});
