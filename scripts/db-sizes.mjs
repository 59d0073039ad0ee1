// `npm run db:sizes`: rows and bytes (table + its indexes) per table of the local D1 that
// `npm start` uses (PERSIST_DIR as for npm start) — the measured side of docs/CAPACITY.md.
import { DatabaseSync } from 'node:sqlite';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './server.mjs';

const persist = process.env.PERSIST_DIR ? resolve(ROOT, process.env.PERSIST_DIR) : join(ROOT, '.wrangler', 'state');
const dir = join(persist, 'v3', 'd1', 'miniflare-D1DatabaseObject');
const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
const db = new DatabaseSync(join(dir, file), { readOnly: true });
const owner = new Map(
  db
    .prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")
    .all()
    .map((r) => [r.name, r.tbl_name]),
);
const bytes = new Map();
for (const r of db.prepare('SELECT name, SUM(pgsize) AS b FROM dbstat GROUP BY name').all()) {
  const t = owner.get(r.name) ?? r.name;
  bytes.set(t, (bytes.get(t) ?? 0) + r.b);
}
const rows = [...bytes.entries()]
  .filter(([t]) => !t.startsWith('sqlite_') && !t.startsWith('_cf_') && t !== 'd1_migrations')
  .map(([t, b]) => ({ t, b, n: db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get().n }))
  .sort((a, b) => b.b - a.b);
const total = rows.reduce((s, r) => s + r.b, 0);
const mb = (b) => (b / 1048576).toFixed(1);
console.log('| table | rows | MB (with indexes) | bytes per row |\n|---|---:|---:|---:|');
for (const r of rows.filter((x) => x.n > 0)) console.log(`| ${r.t} | ${r.n.toLocaleString('en')} | ${mb(r.b)} | ${r.n ? Math.round(r.b / r.n) : '—'} |`);
console.log(`| **total** | | **${mb(total)}** | |`);
