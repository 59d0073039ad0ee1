import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { audienceMatches } from '../../shared/training';
import { iso, screenCode, session, trainingCampaign, wrongCode, MEMBER_ROSTER, classWithMember, videoMaterial } from './training.fixtures';

/* 党员教育培训 (kind training): sessions, enrolment, check-in, the register and hours (API.md). */

const eventsOf = async (ref: string) =>
  (
    await env.DB.prepare("SELECT user_id, kind, quantity, org_unit_id FROM activity_events WHERE type = 'training_hours' AND ref = ?")
      .bind(ref)
      .all<{ user_id: string; kind: string; quantity: number; org_unit_id: string }>()
  ).results;

describe('training sessions', () => {
  it('take hours in steps of 0.5, by default from the duration; end before start and bad hours are 400; days schedule a class of several days', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.settings).toMatchObject({ category: 'rotation', hoursTarget: 32, selfEnroll: false });
    expect((await session(org, id, 60, 60 + 150)).hours).toBe(2.5);
    expect((await session(org, id, 60, 120, { hours: 3.5 })).hours).toBe(3.5);
    const bad = await org.post(`/api/v1/campaigns/${id}/sessions`, {
      title: '党课',
      startsAt: iso(Date.now() + 3600e3),
      endsAt: iso(Date.now() + 7200e3),
      hours: 1.2,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.hours).toBeTruthy();
    const back = await org.post(`/api/v1/campaigns/${id}/sessions`, { title: '党课', startsAt: iso(Date.now() + 7200e3), endsAt: iso(Date.now() + 3600e3) });
    expect(back.status).toBe(400);
    expect(back.body.error.fields.endsAt).toBeTruthy();
    const week = await org.post(`/api/v1/campaigns/${id}/sessions`, {
      title: '轮训班',
      startsAt: iso(Date.now() + 86400e3),
      endsAt: iso(Date.now() + 86400e3 + 8 * 3600e3),
      days: 3,
    });
    expect(week.status, week.text).toBe(201);
    expect(week.body.sessions.map((s: { title: string }) => s.title)).toEqual(['轮训班（第1天）', '轮训班（第2天）', '轮训班（第3天）']);
    expect(Date.parse(week.body.sessions[2].startsAt) - Date.parse(week.body.sessions[0].startsAt)).toBe(2 * 86400e3);
    const list = await (await signedIn(PHONES.jyjMember)).get(`/api/v1/campaigns/${id}/sessions`);
    expect(list.body.items).toHaveLength(5);
    const patched = await org.patch(`/api/v1/sessions/${week.body.session.id}`, { lecturer: '李书记', hours: 6 });
    expect(patched.body.session).toMatchObject({ lecturer: '李书记', hours: 6 });
    expect((await org.call('DELETE', `/api/v1/sessions/${week.body.sessions[2].id}`)).status).toBe(204);
    expect((await org.get(`/api/v1/campaigns/${id}/sessions`)).body.items).toHaveLength(4);
  });
});

describe('training enrolment', () => {
  it('enrols a whole unit once (idempotent) and lists it for organizers', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    const first = await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] });
    expect(first.status, first.text).toBe(200);
    const onRoster = (await env.DB.prepare("SELECT COUNT(*) AS n FROM roster_entries WHERE org_unit_id = 'fgw-b1'").first<{ n: number }>())!.n;
    expect(first.body.enrolled).toBe(onRoster);
    expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] })).body.enrolled).toBe(0);
    expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: [MEMBER_ROSTER, 'roster-user-member-jyj'] })).body.enrolled).toBe(1);
    const list = await org.get(`/api/v1/campaigns/${id}/enrollments?limit=5`);
    expect(list.body.total).toBe(onRoster + 1);
    expect(list.body.items).toHaveLength(5);
    expect(list.body.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const next = await org.get(`/api/v1/campaigns/${id}/enrollments?limit=100&cursor=${list.body.nextCursor}`);
    expect(next.body.items).toHaveLength(onRoster + 1 - 5);
    const me = [...list.body.items, ...next.body.items].find((x: { rosterId: string }) => x.rosterId === MEMBER_ROSTER);
    expect(me).toMatchObject({ name: '王晓燕', orgUnitName: '第一党支部', orgUnitId: 'fgw-b1', registered: true, attendances: 0, hours: 0 });
    expect((await org.get(`/api/v1/campaigns/${id}/enrollments?orgUnitId=jyj`)).body.total).toBe(1);
    expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['no-such-unit'] })).status).toBe(400);
  });

  it('enrols only the audience: the SQL filter agrees with the pure rule over the registry', async () => {
    // a registry with variety: categories and posts on the fgw-b2 roster
    const rows = (await env.DB.prepare("SELECT id FROM roster_entries WHERE org_unit_id = 'fgw-b2' ORDER BY id").all<{ id: string }>()).results;
    const cats = ['full', 'probationary', 'activist', 'candidate'] as const;
    const postSets = [[], ['secretary'], ['organization', 'publicity'], ['deputy_secretary']] as const;
    for (const [i, r] of rows.entries()) {
      await env.DB.prepare('UPDATE roster_entries SET category = ?, posts = ? WHERE id = ?')
        .bind(cats[i % 4], JSON.stringify(postSets[Math.floor(i / 4) % 4]), r.id)
        .run();
    }
    const org = await signedIn(PHONES.rootOrganizer);
    for (const audience of [
      { categories: ['activist', 'candidate'] },
      { posts: ['secretary', 'organization'] },
      { categories: ['full'], posts: ['secretary'] },
    ] as const) {
      const id = await trainingCampaign(org, { audience, category: 'secretary' });
      const r = await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b2'] });
      const registry = (
        await env.DB.prepare("SELECT id, category, posts FROM roster_entries WHERE org_unit_id = 'fgw-b2'").all<{
          id: string;
          category: 'full';
          posts: string;
        }>()
      ).results;
      const want = registry
        .filter((x) => audienceMatches(audience, { category: x.category, posts: JSON.parse(x.posts) }))
        .map((x) => x.id)
        .sort();
      const got = (
        await env.DB.prepare('SELECT roster_id FROM training_enrollments WHERE campaign_id = ? ORDER BY roster_id').bind(id).all<{ roster_id: string }>()
      ).results.map((x) => x.roster_id);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(registry.length);
      expect(got).toEqual(want);
      expect(r.body.enrolled).toBe(want.length);
    }
  });

  it('lets members enrol themselves only when selfEnroll is on, they are on a roster in the subtree and in the audience', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const member = await signedIn(PHONES.fgwMember);
    const closed = await trainingCampaign(org);
    expect((await member.post(`/api/v1/campaigns/${closed}/enroll`)).status).toBe(403);
    const open = await trainingCampaign(org, { selfEnroll: true });
    const mine0 = await member.get(`/api/v1/campaigns/${open}/my-training`);
    expect(mine0.body).toMatchObject({ enrolled: false, eligible: true, rosterId: MEMBER_ROSTER, target: 32 });
    expect((await member.post(`/api/v1/campaigns/${open}/enroll`)).body.enrolled).toBe(1);
    expect((await member.post(`/api/v1/campaigns/${open}/enroll`)).body.enrolled).toBe(0);
    expect((await member.get(`/api/v1/campaigns/${open}/my-training`)).body.enrolled).toBe(true);
    const activists = await trainingCampaign(org, { selfEnroll: true, audience: { categories: ['activist'] } });
    const refused = await member.post(`/api/v1/campaigns/${activists}/enroll`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe('tr_audience_no');
    const jyjOnly = await trainingCampaign(org, { selfEnroll: true }, 'jyj');
    expect((await member.post(`/api/v1/campaigns/${jyjOnly}/enroll`)).body.error.reason).toBe('tr_outside');
  });
});

describe('training check-in and the register', () => {
  it('an enrolled member checks in with the code once: present, hours as a training activity event; refusals are clear', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org);
    const now = await session(org, id, -5, 115);
    const later = await session(org, id, 120, 240);
    const member = await signedIn(PHONES.fgwMember);
    const code = await screenCode(org, now.id);
    const outsider = await signedIn(PHONES.jyjMember);
    expect((await outsider.post(`/api/v1/sessions/${now.id}/check-in`, { code })).body.error).toMatchObject({ code: 'forbidden', reason: 'tr_not_enrolled' });
    const wrong = await member.post(`/api/v1/sessions/${now.id}/check-in`, { code: wrongCode(code) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.reason).toBe('code_invalid');
    expect((await member.post(`/api/v1/sessions/${now.id}/check-in`, { code: '12ab' })).status).toBe(400);
    const early = await member.post(`/api/v1/sessions/${later.id}/check-in`, { code: await screenCode(org, later.id) });
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('outside_session');
    const ok = await member.post(`/api/v1/sessions/${now.id}/check-in`, { code });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ attendance: { status: 'present', hours: 2 } });
    const again = await member.post(`/api/v1/sessions/${now.id}/check-in`, { code });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('already_checked_in');
    expect(await eventsOf(`att:${now.id}:${MEMBER_ROSTER}`)).toEqual([{ user_id: 'user-member-fgw', kind: 'training', quantity: 120, org_unit_id: 'fgw-b1' }]);
    const listed = await member.get(`/api/v1/campaigns/${id}/sessions`);
    expect(listed.body.items[0].mine).toEqual({ status: 'present', mode: 'onsite', hours: 2 });
  });

  it('late from 10 minutes after the start; nothing over the window once it ended', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org);
    const started = await session(org, id, -20, 60);
    const over = await session(org, id, -120, -1);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/sessions/${started.id}/check-in`, { code: await screenCode(org, started.id) })).body.attendance.status).toBe('late');
    const closed = await member.post(`/api/v1/sessions/${over.id}/check-in`, { code: await screenCode(org, over.id) });
    expect(closed.status).toBe(409);
    expect(closed.body.error.reason).toBe('outside_session');
  });

  it('organizers mark the register; 送学上门 credits hours; a correction to absent takes them back; the sign-in sheet lists everyone', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] });
    const s = await session(org, id, -180, -60, { hours: 1.5 });
    const home = 'roster-user-m000';
    const r = await org.post(`/api/v1/sessions/${s.id}/attendance`, {
      entries: [
        { rosterId: MEMBER_ROSTER, status: 'present' },
        { rosterId: home, status: 'present', mode: 'delivered', note: '年老体弱，支部书记上门送学' },
        { rosterId: 'roster-user-m001', status: 'excused', note: '出差' },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.updated).toBe(3);
    expect((await eventsOf(`att:${s.id}:${home}`))[0]?.quantity).toBe(90);
    expect(await eventsOf(`att:${s.id}:roster-user-m001`)).toEqual([]);
    const member = await signedIn(PHONES.fgwMember);
    const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
    const before = (await member.get(`/api/v1/me/learning?year=${year}`)).body;
    expect(before.sessions.some((x: { title: string; hours: number }) => x.hours === 1.5)).toBe(true);
    // the correction: 王晓燕 was not there after all
    expect((await org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status: 'absent' }] })).status).toBe(200);
    expect(await eventsOf(`att:${s.id}:${MEMBER_ROSTER}`)).toEqual([]);
    const after = (await member.get(`/api/v1/me/learning?year=${year}`)).body;
    expect(after.hours).toBe(before.hours - 1.5);
    expect(after.target).toBe(32);
    // changing the session's hours re-credits who was there, events too
    await org.patch(`/api/v1/sessions/${s.id}`, { hours: 2 });
    expect((await eventsOf(`att:${s.id}:${home}`))[0]?.quantity).toBe(120);
    const sheet = await org.get(`/api/v1/sessions/${s.id}/attendance`);
    const onRoster = (await env.DB.prepare("SELECT COUNT(*) AS n FROM roster_entries WHERE org_unit_id = 'fgw-b1'").first<{ n: number }>())!.n;
    expect(sheet.body.items).toHaveLength(onRoster);
    expect(sheet.body.items.find((x: { rosterId: string }) => x.rosterId === home)).toMatchObject({
      status: 'present',
      mode: 'delivered',
      hours: 2,
      note: '年老体弱，支部书记上门送学',
    });
    const csv = await org.get(`/api/v1/sessions/${s.id}/attendance?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('本人签名');
    expect(csv.text).toContain('送学上门');
    const xlsx = await org.get(`/api/v1/sessions/${s.id}/attendance?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    // a branch's organizers mark and read their own members in a class of the whole tree
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    expect((await fgwOrg.get(`/api/v1/sessions/${s.id}/attendance`)).status).toBe(403);
    expect((await fgwOrg.get(`/api/v1/sessions/${s.id}/attendance?orgUnitId=fgw-b1`)).body.items).toHaveLength(onRoster);
    expect((await fgwOrg.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: 'roster-user-m002', status: 'late' }] })).body.updated).toBe(1);
    expect((await eventsOf(`att:${s.id}:roster-user-m002`))[0]?.quantity).toBe(120);
    const bad = await org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: 'roster-user-member-jyj', status: 'present' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields['entries.0.rosterId']).toBeTruthy();
    const stats = await org.get(`/api/v1/campaigns/${id}/training-stats`);
    expect(stats.body).toMatchObject({
      sessions: 1,
      enrolled: onRoster,
      attendees: 2,
      attendances: 2,
      hours: 4,
      delivered: 1,
      coverageRate: Math.round((2 / onRoster) * 10000) / 10000,
    });
  });

  it('parallel check-ins of one member credit the hours once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org);
    const s = await session(org, id, -5, 60);
    const code = await screenCode(org, s.id);
    const member = await signedIn(PHONES.fgwMember);
    const res = await Promise.all(Array.from({ length: 6 }, () => member.post(`/api/v1/sessions/${s.id}/check-in`, { code })));
    expect(res.filter((r) => r.status === 200)).toHaveLength(1);
    expect(res.filter((r) => r.status === 409)).toHaveLength(5);
    expect(await eventsOf(`att:${s.id}:${MEMBER_ROSTER}`)).toHaveLength(1);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM training_attendance WHERE session_id = ?').bind(s.id).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });
});

describe('online study', () => {
  it('credits a material’s hours only after its minutes on the server’s clock, once, whatever the concurrency', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org, { category: 'online' });
    const bad = await org.post(`/api/v1/campaigns/${id}/materials`, { title: '视频', kind: 'video', url: 'javascript:alert(1)', minutes: 20, hours: 0.5 });
    expect(bad.status).toBe(400);
    const mid = await videoMaterial(org, id);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/materials/${mid}/start`)).body.error.reason).toBe('tr_not_enrolled');
    await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: [MEMBER_ROSTER] });
    const started = await member.post(`/api/v1/materials/${mid}/start`);
    expect(started.status, started.text).toBe(200);
    const studyId = started.body.studyId as string;
    expect((await member.post(`/api/v1/materials/${mid}/start`)).body.studyId).toBe(studyId);
    const early = await member.post(`/api/v1/studies/${studyId}/finish`);
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('tr_study_early');
    expect(early.body.secondsLeft).toBeGreaterThan(19 * 60);
    expect((await (await signedIn(PHONES.jyjMember)).post(`/api/v1/studies/${studyId}/finish`)).status).toBe(404);
    // twenty minutes pass
    await env.DB.prepare('UPDATE training_studies SET started_at = ? WHERE id = ?')
      .bind(iso(Date.now() - 21 * 60e3), studyId)
      .run();
    const res = await Promise.all(Array.from({ length: 5 }, () => member.post(`/api/v1/studies/${studyId}/finish`)));
    expect(res.filter((r) => r.status === 200)).toHaveLength(1);
    expect(res.filter((r) => r.status === 409).every((r) => r.body.error.reason === 'tr_study_done')).toBe(true);
    expect(await eventsOf(`study:${studyId}`)).toEqual([{ user_id: 'user-member-fgw', kind: 'training', quantity: 30, org_unit_id: 'fgw-b1' }]);
    const mats = await member.get(`/api/v1/campaigns/${id}/materials`);
    expect(mats.body.items[0].mine.finishedAt).toBeTruthy();
    expect((await member.get(`/api/v1/campaigns/${id}/my-training`)).body.hours).toBe(0.5);
    expect((await org.get(`/api/v1/campaigns/${id}/training-stats`)).body).toMatchObject({
      attendees: 1,
      hours: 0.5,
      sessions: 0,
      enrolled: 1,
      coverageRate: 1,
    });
  });
});
