import * as v from 'valibot';
import { describeRoute, generateSpecs, resolver } from 'hono-openapi';
import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { createApp } from '../../lib/app';
import { ApiError } from '../../lib/errors';
import type { AppEnv } from '../../lib/env';
import { renderSVG } from 'uqr';
import { valid } from '../../lib/validate';
import { SharePath } from '../../../../shared/contracts/common';

export const healthRoutes = createApp().get(
  '/',
  describeRoute({
    tags: ['System'],
    summary: 'Health: ok once D1 answers',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: resolver(v.object({ status: v.literal('ok') })) } } } },
  }),
  async (c) => {
    try {
      await c.var.db.run(sql`SELECT 1`);
    } catch {
      throw new ApiError('unavailable');
    }
    return c.json({ status: 'ok' });
  },
);

/** A route that touches nothing: the baseline the benchmarks compare every endpoint with. */
export const pingRoutes = createApp().get(
  '/',
  describeRoute({
    tags: ['System'],
    summary: 'Liveness without touching storage (benchmark baseline)',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: resolver(v.object({ pong: v.literal(true) })) } } } },
  }),
  (c) => c.json({ pong: true }),
);

/**
 * The QR of one of our own portal pages, for posters and WeChat shares (a campaign, its
 * quiz, board, gallery or results, a work, a certificate check). Only our pages: the path
 * is checked, and the link always points at this site.
 */
export const qrRoutes = createApp().get(
  '/',
  describeRoute({
    tags: ['System'],
    summary:
      'A poster-friendly QR (SVG, quiet zone, high error correction) of a portal page: ?path=/c/{slug}[/quiz|rank|contest|gallery|results|volunteer|visit|drive] or /works/{id}',
    responses: { 200: { description: 'SVG', content: { 'image/svg+xml': {} } } },
  }),
  valid('query', v.strictObject({ path: SharePath })),
  (c) => {
    const url = new URL(c.req.valid('query').path, new URL(c.req.url).origin).toString();
    return c.body(renderSVG(url, { border: 2, ecc: 'Q' }), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
  },
);

const DOCUMENTATION = {
  info: {
    title: 'Tongxin (同心) API',
    version: '1.0.0',
    description:
      'Public API of the Tongxin engagement platform. JSON in UTF-8, times in ISO 8601 UTC, ids are strings. ' +
      'Errors always come as {"error":{"code","message","fields"?}} with messages in the Accept-Language (zh-CN default, en). ' +
      'Lists take ?limit= (≤100) and ?cursor= and answer {"items","nextCursor"}. Cookie-authenticated writes must come from the site itself (Origin).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'tx_session' } },
  },
};

let cached: Promise<unknown> | undefined;
/** The OpenAPI document, generated from the same valibot schemas that validate requests. */
export function openApiSpec(api: Hono<AppEnv>) {
  // excludeStaticFile off: hono-openapi would drop /qr.svg as if it were a static file.
  return (cached ??= generateSpecs(api, { documentation: DOCUMENTATION, excludeStaticFile: false }));
}

interface Op {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A self-contained docs page (no CDN, no script) rendered from the OpenAPI document. */
export function docsPage(spec: { paths?: Record<string, Record<string, Op>> }): string {
  const groups = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other';
      const params = (op.parameters ?? []).map((p) => `<code>${esc(p.in === 'query' ? '?' : '')}${esc(p.name)}${p.required ? '' : '?'}</code>`).join(' ');
      const body = op.requestBody?.content
        ? Object.entries(op.requestBody.content)
            .map(([type, m]) => `<details><summary>${esc(type)}</summary><pre>${esc(JSON.stringify(m.schema ?? {}, null, 2))}</pre></details>`)
            .join('')
        : '';
      const row = `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>/api/v1${esc(path)}</code></h3><p>${esc(op.summary ?? '')}</p>${params ? `<p>${params}</p>` : ''}${body}</section>`;
      groups.set(tag, [...(groups.get(tag) ?? []), row]);
    }
  }
  const sections = [...groups].map(([tag, rows]) => `<h2>${esc(tag)}</h2>${rows.join('')}`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>同心 API 文档</title>
<style>body{font:16px/1.7 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#262626;max-width:960px;margin:0 auto;padding:16px}
h1{color:#C8102E}h2{border-bottom:2px solid #C8102E;padding-bottom:4px;margin-top:32px}.op{border:1px solid #e5e5e5;border-radius:8px;padding:8px 16px;margin:12px 0}
.op h3{margin:4px 0;font-size:16px;word-break:break-all}.m{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:0 6px}
.get{background:#1a7f37}.post{background:#0b5cad}.patch{background:#9a6700}.delete{background:#b42318}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:13px}code{font-size:14px}</style></head>
<body><h1>同心 Tongxin API v1</h1><p>机器可读的 OpenAPI 文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。错误信封、分页和会话约定见文档描述。</p>${sections}</body></html>`;
}
