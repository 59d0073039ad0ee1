import { expect } from 'vitest';
import { env } from 'cloudflare:workers';
import { FGW_MANAGERS, ROOT_MANAGERS, roleMatrix, type Role } from './roles';

/*
 * History templates and imports, as every role: templates for anyone who organizes something,
 * imports only for organizers of the subtree (a refused import leaves the database as it was,
 * which the harness checks), and a row naming a unit outside the importer's subtree never lands.
 */
const ORGANIZERS: readonly Role[] = ['jyjOrganizer', 'fgwOrganizer', 'rootOrganizer', 'admin'];
const headers = { 'content-type': 'text/csv; charset=utf-8' };
const file = (unit: string, title: string) => `组织,展览名称,日期,参观人数,是否散客\n${unit},${title},2020-10-01,5,否\n`;

roleMatrix('history import authorization matrix', {
  setup: async () => null,
  operations: () => [
    { name: 'template', method: 'GET', path: '/api/v1/history/templates/volunteer.xlsx', allowed: ORGANIZERS, ok: 200 },
    {
      name: 'fgw dry run',
      method: 'POST',
      path: '/api/v1/org-units/fgw/history/import?kind=exhibition&dryRun=1',
      body: file('fgw-b1', '安全矩阵展览'),
      headers,
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    {
      name: 'fgw import',
      method: 'POST',
      path: '/api/v1/org-units/fgw/history/import?kind=exhibition',
      body: file('fgw-b1', '安全矩阵展览'),
      headers,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (res, _role, allowed) => {
        if (allowed) expect(res.body.errors).toEqual([]);
      },
    },
    {
      name: 'jyj import',
      method: 'POST',
      path: '/api/v1/org-units/jyj/history/import?kind=exhibition',
      body: file('jyj-b1', '安全矩阵展览'),
      headers,
      allowed: [...ROOT_MANAGERS, 'jyjOrganizer'],
      ok: 200,
    },
    {
      // an organizer of fgw naming a jyj unit: the row is refused, nothing lands in jyj
      name: 'fgw import naming jyj',
      method: 'POST',
      path: '/api/v1/org-units/fgw/history/import?kind=exhibition',
      body: file('jyj-b1', '越权展览'),
      headers,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: async (res, _role, allowed) => {
        if (!allowed) return;
        expect(res.body.imported).toBe(0);
        expect(res.body.errors).toHaveLength(1);
        expect(
          (await env.DB.prepare("SELECT COUNT(*) n FROM bookings b JOIN campaigns c ON c.id = b.campaign_id WHERE c.title = '越权展览'").first<{
            n: number;
          }>())!.n,
        ).toBe(0);
      },
    },
  ],
});
