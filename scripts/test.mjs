// `npm test`: lint and format check (Biome), build the web apps (the Worker serves them), check the Worker bundle's size,
// run the workerd tests (API + unit, real D1/R2/DO), then the browser flows in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildWeb, prepareDatabase, startServer } from './server.mjs';

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env }).status ?? 1;

const biome = (...args) => run(process.execPath, ['node_modules/@biomejs/biome/bin/biome', ...args]);
const lint = biome('lint', '.');
if (lint !== 0) process.exit(lint);
// the formatter as a check: a file not as `npm run format` would write it fails here, as in `npm run lint`
const format = biome('format', '.');
if (format !== 0) process.exit(format);
buildWeb();
const size = run(process.execPath, ['scripts/bundle-size.mjs']);
if (size !== 0) process.exit(size);
const unit = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run']);
if (unit !== 0) process.exit(unit);
if (process.env.SKIP_E2E === '1') {
  console.log('e2e skipped (SKIP_E2E=1)');
  process.exit(0);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('e2e needs Debian Chromium at /usr/bin/chromium: apt-get install -y --no-install-recommends chromium');
  process.exit(1);
}
// One server with fresh demo data for the browser flows that can share it (E2E_BASE);
// the platform and embed flows start their own (they check a first start and a partner port).
const persistDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
await prepareDatabase(persistDir);
const server = await startServer({ port: 8810 + Number(process.env.E2E_PORT_OFFSET ?? 0), persistDir, stdio: 'ignore', vars: { DEV_OUTBOX: '1' } });
let status = 1;
try {
  status = run(process.execPath, ['--test', '--test-concurrency=1', 'test/e2e/*.e2e.mjs'], { ...process.env, E2E_BASE: server.base, E2E_PERSIST: persistDir });
} finally {
  server.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
process.exit(status);
