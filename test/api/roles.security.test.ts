import { expect } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, PHONES, registerUser, signedIn } from '../helpers';
import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/* Roles and the audit trail of the fgw subtree, as every role. */

let n = 0;
/** A fresh registered person on the fgw-b1 roster, for one role's run. */
async function setup() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const phone = freshPhone();
  await org.post('/api/v1/org-units/fgw-b1/roster', `姓名,手机号\n矩阵人员${n},${phone}\n`, { 'content-type': 'text/csv' });
  await registerUser(client({ ip: `10.72.0.${n++}` }), { phone, name: '矩阵人员', password: 'matrix-pass-1' });
  const id = (await env.DB.prepare('SELECT id FROM users WHERE phone = ?').bind(phone).first<{ id: string }>())!.id;
  return { phone, id };
}

roleMatrix('roles and audit authorization matrix', {
  setup,
  operations: (f) => [
    {
      name: 'list roles',
      method: 'GET',
      path: '/api/v1/org-units/fgw/roles',
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed && expect(r.body.items.some((h: { phone: string }) => h.phone === PHONES.fgwOrganizer)).toBe(true),
    },
    {
      name: 'appoint a 检票员',
      method: 'POST',
      path: '/api/v1/org-units/fgw-b1/roles',
      body: { phone: f.phone, role: 'gate_staff' },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'appoint an 审核员',
      method: 'POST',
      path: '/api/v1/org-units/fgw/roles',
      body: { phone: f.phone, role: 'reviewer' },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'appoint a branch organizer',
      method: 'POST',
      path: '/api/v1/org-units/fgw-b1/roles',
      body: { phone: f.phone, role: 'organizer' },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'appoint an organizer of fgw',
      method: 'POST',
      path: '/api/v1/org-units/fgw/roles',
      body: { phone: f.phone, role: 'organizer' },
      allowed: ROOT_MANAGERS,
      ok: 201,
    },
    { name: 'remove the 检票员', method: 'DELETE', path: `/api/v1/org-units/fgw-b1/roles/${f.id}/gate_staff`, allowed: FGW_MANAGERS, ok: 204 },
    { name: 'remove the fgw organizer', method: 'DELETE', path: `/api/v1/org-units/fgw/roles/${f.id}/organizer`, allowed: ROOT_MANAGERS, ok: 204 },
    { name: 'audit of fgw', method: 'GET', path: '/api/v1/org-units/fgw/audit', allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'audit export',
      method: 'GET',
      path: '/api/v1/org-units/fgw/audit?format=csv',
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed && expect(r.headers.get('content-type')).toMatch(/text\/csv/),
    },
    { name: 'audit of the root', method: 'GET', path: '/api/v1/org-units/root/audit', allowed: ROOT_MANAGERS, ok: 200 },
    { name: 'roles of jyj', method: 'GET', path: '/api/v1/org-units/jyj/roles', allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    { name: 'audit of jyj', method: 'GET', path: '/api/v1/org-units/jyj/audit', allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
  ],
  after: async (f, role) => {
    const held = await env.DB.prepare("SELECT role FROM memberships WHERE user_id = ? AND role <> 'member' ORDER BY role").bind(f.id).all<{ role: string }>();
    const want = FGW_MANAGERS.includes(role) ? ['organizer', 'reviewer'] : [];
    expect(held.results.map((r) => r.role)).toEqual(want);
  },
});
