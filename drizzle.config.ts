import { defineConfig } from 'drizzle-kit';

// Migrations are generated here and applied by wrangler (never `drizzle-kit push` on D1).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
