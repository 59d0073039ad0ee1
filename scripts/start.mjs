// `npm start`: build the web apps, prepare the local D1 (migrations + demo data, once),
// and serve the whole platform at http://127.0.0.1:8787 (PORT overrides).
import { join, resolve } from 'node:path';
import { ROOT, buildWeb, prepareDatabase, startServer, step } from './server.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Tongxin needs Node 22+ for wrangler; run it through npm (npm start), which uses the project's Node 22 (found ${process.version}).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8787);
const persistDir = process.env.PERSIST_DIR ? resolve(ROOT, process.env.PERSIST_DIR) : join(ROOT, '.wrangler', 'state');

// a line per step with its time; the build skips itself when the web sources are unchanged
if (process.env.SKIP_BUILD !== '1') buildWeb();
await prepareDatabase(persistDir);
// DEV_OUTBOX: codes can be read at /api/v1/dev/outbox locally; a deployment never sets it.
let server;
await step(`启动服务 / server on port ${port}`, async () => {
  server = await startServer({ port, persistDir, vars: { DEV_OUTBOX: '1' } });
});
const { base, stop, child } = server;
console.log(`
同心 Tongxin is running:
  门户 portal      ${base}/
  后台 console     ${base}/console/
  嵌入 embeds      ${base}/embed/
  接口 API docs    ${base}/api/docs
演示账号 Demo accounts (password tongxin-demo): 13800000000 admin · 13800000001 / 13800000002 organizers · 13800000003 / 13800000004 members
`);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    stop();
    process.exit(0);
  });
child.on('exit', (code) => process.exit(code ?? 0));
