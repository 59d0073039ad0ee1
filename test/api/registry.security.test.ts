import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { freshPhone, signedIn, PHONES } from '../helpers';
import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/*
 * The member registry as every role: reading, counting and exporting the fgw registry, editing
 * an entry, transferring within fgw and across to jyj, renaming, moving and archiving units.
 * Each role's run gets its own entries and units (the allowed writes change them).
 */
let n = 0;
roleMatrix('member registry authorization matrix', {
  setup: async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const [p1, p2] = [freshPhone(), freshPhone()];
    const imp = await root.call('POST', '/api/v1/org-units/fgw-b1/roster', `姓名,手机号,人员类别\n矩阵甲,${p1},正式党员\n矩阵乙,${p2},预备党员\n`, {
      'content-type': 'text/csv',
    });
    expect(imp.body.created).toBe(2);
    const id = async (phone: string) => (await env.DB.prepare('SELECT id FROM roster_entries WHERE phone = ?').bind(phone).first<{ id: string }>())!.id;
    const unit = (await root.post('/api/v1/org-units', { parentId: 'fgw', name: `矩阵支部${n++}`, kind: 'branch' })).body.orgUnit.id as string;
    const empty = (await root.post('/api/v1/org-units', { parentId: 'fgw', name: `矩阵空支部${n++}`, kind: 'branch' })).body.orgUnit.id as string;
    return { a: await id(p1), b: await id(p2), unit, empty };
  },
  operations: (f) => [
    {
      name: 'registry',
      method: 'GET',
      path: '/api/v1/org-units/fgw/members',
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (res, _role, allowed) => {
        if (allowed) expect(res.body.items.every((i: { phone: string }) => /^1\d{10}$/.test(i.phone))).toBe(true);
      },
    },
    { name: 'registry of jyj', method: 'GET', path: '/api/v1/org-units/jyj/members', allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    { name: 'counts', method: 'GET', path: '/api/v1/org-units/fgw/members/counts', allowed: FGW_MANAGERS, ok: 200 },
    { name: 'export', method: 'GET', path: '/api/v1/org-units/fgw/members/export?format=csv', allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'edit an entry',
      method: 'PATCH',
      path: `/api/v1/roster/${f.a}`,
      body: { posts: ['secretary'], joinedPartyOn: '2010-07-01' },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'periods', method: 'GET', path: `/api/v1/roster/${f.a}/periods`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'transfer within fgw',
      method: 'POST',
      path: '/api/v1/org-units/fgw-b1/transfers',
      body: { rosterId: f.a, toOrgUnitId: 'fgw-b2', reason: '工作调动' },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'transfer to jyj',
      method: 'POST',
      path: '/api/v1/org-units/fgw-b1/transfers',
      body: { rosterId: f.b, toOrgUnitId: 'jyj-b1', reason: '交流' },
      allowed: ROOT_MANAGERS,
      ok: 201,
    },
    { name: 'rename a unit', method: 'PATCH', path: `/api/v1/org-units/${f.unit}`, body: { name: `矩阵改名${n++}` }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'move a unit within fgw', method: 'PATCH', path: `/api/v1/org-units/${f.unit}`, body: { parentId: 'fgw-b3' }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'archive an empty unit', method: 'POST', path: `/api/v1/org-units/${f.empty}/archive`, allowed: FGW_MANAGERS, ok: 200 },
  ],
  after: async (f, role) => {
    const moved = await env.DB.prepare('SELECT org_unit_id FROM roster_entries WHERE id = ?').bind(f.a).first<{ org_unit_id: string }>();
    expect(moved!.org_unit_id).toBe(FGW_MANAGERS.includes(role) ? 'fgw-b2' : 'fgw-b1');
  },
});
