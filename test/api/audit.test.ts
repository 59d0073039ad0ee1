import { describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { PHONES, signedIn, type Client } from '../helpers';

/** the sheet name the download writes */
const SHEET: string = '审计日志';

/*
 * The audit trail (API.md: GET /org-units/{id}/audit): who did what, when, inside a subtree,
 * with filters and an export; approvals, exports and result publications are written to it.
 */

type Item = { id: string; action: string; orgUnitId: string; actor: { id: string; name: string } | null; detail: string | null; at: string };
const actions = async (c: Client, path: string) => ((await c.get(path)).body.items as Item[]).map((i) => i.action);

describe('audit trail', () => {
  it('an appointment shows in the unit’s subtree and above, never beside it; filters narrow it', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    expect((await fgw.post('/api/v1/org-units/fgw-b1/roles', { phone: PHONES.fgwMember, role: 'reviewer' })).status).toBe(201);
    const page = await fgw.get('/api/v1/org-units/fgw/audit');
    expect(page.status).toBe(200);
    const first = page.body.items[0] as Item;
    expect(first).toMatchObject({ action: 'role.appoint', orgUnitId: 'fgw-b1', actor: { id: 'user-org-fgw', name: '李振华' } });
    expect(JSON.parse(first.detail!)).toMatchObject({ role: 'reviewer', name: '王晓燕' });
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get('/api/v1/org-units/root/audit?action=role')).body.items.map((i: Item) => i.id)).toContain(first.id);
    // another subtree's trail does not hold it
    expect((await root.get('/api/v1/org-units/jyj/audit')).body.items.map((i: Item) => i.id)).not.toContain(first.id);
    // filters: action group and exact action, actor by phone or id, China dates
    expect(new Set(await actions(fgw, '/api/v1/org-units/fgw/audit?action=role'))).toEqual(new Set(['role.appoint']));
    expect(await actions(fgw, '/api/v1/org-units/fgw/audit?action=role.remove')).toEqual([]);
    expect(await actions(fgw, `/api/v1/org-units/fgw/audit?actor=${PHONES.fgwOrganizer}`)).toContain('role.appoint');
    expect(await actions(fgw, `/api/v1/org-units/fgw/audit?actor=${PHONES.rootOrganizer}&action=role`)).toEqual([]);
    expect(await actions(fgw, '/api/v1/org-units/fgw/audit?actor=user-org-fgw&action=role')).toEqual(['role.appoint']);
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    expect(await actions(fgw, `/api/v1/org-units/fgw/audit?from=${today}&to=${today}&action=role`)).toEqual(['role.appoint']);
    expect(await actions(fgw, '/api/v1/org-units/fgw/audit?to=2020-01-01')).toEqual([]);
    // bad input: a clear 400 naming the field
    const bad = await fgw.get(`/api/v1/org-units/fgw/audit?from=${today}&to=2020-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.to).toBeTruthy();
    expect((await fgw.get('/api/v1/org-units/fgw/audit?action=DROP%20TABLE')).body.error.fields.action).toBeTruthy();
    expect((await fgw.get('/api/v1/org-units/fgw/audit?from=yesterday')).status).toBe(400);
    expect((await fgw.get('/api/v1/org-units/nowhere/audit')).status).toBe(404);
  });

  it('pages with a cursor, newest first, without repeats', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const jyjMember = (await signedIn(PHONES.jyjMember)).get('/api/v1/me');
    const uid = (await jyjMember).body.user.id as string;
    for (let i = 0; i < 3; i++) {
      expect((await root.post('/api/v1/org-units/jyj/roles', { phone: PHONES.jyjMember, role: 'gate_staff' })).status).toBe(201);
      expect((await root.call('DELETE', `/api/v1/org-units/jyj/roles/${uid}/gate_staff`)).status).toBe(204);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let at = '~';
    for (let i = 0; i < 10; i++) {
      const r: { body: { items: Item[]; nextCursor: string | null } } = await root.get(
        `/api/v1/org-units/root/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const it of r.body.items) {
        expect(it.at <= at).toBe(true);
        at = it.at;
        seen.push(it.id);
      }
      cursor = r.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('every table download is an audited export, placed at the unit whose data it was', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const r = await fgw.get('/api/v1/org-units/fgw-b1/metrics/export?format=csv');
    expect(r.status).toBe(200);
    const items = (await fgw.get('/api/v1/org-units/fgw/audit?action=export')).body.items as Item[];
    expect(items[0]).toMatchObject({ action: 'export.download', orgUnitId: 'fgw-b1', actor: { id: 'user-org-fgw' } });
    expect(JSON.parse(items[0]!.detail!).path).toBe('/api/v1/org-units/fgw-b1/metrics/export');
    // a campaign's export is placed at the campaign's unit (the root here)
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get('/api/v1/campaigns/camp-volunteer/pairs/export?format=csv')).status).toBe(200);
    const rootItems = (await root.get('/api/v1/org-units/root/audit?action=export.download')).body.items as Item[];
    expect(rootItems[0]).toMatchObject({ orgUnitId: 'root', actor: { id: 'user-org-root' } });
    // a refused download writes nothing
    const member = await signedIn(PHONES.fgwMember);
    const before = rootItems.length;
    expect((await member.get('/api/v1/campaigns/camp-volunteer/pairs/export?format=csv')).status).toBe(403);
    expect(((await root.get('/api/v1/org-units/root/audit?action=export.download')).body.items as Item[]).length).toBe(before);
  });

  it('the trail itself downloads as xlsx or csv with the filter applied', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const x = await fgw.get('/api/v1/org-units/fgw/audit?format=xlsx&action=role');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toMatch(/fgw-audit-.*\.xlsx/);
    const rows = utils.sheet_to_json<string[]>(read(x.bytes, { type: 'array' }).Sheets[SHEET]!, { header: 1 });
    expect(rows[0]).toEqual(['时间', '操作', '操作代码', '操作人', '所在组织', '对象', '对象编号', '详情']);
    expect(rows.slice(1).every((r) => r[2] === 'role.appoint')).toBe(true);
    expect(rows[1]?.[1]).toBe('任命角色');
    const csv = await fgw.get('/api/v1/org-units/fgw/audit?format=csv');
    expect(csv.text).toContain('任命角色');
  });

  it('approvals and result publication are audited (publication once)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const pending = await root.get('/api/v1/campaigns/camp-volunteer/service-records?status=pending&limit=1');
    const id = pending.body.items[0].id as string;
    expect((await root.post(`/api/v1/service-records/${id}/approve`)).status).toBe(200);
    const approvals = (await root.get('/api/v1/org-units/root/audit?action=record')).body.items as Item[];
    expect(approvals.map((i) => i.action)).toContain('record.approve');
    const settings = (await root.get('/api/v1/campaigns/camp-contest')).body.campaign.settings;
    expect(settings.resultsPublished).toBe(false);
    for (let i = 0; i < 2; i++) {
      const r = await root.patch('/api/v1/campaigns/camp-contest', { settings: { ...settings, resultsPublished: true } });
      expect(r.status, r.text).toBe(200);
    }
    expect(await actions(root, '/api/v1/org-units/root/audit?action=results.publish')).toEqual(['results.publish']);
  });
});
