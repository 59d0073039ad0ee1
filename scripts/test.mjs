// `npm test`: build the web apps (the Worker serves them), run the workerd tests
// (API + unit, real D1/R2/DO), then the browser flows in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT, buildWeb } from './server.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
buildWeb();
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run']);
if (process.env.SKIP_E2E === '1') {
  console.log('e2e skipped (SKIP_E2E=1)');
} else if (!existsSync('/usr/bin/chromium')) {
  console.error('e2e needs Debian Chromium at /usr/bin/chromium: apt-get install -y --no-install-recommends chromium');
  process.exit(1);
} else {
  run(process.execPath, ['--test', '--test-concurrency=1', 'test/e2e/*.e2e.mjs']);
}
