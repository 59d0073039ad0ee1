import { describe, expect, it } from 'vitest';
import { signedIn, inOneDay, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, roleMatrix, SIGNED_IN } from './roles';
import { openLive } from './live.fixtures';

/* Live rooms and matches of the fgw subtree, as every role. */
async function fixture() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const bank = (await org.post('/api/v1/question-banks', { title: '现场题库', orgUnitId: 'fgw' })).body.bank.id as string;
  await org.post(`/api/v1/question-banks/${bank}/questions`, { type: 'judge', stem: `现场判断题${Math.random()}`, answer: true });
  const camp = (await org.post('/api/v1/campaigns', { kind: 'quiz', title: '现场答题', orgUnitId: 'fgw', ...inOneDay(), settings: { bankIds: [bank] } })).body
    .campaign.id as string;
  await org.post(`/api/v1/campaigns/${camp}/publish`);
  const room = (await org.post(`/api/v1/campaigns/${camp}/rooms`, { title: '矩阵房间', bankId: bank, count: 1 })).body.room as { id: string; pin: string };
  return { bank, camp, room };
}

roleMatrix('live rooms authorization matrix', {
  setup: fixture,
  operations: (f) => [
    {
      name: 'create a room',
      method: 'POST',
      path: `/api/v1/campaigns/${f.camp}/rooms`,
      body: { title: '新房间', bankId: f.bank, count: 1 },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'list rooms', method: 'GET', path: `/api/v1/campaigns/${f.camp}/rooms`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'room results', method: 'GET', path: `/api/v1/rooms/${f.room.id}/results`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'results export', method: 'GET', path: `/api/v1/rooms/${f.room.id}/results?format=xlsx`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'host a room', method: 'POST', path: `/api/v1/rooms/${f.room.id}/host`, body: { command: 'start' }, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'find by PIN',
      method: 'GET',
      path: `/api/v1/rooms/${f.room.pin}`,
      allowed: EVERYONE,
      ok: 200,
      check: (res) => expect(JSON.stringify(res.body)).not.toContain('"answer"'),
    },
    { name: 'queue for a match', method: 'POST', path: `/api/v1/campaigns/${f.camp}/matches`, body: { size: 4 }, allowed: SIGNED_IN, ok: 202 },
  ],
});

describe('live room sockets', () => {
  it('a member cannot host (an organizer above the subtree can), and anyone may watch', async () => {
    const f = await fixture();
    const other = await signedIn(PHONES.rootOrganizer);
    const root = await openLive(`/api/v1/rooms/${f.room.id}/live`, other);
    root.send({ type: 'join', role: 'host' });
    // the root organizer manages fgw: allowed; a member is not
    expect((await root.state()).role).toBe('host');
    const member = await openLive(`/api/v1/rooms/${f.room.id}/live`, await signedIn(PHONES.jyjMember));
    member.send({ type: 'join', role: 'host' });
    expect(await member.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });
    member.send({ type: 'join', role: 'screen' });
    expect((await member.state()).role).toBe('screen');
    root.close();
    member.close();
  });
});
