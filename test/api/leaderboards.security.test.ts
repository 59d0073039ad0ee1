import { describe, expect, it } from 'vitest';
import { client, signedIn, inOneDay, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, roleMatrix } from './roles';

/* A board of the fgw subtree (a visible one and a hidden one), as every role. */
async function fgwBoard(hidden = false) {
  const org = await signedIn(PHONES.fgwOrganizer);
  const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '权限看板', orgUnitId: 'fgw', ...inOneDay(), settings: { leaderboard: { hidden } } });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  await org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, { mode: 'set', entries: [{ key: 'k1', name: '张三明', score: 5 }] });
  return id;
}

roleMatrix('leaderboards authorization matrix', {
  setup: () => fgwBoard(),
  operations: (id) => [
    {
      // names are masked unless the caller manages the board
      name: 'read',
      method: 'GET',
      path: `/api/v1/campaigns/${id}/leaderboard`,
      allowed: EVERYONE,
      ok: 200,
      check: (r, role) => expect(r.body.entries[0].name).toBe(FGW_MANAGERS.includes(role) ? '张三明' : '张*明'),
    },
    {
      name: 'write scores',
      method: 'POST',
      path: `/api/v1/campaigns/${id}/leaderboard/scores`,
      body: { mode: 'add', entries: [{ key: 'k1', name: '张三明', score: 1 }] },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'freeze', method: 'POST', path: `/api/v1/campaigns/${id}/leaderboard/freeze`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'unfreeze', method: 'POST', path: `/api/v1/campaigns/${id}/leaderboard/unfreeze`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'export',
      method: 'GET',
      path: `/api/v1/campaigns/${id}/leaderboard/export?format=csv`,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed && expect(r.text).toContain('张三明'),
    },
  ],
});

roleMatrix('a hidden board', {
  setup: () => fgwBoard(true),
  operations: (id) => [
    { name: 'read', method: 'GET', path: `/api/v1/campaigns/${id}/leaderboard`, allowed: FGW_MANAGERS, ok: 200, denied: 404, anonymous: 404 },
    // (leaderboards.test.ts reads the streams)
    {
      name: 'live',
      method: 'GET',
      path: `/api/v1/campaigns/${id}/leaderboard/live`,
      headers: { accept: 'text/event-stream' },
      allowed: FGW_MANAGERS,
      refusalOnly: true,
      denied: 404,
      anonymous: 404,
    },
  ],
});

describe('a draft campaign’s board', () => {
  it('a draft campaign’s board is invisible to the public', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '草稿看板', orgUnitId: 'fgw', ...inOneDay() });
    expect((await client().get(`/api/v1/campaigns/${r.body.campaign.id}/leaderboard`)).status).toBe(404);
    expect((await org.get(`/api/v1/campaigns/${r.body.campaign.id}/leaderboard`)).status).toBe(200);
  });
});
