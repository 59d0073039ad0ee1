import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { client, freshPhone, PHONES, registerUser, signedIn, type Client, type Res } from '../helpers';

/*
 * The role matrix behind the `.security` tests (STYLE.md "one role-test harness"): a domain
 * lists its operations and who may call them; the harness runs them as every role and checks
 * that an allowed role gets through, and that every other role is refused (401 anonymous,
 * 403 or 404 signed in) in the error envelope without anything changing in the database.
 */

/** Every caller the harness tries. The demo tree: root ⊃ fgw ⊃ fgw-b1, fgw-b2; root ⊃ jyj. */
export const ROLES = ['anonymous', 'outsider', 'fgwMember', 'jyjMember', 'jyjOrganizer', 'fgwOrganizer', 'rootOrganizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who manages the fgw subtree (and anything in it). */
export const FGW_MANAGERS: readonly Role[] = ['fgwOrganizer', 'rootOrganizer', 'admin'];
/** Who manages the root of the tree. */
export const ROOT_MANAGERS: readonly Role[] = ['rootOrganizer', 'admin'];
/** Every role, signed in or not. */
export const EVERYONE: readonly Role[] = ROLES;
/** Every signed-in role. */
export const SIGNED_IN: readonly Role[] = ROLES.filter((r) => r !== 'anonymous');

export interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The roles that may call it. */
  allowed: readonly Role[];
  /** The status an allowed role gets (default: any 2xx). */
  ok?: number;
  /** What a signed-in role that may not call it gets: 403, or 404 where the thing must not be seen to exist (default 403). */
  denied?: 403 | 404;
  /** What an anonymous caller that may not call it gets (default 401; 404 for things hidden from everyone outside, 403 where the route does not ask who you are first). */
  anonymous?: 401 | 403 | 404;
  /** Only the refusals are checked: an allowed call is not made (a live stream never ends). */
  refusalOnly?: boolean;
  /** More checks on the response, allowed or not (masked fields, what a list holds…). */
  check?: (res: Res, role: Role, allowed: boolean) => unknown;
}

export interface Domain<F> {
  /** Fresh data for one role's run (the allowed roles' writes change it). */
  setup: () => Promise<F>;
  operations: (f: F) => Operation[];
  /** Checks after all operations ran (e.g. what the allowed writes did, or did not do). */
  after?: (f: F, role: Role) => void | Promise<void>;
}

// A fresh outsider and a fresh organizer of jyj (beside fgw) per file: registered, then, for the
// organizer, made one by a membership row (no route grants organizer rights to oneself).
let extra: Promise<{ outsider: string; jyjOrganizer: string }> | null = null;
async function registered(name: string): Promise<{ phone: string; id: string }> {
  const c = client({ ip: `10.97.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, name, password: 'secret-pass' });
  if (r.status !== 201 && r.status !== 200) throw new Error(`register ${name} failed: ${r.status} ${r.text}`);
  return { phone, id: (await c.get('/api/v1/me')).body.user.id as string };
}
function extraAccounts() {
  extra ??= (async () => {
    const outsider = await registered('局外人');
    const org = await registered('教育局管理员');
    await env.DB.prepare(
      "INSERT INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES (?, ?, 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')",
    )
      .bind(`ms-matrix-${org.id}`, org.id)
      .run();
    return { outsider: outsider.phone, jyjOrganizer: org.phone };
  })();
  return extra;
}

/** A client for a role (registered roles sign in with the password they registered with). */
export async function actor(role: Role): Promise<Client> {
  if (role === 'anonymous') return client();
  if (role === 'outsider' || role === 'jyjOrganizer') {
    const c = client();
    const r = await c.post('/api/v1/auth/login', { phone: (await extraAccounts())[role], password: 'secret-pass' });
    if (r.status !== 200) throw new Error(`login ${role} failed: ${r.status} ${r.text}`);
    return c;
  }
  return signedIn(PHONES[role]);
}

// Tables a refused call may legitimately touch: sign-ins and rate counters.
const VOLATILE = new Set(['sessions', 'rate_limits', 'd1_migrations']);
/** Every row of every table but the volatile ones: what a refused write must leave as it was. */
export async function snapshot(): Promise<string> {
  const tables = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>()).results
    .map((t) => t.name)
    .filter((t) => !VOLATILE.has(t) && !t.startsWith('sqlite_') && !t.startsWith('_cf_'));
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return JSON.stringify(rows.map((r, i) => [tables[i], r.results]));
}

/** Runs one domain's operations as one role and checks every outcome. */
export async function runAs<F>(domain: Domain<F>, role: Role): Promise<void> {
  const f = await domain.setup();
  const c = await actor(role);
  for (const op of domain.operations(f)) {
    const allowed = op.allowed.includes(role);
    if (allowed && op.refusalOnly) continue;
    const write = op.method !== 'GET';
    const before = !allowed && write ? await snapshot() : null;
    const res = await c.call(op.method, op.path, op.body, op.headers);
    const where = `${role} ${op.name} (${op.method} ${op.path}) → ${res.status} ${res.text.slice(0, 200)}`;
    if (allowed) {
      if (op.ok !== undefined) expect(res.status, where).toBe(op.ok);
      else expect(res.status >= 200 && res.status < 300, where).toBe(true);
    } else {
      const want = role === 'anonymous' ? (op.anonymous ?? 401) : (op.denied ?? 403);
      expect(res.status, where).toBe(want);
      expect(typeof res.body?.error?.code, `${where}: error envelope`).toBe('string');
      expect(typeof res.body?.error?.message, `${where}: error envelope`).toBe('string');
      if (before !== null) expect(await snapshot(), `${where}: a refused write changed the database`).toBe(before);
    }
    await op.check?.(res, role, allowed);
  }
  await domain.after?.(f, role);
}

/** One test per role for a domain. */
export function roleMatrix<F>(title: string, domain: Domain<F>, roles: readonly Role[] = ROLES): void {
  describe(title, () => {
    for (const role of roles) it(role, () => runAs(domain, role));
  });
}
