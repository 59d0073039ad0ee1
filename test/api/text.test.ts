import { describe, expect, it } from 'vitest';
import { client, signedIn, freshPhone, registerUser, PHONES } from '../helpers';

/* Smaller holes (issue 12, item 10): unsafe text in names and titles; list limits. */

describe('names, titles and notes refuse controls, bidi overrides and lone surrogates', () => {
  it('a name with NUL, in both languages, and nothing is registered', async () => {
    const phone = freshPhone();
    const zh = await registerUser(client({ ip: '10.55.0.1' }), { phone, name: '张\u0000三', password: 'secret-pass-1' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.fields.name).toBe('含有不允许的控制字符或文字方向字符。');
    // another phone: a second code for the same phone would wait a minute
    const phone2 = freshPhone();
    const en = await registerUser(client({ ip: '10.55.0.2', lang: 'en' }), { phone: phone2, name: '张\u202e三', password: 'secret-pass-1' });
    expect(en.status).toBe(400);
    expect(en.body.error.fields.name).toBe('Contains control or text-direction characters that are not allowed.');
    for (const p of [phone, phone2]) {
      const login = await client({ ip: '10.55.0.3' }).post('/api/v1/auth/login', { phone: p, password: 'secret-pass-1' });
      expect(login.status).not.toBe(200);
    }
  });

  it('campaign titles and descriptions: overrides, isolates and lone surrogates refused; newlines fine in a description', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const base = { kind: 'quiz', orgUnitId: 'root', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 864e5).toISOString() };
    for (const title of ['答题\u202e活动', '答题\u2066活动', '答题\ud800活动', '答题\udfff', '答题\u0007']) {
      const r = await org.post('/api/v1/campaigns', { ...base, title });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.error.fields)).toContain('title');
    }
    const desc = await org.post('/api/v1/campaigns', { ...base, title: '正常标题', description: '说明\u0000' });
    expect(desc.status).toBe(400);
    expect(Object.keys(desc.body.error.fields)).toContain('description');
    const ok = await org.post('/api/v1/campaigns', { ...base, title: '正常标题😀', description: '第一行\n第二行\t缩进' });
    expect(ok.status).toBe(201);
  });

  it('a pledge message too', async () => {
    const member = await signedIn(PHONES.fgwMember);
    const pledge = await member.post(
      '/api/v1/campaigns/camp-drive/pledges',
      { amount: 100, message: '加油\u202e' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(pledge.status).toBe(400);
    expect(Object.keys(pledge.body.error.fields)).toContain('message');
  });
});

describe('list limits', () => {
  it('votes?limit=0 (and other bad limits) answer 400 in the envelope, not 500', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    for (const limit of ['0', '-1', '101', 'abc', '1e3']) {
      const r = await org.get(`/api/v1/campaigns/camp-contest/votes?limit=${limit}`);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.fields.limit).toBeTruthy();
    }
    const ok = await org.get('/api/v1/campaigns/camp-contest/votes?limit=1');
    expect(ok.status).toBe(200);
    expect(ok.body.items).toHaveLength(1);
    expect(ok.body.nextCursor).toBeTruthy();
  });
});
