#!/usr/bin/env node
// Builds the three micro-frontends with Vite and assembles what the Worker serves:
//   web/portal  → dist/public/          (SPA fallback at /)
//   web/console → dist/public/console/  (the Worker answers /console/* with its index.html)
//   web/embed   → dist/public/embed/
// A line per app with its time and first-page size against its budget; `--sizes` prints every
// file's size too. Skipped when nothing it builds from changed since the last good build (a hash
// of the web sources, shared/ and the lock file in dist/.web-hash); `--force` builds anyway.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { HSTS, PAGE_CSP } from '../workers/api/lib/headers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'public');

/** name, where its Vite project lives, where its build goes under dist/public, gzip budget of the JS a first visit loads */
const APPS = [
  { name: 'portal', dir: 'web/portal', mount: '', budget: 60 * 1024 },
  { name: 'console', dir: 'web/console', mount: 'console', budget: 150 * 1024 },
  // the widget scripts have their own, stricter budget (8 KB gzip), checked below and by the e2e tests
  { name: 'embed', dir: 'web/embed', mount: 'embed', budget: 20 * 1024, extra: ['vite.widgets.config.ts'], widgets: ['leaderboard', 'progress'] },
];

const quiet = process.argv.includes('--quiet');
const sizes = process.argv.includes('--sizes');
const force = process.argv.includes('--force');
const hashFile = join(root, 'dist', '.web-hash');
/** Vite at warn level prints no file tables; rolldown's plugin-timing notes are noise here. */
const viteQuiet = {
  logLevel: quiet ? 'error' : 'warn',
  mode: 'production',
  build: { rolldownOptions: { checks: { bundlerTimings: false, pluginTimings: false } } },
};

/** What the build reads: web sources (not their dist), shared/, the lock file and this script. */
async function sourceHash() {
  const h = createHash('sha256');
  const skip = (p) => /\/(dist|node_modules)(\/|$)/.test(p);
  const inputs = [...(await files(join(root, 'web'))), ...(await files(join(root, 'shared')))].filter((p) => !skip(p)).sort();
  for (const f of [...inputs, join(root, 'package-lock.json'), fileURLToPath(import.meta.url)]) {
    h.update(relative(root, f))
      .update('\0')
      .update(await readFile(f))
      .update('\0');
  }
  return h.digest('hex');
}

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

/** JS files the app's index.html loads up front (entry script and modulepreloads). */
async function initialScripts(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
  return new Set(srcs.map((s) => s.split('/').pop()));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Vite's hashed files are served by the assets layer without waking the Worker (wrangler.jsonc
 * `run_worker_first` leaves out these folders). `_headers` gives them what the Worker would
 * have added: the same security headers (workers/api/lib/headers.ts) and a year's caching.
 */
const ASSET_FOLDERS = ['/assets/*', '/console/assets/*', '/embed/assets/*'];
async function writeAssetHeaders() {
  const headers = [
    'Cache-Control: public, max-age=31536000, immutable',
    `Strict-Transport-Security: ${HSTS}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    `Content-Security-Policy: ${PAGE_CSP}`,
    'X-Frame-Options: SAMEORIGIN',
    'Permissions-Policy: camera=(self), geolocation=(), microphone=()',
  ];
  await writeFile(join(out, '_headers'), ASSET_FOLDERS.map((f) => `${f}\n${headers.map((h) => `  ${h}`).join('\n')}\n`).join('\n'));
}

async function main() {
  const started = Date.now();
  const hash = await sourceHash();
  const previous = await readFile(hashFile, 'utf8').catch(() => '');
  if (!force && previous === hash && (await stat(join(out, 'index.html')).catch(() => null))) {
    await writeAssetHeaders();
    console.log('✓ 构建前端 / web build 0.0s  (未改动，跳过 / unchanged, skipped)');
    return;
  }
  await rm(hashFile, { force: true });
  // empty dist/public but keep the folder: a running `wrangler dev` watches it and would lose it
  await mkdir(out, { recursive: true });
  for (const entry of await readdir(out)) await rm(join(out, entry), { recursive: true, force: true });
  const report = [];
  let overBudget = false;

  for (const app of APPS) {
    const appStarted = Date.now();
    const configFile = join(root, app.dir, 'vite.config.ts');
    await build({ configFile, ...viteQuiet });
    for (const extra of app.extra ?? []) {
      for (const widget of app.widgets ?? [null]) {
        if (widget) process.env.TX_WIDGET = widget;
        await build({ configFile: join(root, app.dir, extra), ...viteQuiet });
      }
    }
    const distDir = join(root, app.dir, 'dist');
    await cp(distDir, join(out, app.mount), { recursive: true });

    const initial = await initialScripts(distDir);
    let total = 0;
    let totalGz = 0;
    let firstGz = 0;
    const rows = [];
    for (const f of (await files(distDir)).filter((f) => f.endsWith('.js')).sort()) {
      const buf = await readFile(f);
      const gz = gzipSync(buf, { level: 9 }).length;
      total += buf.length;
      totalGz += gz;
      const first = initial.has(f.split('/').pop());
      if (first) firstGz += gz;
      rows.push(`    ${relative(distDir, f).padEnd(40)} ${kb(buf.length).padStart(10)} ${kb(gz).padStart(10)} gzip${first ? '  (first page)' : ''}`);
    }
    const over = firstGz > app.budget;
    overBudget ||= over;
    if (!quiet)
      console.log(
        `✓ 构建前端 ${app.name} ${((Date.now() - appStarted) / 1000).toFixed(1)}s  (first page ${kb(firstGz)} of ${kb(app.budget)}${over ? ', OVER BUDGET' : ''})`,
      );
    report.push(
      `  ${app.name.padEnd(8)} → dist/public/${app.mount}${app.mount ? '/' : ''}`,
      ...rows,
      `    ${'total'.padEnd(40)} ${kb(total).padStart(10)} ${kb(totalGz).padStart(10)} gzip; first page ${kb(firstGz)} of ${kb(app.budget)} budget${over ? '  OVER BUDGET' : ''}`,
    );
  }

  // The widgets partners embed: 8 KB gzip each, whatever else changes.
  for (const w of ['embed/v1/leaderboard.js', 'embed/v1/progress.js']) {
    const gz = gzipSync(await readFile(join(out, w)), { level: 9 }).length;
    report.push(`  widget   ${w.padEnd(40)} ${kb(gz).padStart(10)} gzip of 8.0 KB budget${gz > 8192 ? '  OVER BUDGET' : ''}`);
    if (gz > 8192) console.error(`  ${w}: ${kb(gz)} gzip, OVER its 8.0 KB budget`);
    overBudget ||= gz > 8192;
  }

  // sanity: the three index pages the Worker serves exist
  for (const p of ['index.html', 'console/index.html', 'embed/index.html']) await stat(join(out, p));

  await writeAssetHeaders();
  if (sizes) console.log(report.join('\n'));
  if (overBudget) {
    console.error('A first page is over its JavaScript budget (npm run build -- --sizes lists every file).');
    process.exitCode = 1;
    return;
  }
  await writeFile(hashFile, hash);
  console.log(`✓ 构建前端 / web build ${((Date.now() - started) / 1000).toFixed(1)}s  → ${relative(root, out)}/`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
