import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath } from '../../lib/authz';
import { campaignOfKind, managedCampaignOfKind } from '../../lib/guards';
import { pathList, phoneFor } from '../../lib/privacy';
import { exportWithinMax, rowsOf, tableFile, tableStream, type TableCell } from '../../lib/tables';
import { keysetPages } from '../../../../db/queries/util';
import { autoAwards, contestCfg, contestResults } from '../../lib/contest-results';
import { Id } from '../../../../shared/contracts/common';
import { AwardsBody, AwardsResponse, PublishResultsBody, PublishResultsResponse, ResultsResponse } from '../../../../shared/contracts/contest';
import { workNumber } from '../../../../shared/judging';
import { chinaDay } from '../../../../shared/i18n';
import { countEntries, entriesLedger, setAwards, setResultsPublished } from '../../../../db/queries/contest';

const STATUS_ZH = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
const Format = v.strictObject({ format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx') });

/** Results, awards, publishing and the two 台账 of an art contest. */
export const contestResultRoutes = createApp()
  .get(
    '/:id/results',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Results as the rules read the rounds: each work judged in the last round it reached (with its quorum of scores; else `unfinished`, no score, no rank — never 0), combined with the public by the campaign’s weight; rank overall and in its category, awards. Public after close or when published; organizers always',
      responses: { 200: json(ResultsResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const campaign = await campaignOfKind(c, c.req.valid('param').id, 'contest');
      const s = contestCfg(campaign);
      const organizer = canManagePath(c.var.viewer, campaign.orgPath);
      const published = campaign.status === 'closed' || s.resultsPublished;
      if (!organizer && !published) throw new ApiError('forbidden', 'msg.results_hidden');
      const r = await contestResults(c.var.db, campaign, s, organizer);
      return c.json({
        published,
        judgeWeight: s.judgeWeight,
        items: r.items,
        unfinished: r.unfinished,
        awardsPerCategory: Object.keys(s.awardsByCategory).length > 0,
      });
    },
  )
  .post(
    '/:id/results/publish',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Publish (or withdraw) the results before the contest closes — organizers. While works are unfinished, publishing is 409 `judging_incomplete` (with `unfinished`) unless `force: true` after the warning',
      responses: { 200: json(PublishResultsResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', PublishResultsBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      const b = c.req.valid('json');
      const { unfinished } = await contestResults(c.var.db, campaign, contestCfg(campaign), true);
      if (b.published && unfinished > 0 && !b.force) throw new ApiError('conflict', 'msg.judging_incomplete', { n: unfinished }, undefined, {}, { unfinished });
      await setResultsPublished(c.var.db, viewer.id, campaign, b.published, unfinished);
      return c.json({ published: b.published, unfinished });
    },
  )
  .post(
    '/:id/awards',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Assign awards by rank from the settings (mode auto: per category when `awardsByCategory` is set, else overall; unfinished works get none) or by hand (mode manual) — organizers',
      responses: { 200: json(AwardsResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', AwardsBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      const s = contestCfg(campaign);
      const b = c.req.valid('json');
      const list = b.mode === 'auto' ? autoAwards((await contestResults(c.var.db, campaign, s, true)).items, s) : b.awards;
      await setAwards(c.var.db, viewer.id, campaign, list);
      return c.json({ items: (await contestResults(c.var.db, campaign, s, true)).items });
    },
  )
  .get(
    '/:id/results.xlsx',
    describeRoute({
      tags: ['Contests'],
      summary: 'The results 台账 as Excel (?format=csv for CSV) — organizers: number, title, category, author, rounds, scores, ranks, award',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', Format),
    async (c) => {
      const { campaign } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      const { items } = await contestResults(c.var.db, campaign, contestCfg(campaign), true);
      const rows: TableCell[][] = [
        [
          '作品编号',
          '作品名称',
          '类别',
          '作者',
          '所在轮次',
          '评委评分',
          '评分人数',
          '有效评分人数',
          '公众得分',
          '票数',
          '综合得分',
          '总名次',
          '类别名次',
          '状态',
          '奖项',
        ],
      ];
      for (const r of items) {
        rows.push([
          r.number ?? '',
          r.title,
          r.category,
          r.authorName,
          r.round,
          r.judge,
          r.judgeCount,
          r.quorum,
          r.publicScore,
          r.votes,
          r.score,
          r.rank,
          r.categoryRank,
          r.status === 'unfinished' ? '评分未完成' : '已评定',
          r.award ?? '',
        ]);
      }
      return tableFile(c, rows, `${campaign.slug}-results-${chinaDay(Date.now())}`, c.req.valid('query').format, '评选结果');
    },
  )
  .get(
    '/:id/entries/export',
    describeRoute({
      tags: ['Contests'],
      summary:
        'The entries 台账 (every work, any status) as Excel or CSV, streamed — organizers; authors’ phones only where the reader manages them. More than 200,000 rows → 413 `export_too_large`',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', Format),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      exportWithinMax(await countEntries(c.var.db, campaign.id));
      // streamed by (serial, id) pages: the ledger never sits whole in the Worker's memory
      const pages = keysetPages(
        (after: { serial: number | null; id: string } | null) => entriesLedger(c.var.db, campaign.id, { limit: 501, after }),
        500,
        (r) => ({ serial: r.e.serial, id: r.e.id }),
      );
      return tableStream(
        c,
        ['作品编号', '作品名称', '类别', '作者', '手机号', '所在单位', '状态', '未通过原因', '票数', '浏览', '奖项', '提交时间'],
        rowsOf(pages, (r) => [
          workNumber(r.e.serial) ?? '',
          r.e.title,
          r.e.category,
          r.e.authorName,
          phoneFor(viewer, r.phone, { userId: r.e.userId, paths: pathList(r.orgPaths) }),
          r.unitName ?? '',
          STATUS_ZH[r.e.status],
          r.e.reason ?? '',
          r.e.votes,
          r.e.views,
          r.e.award ?? '',
          r.e.createdAt,
        ]),
        `${campaign.slug}-entries-${chinaDay(Date.now())}`,
        c.req.valid('query').format,
        '作品台账',
      );
    },
  );
