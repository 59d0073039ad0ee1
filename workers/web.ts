import { createDb } from '../db/client';
import { getCampaign } from '../db/queries/campaigns';
import { KIND_LABEL } from '../shared/kinds';
import { maskName } from '../shared/mask';
import { getEntry } from '../db/queries/contest';
import { wechatAppId } from './api/lib/wechat';

/**
 * Tells the portal that this site has a WeChat official account (a meta tag, no request):
 * only then does it load the JS-SDK chunk and ask for a signature. Off: the page is untouched.
 */
export function withWechat(res: Response, env: Env): Response {
  if (!wechatAppId(env) || res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) return res;
  return new HTMLRewriter().on('head', { element: (el) => void el.append('<meta name="tx-wechat" content="on">', { html: true }) }).transform(res);
}

/**
 * Share previews: WeChat's crawler runs no JavaScript, so a campaign page's title and
 * Open Graph tags are written into the portal's index.html here, from the campaign.
 */
export async function withOpenGraph(res: Response, env: Env, url: URL, idOrSlug: string): Promise<Response> {
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) return res;
  let campaign;
  try {
    campaign = await getCampaign(createDb(env.DB), decodeURIComponent(idOrSlug));
  } catch {
    return res;
  }
  if (!campaign || campaign.status === 'draft') return res;
  const description = campaign.summary || `${KIND_LABEL[campaign.kind]['zh-CN']} · ${campaign.orgUnitName}`;
  return rewriteHead(res, `${campaign.title} · 同心`, description, [
    ['og:title', campaign.title],
    ['og:description', description],
    ['og:type', 'website'],
    ['og:url', `${url.origin}/c/${campaign.slug}`],
    ['og:image', coverOf(campaign, url.origin)],
    ['og:site_name', '同心'],
  ]);
}

/**
 * The picture of a campaign's card: its own cover when it has one (a `coverUrl` on the record
 * or in its settings, as the cover upload stores it), else the default of its kind, served from
 * our origin (web/portal/public/share/<kind>.png) so no third party sees who shares what.
 */
export function coverOf(campaign: { kind: string; settings: Record<string, unknown> }, origin: string): string {
  const own = (campaign as Record<string, unknown>).coverUrl ?? campaign.settings.coverUrl;
  if (typeof own === 'string' && own) {
    if (own.startsWith('/') && !own.startsWith('//')) return `${origin}${own}`;
    if (/^https:\/\//.test(own)) return own;
  }
  return `${origin}/share/${campaign.kind}.png`;
}

/** A work's page (/works/{id}): its title, author (masked) and image for link previews, once approved. */
export async function withWorkOpenGraph(res: Response, env: Env, url: URL, entryId: string): Promise<Response> {
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) return res;
  const db = createDb(env.DB);
  let entry;
  try {
    entry = await getEntry(db, decodeURIComponent(entryId));
  } catch {
    return res;
  }
  if (entry?.status !== 'approved') return res;
  const description = `${entry.category} · ${maskName(entry.authorName)}${entry.description ? ` · ${entry.description}` : ''}`;
  return rewriteHead(res, `《${entry.title}》 · 同心`, description, [
    ['og:title', `《${entry.title}》`],
    ['og:description', description],
    ['og:type', 'article'],
    ['og:url', `${url.origin}/works/${entry.id}`],
    ['og:image', `${url.origin}/media/entries/${entry.id}/${entry.displayKey ? 'display' : 'original'}`],
    ['og:site_name', '同心'],
  ]);
}

/**
 * The page's own title, description and Open Graph tags in place of the generic ones: the
 * generic og:* of index.html are removed, so a crawler (WeChat reads the first it meets) sees
 * one set only.
 */
function rewriteHead(res: Response, title: string, description: string, meta: string[][]): Response {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return new HTMLRewriter()
    .on('title', { element: (el) => void el.setInnerContent(title) })
    .on('meta[name="description"]', { element: (el) => void el.remove() })
    .on('meta[property^="og:"]', { element: (el) => void el.remove() })
    .on('head', {
      element: (el) =>
        void el.append(
          `<meta name="description" content="${attr(description)}">` + meta.map(([p, c]) => `<meta property="${p}" content="${attr(c!)}">`).join(''),
          { html: true },
        ),
    })
    .transform(res);
}

/** Serves R2 objects under public/ only; other keys (originals, receipts) go through the API's checks. */
export async function serveMedia(request: Request, env: Env, key: string): Promise<Response> {
  const notFound = () => Response.json({ error: { code: 'not_found', message: '未找到请求的内容。' } }, { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
  if (!key.startsWith('public/') || key.includes('..')) return notFound();
  const obj = await env.MEDIA.get(decodeURIComponent(key));
  if (!obj) return notFound();
  const headers = new Headers();
  obj.writeHttpMetadata(headers);
  headers.set('ETag', obj.httpEtag);
  headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  return new Response(request.method === 'HEAD' ? null : obj.body, { headers });
}
