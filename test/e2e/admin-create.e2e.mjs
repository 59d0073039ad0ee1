// `npm run admin:create` on an empty database: the root unit and its admin appear, the admin
// signs in with the one-time password and is admin of the root; a second run changes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer } from '../../scripts/server.mjs';
import { PORT_OFFSET } from './harness.mjs';

const PORT = 8812 + PORT_OFFSET;
const run = (dir, ...args) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'admin-create.mjs'), '--persist-to', dir, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('admin:create on a fresh deployment', () => {
  let dir;
  let server;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongxin-admin-e2e-'));
  });
  after(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad phone before touching the database', () => {
    const r = run(dir, '--phone', '12345', '--name', '张三');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--phone/);
  });

  it('creates the root and its admin once, who then signs in as admin of the root', async () => {
    const first = run(dir, '--phone', '13912345678', '--name', '张三', '--unit', '某市直机关工委');
    assert.equal(first.status, 0, first.stderr);
    const password = /One-time password: (\S+)/.exec(first.stdout)?.[1];
    assert.ok(password, first.stdout);
    const again = run(dir, '--phone', '13912345678', '--name', '张三');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /password is unchanged/);

    server = await startServer({ port: PORT, persistDir: dir, stdio: 'ignore' });
    const base = `http://127.0.0.1:${PORT}`;
    const units = await (await fetch(`${base}/api/v1/org-units`)).json();
    assert.deepEqual(
      units.items.map((u) => [u.name, u.parentId]),
      [['某市直机关工委', null]],
    );
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ phone: '13912345678', password }),
    });
    assert.equal(login.status, 200);
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json();
    assert.deepEqual(
      me.memberships.map((m) => [m.orgUnitName, m.role]),
      [['某市直机关工委', 'admin']],
    );
  });
});
