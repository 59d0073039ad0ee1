// `npm run bundle-size` / `npm run deploy:dry`: fails when the Worker bundle grows past the
// budget (issue 13: at most 350 KiB gzip). Builds exactly what `wrangler deploy` would upload
// (`--dry-run --outdir`) and gzips every module in it, so it measures the same thing as
// wrangler's "Total Upload … gzip" line. `--env staging|production` builds that environment's
// Worker (its bindings are checked too); `--outdir DIR` keeps the bundle there for a look.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT, wrangler } from './server.mjs';

const BUDGET_KIB = 350;
const { values: args } = parseArgs({ options: { env: { type: 'string' }, outdir: { type: 'string' } } });

// wrangler insists that the assets directory exists; the Worker bundle does not depend on it.
mkdirSync(join(ROOT, 'dist', 'public'), { recursive: true });
const outdir = args.outdir ? resolve(ROOT, args.outdir) : mkdtempSync(join(tmpdir(), 'tongxin-bundle-'));
try {
  wrangler(['deploy', '--dry-run', '--outdir', outdir, ...(args.env ? ['--env', args.env] : [])]);
  const modules = readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
  const raw = modules.reduce((n, f) => n + readFileSync(join(outdir, f)).length, 0);
  const gzip = modules.reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f))).length, 0);
  const kib = (n) => (n / 1024).toFixed(1);
  console.log(
    `Worker bundle${args.env ? ` (${args.env})` : ''}: ${kib(raw)} KiB, ${kib(gzip)} KiB gzip (budget ${BUDGET_KIB} KiB gzip)${args.outdir ? ` → ${outdir}` : ''}`,
  );
  if (gzip > BUDGET_KIB * 1024) {
    console.error('The Worker bundle is over budget: look for a heavy import (inspect the --outdir source map) before raising the limit.');
    process.exitCode = 1;
  }
} finally {
  if (!args.outdir) rmSync(outdir, { recursive: true, force: true });
}
