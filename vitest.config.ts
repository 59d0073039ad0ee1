import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { join } from 'node:path';
// @ts-expect-error — plain ESM module shared with `npm start`
import { demoStatements } from './db/seed/demo.mjs';

// API and unit tests run inside workerd with real D1, R2 and Durable Objects; each test
// file gets fresh storage with the migrations and the demo data of API.md loaded.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, 'db', 'migrations'));
  const seed: string[] = await demoStatements();
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, TEST_SEED: seed } },
      }),
    ],
    test: {
      include: ['test/api/**/*.test.ts', 'test/unit/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 30_000,
    },
  };
});
