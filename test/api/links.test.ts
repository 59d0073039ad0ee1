import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, inOneDay, PHONES, signedIn } from '../helpers';

const charity = (projectUrl: string) => ({ name: '示例慈善会', licenseNo: '示例-0001', projectUrl });

describe('stored links are http(s) only', () => {
  it('refuses script, data and trick links when a drive is created or edited, and changes nothing', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    for (const bad of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '//evil.example/',
    ]) {
      const r = await org.post('/api/v1/campaigns', {
        kind: 'drive',
        title: '链接测试',
        orgUnitId: 'root',
        ...inOneDay(),
        settings: { charity: charity(bad) },
      });
      expect(r.status, bad).toBe(400);
      expect(Object.keys(r.body.error.fields)).toContain('settings.charity.projectUrl');
    }
    const ok = await org.post('/api/v1/campaigns', {
      kind: 'drive',
      title: '链接测试',
      orgUnitId: 'root',
      ...inOneDay(),
      settings: { charity: charity(' https://example.org/p/1 ') },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.campaign.settings.charity.projectUrl).toBe('https://example.org/p/1');
    const id = ok.body.campaign.id as string;
    const edit = await org.patch(`/api/v1/campaigns/${id}`, { settings: { charity: charity('javascript:alert(1)') } });
    expect(edit.status).toBe(400);
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.settings.charity.projectUrl).toBe('https://example.org/p/1');
  });

  it('a row stored before the rule (seed, older data) never hands its script link out', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = (
      await org.post('/api/v1/campaigns', {
        kind: 'drive',
        title: '旧数据',
        orgUnitId: 'root',
        ...inOneDay(),
        settings: { charity: charity('https://example.org/p/2') },
      })
    ).body.campaign.id as string;
    expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
    const row = await env.DB.prepare('SELECT settings FROM campaigns WHERE id = ?').bind(id).first<{ settings: string }>();
    const s = JSON.parse(row!.settings);
    s.charity.projectUrl = 'javascript:alert(document.domain)';
    await env.DB.prepare('UPDATE campaigns SET settings = ? WHERE id = ?').bind(JSON.stringify(s), id).run();
    const r = await client().get(`/api/v1/campaigns/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.campaign.settings.charity.projectUrl).toBe('');
    expect(r.text).not.toContain('javascript:');
  });
});
