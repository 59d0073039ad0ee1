import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { renderSVG } from 'uqr';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { Id } from '../../../../shared/contracts/common';
import { rankingAccess } from '../../lib/boards';
import { visibleCampaign } from '../../lib/guards';
import { ApiError } from '../../lib/errors';

const PageQuery = v.strictObject({
  scope: v.optional(v.picklist(['individual', 'org'], 'msg.scope'), 'individual'),
  rows: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'msg.rows'), v.transform(Number), v.minValue(1, 'msg.rows'), v.maxValue(100, 'msg.rows')), '10'),
  theme: v.optional(v.picklist(['light', 'dark', 'red']), 'light'),
  lang: v.optional(v.picklist(['zh-CN', 'en']), 'zh-CN'),
  mode: v.optional(v.picklist(['screen'])),
  /** the awards screen: full names for who manages the campaign (decided by the board API), masked for anyone else */
  names: v.optional(v.picklist(['full'])),
});

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only well-formed origins reach the header; anything else would widen or break frame-ancestors. */
export function frameAncestors(allowed: unknown): string {
  const list = Array.isArray(allowed) ? allowed.filter((o): o is string => typeof o === 'string' && /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o)) : [];
  return list.length ? list.join(' ') : '*';
}

/**
 * The iframe pages of the embed kit. The page itself is tiny: the same widget script as
 * partners use, told to report its height to the host page. Its frame-ancestors is the
 * campaign's `embed.allowedOrigins` (any site when unset).
 */
export const embedRoutes = createApp()
  .get(
    '/progress/:id',
    describeRoute({ tags: ['Embeds'], summary: 'A charity drive’s progress as an iframe page', responses: { 200: { description: 'HTML page' } } }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ theme: PageQuery.entries.theme, lang: PageQuery.entries.lang })),
    async (c) => {
      const q = c.req.valid('query');
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      if (campaign.kind !== 'drive') throw new ApiError('not_found', 'msg.drive_not_drive');
      const ancestors = frameAncestors((campaign.settings as { embed?: { allowedOrigins?: unknown } }).embed?.allowedOrigins);
      c.header(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
      );
      c.header('Cache-Control', 'public, max-age=60');
      return c.html(
        `<!doctype html><html lang="${q.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(campaign.title)}</title><style>html,body{margin:0;background:transparent}</style></head><body><tongxin-progress campaign="${esc(campaign.id)}" theme="${q.theme}" lang="${q.lang}" frame></tongxin-progress><script src="/embed/v1/progress.js"></script></body></html>`,
      );
    },
  )
  .get(
    '/leaderboard/:id',
    describeRoute({
      tags: ['Embeds'],
      summary:
        'The leaderboard as an iframe page (mode=screen: the 大屏 layout; with names=full the awards screen, full names for the campaign’s organizers only)',
      responses: { 200: { description: 'HTML page' } },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', PageQuery),
    async (c) => {
      const q = c.req.valid('query');
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      rankingAccess(c, campaign);
      const url = new URL(c.req.url);
      const joinUrl = `${url.origin}/c/${campaign.slug}`;
      const screen = q.mode === 'screen';
      const ancestors = frameAncestors((campaign.settings as { embed?: { allowedOrigins?: unknown } }).embed?.allowedOrigins);
      const wsOrigin = url.origin.replace(/^http/, 'ws');
      c.header(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'self'; connect-src 'self' ${wsOrigin}; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
      );
      c.header('Cache-Control', 'public, max-age=60');
      const el = `<tongxin-leaderboard campaign="${esc(campaign.id)}" scope="${q.scope}" rows="${screen ? 10 : q.rows}" theme="${screen && q.theme === 'light' ? 'dark' : q.theme}" lang="${q.lang}" live frame${screen ? ' mode="screen"' : ''}${screen && q.names === 'full' ? ' names="full"' : ''}></tongxin-leaderboard>`;
      const side = screen
        ? `<aside><div class="qr">${renderSVG(joinUrl, { border: 1 })}</div><p>${q.lang === 'en' ? 'Scan to join' : '扫码参与'}</p></aside>`
        : '';
      const style = screen
        ? 'html,body{margin:0;background:#15161a;color:#f2f2f2;font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}main{display:flex;min-height:100vh}tongxin-leaderboard{flex:1}aside{width:22vw;padding:40px 32px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;font-size:28px}.qr{width:100%;background:#fff;padding:12px;border-radius:12px;box-sizing:border-box}.qr svg{display:block;width:100%;height:auto}'
        : 'html,body{margin:0;background:transparent}';
      return c.html(
        `<!doctype html><html lang="${q.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(campaign.title)}</title><style>${style}</style></head><body><main>${el}${side}</main><script src="/embed/v1/leaderboard.js"></script></body></html>`,
      );
    },
  );
