import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';

const DAY = 86400e3;
const rows = async <T = Record<string, unknown>>(sql: string, ...binds: string[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results;
const count = async (table: string, campaignId: string) =>
  Number((await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE campaign_id = ?`).bind(campaignId).first<{ n: number }>())!.n);
const campaignRow = async (id: string) =>
  (await env.DB.prepare('SELECT * FROM campaigns WHERE id = ?').bind(id).first<{ starts_at: string; ends_at: string; settings: string }>())!;

/** Start of the copy: a year after the source's, so every date moves by exactly that much. */
async function dupe(id: string, extra: Record<string, unknown> = {}) {
  const org = await signedIn(PHONES.rootOrganizer);
  const src = await campaignRow(id);
  const startsAt = new Date(Date.parse(src.starts_at) + 365 * DAY).toISOString();
  const r = await org.post(`/api/v1/campaigns/${id}/duplicate`, { startsAt, ...extra });
  return { r, src, shift: 365 * DAY };
}
const moved = (a: string, b: string) => Date.parse(b) - Date.parse(a);

describe('POST /campaigns/{id}/duplicate', () => {
  it('copies a two-stage quiz into a draft: stages moved by the same offset, banks kept, no attempts or admissions', async () => {
    const { r, src, shift } = await dupe('camp-quiz-contest');
    expect(r.status).toBe(201);
    const c = r.body.campaign;
    expect(c).toMatchObject({ status: 'draft', kind: 'quiz', title: '“学党史 知党恩”知识挑战赛（副本）', orgUnitId: 'root', canManage: true });
    expect(c.id).not.toBe('camp-quiz-contest');
    expect(c.slug).not.toBe('dangshi-contest');
    expect(moved(src.starts_at, c.startsAt)).toBe(shift);
    expect(moved(src.ends_at, c.endsAt)).toBe(shift);
    expect(c.settings.bankIds).toEqual(JSON.parse(src.settings).bankIds);
    type Stage = { ord: number; name: string; starts_at: string; ends_at: string; settings: string; advancement: string | null; advanced_at: string | null };
    const before = await rows<Stage>('SELECT * FROM quiz_stages WHERE campaign_id = ? ORDER BY ord', 'camp-quiz-contest');
    const after = await rows<Stage>('SELECT * FROM quiz_stages WHERE campaign_id = ? ORDER BY ord', c.id);
    expect(before.length).toBe(2);
    expect(after.map((s) => [s.ord, s.name, s.settings, s.advancement])).toEqual(before.map((s) => [s.ord, s.name, s.settings, s.advancement]));
    after.forEach((s, i) => {
      expect(moved(before[i]!.starts_at, s.starts_at)).toBe(shift);
      expect(moved(before[i]!.ends_at, s.ends_at)).toBe(shift);
      expect(s.advanced_at).toBeNull();
    });
    for (const t of ['quiz_attempts', 'activity_events', 'leaderboards']) expect(await count(t, c.id), t).toBe(0);
    expect((await rows('SELECT * FROM stage_admissions WHERE stage_id IN (SELECT id FROM quiz_stages WHERE campaign_id = ?)', c.id)).length).toBe(0);
    // the audit names the source
    const audit = await rows<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'campaign.duplicate' AND entity_id = ?", c.id);
    expect(JSON.parse(audit[0]!.detail).from).toBe('camp-quiz-contest');
  });

  it('copies a contest: categories, settings windows moved, judging rounds with their criteria; no works, votes or judges', async () => {
    // give the source a voting window so the settings' own dates must move too
    const votingStartsAt = new Date(Date.now() + 3 * DAY).toISOString();
    await env.DB.prepare("UPDATE campaigns SET settings = json_set(settings, '$.votingStartsAt', ?) WHERE id = 'camp-contest'").bind(votingStartsAt).run();
    const { r, shift } = await dupe('camp-contest', { title: '第二届书画摄影大赛' });
    expect(r.status).toBe(201);
    const c = r.body.campaign;
    expect(c.title).toBe('第二届书画摄影大赛');
    expect(c.settings.categories).toEqual(['书法', '绘画', '摄影']);
    expect(moved(votingStartsAt, c.settings.votingStartsAt)).toBe(shift);
    type Round = { ord: number; name: string; criteria: string; assignment: string; quorum: number; status: string };
    const pick = (x: Round) => [x.ord, x.name, x.criteria, x.assignment, x.quorum];
    const before = await rows<Round>('SELECT * FROM judging_rounds WHERE campaign_id = ? ORDER BY ord', 'camp-contest');
    const after = await rows<Round>('SELECT * FROM judging_rounds WHERE campaign_id = ? ORDER BY ord', c.id);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map(pick)).toEqual(before.map(pick));
    expect(after.every((x) => x.status === 'open')).toBe(true);
    for (const t of ['contest_entries', 'contest_votes', 'contest_judges', 'judge_invites']) expect(await count(t, c.id), t).toBe(0);
  });

  it('copies an exhibition’s slot schedule, every slot empty, and a 1+1 campaign’s service activities without sign-ups', async () => {
    const ex = await dupe('camp-exhibition');
    expect(ex.r.status).toBe(201);
    type Slot = { starts_at: string; ends_at: string; capacity: number; booked: number };
    const before = await rows<Slot>('SELECT * FROM exhibition_slots WHERE campaign_id = ? ORDER BY starts_at', 'camp-exhibition');
    const after = await rows<Slot>('SELECT * FROM exhibition_slots WHERE campaign_id = ? ORDER BY starts_at', ex.r.body.campaign.id);
    // two months of slots: more rows than one statement could bind (the insert goes in slices)
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBe(before.length);
    after.forEach((s, i) => {
      expect(moved(before[i]!.starts_at, s.starts_at)).toBe(ex.shift);
      expect(s.capacity).toBe(before[i]!.capacity);
      expect(s.booked).toBe(0);
    });
    for (const t of ['bookings', 'slot_waitlist']) expect(await count(t, ex.r.body.campaign.id), t).toBe(0);

    const vol = await dupe('camp-volunteer');
    expect(vol.r.status).toBe(201);
    const id = vol.r.body.campaign.id;
    type Act = { title: string; starts_at: string; signed_up: number; code_secret: string; status: string };
    const acts = await rows<Act>('SELECT * FROM service_activities WHERE campaign_id = ? ORDER BY starts_at', 'camp-volunteer');
    const copies = await rows<Act>('SELECT * FROM service_activities WHERE campaign_id = ? ORDER BY starts_at', id);
    const open = acts.filter((a) => a.status === 'open');
    expect(copies.map((a) => a.title)).toEqual(open.map((a) => a.title));
    copies.forEach((a, i) => {
      expect(moved(open[i]!.starts_at, a.starts_at)).toBe(vol.shift);
      expect(a.signed_up).toBe(0);
      expect(a.code_secret).not.toBe(open[i]!.code_secret);
    });
    for (const t of ['volunteer_pairs', 'service_records', 'volunteer_invites', 'certificates']) expect(await count(t, id), t).toBe(0);
    expect((await rows('SELECT * FROM service_signups WHERE activity_id IN (SELECT id FROM service_activities WHERE campaign_id = ?)', id)).length).toBe(0);
  });

  it('copies a training campaign’s sessions (moved, new check-in secrets) without enrolments or attendance', async () => {
    const tr = await dupe('camp-training');
    expect(tr.r.status).toBe(201);
    const id = tr.r.body.campaign.id;
    type Session = { title: string; starts_at: string; hours: number; code_secret: string };
    const before = await rows<Session>('SELECT * FROM training_sessions WHERE campaign_id = ? ORDER BY starts_at', 'camp-training');
    const after = await rows<Session>('SELECT * FROM training_sessions WHERE campaign_id = ? ORDER BY starts_at', id);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((x) => [x.title, x.hours])).toEqual(before.map((x) => [x.title, x.hours]));
    after.forEach((x, i) => {
      expect(moved(before[i]!.starts_at, x.starts_at)).toBe(tr.shift);
      expect(x.code_secret).not.toBe(before[i]!.code_secret);
    });
    for (const t of ['training_enrollments', 'training_attendance', 'training_studies']) expect(await count(t, id), t).toBe(0);
  });

  it('refuses bad input with a clear 400 and creates nothing; a member and an organizer of another unit are refused', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const n = async () => Number((await env.DB.prepare('SELECT COUNT(*) AS n FROM campaigns').first<{ n: number }>())!.n);
    const before = await n();
    const bad = await org.post('/api/v1/campaigns/camp-quiz/duplicate', { startsAt: 'next monday', title: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['startsAt', 'title']);
    expect((await org.post('/api/v1/campaigns/camp-quiz/duplicate', {})).status).toBe(400);
    const fgw = await signedIn(PHONES.fgwOrganizer);
    expect((await fgw.post('/api/v1/campaigns/camp-quiz/duplicate', { startsAt: new Date().toISOString() })).status).toBe(403);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post('/api/v1/campaigns/camp-quiz/duplicate', { startsAt: new Date().toISOString() })).status).toBe(403);
    expect((await client().post('/api/v1/campaigns/camp-quiz/duplicate', { startsAt: new Date().toISOString() })).status).toBe(401);
    expect(await n()).toBe(before);
  });
});

describe('GET /campaign-templates', () => {
  it('lists the usual campaigns with complete settings, in the asker’s language, and one makes a valid campaign', async () => {
    const zh = await client().get('/api/v1/campaign-templates');
    expect(zh.status).toBe(200);
    const titles = zh.body.items.map((t: { title: string }) => t.title);
    for (const n of ['每日答题', '知识竞赛（初赛+决赛）', '书画摄影大赛', '公益募捐', '展览预约']) expect(titles).toContain(n);
    const en = await client({ lang: 'en' }).get('/api/v1/campaign-templates');
    expect(en.body.items.find((t: { id: string }) => t.id === 'daily-quiz').title).toBe('Daily quiz');
    const daily = zh.body.items.find((t: { id: string }) => t.id === 'daily-quiz');
    expect(daily.settings).toMatchObject({ mode: 'daily', questionsPerAttempt: 5, minAnswerMs: 1000 });
    // what the console's form sends from a template is accepted as it is
    const org = await signedIn(PHONES.fgwOrganizer);
    for (const t of zh.body.items as Array<{ kind: string; title: string; summary: string; settings: Record<string, unknown>; durationDays: number }>) {
      const startsAt = new Date(Date.now() + DAY).toISOString();
      const endsAt = new Date(Date.now() + (1 + t.durationDays) * DAY).toISOString();
      const r = await org.post('/api/v1/campaigns', {
        kind: t.kind,
        title: t.title,
        summary: t.summary,
        orgUnitId: 'fgw',
        startsAt,
        endsAt,
        settings: t.settings,
      });
      expect(r.status, `${t.title}: ${r.text}`).toBe(201);
    }
  });
});
