import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
// @ts-expect-error — plain ESM module shared with `npm start`
import { DEV_BOARD_KEY_SECRET, demoStatements } from './db/seed/demo.mjs';

// API and unit tests run inside workerd with real D1, R2 and Durable Objects; each test
// file gets fresh storage with the migrations and the demo data of API.md loaded.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, 'db', 'migrations'));
  const seed: string[] = await demoStatements();
  // Real fixture files (images, an executable, a truncated JPEG…), handed to the tests as base64.
  const dir = join(import.meta.dirname, 'test', 'fixtures');
  const fixtures = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        // DEV_OUTBOX: tests read SMS codes from /api/v1/dev/outbox (never set in wrangler.jsonc).
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, TEST_SEED: seed, TEST_FIXTURES: fixtures, BOARD_KEY_SECRET: DEV_BOARD_KEY_SECRET, DEV_OUTBOX: '1' },
        },
      }),
    ],
    test: {
      include: ['test/api/**/*.test.ts', 'test/unit/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 30_000,
      // the local SMS sender logs every code; the tests read them from the outbox instead
      onConsoleLog: (log: string) => !log.includes('[sms:log]'),
    },
  };
});
