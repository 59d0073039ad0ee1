import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, fixture, inOneDay, PHONES, type Client, registerUser } from '../helpers';
import { hasExif } from '../../shared/image-strip';

let n = 0;
async function contest(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: `书画摄影测试${n++}`, orgUnitId: 'root', ...inOneDay(), settings });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
async function person(ip = `10.60.${n % 250}.${(n * 7) % 250}`) {
  const c = client({ ip });
  const r = await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: `作者${n++}` });
  return { c, id: r.body.user.id as string };
}
function form(file: Uint8Array | null, fields: Record<string, string> = {}, name = 'work.jpg') {
  const f = new FormData();
  for (const [k, v] of Object.entries({ title: '晨光', category: '摄影', authorName: '王晓燕', description: '清晨的城市', ...fields })) f.set(k, v);
  if (file) f.set('image', new File([file], name, { type: 'image/jpeg' }));
  return f;
}
const submit = (c: Client, id: string, f: FormData) => c.post(`/api/v1/campaigns/${id}/entries`, f);
const entriesOf = async (id: string) =>
  (await env.DB.prepare('SELECT COUNT(*) n FROM contest_entries WHERE campaign_id = ?').bind(id).first<{ n: number }>())!.n;

describe('entries', () => {
  it('takes a JPEG, strips its EXIF (GPS) before storing, and keeps it private until approved', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org);
    const { c } = await person();
    expect(hasExif(fixture('photo.jpg'))).toBe(true);
    const r = await submit(c, id, form(fixture('photo.jpg')));
    expect(r.status).toBe(201);
    expect(r.body.entry).toMatchObject({ status: 'pending', width: 1600, height: 1000, category: '摄影', authorName: '王晓燕' });
    const row = await env.DB.prepare('SELECT image_key FROM contest_entries WHERE id = ?').bind(r.body.entry.id).first<{ image_key: string }>();
    const stored = new Uint8Array(await (await env.MEDIA.get(row!.image_key))!.arrayBuffer());
    expect(hasExif(stored)).toBe(false);
    expect(new TextDecoder('latin1').decode(stored)).not.toContain('TongxinTest');
    // private until approved
    expect((await client().get(r.body.entry.imageUrl)).status).toBe(404);
    expect((await c.get(r.body.entry.imageUrl)).status).toBe(200);
    expect((await client().get(`/api/v1/campaigns/${id}/entries`)).body.items).toEqual([]);
    const mine = await c.get(`/api/v1/campaigns/${id}/entries?mine=true`);
    expect(mine.body.items).toHaveLength(1);
    // approve → public, with the author masked for the public
    const ok = await org.post(`/api/v1/entries/${r.body.entry.id}/review`, { decision: 'approve' });
    expect(ok.status).toBe(200);
    const gallery = await client().get(`/api/v1/campaigns/${id}/entries`);
    expect(gallery.body.items).toHaveLength(1);
    expect(gallery.body.items[0].authorName).toBe('王*燕');
    const media = await client().get(r.body.entry.imageUrl);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/jpeg');
    expect(media.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses what is not an acceptable image and stores nothing', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org);
    const { c } = await person();
    const cases: Array<[Uint8Array, Record<string, string>, number, string]> = [
      [fixture('fake.jpg'), {}, 415, 'JPEG'],
      [fixture('empty.jpg'), {}, 400, '空'],
      [fixture('truncated.jpg'), {}, 422, '不完整'],
      [fixture('flood.png'), {}, 413, '像素'],
      [fixture('small.png'), {}, 422, '1200'],
      [fixture('photo.jpg'), { category: '雕塑' }, 400, '书法'],
      [new Uint8Array(11 * 1024 * 1024), {}, 413, 'MB'],
    ];
    for (const [bytes, fields, status, text] of cases) {
      const r = await submit(c, id, form(bytes, fields));
      expect(r.status, text).toBe(status);
      expect(JSON.stringify(r.body.error), text).toContain(text);
    }
    expect((await submit(c, id, form(null))).status).toBe(400);
    // a calligraphy work needs no 1200 px; PNG and WebP are fine
    expect((await submit(c, id, form(fixture('small.png'), { category: '书法' }, 'x.png'))).status).toBe(201);
    expect((await submit(c, id, form(fixture('art.webp'), { category: '绘画' }, 'x.webp'))).status).toBe(201);
    expect(await entriesOf(id)).toBe(2);
    const listed = await env.MEDIA.list({ prefix: `entries/${id}/` });
    expect(listed.objects).toHaveLength(2);
  });

  it('keeps the per-category quota under parallel uploads, and a retried upload makes no duplicate', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { entriesPerPerson: 2 });
    const { c } = await person();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(c, id, form(fixture('photo.jpg'), { title: `作品${i}` }))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
    expect((await env.MEDIA.list({ prefix: `entries/${id}/` })).objects).toHaveLength(2);
    const other = await person();
    const first = await submit(other.c, id, form(fixture('photo.jpg'), { uploadId: 'upload-abc-123' }));
    const retry = await submit(other.c, id, form(fixture('photo.jpg'), { uploadId: 'upload-abc-123' }));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.entry.id).toBe(first.body.entry.id);
    // the organizer sees the same image entered twice
    const list = await org.get(`/api/v1/campaigns/${id}/entries?limit=100`);
    expect(list.body.items.find((e: { id: string }) => e.id === first.body.entry.id).duplicates.length).toBeGreaterThan(0);
  });

  it('rejects with a reason the entrant sees, and requalifies', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org);
    const { c } = await person();
    const e = (await submit(c, id, form(fixture('photo.jpg')))).body.entry;
    expect((await org.post(`/api/v1/entries/${e.id}/review`, { decision: 'reject' })).status).toBe(400);
    await org.post(`/api/v1/entries/${e.id}/review`, { decision: 'reject', reason: '作品主题与征集要求不符' });
    const mine = await c.get(`/api/v1/campaigns/${id}/entries?mine=true`);
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', reason: '作品主题与征集要求不符' });
    expect((await org.post(`/api/v1/entries/${e.id}/review`, { decision: 'approve' })).body.entry.status).toBe('approved');
    const audit = await env.DB.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid').bind(e.id).all<{ action: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(['entry.reject', 'entry.approve']);
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/entries/${e.id}/review`, { decision: 'approve' })).status).toBe(403);
  });
});

describe('voting', () => {
  async function approvedEntry(org: Client, id: string) {
    const { c } = await person();
    const e = (await submit(c, id, form(fixture('photo.jpg')))).body.entry;
    await org.post(`/api/v1/entries/${e.id}/review`, { decision: 'approve' });
    return e.id as string;
  }

  it('one vote per work per day, votesPerDay a day, exactly one counted under parallel duplicates', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { votesPerDay: 2 });
    const [a, b, c3] = [await approvedEntry(org, id), await approvedEntry(org, id), await approvedEntry(org, id)];
    expect((await client().post(`/api/v1/entries/${a}/votes`)).status).toBe(401);
    const { c } = await person();
    const dup = await Promise.all(Array.from({ length: 6 }, () => c.post(`/api/v1/entries/${a}/votes`)));
    expect(dup.filter((r) => r.status === 201)).toHaveLength(1);
    expect(dup.filter((r) => r.status === 409)).toHaveLength(5);
    expect(dup.find((r) => r.status === 201)!.body.votesLeftToday).toBe(1);
    expect((await c.post(`/api/v1/entries/${b}/votes`)).body.votesLeftToday).toBe(0);
    const over = await c.post(`/api/v1/entries/${c3}/votes`);
    expect(over.status).toBe(429);
    expect(over.body.error.message).toContain('2');
    const votes = await env.DB.prepare('SELECT votes FROM contest_entries WHERE id = ?').bind(a).first<{ votes: number }>();
    expect(votes!.votes).toBe(1);
    const board = await client().get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(board.body.scoreUnit).toBe('votes');
    expect(board.body.entries[0].name).toBe('晨光'); // works show their titles, unmasked
  });

  it('never lets parallel votes for different works exceed the daily limit', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { votesPerDay: 3 });
    const entries = await Promise.all(Array.from({ length: 6 }, () => approvedEntry(org, id)));
    const { c, id: voter } = await person();
    const results = await Promise.all(entries.map((e) => c.post(`/api/v1/entries/${e}/votes`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
    const n = await env.DB.prepare('SELECT COUNT(*) n FROM contest_votes WHERE voter_id = ?').bind(voter).first<{ n: number }>();
    expect(n!.n).toBe(3);
    const ev = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE user_id = ? AND type = 'contest_vote'").bind(voter).first<{ n: number }>();
    expect(ev!.n).toBe(3);
  });

  it('flags bursts from new accounts of one subnet; organizers discount them with a reason, never deleting', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org);
    const target = await approvedEntry(org, id);
    for (let i = 0; i < 6; i++) {
      const { c } = await person(`203.0.113.${i + 10}`);
      expect((await c.post(`/api/v1/entries/${target}/votes`)).status).toBe(201);
    }
    const flagged = await org.get(`/api/v1/campaigns/${id}/votes?flagged=true`);
    expect(flagged.body.items.length).toBeGreaterThanOrEqual(5);
    expect(flagged.body.items[0]).toMatchObject({ flagReason: 'burst', discounted: false });
    const ids = flagged.body.items.map((v: { id: string }) => v.id);
    const d = await org.post(`/api/v1/campaigns/${id}/votes/discount`, { ids, reason: '同一网段新注册账号集中投票' });
    expect(d.body.discounted).toBe(ids.length);
    const after = await env.DB.prepare('SELECT votes FROM contest_entries WHERE id = ?').bind(target).first<{ votes: number }>();
    expect(after!.votes).toBe(6 - ids.length);
    const kept = await env.DB.prepare('SELECT COUNT(*) n FROM contest_votes WHERE entry_id = ? AND discounted = 1').bind(target).first<{ n: number }>();
    expect(kept!.n).toBe(ids.length);
    const audit = await env.DB.prepare("SELECT COUNT(*) n FROM audit_log WHERE action = 'vote.discount'").first<{ n: number }>();
    expect(audit!.n).toBeGreaterThanOrEqual(ids.length);
    expect((await (await signedIn(PHONES.fgwMember)).get(`/api/v1/campaigns/${id}/votes?flagged=true`)).status).toBe(403);
  });

  it('refuses votes for works not approved and outside the voting window', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { votingStartsAt: '2099-01-01T00:00:00Z' });
    const { c: author } = await person();
    const pending = (await submit(author, id, form(fixture('photo.jpg')))).body.entry.id;
    const { c } = await person();
    expect((await c.post(`/api/v1/entries/${pending}/votes`)).status).toBe(409);
    await org.post(`/api/v1/entries/${pending}/review`, { decision: 'approve' });
    const closed = await c.post(`/api/v1/entries/${pending}/votes`);
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toContain('投票');
  });
});

describe('judging and results', () => {
  it('assigns blind, never to a judge of the work’s unit, scores within range, and combines 70/30 with votes', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await contest(org, { judgeWeight: 0.7 });
    // two authors: one in fgw-b1 (the demo member), one without a unit
    const member = await signedIn(PHONES.fgwMember);
    const e1 = (await submit(member, id, form(fixture('photo.jpg'), { title: '甲作品' }))).body.entry.id;
    const { c: outsider } = await person();
    const e2 = (await submit(outsider, id, form(fixture('photo.jpg'), { title: '乙作品' }))).body.entry.id;
    for (const e of [e1, e2]) await org.post(`/api/v1/entries/${e}/review`, { decision: 'approve' });
    // judges: a member of fgw-b1 (same unit as e1) and a member of jyj-b1
    await env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-judge-fgw', 'user-m000', 'fgw-b1', '/root/fgw/fgw-b1/', 'member', '2026-01-01T00:00:00Z')",
    ).run();
    expect((await org.post(`/api/v1/campaigns/${id}/judges`, { userId: 'user-m000' })).status).toBe(201);
    const j2 = await org.post(`/api/v1/campaigns/${id}/judges`, { phone: PHONES.jyjMember });
    expect(j2.body.judges).toHaveLength(2);
    expect((await org.post(`/api/v1/campaigns/${id}/judges`, { phone: '13999999998' })).status).toBe(400);
    const round = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, {
      name: '初评',
      criteria: [
        { name: '思想性', weight: 40, max: 10 },
        { name: '艺术性', weight: 40, max: 10 },
        { name: '技法', weight: 20, max: 10 },
      ],
    });
    expect(round.status).toBe(201);
    expect(round.body).toMatchObject({ entries: 2, assigned: 3 }); // the fgw judge skips e1
    const jyj = await signedIn(PHONES.jyjMember);
    const mine = await jyj.get('/api/v1/judging/assignments');
    expect(mine.body.items).toHaveLength(2);
    expect(JSON.stringify(mine.body)).not.toContain('王晓燕');
    expect(mine.body.items[0].authorName).toBeUndefined();
    expect((await jyj.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 11, 艺术性: 5, 技法: 5 } })).status).toBe(400);
    expect((await jyj.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 5, 艺术性: 5 } })).status).toBe(400);
    expect((await jyj.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 10, 艺术性: 10, 技法: 10 } })).body.total).toBe(100);
    expect((await jyj.post(`/api/v1/entries/${e2}/scores`, { criteria: { 思想性: 5, 艺术性: 5, 技法: 5 } })).body.total).toBe(50);
    const fgwJudge = client();
    await env.DB.prepare("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = 'user-member-fgw') WHERE id = 'user-m000'").run();
    await fgwJudge.post('/api/v1/auth/login', { phone: '13900000000', password: 'tongxin-demo' });
    expect((await fgwJudge.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 1, 艺术性: 1, 技法: 1 } })).status).toBe(403);
    await fgwJudge.post(`/api/v1/entries/${e2}/conflict`);
    expect((await fgwJudge.post(`/api/v1/entries/${e2}/scores`, { criteria: { 思想性: 1, 艺术性: 1, 技法: 1 } })).status).toBe(409);
    expect((await member.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 1, 艺术性: 1, 技法: 1 } })).status).toBe(403);

    // public votes: e2 gets 2, e1 gets 1
    for (const [e, k] of [
      [e2, 2],
      [e1, 1],
    ] as const)
      for (let i = 0; i < k; i++) await (await person()).c.post(`/api/v1/entries/${e}/votes`);
    expect((await client().get(`/api/v1/campaigns/${id}/results`)).status).toBe(403);
    const results = await org.get(`/api/v1/campaigns/${id}/results`);
    const byId = Object.fromEntries(results.body.items.map((r: { entryId: string }) => [r.entryId, r]));
    expect(byId[e1]).toMatchObject({ judge: 100, publicScore: 50, score: 85, rank: 1 });
    expect(byId[e2]).toMatchObject({ judge: 50, publicScore: 100, score: 65, rank: 2 });
    const awards = await org.post(`/api/v1/campaigns/${id}/awards`, { mode: 'auto' });
    expect(awards.body.items.map((r: { award: string }) => r.award)).toEqual(['一等奖', '二等奖']);
    const rounds = await org.get(`/api/v1/campaigns/${id}/judging-rounds`);
    expect(rounds.body.items[0].progress.length).toBe(2);
    const closed = await org.post(`/api/v1/judging-rounds/${round.body.round.id}/close`);
    expect(closed.body.round.status).toBe('closed');
    expect(closed.body.round.unfinished).toEqual([]);
    expect((await jyj.post(`/api/v1/entries/${e1}/scores`, { criteria: { 思想性: 1, 艺术性: 1, 技法: 1 } })).status).toBe(403);
  });

  it('shows the demo contest: approved works with votes, a panel and an open round', async () => {
    const gallery = await client().get('/api/v1/campaigns/hanmo-danqing/entries?limit=100');
    expect(gallery.body.items).toHaveLength(12);
    expect(new Set(gallery.body.items.map((e: { category: string }) => e.category))).toEqual(new Set(['书法', '绘画', '摄影']));
    const board = await client().get('/api/v1/campaigns/hanmo-danqing/leaderboard');
    expect(board.body.total).toBe(12);
    const org = await signedIn(PHONES.rootOrganizer);
    const rounds = await org.get('/api/v1/campaigns/camp-contest/judging-rounds');
    expect(rounds.body.items[0]).toMatchObject({ name: '初评', status: 'open' });
    // a round over the whole contest (more assignments than one statement can bind)
    const next = await org.post('/api/v1/campaigns/camp-contest/judging-rounds', { name: '复评', criteria: [{ name: '艺术性', weight: 1, max: 10 }] });
    expect(next.status).toBe(201);
    expect(next.body.assigned).toBeGreaterThan(25);
    const after = await org.get('/api/v1/campaigns/camp-contest/judging-rounds');
    expect(after.body.items[0].status).toBe('closed');
    expect(after.body.items[0].unfinished.length).toBe(3); // the demo judges had not scored
    // newest works first in the gallery, and a voter's votes today
    const member = await signedIn(PHONES.jyjMember);
    const mv = await member.get('/api/v1/campaigns/hanmo-danqing/my-votes');
    expect(mv.body).toMatchObject({ votesPerDay: 5, votesLeftToday: 5, votedEntryIds: [], votingOpen: true });
    await member.post(`/api/v1/entries/${gallery.body.items[0].id}/votes`);
    expect((await member.get('/api/v1/campaigns/hanmo-danqing/my-votes')).body).toMatchObject({ votesLeftToday: 4, votedEntryIds: [gallery.body.items[0].id] });
  });
});
