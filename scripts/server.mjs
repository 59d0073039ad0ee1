// Shared by `npm start`, the e2e tests and the benchmarks: prepare the local D1 (migrations +
// demo data) and run `wrangler dev` quietly. Everything runs under the Node that runs this
// script; npm scripts put node_modules/.bin first on PATH, so that is the project's Node 22.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_WORKS, DEV_BOARD_KEY_SECRET, demoStatements } from '../db/seed/demo.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Environment that keeps wrangler offline and quiet (no telemetry, no update checks). */
export const QUIET_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_UPDATE_CHECK: 'false',
  NO_UPDATE_NOTIFIER: '1',
  CI: process.env.CI ?? '',
};

export function wrangler(args, opts = {}) {
  const res = spawnSync(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: QUIET_ENV, encoding: 'utf8', ...opts });
  if (res.status !== 0) {
    process.stderr.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    throw new Error(`wrangler ${args.join(' ')} failed (${res.status})`);
  }
  return res.stdout;
}

export function buildWeb() {
  // build-web prints its own step lines and skips itself when the web sources are unchanged
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error('web build failed');
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** One line per step of a start (`✓ 构建前端 3.2s`), so a long wait always says what it waits for. */
export async function step(label, fn) {
  const started = Date.now();
  const note = await fn();
  console.log(`✓ ${label} ${seconds(Date.now() - started)}${note ? `  ${note}` : ''}`);
}

/** A progress line that rewrites itself on a terminal and prints only its end elsewhere (logs, CI). */
function progress(label, done, total) {
  if (!process.stdout.isTTY) return;
  process.stdout.write(`\r  ${label} ${Math.round((done / total) * 100)}% (${done}/${total})${done === total ? '\r\x1b[K' : ''}`);
}

/** Splits SQL statements into about `parts` files of similar size, so loading can show how far it got. */
function chunks(statements, parts) {
  const total = statements.reduce((n, s) => n + s.length, 0);
  const out = [[]];
  let size = 0;
  for (const st of statements) {
    if (size > total / parts && out.length < parts) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(st);
    size += st.length;
  }
  return out;
}

/**
 * Applies migrations and loads the demo data (idempotent) into the local D1 under `persistDir`,
 * a line per step. The demo data is loaded again only when it changed (a marker keeps its hash):
 * INSERT OR IGNORE makes a second load harmless, but it costs seconds at every start.
 */
export async function prepareDatabase(persistDir) {
  mkdirSync(persistDir, { recursive: true });
  await step('数据库迁移 / migrations', () => {
    const out = wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir]);
    const applied = new Set(out.match(/\b\d{4}_[a-z0-9_]+\.sql\b/g) ?? []).size;
    return applied ? `(${applied} 个新迁移 / new)` : '(已是最新 / up to date)';
  });
  // the statements carry times relative to now, so the marker hashes the seed's source instead
  // (every module and data file of db/seed: demo.mjs is split into siblings, and a change to any is a new seed)
  const seedDir = join(ROOT, 'db', 'seed');
  const hasher = createHash('sha256');
  for (const f of readdirSync(seedDir)
    .filter((f) => f.endsWith('.mjs') || f.endsWith('.json'))
    .sort())
    hasher.update(readFileSync(join(seedDir, f)));
  const hash = hasher.digest('hex');
  const seedMarker = join(persistDir, 'demo-seed.hash');
  await step('演示数据 / demo data', async () => {
    if (existsSync(seedMarker) && readFileSync(seedMarker, 'utf8') === hash) return '(未改动，跳过 / unchanged, skipped)';
    const statements = await demoStatements();
    const parts = chunks(statements, 5);
    parts.forEach((part, i) => {
      progress('演示数据 / demo data', i, parts.length);
      const seedFile = join(persistDir, 'demo-seed.sql');
      writeFileSync(seedFile, part.join(';\n') + ';\n');
      wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--file', seedFile]);
    });
    progress('演示数据 / demo data', parts.length, parts.length);
    // the demo's activity folds into the daily rollups, with the cron's own SQL
    await foldActivity(persistDir);
    writeFileSync(seedMarker, hash);
    return `(${statements.length} 条语句 / statements)`;
  });
  // The demo works' images go into the local R2 bucket once (a marker remembers it).
  const marker = join(persistDir, 'demo-media-v2.done');
  if (!existsSync(marker)) {
    await step('演示图片 / demo images', () => {
      DEMO_WORKS.forEach((_, i) => {
        const n = String(i + 1).padStart(2, '0');
        progress('演示图片 / demo images', i, DEMO_WORKS.length + 1);
        wrangler([
          'r2',
          'object',
          'put',
          `tongxin-media/entries/camp-contest/entry-${n}/original`,
          '--local',
          '--persist-to',
          persistDir,
          '--file',
          join(ROOT, 'db', 'seed', 'images', `work-${n}.jpg`),
          '--content-type',
          'image/jpeg',
        ]);
      });
      wrangler([
        'r2',
        'object',
        'put',
        'tongxin-media/receipts/camp-drive/demo-receipt',
        '--local',
        '--persist-to',
        persistDir,
        '--file',
        join(ROOT, 'db', 'seed', 'images', 'receipt-demo.jpg'),
        '--content-type',
        'image/jpeg',
      ]);
      progress('演示图片 / demo images', DEMO_WORKS.length + 1, DEMO_WORKS.length + 1);
      writeFileSync(marker, new Date().toISOString());
      return `(${DEMO_WORKS.length + 1})`;
    });
  }
}

/** Folds activity events into the daily rollups, with the same SQL as the Worker's cron. */
export async function foldActivity(persistDir) {
  const { rollupSql } = await import('../db/rollup-sql.ts');
  const file = join(persistDir, 'rollup.sql');
  // a large limit: a bulk load folds in one go (the cron folds 50,000 events a tick)
  writeFileSync(file, rollupSql(100_000_000).join(';\n') + ';\n');
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--file', file]);
}

/**
 * Starts `wrangler dev` on 127.0.0.1:port and resolves once /api/v1/health answers.
 * Returns the child (in its own process group, so `stop()` ends workerd too).
 */
export async function startServer({ port, persistDir, logLevel = 'warn', stdio = 'inherit', vars = {} }) {
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistDir,
      '--log-level',
      logLevel,
      '--show-interactive-dev-session=false',
      // the cron runs through /cdn-cgi/local/scheduled when asked; the flag also drops wrangler's note about it at every start
      '--test-scheduled',
      // the dev board-key secret, the one the demo data's board keys were made with (a deployment sets its own secret)
      ...Object.entries({ BOARD_KEY_SECRET: DEV_BOARD_KEY_SECRET, ...vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    { cwd: ROOT, env: QUIET_ENV, stdio, detached: true },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return { child, base, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error('wrangler dev did not become healthy within 90 s');
}

export const hasWebBuild = () => existsSync(join(ROOT, 'dist', 'public', 'index.html'));
