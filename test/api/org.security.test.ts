import { describe, expect, it } from 'vitest';
import { signedIn, PHONES } from '../helpers';
import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix } from './roles';

/* The org tree of the fgw subtree, as every role. */
let n = 0;
const csv = { 'content-type': 'text/csv' };
roleMatrix('org tree authorization matrix', {
  setup: async () => null,
  operations: () => [
    {
      name: 'add a unit',
      method: 'POST',
      path: '/api/v1/org-units',
      body: { parentId: 'fgw-b1', name: `矩阵小组${n++}`, kind: 'branch' },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'roster dry run',
      method: 'POST',
      path: '/api/v1/org-units/fgw-b1/roster?dryRun=true',
      body: '姓名,手机号\n张三,13655550001\n',
      headers: csv,
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'roster', method: 'GET', path: '/api/v1/org-units/fgw-b1/roster', allowed: FGW_MANAGERS, ok: 200 },
    { name: 'metrics', method: 'GET', path: '/api/v1/org-units/fgw/metrics', allowed: FGW_MANAGERS, ok: 200 },
    { name: 'to-do', method: 'GET', path: '/api/v1/org-units/fgw/todo', allowed: FGW_MANAGERS, ok: 200 },
    // above and beside the fgw subtree
    { name: 'root metrics', method: 'GET', path: '/api/v1/org-units/root/metrics', allowed: ROOT_MANAGERS, ok: 200 },
    { name: 'root to-do', method: 'GET', path: '/api/v1/org-units/root/todo', allowed: ROOT_MANAGERS, ok: 200 },
    { name: 'jyj metrics', method: 'GET', path: '/api/v1/org-units/jyj/metrics', allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 200 },
    {
      name: 'add a unit under root',
      method: 'POST',
      path: '/api/v1/org-units',
      body: { parentId: 'root', name: `矩阵党委${n++}`, kind: 'party_committee' },
      allowed: ROOT_MANAGERS,
      ok: 201,
    },
    {
      name: 'jyj roster import',
      method: 'POST',
      path: '/api/v1/org-units/jyj-b1/roster?dryRun=true',
      body: '姓名,手机号\n张三,13655550002\n',
      headers: csv,
      allowed: [...ROOT_MANAGERS, 'jyjOrganizer'],
      ok: 200,
    },
  ],
});

describe('org tree: what a member sees', () => {
  it('a member sees only their own account and activity', async () => {
    const c = await signedIn(PHONES.fgwMember);
    const me = await c.get('/api/v1/me');
    expect(me.body.memberships.every((m: { role: string }) => m.role === 'member')).toBe(true);
    expect((await c.get('/api/v1/me/activity?limit=100')).status).toBe(200);
  });
});
