// `npm run admin:create -- --phone 13912345678 --name 张三 [--unit 市直机关工委] [--password …] [--remote]`
// The first admin of a deployment: applies the migrations, creates the root unit if the
// database has none, then the person (unless the phone is registered already) and their
// admin role on the root. Running it again changes nothing. Local by default (the D1 that
// `npm start` uses, or --persist-to DIR); --remote writes to the deployed database.
import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, wrangler } from './server.mjs';

const { values: o } = parseArgs({
  options: {
    phone: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string', default: '市直机关工委' },
    password: { type: 'string' },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
  },
});

const fail = (m) => {
  console.error(`admin:create: ${m}`);
  process.exit(2);
};
if (!o.phone || !/^1[3-9]\d{9}$/.test(o.phone)) fail('--phone must be an 11-digit mainland mobile number (1[3-9]xxxxxxxxx)');
if (!o.name?.trim() || o.name.length > 40) fail('--name is required (at most 40 characters)');
if (!o.unit.trim() || o.unit.length > 80) fail('--unit must be 1–80 characters');
// The same weak-password rules as registration, in their simplest form: the app's own reset
// (SMS code) is the way to a better one later.
if (o.password !== undefined && (o.password.length < 8 || /^(.)\1*$/.test(o.password) || o.password === o.phone)) {
  fail('--password needs at least 8 characters, not all one character and not the phone number');
}
const password = o.password ?? randomBytes(12).toString('base64url');

// Same format as workers/api/lib/crypto.ts: pbkdf2-sha256$iterations$salt$hash (base64).
const salt = randomBytes(16);
const hash = `pbkdf2-sha256$100000$${salt.toString('base64')}$${pbkdf2Sync(password, salt, 100_000, 32, 'sha256').toString('base64')}`;
const now = new Date().toISOString();
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

const sql = [
  // the root unit, only when the database has none (an existing root keeps its name)
  `INSERT INTO org_units (id, parent_id, name, kind, path, depth, created_at)
     SELECT 'root', NULL, ${q(o.unit.trim())}, 'committee', '/root/', 0, ${q(now)}
     WHERE NOT EXISTS (SELECT 1 FROM org_units WHERE parent_id IS NULL)`,
  `INSERT INTO users (id, phone, name, password_hash, created_at)
     VALUES (${q(`user-${randomUUID()}`)}, ${q(o.phone)}, ${q(o.name.trim())}, ${q(hash)}, ${q(now)})
     ON CONFLICT(phone) DO NOTHING`,
  `INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at)
     SELECT ${q(`ms-${randomUUID()}`)}, u.id, r.id, r.path, 'admin', ${q(now)}
     FROM users u, (SELECT id, path FROM org_units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1) r
     WHERE u.phone = ${q(o.phone)}`,
  `SELECT u.phone, u.name, u.password_hash = ${q(hash)} AS created, r.name AS unit, m.role
     FROM users u JOIN memberships m ON m.user_id = u.id AND m.role = 'admin' JOIN org_units r ON r.id = m.org_unit_id
     WHERE u.phone = ${q(o.phone)} AND r.parent_id IS NULL`,
];

const where = o.remote ? ['--remote'] : ['--local', '--persist-to', o['persist-to'] ? resolve(o['persist-to']) : join(ROOT, '.wrangler', 'state')];
wrangler(['d1', 'migrations', 'apply', 'DB', ...where]);
const dir = mkdtempSync(join(tmpdir(), 'tongxin-admin-'));
try {
  const file = join(dir, 'admin.sql');
  writeFileSync(file, `${sql.join(';\n')};\n`);
  const out = JSON.parse(wrangler(['d1', 'execute', 'DB', ...where, '--file', file, '--json']));
  const row = out.at(-1)?.results?.[0];
  if (!row) fail('the admin could not be created (see the output above)');
  console.log(`Admin ${row.name} (${row.phone}) of ${row.unit} is ready ${o.remote ? 'in the deployed database' : 'in the local database'}.`);
  if (row.created) {
    if (!o.password) console.log(`One-time password: ${password}\nSign in at /console/ and change it (忘记密码 sends an SMS code).`);
  } else {
    console.log('The phone was registered already: its password is unchanged.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
