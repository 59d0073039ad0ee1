// `npm start`: build the web apps, prepare the local D1 (migrations + demo data, once),
// and serve the whole platform at http://127.0.0.1:8787 (PORT overrides).
import { join, resolve } from 'node:path';
import { ROOT, buildWeb, prepareDatabase, startServer } from './server.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Tongxin needs Node 22+ for wrangler; run it through npm (npm start), which uses the project's Node 22 (found ${process.version}).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8787);
const persistDir = process.env.PERSIST_DIR ? resolve(ROOT, process.env.PERSIST_DIR) : join(ROOT, '.wrangler', 'state');

if (process.env.SKIP_BUILD !== '1') buildWeb();
console.log('• 数据库：应用迁移并载入演示数据 / applying migrations and demo data…');
await prepareDatabase(persistDir);
// DEV_OUTBOX: codes can be read at /api/v1/dev/outbox locally; a deployment never sets it.
const { base, stop, child } = await startServer({ port, persistDir, vars: { DEV_OUTBOX: '1' } });
console.log(`\n同心 Tongxin is running:\n  portal   ${base}/\n  console  ${base}/console/\n  API docs ${base}/api/docs\nDemo accounts (password tongxin-demo): 13800000000 admin · 13800000001 / 13800000002 organizers · 13800000003 / 13800000004 members\n`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stop(); process.exit(0); });
child.on('exit', (code) => process.exit(code ?? 0));
