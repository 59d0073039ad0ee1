import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { json } from '../../lib/openapi';
import { CampaignTemplateList, settingsOf } from '../../../../shared/contracts/campaigns';
import { campaignTemplates } from '../../../../shared/campaign-templates';

/** Ready-made campaign set-ups the console's new-campaign form starts from (data in shared/). */
export const campaignTemplateRoutes = createApp().get(
  '/',
  describeRoute({
    tags: ['Campaigns'],
    summary:
      'Templates of the usual campaigns (每日答题, 知识竞赛, 书画摄影大赛, “1+1”, 公益募捐, 展览预约 …): kind, words in the asker’s language, usual length and complete settings',
    responses: { 200: json(CampaignTemplateList) },
  }),
  (c) => {
    const lang = c.var.lang;
    // the same for everyone: nothing personal, so caches may keep it
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      items: campaignTemplates().map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.name[lang],
        description: t.description[lang],
        summary: t.summary,
        durationDays: t.durationDays,
        settings: settingsOf(t.kind, t.settings) as Record<string, unknown>,
      })),
    });
  },
);
