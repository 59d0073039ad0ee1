import { api } from './api';
import { API_CSP, MEDIA_CSP, PAGE_CSP, withSecurityHeaders } from './api/lib/headers';
import { runScheduled } from './jobs/scheduled';
import { serveMedia, withOpenGraph, withWechat, withWorkOpenGraph } from './web';

export { Leaderboard } from './realtime/leaderboard';
export { QuizRoom } from './realtime/quiz-room';
export { Matchmaker } from './realtime/matchmaker';

/**
 * The gateway Worker: /api → Hono, /media → R2, the three web apps → static assets.
 * Static assets pass through here too (run_worker_first) so every response carries the
 * same security headers and each app gets its own SPA fallback.
 */
export default {
  async fetch(request, env, ctx): Promise<Response> {
    const url = new URL(request.url);
    // Every response the Worker makes passes here once — the API's, assets, media, redirects,
    // and a failure of any of them — so none leaves without the security headers.
    let out: Routed;
    try {
      out = await route(request, env, ctx, url);
    } catch (err) {
      console.error('gateway', err);
      out = { res: Response.json({ error: { code: 'internal', message: '服务器内部错误，请稍后再试。' } }, { status: 500 }), csp: API_CSP };
    }
    return withSecurityHeaders(out.res, out.csp, out.framable, url.protocol === 'https:');
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;

interface Routed {
  res: Response;
  csp: string;
  framable?: boolean;
}

/** Where a request goes, and the CSP its answer carries. */
async function route(request: Request, env: Env, ctx: ExecutionContext, url: URL): Promise<Routed> {
  const path = url.pathname;
  if (path.startsWith('/api/') || path === '/api') return { res: await api.fetch(request, env, ctx), csp: API_CSP };
  if (path.startsWith('/embed/v1/') && !hasExtension(path)) {
    // iframe pages: framable by the campaign's allowed origins (the page sets its own CSP)
    return { res: await api.fetch(request, env, ctx), csp: PAGE_CSP, framable: true };
  }
  if (path.startsWith('/media/entries/') || path.startsWith('/media/covers/')) {
    // works and covers: served by the API, which checks who may see an unapproved entry or a draft's cover
    return { res: await api.fetch(request, env, ctx), csp: MEDIA_CSP };
  }
  if (path.startsWith('/media/')) return { res: await serveMedia(request, env, path.slice(7)), csp: MEDIA_CSP };
  if (path === '/console') return { res: Response.redirect(new URL('/console/', url).toString(), 301), csp: PAGE_CSP };
  if (path.startsWith('/console/') && !hasExtension(path)) {
    // The assets layer's SPA fallback would answer with the portal's index.html.
    return { res: await env.ASSETS.fetch(new Request(new URL('/console/', url), request)), csp: PAGE_CSP };
  }
  if (path.startsWith('/embed/') && !hasExtension(path) && path !== '/embed/') {
    return { res: await env.ASSETS.fetch(new Request(new URL('/embed/', url), request)), csp: PAGE_CSP };
  }
  let res = await env.ASSETS.fetch(request);
  const share = /^\/c\/([^/]+)(?:\/[a-z]+)?\/?$/.exec(path);
  if (share && request.method === 'GET') res = await withOpenGraph(res, env, url, share[1]!);
  const work = /^\/works\/([^/]+)\/?$/.exec(path);
  if (work && request.method === 'GET') res = await withWorkOpenGraph(res, env, url, work[1]!);
  res = withWechat(res, env);
  return { res: withAssetCaching(res, path), csp: PAGE_CSP };
}

const hasExtension = (path: string) => /\.[a-z0-9]{1,8}$/i.test(path);

/** Vite's hashed files never change: cache them for a year; pages revalidate. */
function withAssetCaching(res: Response, path: string): Response {
  if (res.status !== 200 || !path.includes('/assets/')) return res;
  const out = new Response(res.body, res);
  out.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  return out;
}
