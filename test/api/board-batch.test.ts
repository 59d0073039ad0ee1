import { afterEach, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { client, fixture, freshPhone, inOneDay, registerUser, signedIn, PHONES } from '../helpers';
import { createDb } from '../../db/client';
import { volunteer } from './volunteer.fixtures';
import { abortUnlessChanged, guardedBatch, isBatchAborted, writeBatch } from '../../db/queries/util';

// Issue 12 item 11 / issue 13: a board score is written in the same D1 batch as the write
// that earns it, so a failure between the two can't leave one without the other. To prove
// it, the board's table is made to fail (a trigger) and the earning write must not land either.

async function boardDown(boardId: string) {
  for (const op of ['INSERT', 'UPDATE']) {
    await env.DB.prepare(`CREATE TRIGGER board_down_${op.toLowerCase()} BEFORE ${op} ON leaderboard_entries WHEN NEW.board_id = '${boardId}'
      BEGIN SELECT RAISE(ABORT, 'board down'); END`).run();
  }
}
afterEach(async () => {
  await env.DB.prepare('DROP TRIGGER IF EXISTS board_down_insert').run();
  await env.DB.prepare('DROP TRIGGER IF EXISTS board_down_update').run();
});
const row = (boardId: string, key: string) =>
  env.DB.prepare('SELECT score, version FROM leaderboard_entries WHERE board_id = ? AND key = ?')
    .bind(boardId, key)
    .first<{ score: number; version: number }>();

let n = 0;
async function person(ip = `10.70.${n % 250}.${(n * 7) % 250}`) {
  const c = client({ ip });
  const r = await registerUser(c, { phone: freshPhone(), name: `参与者${n++}`, password: 'secret-pass-1' });
  return { c, id: r.body.user.id as string };
}

describe('the batch guard', () => {
  it('aborts the whole batch when the conditional write before it changed nothing, and is told apart from faults', async () => {
    const db = createDb(env.DB);
    await env.DB.prepare('CREATE TABLE guard_probe (id TEXT PRIMARY KEY, n INTEGER)').run();
    await env.DB.prepare("INSERT INTO guard_probe VALUES ('a', 0)").run();
    const bump = (id: string) => sql`UPDATE guard_probe SET n = n + 1 WHERE id = ${id}`;
    expect(await guardedBatch(db, [bump('a'), bump('missing'), abortUnlessChanged()])).toBeNull();
    expect(await env.DB.prepare("SELECT n FROM guard_probe WHERE id = 'a'").first('n')).toBe(0);
    expect(await guardedBatch(db, [bump('a'), abortUnlessChanged(), bump('a')])).not.toBeNull();
    expect(await env.DB.prepare("SELECT n FROM guard_probe WHERE id = 'a'").first('n')).toBe(2);
    expect(await guardedBatch(db, [sql`UPDATE guard_probe SET n = n + 1`, abortUnlessChanged('some')])).not.toBeNull();
    // a real fault is not a guard: it still throws
    const fault = await writeBatch(db, [sql`INSERT INTO guard_probe VALUES ('a', 1)`]).catch((e) => e);
    expect(isBatchAborted(fault)).toBe(false);
    await expect(guardedBatch(db, [sql`INSERT INTO guard_probe VALUES ('a', 1)`])).rejects.toThrow();
  });
});

describe('votes earn the work’s score in their own batch', () => {
  it('both or neither: a board that cannot be written keeps the vote out; a vote over the limit touches no score', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: `同批投票${n++}`, orgUnitId: 'root', ...inOneDay(), settings: { votesPerDay: 1 } });
    const id = r.body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const entries: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { c } = await person();
      const f = new FormData();
      for (const [k, v] of Object.entries({ title: `作品${i}`, category: '摄影', authorName: '王晓燕', description: '清晨' })) f.set(k, v);
      f.set('image', new File([fixture('photo.jpg')], 'work.jpg', { type: 'image/jpeg' }));
      const e = (await c.post(`/api/v1/campaigns/${id}/entries`, f)).body.entry.id as string;
      await org.post(`/api/v1/entries/${e}/review`, { decision: 'approve' });
      entries.push(e);
    }
    const [a, b] = entries as [string, string];
    const voter = await person();
    const votes = () => env.DB.prepare('SELECT COUNT(*) n FROM contest_votes WHERE voter_id = ?').bind(voter.id).first('n');

    await boardDown(`${id}:main`);
    expect((await voter.c.post(`/api/v1/entries/${a}/votes`)).status).toBe(500);
    expect(await votes()).toBe(0);
    expect(await env.DB.prepare('SELECT votes FROM contest_entries WHERE id = ?').bind(a).first('votes')).toBe(0);
    await env.DB.prepare('DROP TRIGGER board_down_insert').run();
    await env.DB.prepare('DROP TRIGGER board_down_update').run();

    expect((await voter.c.post(`/api/v1/entries/${a}/votes`)).status).toBe(201);
    expect(await row(`${id}:main`, a)).toEqual({ score: 1, version: 1 });
    expect(await env.DB.prepare('SELECT votes FROM contest_entries WHERE id = ?').bind(a).first('votes')).toBe(1);
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.entries.find((e: { key: string }) => e.key === a).score).toBe(1);

    // the daily limit: the guard aborts the batch, the other work's score is never written
    expect((await voter.c.post(`/api/v1/entries/${b}/votes`)).status).toBe(429);
    expect(await row(`${id}:main`, b)).toBeNull();
    expect(await votes()).toBe(1);
  });
});

describe('discounted votes come off the work’s score in the discount’s batch', () => {
  it('each discounted vote once, also when discounted twice in parallel', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: `同批扣票${n++}`, orgUnitId: 'root', ...inOneDay(), settings: { votesPerDay: 5 } });
    const id = r.body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const { c } = await person();
    const f = new FormData();
    for (const [k, v] of Object.entries({ title: '扣票作品', category: '摄影', authorName: '王晓燕', description: '清晨' })) f.set(k, v);
    f.set('image', new File([fixture('photo.jpg')], 'work.jpg', { type: 'image/jpeg' }));
    const e = (await c.post(`/api/v1/campaigns/${id}/entries`, f)).body.entry.id as string;
    await org.post(`/api/v1/entries/${e}/review`, { decision: 'approve' });
    for (let i = 0; i < 3; i++) expect((await (await person()).c.post(`/api/v1/entries/${e}/votes`)).status).toBe(201);
    expect((await row(`${id}:main`, e))!.score).toBe(3);
    const ids = (await org.get(`/api/v1/campaigns/${id}/votes`)).body.items.slice(0, 2).map((x: { id: string }) => x.id);
    await Promise.all([1, 2].map(() => org.post(`/api/v1/campaigns/${id}/votes/discount`, { ids, reason: '重复账号' })));
    expect((await row(`${id}:main`, e))!.score).toBe(1);
    expect(await env.DB.prepare('SELECT votes FROM contest_entries WHERE id = ?').bind(e).first('votes')).toBe(1);
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.entries.find((x: { key: string }) => x.key === e).score).toBe(1);
  });
});

describe('verified pledges earn their amount in the verification’s batch', () => {
  it('both or neither, once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const charity = { name: '示例慈善会', licenseNo: '示例-0001', projectUrl: 'https://example.org/p/1' };
    const r = await org.post('/api/v1/campaigns', {
      kind: 'drive',
      title: `同批募捐${n++}`,
      orgUnitId: 'root',
      ...inOneDay(),
      settings: { goal: 100000, charity },
    });
    const id = r.body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const member = await signedIn(PHONES.fgwMember);
    const p = (await member.post(`/api/v1/campaigns/${id}/pledges`, { amount: 4200, anonymous: false }, { 'idempotency-key': 'batch-1' })).body.pledge
      .id as string;
    const status = () => env.DB.prepare('SELECT status FROM pledges WHERE id = ?').bind(p).first('status');
    const verifiedEvents = () => env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE type = 'drive_verified' AND ref = ?").bind(p).first('n');

    await boardDown(`${id}:main`);
    expect((await org.post(`/api/v1/pledges/${p}/verify`, { amount: 4000 })).status).toBe(500);
    expect(await status()).toBe('pledged');
    expect(await verifiedEvents()).toBe(0);
    await env.DB.prepare('DROP TRIGGER board_down_insert').run();
    await env.DB.prepare('DROP TRIGGER board_down_update').run();

    expect((await org.post(`/api/v1/pledges/${p}/verify`, { amount: 4000 })).status).toBe(200);
    const stored = await env.DB.prepare('SELECT key, score, version FROM leaderboard_entries WHERE board_id = ?')
      .bind(`${id}:main`)
      .all<{ key: string; score: number; version: number }>();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]).toMatchObject({ score: 4000, version: 1 });
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.entries.map((e: { key: string; score: number }) => [e.key, e.score])).toEqual([[stored.results[0]!.key, 4000]]);

    // a second verification, also in parallel, is refused by the guard and earns nothing
    const again = await Promise.all([1, 2, 3].map(() => org.post(`/api/v1/pledges/${p}/verify`, { amount: 4000 })));
    expect(again.every((x) => x.status === 409)).toBe(true);
    expect(await row(`${id}:main`, stored.results[0]!.key)).toEqual({ score: 4000, version: 1 });
    expect(await verifiedEvents()).toBe(1);
  });
});

describe('approved hours earn their score in the approval’s batch', () => {
  it('both or neither; parallel approvals earn a record’s hours once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const member = await signedIn(PHONES.fgwMember);
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const rec = async (hours: number) =>
      (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today, hours, description: '社区服务' })).body.record.id as string;
    const [r1, r2, r3] = [await rec(2), await rec(1.5), await rec(1)];
    const status = (x: string) => env.DB.prepare('SELECT status FROM service_records WHERE id = ?').bind(x).first('status');

    await boardDown(`${id}:main`);
    expect((await org.post(`/api/v1/service-records/${r1}/approve`)).status).toBe(500);
    expect(await status(r1)).toBe('pending');
    await env.DB.prepare('DROP TRIGGER board_down_insert').run();
    await env.DB.prepare('DROP TRIGGER board_down_update').run();

    expect((await org.post(`/api/v1/service-records/${r1}/approve`)).status).toBe(200);
    const key = (await env.DB.prepare('SELECT key FROM leaderboard_entries WHERE board_id = ?').bind(`${id}:main`).first<{ key: string }>())!.key;
    expect(await row(`${id}:main`, key)).toEqual({ score: 2, version: 1 });

    const results = await Promise.all(
      Array.from({ length: 4 }, () => org.post(`/api/v1/campaigns/${id}/service-records/review`, { ids: [r2, r3], decision: 'approve' })),
    );
    expect(results.reduce((s, x) => s + x.body.reviewed, 0)).toBe(2);
    expect((await row(`${id}:main`, key))!.score).toBe(4.5);
    const pub = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(pub.body.entries.map((e: { key: string; score: number }) => [e.key, e.score])).toEqual([[key, 4.5]]);
  });
});
