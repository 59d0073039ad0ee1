// Shared by `npm start`, the e2e tests and the benchmarks: prepare the local D1 (migrations +
// demo data) and run `wrangler dev` quietly. Everything runs under the Node that runs this
// script; npm scripts put node_modules/.bin first on PATH, so that is the project's Node 22.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
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
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error('web build failed');
}

/** Applies migrations and loads the demo data (idempotent) into the local D1 under `persistDir`. */
export async function prepareDatabase(persistDir) {
  mkdirSync(persistDir, { recursive: true });
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir]);
  const seedFile = join(persistDir, 'demo-seed.sql');
  writeFileSync(seedFile, (await demoStatements()).join(';\n') + ';\n');
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--file', seedFile]);
  await foldActivity(persistDir);
  // The demo works' images go into the local R2 bucket once (a marker remembers it).
  const marker = join(persistDir, 'demo-media-v2.done');
  if (!existsSync(marker)) {
    DEMO_WORKS.forEach((_, i) => {
      const n = String(i + 1).padStart(2, '0');
      wrangler(['r2', 'object', 'put', `tongxin-media/entries/camp-contest/entry-${n}/original`, '--local', '--persist-to', persistDir,
        '--file', join(ROOT, 'db', 'seed', 'images', `work-${n}.jpg`), '--content-type', 'image/jpeg']);
    });
    wrangler(['r2', 'object', 'put', 'tongxin-media/receipts/camp-drive/demo-receipt', '--local', '--persist-to', persistDir,
      '--file', join(ROOT, 'db', 'seed', 'images', 'receipt-demo.jpg'), '--content-type', 'image/jpeg']);
    writeFileSync(marker, new Date().toISOString());
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
    [WRANGLER, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir, '--log-level', logLevel, '--show-interactive-dev-session=false',
      // the dev board-key secret, the one the demo data's board keys were made with (a deployment sets its own secret)
      ...Object.entries({ BOARD_KEY_SECRET: DEV_BOARD_KEY_SECRET, ...vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`])],
    { cwd: ROOT, env: QUIET_ENV, stdio, detached: true },
  );
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch {}
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
