import { describe, expect, it } from 'vitest';
import { CAMPAIGN_TEMPLATES, campaignTemplates } from '../../shared/campaign-templates';
import { settingsOf } from '../../shared/contracts/campaigns';
import { CAMPAIGN_KINDS } from '../../shared/kinds';

describe('campaign templates', () => {
  it('has the usual campaigns, each id once', () => {
    const names = CAMPAIGN_TEMPLATES.map((t) => t.name['zh-CN']);
    for (const n of ['每日答题', '知识竞赛（初赛+决赛）', '书画摄影大赛', '“1+1”志愿服务', '公益募捐', '展览预约', '集中轮训', '主题党日'])
      expect(names).toContain(n);
    expect(new Set(CAMPAIGN_TEMPLATES.map((t) => t.id)).size).toBe(CAMPAIGN_TEMPLATES.length);
  });

  it("gives settings every known kind's schema accepts, keeping what the template sets", () => {
    const known = campaignTemplates();
    expect(known.length).toBeGreaterThanOrEqual(6);
    for (const t of known) {
      const full = settingsOf(t.kind, t.settings) as Record<string, unknown>;
      for (const [k, val] of Object.entries(t.settings)) {
        if (val && typeof val === 'object' && !Array.isArray(val)) expect(full[k], `${t.id}.${k}`).toMatchObject(val);
        else expect(full[k], `${t.id}.${k}`).toEqual(val);
      }
      expect(t.durationDays).toBeGreaterThan(0);
      expect(t.name.en && t.description.en && t.summary).toBeTruthy();
    }
  });

  it('lists only templates of kinds this build has', () => {
    for (const t of campaignTemplates()) expect(CAMPAIGN_KINDS).toContain(t.kind);
    expect(campaignTemplates().length).toBe(CAMPAIGN_TEMPLATES.filter((t) => (CAMPAIGN_KINDS as readonly string[]).includes(t.kind)).length);
  });
});
