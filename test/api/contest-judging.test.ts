import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, fixture, inOneDay, PHONES, type Client, registerUser } from '../helpers';
import { assignJudges } from '../../shared/judging';
import { read, utils } from '@e965/xlsx';

let n = 0;
async function contest(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: `评审规则测试${n++}`, orgUnitId: 'root', ...inOneDay(), settings });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
async function person() {
  const c = client({ ip: `10.61.${n % 250}.${(n * 3) % 250}` });
  await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: `作者${n++}` });
  return c;
}
function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries({ title: '作品', category: '书法', authorName: '李文华', ...fields })) f.set(k, v);
  f.set('image', new File([fixture('small.png')], 'w.png', { type: 'image/png' }));
  return f;
}
/** Approved works by authors without a unit (so every judge may judge them). */
async function works(org: Client, id: string, specs: Array<Record<string, string>>) {
  const ids: string[] = [];
  for (const s of specs) {
    const r = await (await person()).post(`/api/v1/campaigns/${id}/entries`, form(s));
    expect(r.status).toBe(201);
    await org.post(`/api/v1/entries/${r.body.entry.id}/review`, { decision: 'approve' });
    ids.push(r.body.entry.id);
  }
  return ids;
}
/** Demo members as judges, signed in (their demo rows get the demo password). */
async function judges(org: Client, id: string, userIds: string[]) {
  const out: Record<string, Client> = {};
  for (const u of userIds) {
    expect((await org.post(`/api/v1/campaigns/${id}/judges`, { userId: u })).status).toBe(201);
    await env.DB.prepare("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = 'user-member-fgw') WHERE id = ?").bind(u).run();
    const phone = (await env.DB.prepare('SELECT phone FROM users WHERE id = ?').bind(u).first<{ phone: string }>())!.phone;
    out[u] = await signedIn(phone);
  }
  return out;
}
const assignmentsOf = async (roundId: string) =>
  (
    await env.DB.prepare('SELECT entry_id, judge_id FROM judge_assignments WHERE round_id = ? ORDER BY entry_id, judge_id')
      .bind(roundId)
      .all<{ entry_id: string; judge_id: string }>()
  ).results;
const crit = [{ name: '艺术性', weight: 1, max: 100 }];
const JUDGES = ['user-m001', 'user-m021', 'user-m041', 'user-m061'];

describe('judging rules', () => {
  it('draws judges at random, balanced and reproducible from the round id, with a quorum no draw can miss', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { judgeWeight: 1 });
    const ids = await works(
      org,
      id,
      Array.from({ length: 6 }, (_, i) => ({ title: `作品${i}` })),
    );
    await judges(org, id, JUDGES);
    // a random round whose draw cannot reach the quorum is refused
    const bad = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: crit, assignment: 'random', judgesPerEntry: 2, quorum: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.quorum).toContain('有效评分');
    const r = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: crit, assignment: 'random', judgesPerEntry: 2, quorum: 2 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ entries: 6, assigned: 12, shortOfQuorum: [] });
    const rows = await assignmentsOf(r.body.round.id);
    // every work has two judges, and every judge has three works (6 × 2 / 4)
    for (const e of ids) expect(rows.filter((x) => x.entry_id === e)).toHaveLength(2);
    for (const j of JUDGES) expect(rows.filter((x) => x.judge_id === j)).toHaveLength(3);
    // the same seed (the round id) gives the same draw: it can be checked afterwards
    const panel = JUDGES.map((u) => ({ userId: u, orgUnitId: 'x' }));
    const again = assignJudges(
      ids.map((e) => ({ id: e, userId: 'author', orgUnitId: null })),
      panel,
      2,
      r.body.round.id,
    )
      .map((p) => ({ entry_id: p.entryId, judge_id: p.judgeId }))
      .sort((a, b) => (a.entry_id + a.judge_id < b.entry_id + b.judge_id ? -1 : 1));
    expect(again).toEqual(rows);
  });

  it('a work with fewer scores than the quorum is unfinished, never 0; publishing warns; the top N carries on and the final round decides', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { judgeWeight: 1 });
    const [a, b, c, d] = await works(org, id, [{ title: '甲' }, { title: '乙' }, { title: '丙' }, { title: '丁' }]);
    const js = await judges(org, id, JUDGES.slice(0, 2));
    const r1 = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: crit, quorum: 2 });
    expect(r1.body).toMatchObject({ entries: 4, assigned: 8 });
    const score = (j: string, e: string, v: number) => js[j]!.post(`/api/v1/entries/${e}/scores`, { criteria: { 艺术性: v } });
    const [j1, j2] = JUDGES;
    for (const [e, v1, v2] of [
      [a, 90, 80],
      [b, 70, 70],
      [c, 60, 50],
    ] as const) {
      expect((await score(j1!, e!, v1)).status).toBe(200);
      expect((await score(j2!, e!, v2)).status).toBe(200);
    }
    expect((await score(j1!, d!, 100)).status).toBe(200); // 丁: one score of the two the quorum asks
    let res = await org.get(`/api/v1/campaigns/${id}/results`);
    expect(res.body.unfinished).toBe(1);
    const byId = () => Object.fromEntries(res.body.items.map((x: { entryId: string }) => [x.entryId, x]));
    expect(byId()[d!]).toMatchObject({ status: 'unfinished', judge: null, score: null, rank: null, judgeCount: 1, quorum: 2 });
    expect(res.body.items.map((x: { title: string; rank: number | null }) => [x.title, x.rank])).toEqual([
      ['甲', 1],
      ['乙', 2],
      ['丙', 3],
      ['丁', null],
    ]);

    // publishing while a work is unfinished: a warning first, then only on purpose
    const warn = await org.post(`/api/v1/campaigns/${id}/results/publish`, { published: true });
    expect(warn.status).toBe(409);
    expect(warn.body.error.reason).toBe('judging_incomplete');
    expect(warn.body.unfinished).toBe(1);
    expect((await client().get(`/api/v1/campaigns/${id}/results`)).status).toBe(403);
    expect((await org.post(`/api/v1/campaigns/${id}/results/publish`, { published: true, force: true })).body).toEqual({ published: true, unfinished: 1 });
    expect((await client().get(`/api/v1/campaigns/${id}/results`)).status).toBe(200);
    expect((await org.post(`/api/v1/campaigns/${id}/results/publish`, { published: false })).status).toBe(200);
    expect((await client().get(`/api/v1/campaigns/${id}/results`)).status).toBe(403);

    // the top 2 go on: refused while 丁 is unfinished, then carried on purpose (丁 is not carried: it has no rank)
    const topN = { name: '复评', criteria: crit, quorum: 2, entries: { topN: 2 } };
    const refused = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, topN);
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('judging_incomplete');
    expect((await org.get(`/api/v1/campaigns/${id}/judging-rounds`)).body.items).toHaveLength(1);
    const r2 = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { ...topN, force: true });
    expect(r2.body).toMatchObject({ entries: 2, assigned: 4 });
    // in the final round 乙 beats 甲; 甲 and 乙 rank ahead of 丙 whatever their scores
    for (const [e, v] of [
      [a, 40],
      [b, 50],
    ] as const)
      for (const j of [j1!, j2!]) expect((await score(j, e!, v)).status).toBe(200);
    res = await org.get(`/api/v1/campaigns/${id}/results`);
    expect(res.body.items.map((x: { title: string; rank: number | null; round: number }) => [x.title, x.rank, x.round])).toEqual([
      ['乙', 1, 2],
      ['甲', 2, 2],
      ['丙', 3, 1],
      ['丁', null, 1],
    ]);
    expect(byId()[a!]).toMatchObject({ judge: 40, previousJudge: 85 });
  });

  it('breaks a tie in the final round by the round before, and gives prizes per category', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, {
      judgeWeight: 1,
      awardsByCategory: {
        书法: [
          { name: '书法一等奖', count: 1 },
          { name: '书法二等奖', count: 1 },
        ],
        绘画: [{ name: '绘画金奖', count: 1 }],
      },
    });
    const [s1, s2, p1, p2] = await works(org, id, [
      { title: '书一', category: '书法' },
      { title: '书二', category: '书法' },
      { title: '画一', category: '绘画' },
      { title: '画二', category: '绘画' },
    ]);
    const js = await judges(org, id, JUDGES.slice(0, 1));
    const j = js[JUDGES[0]!]!;
    await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: crit });
    for (const [e, v] of [
      [s1, 60],
      [s2, 70],
      [p1, 95],
      [p2, 20],
    ] as const)
      await j.post(`/api/v1/entries/${e}/scores`, { criteria: { 艺术性: v } });
    await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '终评', criteria: crit, entries: { topN: 4 } });
    // 书一 and 书二 tie in the final; 书二 had more in the first round
    for (const [e, v] of [
      [s1, 80],
      [s2, 80],
      [p1, 90],
      [p2, 10],
    ] as const)
      await j.post(`/api/v1/entries/${e}/scores`, { criteria: { 艺术性: v } });
    const res = await org.get(`/api/v1/campaigns/${id}/results`);
    expect(res.body.awardsPerCategory).toBe(true);
    expect(res.body.items.map((x: { title: string; rank: number; categoryRank: number }) => [x.title, x.rank, x.categoryRank])).toEqual([
      ['画一', 1, 1],
      ['书二', 2, 1],
      ['书一', 3, 2],
      ['画二', 4, 2],
    ]);
    const awards = await org.post(`/api/v1/campaigns/${id}/awards`, { mode: 'auto' });
    expect(Object.fromEntries(awards.body.items.map((x: { title: string; award: string | null }) => [x.title, x.award]))).toEqual({
      画一: '绘画金奖',
      书二: '书法一等奖',
      书一: '书法二等奖',
      画二: null,
    });

    // the results 台账 as Excel, and the entries 台账 with the authors' numbers
    const xlsx = await org.get(`/api/v1/campaigns/${id}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    const sheet = utils.sheet_to_json<string[]>(read(xlsx.bytes, { type: 'array' }).Sheets['评选结果']!, { header: 1 });
    expect(sheet[0]).toContain('作品编号');
    expect(sheet.slice(1).map((r) => [r[1], r[14] ?? ''])).toEqual([
      ['画一', '绘画金奖'],
      ['书二', '书法一等奖'],
      ['书一', '书法二等奖'],
      ['画二', ''],
    ]);
    const csv = await org.get(`/api/v1/campaigns/${id}/entries/export?format=csv`);
    expect(csv.text).toContain('"作品编号","作品名称","类别","作者","手机号"');
    // authors outside the organizer's tree (no unit): their phones masked
    expect(csv.text).toMatch(/"0001","书一","书法","李文华","13\d\*{4}\d{4}"/);
  });
});

describe('作品编号 and the gallery', () => {
  it('numbers parallel submissions 1…n with no number shared, and finds works by number and title', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { showVoteCounts: false });
    const people = await Promise.all(Array.from({ length: 8 }, () => person()));
    const sent = await Promise.all(people.map((c, i) => c.post(`/api/v1/campaigns/${id}/entries`, form({ title: `并行${i}号作品` }))));
    expect(sent.map((r) => r.status)).toEqual(Array(8).fill(201));
    const serials = sent.map((r) => r.body.entry.serial as number).sort((a, b) => a - b);
    expect(serials).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sent.every((r) => r.body.entry.number === String(r.body.entry.serial).padStart(4, '0'))).toBe(true);
    for (const r of sent) await org.post(`/api/v1/entries/${r.body.entry.id}/review`, { decision: 'approve' });
    const pub = client();
    const byNumber = await pub.get(`/api/v1/campaigns/${id}/entries?q=0003`);
    expect(byNumber.body.items.map((e: { serial: number }) => e.serial)).toEqual([3]);
    const byTitle = await pub.get(`/api/v1/campaigns/${id}/entries?q=${encodeURIComponent('并行5')}`);
    expect(byTitle.body.items.map((e: { title: string }) => e.title)).toEqual(['并行5号作品']);
    // % is a character, not a wildcard
    expect((await pub.get(`/api/v1/campaigns/${id}/entries?q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
    // the public cannot find works by the author's name; organizers can
    expect((await pub.get(`/api/v1/campaigns/${id}/entries?q=${encodeURIComponent('李文华')}`)).body.items).toEqual([]);
    expect((await org.get(`/api/v1/campaigns/${id}/entries?q=${encodeURIComponent('李文华')}&limit=100`)).body.items).toHaveLength(8);
    // by number, in pages
    const p1 = await pub.get(`/api/v1/campaigns/${id}/entries?sort=number&limit=5`);
    const p2 = await pub.get(`/api/v1/campaigns/${id}/entries?sort=number&limit=5&cursor=${p1.body.nextCursor}`);
    expect([...p1.body.items, ...p2.body.items].map((e: { serial: number }) => e.serial)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(p2.body.nextCursor).toBeNull();
    // votes hidden: no sorting by them for the public (it would tell the order)
    const hidden = await pub.get(`/api/v1/campaigns/${id}/entries?sort=votes`);
    expect(hidden.status).toBe(400);
    expect((await org.get(`/api/v1/campaigns/${id}/entries?sort=votes`)).status).toBe(200);
  });

  it('sorts the demo gallery by votes, most first', async () => {
    const r = await client().get('/api/v1/campaigns/hanmo-danqing/entries?sort=votes&limit=100');
    const votes = r.body.items.map((e: { votes: number }) => e.votes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(new Set(r.body.items.map((e: { serial: number }) => e.serial)).size).toBe(12);
  });
});
