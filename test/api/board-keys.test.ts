import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, inOneDay, registerUser, signedIn, PHONES, type Client } from '../helpers';
import { boardKeyOf } from '../../shared/board-key';
import { boardKey } from '../../workers/api/lib/boards';
import { ApiError } from '../../workers/api/lib/errors';

// Issue 12 item 3 / API.md: user ids never appear on public boards, and board keys can't be
// linked across campaigns; anonymous pledges carry neither key nor unit on public reads.

const KEY = /^[A-Za-z0-9_-]{22}$/;

describe('board keys', () => {
  it('seeded boards show keyed hashes, never user ids, and one person has unrelated keys in two campaigns', async () => {
    const ids = new Set((await env.DB.prepare('SELECT id FROM users').all<{ id: string }>()).results.map((u) => u.id));
    for (const campaign of ['camp-quiz', 'camp-volunteer', 'camp-drive']) {
      const r = await client().get(`/api/v1/campaigns/${campaign}/leaderboard?limit=100`);
      expect(r.status).toBe(200);
      expect(r.body.entries.length).toBeGreaterThan(0);
      for (const e of r.body.entries as Array<{ key: string }>) {
        expect(ids.has(e.key), e.key).toBe(false);
        expect(e.key.replace(/^anon\./, '')).toMatch(KEY);
      }
    }
    // someone on both the quiz and the 1+1 board: two keys that share nothing with each other or the id
    const both = await env.DB.prepare(`SELECT q.user_id AS userId, q.key AS quizKey, v.key AS volKey FROM leaderboard_entries q
      JOIN leaderboard_entries v ON v.user_id = q.user_id AND v.board_id = 'camp-volunteer:main' WHERE q.board_id = 'camp-quiz:main' LIMIT 1`).first<{
      userId: string;
      quizKey: string;
      volKey: string;
    }>();
    expect(both).not.toBeNull();
    expect(both!.quizKey).not.toBe(both!.volKey);
    expect([both!.quizKey, both!.volKey]).not.toContain(both!.userId);
    // the seed (node:crypto) and the Worker (WebCrypto) compute the same key with the dev secret
    expect(await boardKeyOf((env as unknown as { BOARD_KEY_SECRET: string }).BOARD_KEY_SECRET, 'camp-quiz', both!.userId)).toBe(both!.quizKey);
  });

  it('"my rank" finds a seeded member by the key only the server can compute', async () => {
    const row = await env.DB.prepare(`SELECT u.phone, e.key, e.score FROM leaderboard_entries e JOIN users u ON u.id = e.user_id
      WHERE e.board_id = 'camp-quiz:main' ORDER BY e.score DESC LIMIT 1`).first<{ phone: string; key: string; score: number }>();
    const me = await signedIn(row!.phone);
    const r = await me.get('/api/v1/campaigns/camp-quiz/leaderboard/me');
    expect(r.status).toBe(200);
    expect(r.body.score).toBe(row!.score);
    expect(r.body.around.some((e: { key: string }) => e.key === row!.key)).toBe(true);
  });

  it('a keyed hash: stable for a campaign, different in another campaign and under another secret', async () => {
    const a = await boardKeyOf('s1', 'c1', 'u1');
    expect(a).toMatch(KEY);
    expect(await boardKeyOf('s1', 'c1', 'u1')).toBe(a);
    expect(await boardKeyOf('s1', 'c2', 'u1')).not.toBe(a);
    expect(await boardKeyOf('s2', 'c1', 'u1')).not.toBe(a);
    expect(await boardKeyOf('s1', 'c1', 'u2')).not.toBe(a);
  });

  it('a deployment without BOARD_KEY_SECRET refuses (503) rather than make guessable keys', () => {
    let err: unknown;
    try {
      void boardKey({} as Env, 'c1', 'u1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unavailable');
  });
});

describe('anonymous pledges on public reads', () => {
  let n = 0;
  const charity = { name: '示例慈善会', licenseNo: '示例-0001', projectUrl: 'https://example.org/p/1' };
  async function drive(org: Client) {
    const r = await org.post('/api/v1/campaigns', {
      kind: 'drive',
      title: `匿名测试${n++}`,
      orgUnitId: 'root',
      ...inOneDay(),
      settings: { goal: 100000, charity },
    });
    const id = r.body.campaign.id as string;
    expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
    return id;
  }
  const pledge = (c: Client, id: string, body: Record<string, unknown>) =>
    c.post(`/api/v1/campaigns/${id}/pledges`, body, { 'idempotency-key': `k-${Math.random()}` });

  it('ranks anonymous giving apart, as 爱心人士 with no unit and a key that is not the donor’s; organizers still see the unit', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const member = await signedIn(PHONES.fgwMember);
    const userId = (await member.get('/api/v1/me')).body.user.id as string;
    const named = (await pledge(member, id, { amount: 5000, anonymous: false })).body.pledge.id;
    const hidden = (await pledge(member, id, { amount: 3000, anonymous: true })).body.pledge.id;
    expect((await org.post(`/api/v1/pledges/${named}/verify`, { amount: 5000 })).status).toBe(200);
    expect((await org.post(`/api/v1/pledges/${hidden}/verify`, { amount: 3000 })).status).toBe(200);

    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.entries).toHaveLength(2);
    const anon = pub.body.entries.find((e: { score: number }) => e.score === 3000);
    const mine = pub.body.entries.find((e: { score: number }) => e.score === 5000);
    expect(anon).toMatchObject({ name: '爱心人士', orgUnitName: null, orgUnitId: null });
    expect(anon.key.startsWith('anon.')).toBe(true);
    expect(mine.orgUnitName).toBeTruthy();
    for (const e of [anon, mine]) expect(e.key).not.toBe(userId);
    expect(anon.key).not.toContain(mine.key);

    // the donor's own rank is their named giving; the anonymous entry is not theirs to be found by
    const me = await member.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(me.body).toMatchObject({ rank: 1, score: 5000 });

    const organizer = await org.get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(organizer.body.entries.find((e: { score: number }) => e.score === 3000)).toMatchObject({ name: '爱心人士', orgUnitId: 'fgw-b1' });

    const wall = await client().get(`/api/v1/campaigns/${id}/donors`);
    const item = wall.body.items.find((p: { id: string }) => p.id === hidden);
    expect(item.name).toBe('爱心人士');
    expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['key']));
    expect(JSON.stringify(wall.body)).not.toContain(userId);
    expect(JSON.stringify(wall.body)).not.toContain('fgw-b1');
  });

  it('a newly registered donor’s named pledge ranks under a keyed hash', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const c = client({ ip: '10.91.1.1' });
    const reg = await registerUser(c, { phone: freshPhone(), name: '新捐赠人', password: 'secret-pass-9' });
    const userId = reg.body.user.id as string;
    const p = (await pledge(c, id, { amount: 1200, anonymous: false })).body.pledge.id;
    expect((await org.post(`/api/v1/pledges/${p}/verify`, { amount: 1200 })).status).toBe(200);
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    const key = await boardKeyOf((env as unknown as { BOARD_KEY_SECRET: string }).BOARD_KEY_SECRET, id, userId);
    expect(pub.body.entries.map((e: { key: string }) => e.key)).toEqual([key]);
  });
});
