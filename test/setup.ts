import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Migrations are idempotent; the demo data is INSERT OR IGNORE, so this is safe per file.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(env.TEST_SEED.map((s) => env.DB.prepare(s)));
