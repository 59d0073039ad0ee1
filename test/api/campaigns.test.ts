import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES } from '../helpers';

const draft = (over: Record<string, unknown> = {}) => ({ kind: 'quiz', title: '机关党建知识问答', summary: '测试', orgUnitId: 'fgw', ...inOneDay(), ...over });

describe('campaigns', () => {
  it('shows the demo campaigns: a published one of each kind, never drafts, to the public', async () => {
    const r = await client().get('/api/v1/campaigns?limit=100');
    expect(r.status).toBe(200);
    expect(r.body.nextCursor).toBeNull();
    const kinds = new Set(r.body.items.map((c: { kind: string }) => c.kind));
    expect([...kinds].sort()).toEqual(['contest', 'drive', 'exhibition', 'quiz', 'training', 'volunteer']);
    expect(r.body.items.every((c: { status: string }) => c.status !== 'draft')).toBe(true);
    expect(r.body.items[0]).toMatchObject({ orgUnitName: '市直机关工委', canManage: false });
    expect(r.headers.get('cache-control')).toContain('public');
  });

  it('filters by kind, status and org subtree and pages with a cursor', async () => {
    const c = client();
    const quiz = await c.get('/api/v1/campaigns?kind=quiz');
    expect(quiz.body.items.map((x: { slug: string }) => x.slug).sort()).toEqual(['dangshi-contest', 'dangshi-daily']);
    const page1 = await c.get('/api/v1/campaigns?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await c.get(`/api/v1/campaigns?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
    // the demo's 教育局 campaigns are the monthly trainings of its first branch; the second branch has none
    expect((await c.get('/api/v1/campaigns?orgUnitId=jyj')).body.items.map((x: { id: string }) => x.id).sort()).toEqual([
      'camp-tr-lecture-jyj',
      'camp-tr-party-day-jyj',
    ]);
    expect((await c.get('/api/v1/campaigns?orgUnitId=jyj-b2')).body.items).toEqual([]);
    const bad = await c.get('/api/v1/campaigns?kind=party&limit=1000');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['kind', 'limit']);
  });

  it('gets a campaign by id or slug', async () => {
    const byId = await client().get('/api/v1/campaigns/camp-drive');
    const bySlug = await client().get('/api/v1/campaigns/jinqiu-zhuxue');
    expect(byId.status).toBe(200);
    expect(bySlug.body.campaign.id).toBe('camp-drive');
    expect(byId.body.campaign.settings.charity.licenseNo).toBeTruthy();
  });

  it('creates a draft with default settings, edits, publishes and closes it, audit-logged', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const created = await org.post('/api/v1/campaigns', draft({ slug: 'fgw-quiz-1', settings: { questionsPerAttempt: 10 } }));
    expect(created.status).toBe(201);
    const c = created.body.campaign;
    expect(c).toMatchObject({ status: 'draft', slug: 'fgw-quiz-1', orgUnitName: '市发展和改革委员会机关党委', canManage: true });
    expect(c.settings).toMatchObject({ mode: 'daily', questionsPerAttempt: 10, secondsPerQuestion: 30 });
    expect((await client().get(`/api/v1/campaigns/${c.id}`)).status).toBe(404);

    const edited = await org.patch(`/api/v1/campaigns/${c.id}`, { title: '机关党建知识问答（第二期）', settings: { leaderboard: { hidden: true } } });
    expect(edited.status).toBe(200);
    expect(edited.body.campaign.title).toBe('机关党建知识问答（第二期）');
    expect(edited.body.campaign.settings).toMatchObject({ questionsPerAttempt: 10, leaderboard: { hidden: true, aggregation: 'average' } });

    const pub = await org.post(`/api/v1/campaigns/${c.id}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.campaign.status).toBe('published');
    expect((await client().get('/api/v1/campaigns/fgw-quiz-1')).status).toBe(200);
    expect((await org.post(`/api/v1/campaigns/${c.id}/publish`)).status).toBe(409);

    const closed = await org.post(`/api/v1/campaigns/${c.id}/close`);
    expect(closed.body.campaign.status).toBe('closed');
    expect(closed.body.campaign.closedAt).toBeTruthy();
    const late = await org.patch(`/api/v1/campaigns/${c.id}`, { title: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
    const actions = await env.DB.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid').bind(c.id).all<{ action: string }>();
    expect(actions.results.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.publish', 'campaign.close']);
  });

  it('publishes once under parallel clicks', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const c = (await org.post('/api/v1/campaigns', draft({ orgUnitId: 'root' }))).body.campaign;
    const results = await Promise.all(Array.from({ length: 6 }, () => org.post(`/api/v1/campaigns/${c.id}/publish`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const n = await env.DB.prepare("SELECT COUNT(*) n FROM audit_log WHERE entity_id = ? AND action = 'campaign.publish'").bind(c.id).first<{ n: number }>();
    expect(n!.n).toBe(1);
  });

  it('validates kind, schedule, settings per kind and slugs, and creates nothing on error', async () => {
    const org = await signedIn(PHONES.fgwOrganizer, { lang: 'en' });
    const count = async () => (await env.DB.prepare('SELECT COUNT(*) n FROM campaigns').first<{ n: number }>())!.n;
    const before = await count();
    let r = await org.post('/api/v1/campaigns', draft({ kind: 'lottery' }));
    expect(r.body.error.fields.kind).toContain('quiz');
    r = await org.post('/api/v1/campaigns', draft({ startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' }));
    expect(r.body.error.fields.endsAt).toContain('after');
    r = await org.post('/api/v1/campaigns', draft({ kind: 'volunteer', settings: { pairCap: 0, colour: 'red' } }));
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['settings.colour', 'settings.pairCap']);
    r = await org.post('/api/v1/campaigns', draft({ slug: 'Bad Slug!' }));
    expect(r.body.error.fields.slug).toBeTruthy();
    r = await org.post('/api/v1/campaigns', draft({ title: '题'.repeat(81) }));
    expect(r.body.error.fields.title).toContain('80');
    // every problem at once, not one per submit
    r = await org.post(
      '/api/v1/campaigns',
      draft({
        kind: 'drive',
        title: '',
        startsAt: '2026-12-01T00:00:00Z',
        endsAt: '2026-11-01T00:00:00Z',
        settings: { goal: -1, charity: { name: 'x', licenseNo: '', projectUrl: 'nope' } },
      }),
    );
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['endsAt', 'settings.charity.licenseNo', 'settings.charity.projectUrl', 'settings.goal', 'title']);
    r = await org.post('/api/v1/campaigns', draft({ slug: 'dangshi-daily' }));
    expect(r.status).toBe(409);
    expect(r.body.error.fields.slug).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('refuses to publish a charity drive that names no licensed charity', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const c = (await org.post('/api/v1/campaigns', draft({ kind: 'drive', title: '爱心捐书' }))).body.campaign;
    const r = await org.post(`/api/v1/campaigns/${c.id}/publish`);
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('慈善组织');
    const fixed = await org.patch(`/api/v1/campaigns/${c.id}`, {
      settings: { charity: { name: '示例慈善会', licenseNo: 'X-1', projectUrl: 'https://example.org/p/1' } },
    });
    expect(fixed.status).toBe(200);
    expect((await org.post(`/api/v1/campaigns/${c.id}/publish`)).status).toBe(200);
  });

  it('closes published campaigns past their end from the cron job', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const c = (await org.post('/api/v1/campaigns', draft({ orgUnitId: 'root', startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' }))).body
      .campaign;
    await org.post(`/api/v1/campaigns/${c.id}/publish`);
    const { runScheduled } = await import('../../workers/jobs/scheduled');
    await runScheduled(env, Date.now());
    expect((await client().get(`/api/v1/campaigns/${c.id}`)).body.campaign.status).toBe('closed');
    expect((await client().get('/api/v1/campaigns/camp-quiz')).body.campaign.status).toBe('published');
  });
});

describe('share QR', () => {
  it('draws a QR of our own campaign and work pages, and nothing else', async () => {
    const c = client();
    const ok = await c.get('/api/v1/qr.svg?path=/c/dangshi-daily/quiz');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/svg+xml');
    expect(ok.text).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // the code differs with the page (it encodes the page's address on this site)
    const other = await c.get('/api/v1/qr.svg?path=/works/entry-demo-1');
    expect(other.status).toBe(200);
    expect(other.text).not.toBe(ok.text);
    for (const bad of ['https://evil.example/c/x', '//evil.example/c/x', '/c/x/../../admin', '/api/v1/me', '/c/x/unknown', '']) {
      const r = await c.get(`/api/v1/qr.svg?path=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.fields.path).toBeTruthy();
    }
    expect((await client({ lang: 'en' }).get('/api/v1/qr.svg?path=/etc/passwd')).body.error.fields.path).toMatch(/this site/);
  });
});
