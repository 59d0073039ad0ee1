import { describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES, BASE, liveBoard, type Client } from '../helpers';
import { boardIdOf, boardStub } from '../../workers/api/lib/boards';

let seq = 0;
async function board(org: Client, over: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: `排行测试${seq++}`, orgUnitId: 'fgw', ...inOneDay(), ...over });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
const put = (org: Client, id: string, mode: 'set' | 'add', entries: unknown[]) => org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, { mode, entries });

describe('leaderboard reads', () => {
  it('shows the demo boards built from the seeded activity', async () => {
    const quiz = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?limit=100');
    expect(quiz.status).toBe(200);
    expect(quiz.body.total).toBeGreaterThan(100);
    expect(quiz.body.entries[0].rank).toBe(1);
    expect(quiz.body.entries[0].score).toBeGreaterThanOrEqual(quiz.body.entries[99].score);
    const units = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?scope=org&limit=100');
    expect(units.body.total).toBe(11);
    expect(units.body.entries.every((e: { score: number }) => e.score > 0)).toBe(true);
    const drive = await client().get('/api/v1/campaigns/camp-drive/leaderboard?scope=org');
    expect(drive.body.entries[0].score).toBeGreaterThan(1000);
  });

  it('orders by score then tiebreak, ties share a rank, names masked for the public only', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    const r = await put(org, id, 'set', [
      { key: 'a', name: '张三明', score: 90, tiebreak: 30, orgUnitId: 'fgw-b1' },
      { key: 'b', name: '李四', score: 100, tiebreak: 50, orgUnitId: 'fgw-b1' },
      { key: 'c', name: '欧阳小明', score: 90, tiebreak: 20, orgUnitId: 'fgw-b2' },
      { key: 'd', name: '王五', score: 90, tiebreak: 30, orgUnitId: 'fgw-b2' },
      { key: 'e', name: 'Li Ming', score: 10 },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ accepted: 5 });
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard?limit=10`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ scope: 'individual', total: 5, frozen: false, final: false });
    expect(pub.body.entries.map((e: { key: string; rank: number; name: string }) => [e.key, e.rank, e.name])).toEqual([
      ['b', 1, '李*'],
      ['c', 2, '欧**明'],
      ['a', 3, '张*明'],
      ['d', 3, '王*'],
      ['e', 5, 'L* M*'],
    ]);
    expect(pub.body.entries[0].orgUnitName).toBe('第一党支部');
    expect(pub.headers.get('access-control-allow-origin')).toBe('*');
    const own = await org.get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(own.body.entries.map((e: { name: string }) => e.name)).toEqual(['李四', '欧阳小明', '张三明', '王五', 'Li Ming']);
    expect(own.headers.get('cache-control')).toContain('no-store');
  });

  it('pages at any offset, across a group of ties, with ranks of the whole board', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    // 3000 entries: scores 0..299, ten entries each, so every page crosses tie groups
    for (let i = 0; i < 3; i++) {
      const entries = Array.from({ length: 1000 }, (_, j) => {
        const n = i * 1000 + j;
        return { key: `k${String(n).padStart(4, '0')}`, name: `选手${n}`, score: n % 300 };
      });
      expect((await put(org, id, 'set', entries)).status).toBe(200);
    }
    const all: Array<{ key: string; rank: number; score: number }> = [];
    for (let offset = 0; offset < 3000; offset += 100) {
      const r = await org.get(`/api/v1/campaigns/${id}/leaderboard?limit=100&offset=${offset}`);
      expect(r.body.total).toBe(3000);
      all.push(...r.body.entries);
    }
    expect(all).toHaveLength(3000);
    expect(new Set(all.map((e) => e.key)).size).toBe(3000);
    for (let i = 0; i < all.length; i++) {
      expect(all[i]!.score).toBe(299 - Math.floor(i / 10));
      expect(all[i]!.rank).toBe(Math.floor(i / 10) * 10 + 1);
    }
    const beyond = await org.get(`/api/v1/campaigns/${id}/leaderboard?offset=5000`);
    expect(beyond.body.entries).toEqual([]);
  });

  it('answers "my rank" with the entries around me', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    const me = await signedIn(PHONES.fgwMember);
    const meId = (await me.get('/api/v1/me')).body.user.id;
    const entries = Array.from({ length: 30 }, (_, i) => ({ key: `p${i}`, name: `参赛者${i}`, score: 100 - i }));
    entries.push({ key: meId, name: '王晓燕', score: 85 });
    await put(org, id, 'set', entries);
    const r = await me.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rank: 16, score: 85, total: 31 });
    expect(r.body.around).toHaveLength(11);
    // an import keyed by member id ranks under the member's board key, never the id itself
    expect(r.body.around.some((e: { key: string }) => e.key === meId)).toBe(false);
    expect(r.body.around.find((e: { key: string }) => e.key === r.body.key).name).toBe('王晓燕');
    expect(r.body.around[0].name).toMatch(/\*/);
    const none = await (await signedIn(PHONES.jyjMember)).get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(none.body).toEqual({ key: expect.stringMatching(/^[\w-]{22}$/), rank: null, score: null, total: 31, around: [] });
    expect((await client().get(`/api/v1/campaigns/${id}/leaderboard/me`)).status).toBe(401);
  });

  it('serves ETags and answers 304 on a match', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(org, id, 'set', [{ key: 'x', name: '甲', score: 1 }]);
    const first = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await client().get(`/api/v1/campaigns/${id}/leaderboard`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await put(org, id, 'add', [{ key: 'x', name: '甲', score: 1 }]);
    const changed = await client().get(`/api/v1/campaigns/${id}/leaderboard`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.entries[0].score).toBe(2);
  });

  it('rejects bad reads: unknown campaign, bad scope, rows > 100, negative offset, a campaign that does not rank', async () => {
    const c = client();
    expect((await c.get('/api/v1/campaigns/nope/leaderboard')).status).toBe(404);
    const bad = await c.get('/api/v1/campaigns/camp-quiz/leaderboard?scope=team&limit=101&offset=-1');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['limit', 'offset', 'scope']);
    const ex = await c.get('/api/v1/campaigns/camp-exhibition/leaderboard');
    expect(ex.status).toBe(404);
    expect(ex.body.error.message).toContain('排行榜');
  });

  it('hides a hidden board from the public, not from its organizers', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org, { settings: { leaderboard: { hidden: true } } });
    expect((await client().get(`/api/v1/campaigns/${id}/leaderboard`)).status).toBe(404);
    expect((await org.get(`/api/v1/campaigns/${id}/leaderboard`)).status).toBe(200);
  });
});

describe('leaderboard writes', () => {
  it('validates a call whole: one bad entry rejects it with its index, nothing is written', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    const entries = [
      { key: 'a', name: '甲', score: 1 },
      { key: 'b', name: '乙', score: 2 },
      { key: 'c', name: '丙', score: 3 },
      { key: 'd', name: '丁', score: 'x' },
    ];
    let r = await put(org, id, 'set', entries);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(['entries.3.score']);
    r = await put(org, id, 'set', [{ key: 'a', name: '甲', score: 1, orgUnitId: 'jyj-b1' }]);
    expect(r.body.error.fields['entries.0.orgUnitId']).toContain('范围');
    r = await put(
      org,
      id,
      'set',
      Array.from({ length: 1001 }, (_, i) => ({ key: `k${i}`, name: 'n', score: i })),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields.entries).toContain('1000');
    expect((await org.get(`/api/v1/campaigns/${id}/leaderboard`)).body.total).toBe(0);
  });

  it('never loses an update under parallel adds', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        put(org, id, 'add', [
          { key: 'hot', name: '热门', score: 1, tiebreak: 2 },
          { key: `k${i % 4}`, name: `选手${i % 4}`, score: 10 },
        ]),
      ),
    );
    const r = await org.get(`/api/v1/campaigns/${id}/leaderboard`);
    const byKey = Object.fromEntries(r.body.entries.map((e: { key: string; score: number }) => [e.key, e.score]));
    expect(byKey).toEqual({ hot: 40, k0: 100, k1: 100, k2: 100, k3: 100 });
    const d1 = await env.DB.prepare("SELECT score, tiebreak FROM leaderboard_entries WHERE board_id = ? AND key = 'hot'")
      .bind(boardIdOf(id))
      .first<{ score: number; tiebreak: number }>();
    expect(d1).toEqual({ score: 40, tiebreak: 80 });
  });

  it('refuses scores from anyone but the campaign’s organizers, and on a closed campaign', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    const body = [{ key: 'a', name: '甲', score: 1 }];
    expect((await put(client(), id, 'set', body)).status).toBe(401);
    expect((await put(await signedIn(PHONES.fgwMember), id, 'set', body)).status).toBe(403);
    expect((await put(await signedIn(PHONES.rootOrganizer), id, 'set', body)).status).toBe(200);
    await org.post(`/api/v1/campaigns/${id}/close`);
    expect((await put(org, id, 'set', body)).status).toBe(409);
    expect((await client().get(`/api/v1/campaigns/${id}/leaderboard`)).body.final).toBe(true);
  });
});

describe('freeze, org boards and rebuild', () => {
  it('freezes for the public while organizers see it live, and unfreezes', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(org, id, 'set', [
      { key: 'a', name: '甲一', score: 10 },
      { key: 'b', name: '乙二', score: 5 },
    ]);
    const f = await org.post(`/api/v1/campaigns/${id}/leaderboard/freeze`);
    expect(f.body.frozen).toBe(true);
    await put(org, id, 'set', [
      { key: 'b', name: '乙二', score: 50 },
      { key: 'c', name: '丙三', score: 1 },
    ]);
    // freezing again keeps the first snapshot
    const again = await org.post(`/api/v1/campaigns/${id}/leaderboard/freeze`);
    expect(again.body.frozenAt).toBe(f.body.frozenAt);
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.frozen).toBe(true);
    expect(pub.body.frozenAt).toBe(f.body.frozenAt);
    expect(pub.body.entries.map((e: { key: string }) => e.key)).toEqual(['a', 'b']);
    const live = await org.get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(live.body.entries.map((e: { key: string }) => e.key)).toEqual(['b', 'a', 'c']);
    await org.post(`/api/v1/campaigns/${id}/leaderboard/unfreeze`);
    const after = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(after.body.frozen).toBe(false);
    expect(after.body.entries.map((e: { key: string }) => e.key)).toEqual(['b', 'a', 'c']);
    expect((await client().post(`/api/v1/campaigns/${id}/leaderboard/freeze`)).status).toBe(401);
    expect((await (await signedIn(PHONES.jyjMember)).post(`/api/v1/campaigns/${id}/leaderboard/freeze`)).status).toBe(403);
  });

  it('ranks org units by average over registered members, sum or participation; units without participants score 0', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const members = async (unit: string) =>
      (await env.DB.prepare("SELECT COUNT(DISTINCT user_id) n FROM memberships WHERE org_unit_id = ? AND role = 'member'").bind(unit).first<{ n: number }>())!
        .n;
    const [b1, b2, b3] = [await members('fgw-b1'), await members('fgw-b2'), await members('fgw-b3')];
    const entries = [
      { key: 'x1', name: '甲', score: 100, orgUnitId: 'fgw-b1' },
      { key: 'x2', name: '乙', score: 60, orgUnitId: 'fgw-b2' },
      { key: 'x3', name: '丙', score: 60, orgUnitId: 'fgw-b2' },
    ];
    const avg = await board(org);
    await put(org, avg, 'set', entries);
    const r = await client().get(`/api/v1/campaigns/${avg}/leaderboard?scope=org&limit=100`);
    expect(r.body.scope).toBe('org');
    const score = (key: string) => r.body.entries.find((e: { key: string }) => e.key === key)?.score;
    expect(score('fgw-b1')).toBeCloseTo(100 / b1, 2);
    expect(score('fgw-b2')).toBeCloseTo(120 / b2, 2);
    expect(score('fgw-b3')).toBe(0);
    expect(r.body.entries.some((e: { key: string }) => e.key === 'jyj-b1')).toBe(false);
    expect(r.body.total).toBe(3);
    void b3;

    const sum = await board(org, { settings: { leaderboard: { aggregation: 'sum' } } });
    await put(org, sum, 'set', entries);
    const s = await client().get(`/api/v1/campaigns/${sum}/leaderboard?scope=org`);
    expect(s.body.entries.slice(0, 2).map((e: { key: string; score: number; rank: number }) => [e.key, e.score, e.rank])).toEqual([
      ['fgw-b2', 120, 1],
      ['fgw-b1', 100, 2],
    ]);

    const part = await board(org, { settings: { leaderboard: { aggregation: 'participation' } } });
    await put(org, part, 'set', entries);
    const p = await client().get(`/api/v1/campaigns/${part}/leaderboard?scope=org`);
    expect(p.body.entries.find((e: { key: string }) => e.key === 'fgw-b2').score).toBeCloseTo((2 / b2) * 100, 2);
  });

  it('rebuilds from D1 after the object loses its storage and answers the same, frozen view included', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(
      org,
      id,
      'set',
      Array.from({ length: 50 }, (_, i) => ({ key: `r${i}`, name: `重建${i}`, score: i % 7, tiebreak: i % 3, orgUnitId: i % 2 ? 'fgw-b1' : 'fgw-b2' })),
    );
    await org.post(`/api/v1/campaigns/${id}/leaderboard/freeze`);
    await put(org, id, 'add', [{ key: 'r1', name: '重建1', score: 100 }]);
    const read = async () => [
      (await org.get(`/api/v1/campaigns/${id}/leaderboard?limit=100`)).body,
      (await client().get(`/api/v1/campaigns/${id}/leaderboard?limit=100`)).body,
      (await client().get(`/api/v1/campaigns/${id}/leaderboard?scope=org`)).body,
    ];
    const before = await read();
    const stub = boardStub(env, boardIdOf(id));
    await stub.resetStorage();
    expect((await boardStub(env, boardIdOf(id)).stats()).entries).toBe(0);
    const after = await read();
    expect(after.map((b) => ({ ...b, updatedAt: 0 }))).toEqual(before.map((b) => ({ ...b, updatedAt: 0 })));
    expect(after[1].frozen).toBe(true);
  });
});

describe('live boards', () => {
  it('sends a snapshot over WebSocket, then an update within a second of a change', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(org, id, 'set', [{ key: 'a', name: '张三明', score: 1 }]);
    const { ws, messages, waitFor } = await liveBoard<{ type: string; entries: Array<{ name: string; score: number }> }>(id);
    await waitFor(1);
    expect(messages[0]).toMatchObject({ type: 'snapshot', total: 1 });
    expect(messages[0]!.entries[0]!.name).toBe('张*明');
    ws.send('not json at all'); // ignored
    const t0 = Date.now();
    await put(org, id, 'add', [
      { key: 'a', name: '张三明', score: 4 },
      { key: 'b', name: '李四', score: 9 },
    ]);
    await waitFor(2);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(messages[1]).toMatchObject({ type: 'update', total: 2 });
    expect(messages[1]!.entries.map((e) => e.score)).toEqual([9, 5]);
    ws.close(1000);
  });

  it('gives an organizer’s session the public view when asked (widgets on our own pages)', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(org, id, 'set', [{ key: 'a', name: '张三明', score: 1 }]);
    const open = async (q: string) => {
      const res = await exports.default.fetch(
        new Request(`${BASE}/api/v1/campaigns/${id}/leaderboard/live${q}`, { headers: { upgrade: 'websocket', cookie: org.cookie } }),
      );
      const ws = res.webSocket!;
      const first = new Promise<{ entries: Array<{ name: string }> }>((resolve) =>
        ws.addEventListener('message', (e) => resolve(JSON.parse(e.data as string))),
      );
      ws.accept();
      const m = await first;
      ws.close(1000);
      return m.entries[0]!.name;
    };
    expect(await open('')).toBe('张三明');
    expect(await open('?view=public')).toBe('张*明');
  });

  it('closes a socket that floods it', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    const res = await exports.default.fetch(new Request(`${BASE}/api/v1/campaigns/${id}/leaderboard/live`, { headers: { upgrade: 'websocket' } }));
    const ws = res.webSocket!;
    const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
    ws.accept();
    for (let i = 0; i < 30; i++) ws.send(`{"flood":${i}}`);
    expect(await closed).toBe(1008);
  });

  it('streams Server-Sent Events to clients that cannot use sockets', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org);
    await put(org, id, 'set', [{ key: 'a', name: '甲', score: 3 }]);
    const res = await exports.default.fetch(new Request(`${BASE}/api/v1/campaigns/${id}/leaderboard/live`, { headers: { accept: 'text/event-stream' } }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"type":"snapshot"');
    await put(org, id, 'add', [{ key: 'a', name: '甲', score: 1 }]);
    let text = '';
    while (!text.includes('"type":"update"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"score":4');
    await reader.cancel();
    const plain = await client().get(`/api/v1/campaigns/${id}/leaderboard/live`);
    expect(plain.status).toBe(400);
  });
});

describe('embed pages', () => {
  it('serves the iframe page with the widget, framable by the campaign’s allowed origins', async () => {
    const r = await client().get('/embed/v1/leaderboard/dangshi-daily?rows=5&theme=red&lang=en');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toContain('<tongxin-leaderboard campaign="camp-quiz" scope="individual" rows="5" theme="red" lang="en" live frame');
    expect(r.text).toContain('/embed/v1/leaderboard.js');
    expect(r.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(r.headers.get('x-frame-options')).toBeNull();

    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await board(org, { settings: { embed: { allowedOrigins: ['https://partner.example', 'http://127.0.0.1:9999'] } } });
    const limited = await client().get(`/embed/v1/leaderboard/${id}`);
    expect(limited.headers.get('content-security-policy')).toContain('frame-ancestors https://partner.example http://127.0.0.1:9999');
  });

  it('renders the 大屏 layout with a QR code to join', async () => {
    const r = await client().get('/embed/v1/leaderboard/dangshi-daily?mode=screen');
    expect(r.status).toBe(200);
    expect(r.text).toContain('mode="screen"');
    expect(r.text).toContain('<svg');
    expect(r.text).toContain('扫码参与');
  });

  it('serves the drive progress iframe page with its widget, only for drives', async () => {
    const r = await client().get('/embed/v1/progress/jinqiu-zhuxue?theme=red');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<tongxin-progress campaign="camp-drive" theme="red" lang="zh-CN" frame>');
    expect(r.text).toContain('/embed/v1/progress.js');
    expect(r.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect((await client().get('/embed/v1/progress/dangshi-daily')).status).toBe(404);
  });

  it('refuses bad parameters, unknown, hidden and non-ranking campaigns', async () => {
    expect((await client().get('/embed/v1/leaderboard/dangshi-daily?rows=500')).status).toBe(400);
    expect((await client().get('/embed/v1/leaderboard/nope')).status).toBe(404);
    expect((await client().get('/embed/v1/leaderboard/camp-exhibition')).status).toBe(404);
    const org = await signedIn(PHONES.fgwOrganizer);
    const hidden = await board(org, { settings: { leaderboard: { hidden: true } } });
    expect((await client().get(`/embed/v1/leaderboard/${hidden}`)).status).toBe(404);
  });
});
