import { api } from './api';
import { API_CSP, MEDIA_CSP, PAGE_CSP, withSecurityHeaders } from './api/lib/headers';
import { runScheduled } from './jobs/scheduled';
import { serveMedia, withOpenGraph, withWorkOpenGraph } from './web';

export { Leaderboard } from './realtime/leaderboard';

/**
 * The gateway Worker: /api → Hono, /media → R2, the three web apps → static assets.
 * Static assets pass through here too (run_worker_first) so every response carries the
 * same security headers and each app gets its own SPA fallback.
 */
export default {
  async fetch(request, env, ctx): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.startsWith('/api/') || path === '/api') {
      return withSecurityHeaders(await api.fetch(request, env, ctx), API_CSP);
    }
    if (path.startsWith('/embed/v1/') && !hasExtension(path)) {
      // iframe pages: framable by the campaign's allowed origins (the page sets its own CSP)
      return withSecurityHeaders(await api.fetch(request, env, ctx), PAGE_CSP, true);
    }
    if (path.startsWith('/media/entries/')) {
      // works: served by the API, which checks who may see an unapproved entry
      return withSecurityHeaders(await api.fetch(request, env, ctx), MEDIA_CSP);
    }
    if (path.startsWith('/media/')) return withSecurityHeaders(await serveMedia(request, env, path.slice(7)), MEDIA_CSP);
    if (path === '/console') return Response.redirect(new URL('/console/', url).toString(), 301);
    if (path.startsWith('/console/') && !hasExtension(path)) {
      // The assets layer's SPA fallback would answer with the portal's index.html.
      const res = await env.ASSETS.fetch(new Request(new URL('/console/', url), request));
      return withSecurityHeaders(res, PAGE_CSP);
    }
    if (path.startsWith('/embed/') && !hasExtension(path) && path !== '/embed/') {
      const res = await env.ASSETS.fetch(new Request(new URL('/embed/', url), request));
      return withSecurityHeaders(res, PAGE_CSP);
    }
    let res = await env.ASSETS.fetch(request);
    const share = /^\/c\/([^/]+)(?:\/[a-z]+)?\/?$/.exec(path);
    if (share && request.method === 'GET') res = await withOpenGraph(res, env, url, share[1]!);
    const work = /^\/works\/([^/]+)\/?$/.exec(path);
    if (work && request.method === 'GET') res = await withWorkOpenGraph(res, env, url, work[1]!);
    return withSecurityHeaders(withAssetCaching(res, path), PAGE_CSP);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;

const hasExtension = (path: string) => /\.[a-z0-9]{1,8}$/i.test(path);

/** Vite's hashed files never change: cache them for a year; pages revalidate. */
function withAssetCaching(res: Response, path: string): Response {
  if (res.status !== 200 || !path.includes('/assets/')) return res;
  const out = new Response(res.body, res);
  out.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  return out;
}
