import { expect } from 'vitest';
import { env } from 'cloudflare:workers';
import { SIGNED_IN, roleMatrix } from './roles';

/*
 * 消息中心 as every role: a message of the demo member 王晓燕 (fgwMember) is hers alone — no
 * organizer, not even the admin, lists it or marks it read; everyone signed in reads and marks
 * only their own.
 */
let n = 0;
async function setup() {
  const id = `n-sec-${n++}`;
  await env.DB.prepare(
    `INSERT INTO notifications (id, user_id, kind, params, link, created_at) VALUES (?, 'user-member-fgw', 'entry_approved', ?, '/c/x/contest', ?)`,
  )
    .bind(id, JSON.stringify({ title: '矩阵大赛', work: '春晓' }), new Date().toISOString())
    .run();
  return { id };
}
const readAt = async (id: string) =>
  (await env.DB.prepare('SELECT read_at FROM notifications WHERE id = ?').bind(id).first<{ read_at: string | null }>())?.read_at ?? null;

roleMatrix('notifications authorization matrix', {
  setup,
  operations: (f) => [
    {
      name: 'my messages',
      method: 'GET',
      path: '/api/v1/me/notifications?limit=100',
      allowed: SIGNED_IN,
      ok: 200,
      check: (r, role, allowed) => allowed && expect(r.body.items.some((x: { id: string }) => x.id === f.id)).toBe(role === 'fgwMember'),
    },
    {
      name: 'mark hers read',
      method: 'POST',
      path: '/api/v1/me/notifications/read',
      body: { ids: [f.id] },
      allowed: SIGNED_IN,
      ok: 200,
      check: (r, role, allowed) => allowed && expect(r.body.marked).toBe(role === 'fgwMember' ? 1 : 0),
    },
    { name: 'mark all mine read', method: 'POST', path: '/api/v1/me/notifications/read', body: { all: true }, allowed: SIGNED_IN, ok: 200 },
    { name: 'my preferences', method: 'GET', path: '/api/v1/me/preferences', allowed: SIGNED_IN, ok: 200 },
    { name: 'agree to texts', method: 'PUT', path: '/api/v1/me/preferences', body: { smsNotify: false }, allowed: SIGNED_IN, ok: 200 },
  ],
  // her message is read only when she marked it
  after: async (f, role) => expect((await readAt(f.id)) !== null).toBe(role === 'fgwMember'),
});
