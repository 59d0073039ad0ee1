#!/usr/bin/env node
// Builds the three micro-frontends with Vite and assembles what the Worker serves:
//   web/portal  → dist/public/          (SPA fallback at /)
//   web/console → dist/public/console/  (the Worker answers /console/* with its index.html)
//   web/embed   → dist/public/embed/
// Then prints each app's JavaScript size (raw and gzip) so budgets stay visible.
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

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

async function main() {
  const started = Date.now();
  // empty dist/public but keep the folder: a running `wrangler dev` watches it and would lose it
  await mkdir(out, { recursive: true });
  for (const entry of await readdir(out)) await rm(join(out, entry), { recursive: true, force: true });
  const report = [];
  let overBudget = false;

  for (const app of APPS) {
    const configFile = join(root, app.dir, 'vite.config.ts');
    await build({ configFile, logLevel: quiet ? 'error' : 'warn', mode: 'production' });
    for (const extra of app.extra ?? []) {
      for (const widget of app.widgets ?? [null]) {
        if (widget) process.env.TX_WIDGET = widget;
        await build({ configFile: join(root, app.dir, extra), logLevel: quiet ? 'error' : 'warn', mode: 'production' });
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
    overBudget ||= gz > 8192;
  }

  // sanity: the three index pages the Worker serves exist
  for (const p of ['index.html', 'console/index.html', 'embed/index.html']) await stat(join(out, p));

  console.log(`web built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${relative(root, out)}/`);
  console.log(report.join('\n'));
  if (overBudget) {
    console.error('A first page is over its JavaScript budget.');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
