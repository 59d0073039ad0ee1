import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';
import { screenCode, session, trainingCampaign, MEMBER_ROSTER, classWithMember, videoMaterial } from './training.fixtures';

/* Issue #15: credited training hours count on the campaign's leaderboard, in the batch that credits them. */

type Entry = { key: string; name: string; score: number; orgUnitId: string | null };
const board = async (id: string, scope: 'individual' | 'org' = 'individual') => {
  const r = await (await signedIn(PHONES.rootOrganizer)).get(`/api/v1/campaigns/${id}/leaderboard?scope=${scope}&limit=100`);
  expect(r.status, r.text).toBe(200);
  return r.body as { scoreUnit: string; total: number; entries: Entry[] };
};
const stored = async (id: string, userId: string) =>
  (await env.DB.prepare('SELECT score FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first<{ score: number }>())
    ?.score ?? null;
const scoreOf = (b: { entries: Entry[] }, name: string) => b.entries.find((e) => e.name === name)?.score ?? 0;

describe('training on the leaderboard', () => {
  it('a check-in puts the member on the board with the hours; the org board ranks the unit', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org);
    const s = await session(org, id, -5, 115);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/sessions/${s.id}/check-in`, { code: await screenCode(org, s.id) })).status).toBe(200);
    expect(await stored(id, 'user-member-fgw')).toBe(2);
    const b = await board(id);
    expect(b.scoreUnit).toBe('hours');
    expect(b.entries).toHaveLength(1);
    expect(b.entries[0]).toMatchObject({ name: '王晓燕', score: 2, orgUnitId: 'fgw-b1' });
    // the public sees it too (names masked), and "my rank" finds the member
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.status).toBe(200);
    expect(pub.body.entries[0]).toMatchObject({ name: '王*燕', score: 2 });
    const mine = await member.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toMatchObject({ rank: 1, score: 2 });
    const units = await board(id, 'org');
    expect(units.entries.find((e) => e.key === 'fgw-b1')?.score).toBeGreaterThan(0);
  });

  it('the register credits, a correction to absent takes the hours back, a session edit and delete follow', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] });
    const a = await session(org, id, -300, -240, { hours: 1.5 });
    const b = await session(org, id, -180, -60, { hours: 2 });
    const mark = (sid: string, status: string) => org.post(`/api/v1/sessions/${sid}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status }] });
    expect((await mark(a.id, 'present')).status).toBe(200);
    expect((await mark(b.id, 'late')).status).toBe(200);
    expect(scoreOf(await board(id), '王晓燕')).toBe(3.5);
    // 王晓燕 was not at the second after all
    expect((await mark(b.id, 'absent')).status).toBe(200);
    expect(await stored(id, 'user-member-fgw')).toBe(1.5);
    expect(scoreOf(await board(id), '王晓燕')).toBe(1.5);
    // the first session counted 2.5 hours, then it is deleted with its register
    expect((await org.patch(`/api/v1/sessions/${a.id}`, { hours: 2.5 })).status).toBe(200);
    expect(scoreOf(await board(id), '王晓燕')).toBe(2.5);
    expect((await org.call('DELETE', `/api/v1/sessions/${a.id}`)).status).toBe(204);
    expect(await stored(id, 'user-member-fgw')).toBe(0);
    expect(scoreOf(await board(id), '王晓燕')).toBe(0);
  });

  it('a finished online study adds its hours to the register’s', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org);
    const s = await session(org, id, -180, -60, { hours: 2 });
    await org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status: 'present' }] });
    const mid = await videoMaterial(org, id);
    const member = await signedIn(PHONES.fgwMember);
    const studyId = (await member.post(`/api/v1/materials/${mid}/start`)).body.studyId as string;
    // the minutes have passed (the server's clock decides)
    await env.DB.prepare('UPDATE training_studies SET started_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 30 * 60e3).toISOString(), studyId)
      .run();
    expect((await member.post(`/api/v1/studies/${studyId}/finish`)).status).toBe(200);
    expect(scoreOf(await board(id), '王晓燕')).toBe(2.5);
  });

  it('honours leaderboard.hidden: 404 to the public, shown to organizers', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await classWithMember(org, { leaderboard: { hidden: true } });
    const s = await session(org, id, -180, -60, { hours: 1 });
    await org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status: 'present' }] });
    expect((await client().get(`/api/v1/campaigns/${id}/leaderboard`)).status).toBe(404);
    expect((await (await signedIn(PHONES.fgwMember)).get(`/api/v1/campaigns/${id}/leaderboard`)).status).toBe(404);
    expect(scoreOf(await board(id), '王晓燕')).toBe(1);
  });
  it('keeps people at 0 hours on the board: marked excused or absent, or corrected down to nothing', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] });
    const s = await session(org, id, -180, -60, { hours: 2 });
    const others = (
      await env.DB.prepare("SELECT id FROM roster_entries WHERE org_unit_id = 'fgw-b1' AND user_id IS NOT NULL AND id != ? ORDER BY id LIMIT 2")
        .bind(MEMBER_ROSTER)
        .all<{ id: string }>()
    ).results.map((r) => r.id);
    expect(others).toHaveLength(2);
    const marked = await org.post(`/api/v1/sessions/${s.id}/attendance`, {
      entries: [
        { rosterId: MEMBER_ROSTER, status: 'present' },
        { rosterId: others[0]!, status: 'excused' },
        { rosterId: others[1]!, status: 'absent' },
      ],
    });
    expect(marked.status, marked.text).toBe(200);
    let b = await board(id);
    // the excused and the absent rank with 0 hours below the one who came
    expect(b.total).toBe(3);
    expect(b.entries.map((e) => e.score)).toEqual([2, 0, 0]);
    // a correction down to nothing keeps the row at 0 instead of dropping it
    expect((await org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: MEMBER_ROSTER, status: 'absent' }] })).status).toBe(200);
    b = await board(id);
    expect(b.total).toBe(3);
    expect(b.entries.find((e) => e.name === '王晓燕')).toMatchObject({ score: 0 });
    expect(await stored(id, 'user-member-fgw')).toBe(0);
  });
});
