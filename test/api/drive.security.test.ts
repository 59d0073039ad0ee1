import { expect } from 'vitest';
import { signedIn, inOneDay, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, roleMatrix } from './roles';

/* Two pledges by an fgw member that count for fgw in a drive of the whole tree, as every role. */
async function fixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = (
    await root.post('/api/v1/campaigns', {
      kind: 'drive',
      title: '矩阵募捐',
      orgUnitId: 'root',
      ...inOneDay(),
      settings: { charity: { name: '示例', licenseNo: 'X', projectUrl: 'https://example.org/x' } },
    })
  ).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const make = async () =>
    (
      await (
        await signedIn(PHONES.fgwMember)
      ).post(`/api/v1/campaigns/${id}/pledges`, { amount: 100, message: '留言' }, { 'idempotency-key': `k${Math.random()}` })
    ).body.pledge.id as string;
  return { id, a: await make(), b: await make() };
}

roleMatrix('drives authorization matrix', {
  setup: fixture,
  operations: (f) => [
    { name: 'verify', method: 'POST', path: `/api/v1/pledges/${f.a}/verify`, body: { amount: 100 }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'reject', method: 'POST', path: `/api/v1/pledges/${f.b}/reject`, body: { reason: '测试' }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'moderate the message', method: 'POST', path: `/api/v1/pledges/${f.a}/message`, body: { visible: true }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'report for fgw', method: 'GET', path: `/api/v1/campaigns/${f.id}/drive-report?orgUnitId=fgw`, allowed: FGW_MANAGERS, ok: 200 },
    {
      // any organizer may open the queue; it holds only the pledges of what they manage
      name: 'pledge queue',
      method: 'GET',
      path: `/api/v1/campaigns/${f.id}/pledges`,
      allowed: [...FGW_MANAGERS, 'jyjOrganizer'],
      ok: 200,
      check: (r, role, allowed) => allowed && expect(r.body.items.length).toBe(FGW_MANAGERS.includes(role) ? 2 : 0),
    },
    // public reads stay public
    { name: 'progress', method: 'GET', path: `/api/v1/campaigns/${f.id}/progress`, allowed: EVERYONE, ok: 200 },
    { name: 'donors', method: 'GET', path: `/api/v1/campaigns/${f.id}/donors`, allowed: EVERYONE, ok: 200 },
  ],
});
