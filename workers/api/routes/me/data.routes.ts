import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import { verifyPassword } from '../../lib/crypto';
import { requireCode } from '../../lib/verification';
import { tableFile, type TableCell } from '../../lib/tables';
import { clearSessionCookie } from '../../middleware/session';
import { DeleteAccountBody, MyData, MyDataQuery, MyRoster, WithdrawBody, WithdrawResponse } from '../../../../shared/contracts/pipl';
import { chinaDay } from '../../../../shared/china-time';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_POSTS } from '../../../../shared/people';
import { rateHit } from '../../../../db/queries/accounts';
import { boardsOf, deleteAccount, lastRootManager, pairsOfResident, personalData, withdrawConsent } from '../../../../db/queries/pipl';
import { boardStub } from '../../lib/boards';
import { nowIso } from '../../../../db/ids';

/** Wrong passwords a signed-in session may try on DELETE /me before it must wait. */
const DELETE_LIMIT = { perUser: 5, windowMs: 15 * 60e3 };

/** The download as one sheet: each section under its own title row, then its columns and rows. */
function dataRows(d: Awaited<ReturnType<typeof personalData>>): TableCell[][] {
  const rows: TableCell[][] = [['account'], ...Object.entries(d.account ?? {}).map(([k, v]) => [k, v]), ['sessions', d.sessions.count], []];
  for (const [name, items] of Object.entries(d.sections)) {
    rows.push([`${name} (${items.length})`]);
    const cols = Object.keys(items[0] ?? {});
    if (cols.length) rows.push(cols, ...items.map((r) => cols.map((k) => r[k] ?? null)));
    rows.push([]);
  }
  return rows;
}

export const meDataRoutes = createApp()
  .get(
    '/data',
    describeRoute({
      tags: ['Accounts'],
      summary:
        '下载我的数据 (PIPL): everything stored about me — account, sessions, memberships, roster entry, quiz attempts and answers, entries, votes, pairs, records, pledges, bookings, activity events…; `?format=xlsx` as a workbook',
      responses: { 200: json(MyData) },
    }),
    valid('query', MyDataQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const d = await personalData(c.var.db, viewer.id);
      c.header('Cache-Control', 'no-store');
      if (c.req.valid('query').format === 'xlsx') return tableFile(c, dataRows(d), `my-data-${chinaDay()}`, 'xlsx', '我的数据');
      return c.json({ exportedAt: nowIso(), ...d });
    },
  )
  .get(
    '/roster',
    describeRoute({
      tags: ['Accounts'],
      summary: '我的: my unit, 人员类别, 党内职务 and 状态 from the roster (null when on no roster)',
      responses: { 200: json(MyRoster) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const row = await c.var.db.query.rosterEntries.findFirst({ where: (r, { eq }) => eq(r.userId, viewer.id) });
      if (!row) return c.json({ entry: null });
      const unit = await c.var.db.query.orgUnits.findFirst({ where: (u, { eq }) => eq(u.id, row.orgUnitId) });
      return c.json({
        entry: {
          orgUnitId: row.orgUnitId,
          orgUnitName: unit?.name ?? '',
          category: MEMBER_CATEGORIES.includes(row.category) ? row.category : 'full',
          posts: row.posts.filter((p) => (PARTY_POSTS as readonly string[]).includes(p)),
          postSince: row.postSince,
          status: MEMBER_STATUSES.includes(row.status) ? row.status : 'active',
          joinedPartyOn: row.joinedPartyOn,
        },
      });
    },
  )
  .delete(
    '/',
    describeRoute({
      tags: ['Accounts'],
      summary:
        '注销账号 (PIPL) with the password: sessions end, name and phone are erased everywhere (a tombstone stays), rights end, counts stay. Wrong password → 422; too many tries → 429; the last organizer of the root → 409',
      responses: { 204: { description: 'Deleted' } },
    }),
    valid('json', DeleteAccountBody),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, viewer.id) });
      if (!user) throw new ApiError('unauthenticated');
      if (!(await verifyPassword(c.req.valid('json').password, user.passwordHash))) {
        const hit = await rateHit(db, `delete-me:${viewer.id}`, DELETE_LIMIT.windowMs);
        if (hit.count > DELETE_LIMIT.perUser)
          throw new ApiError('rate_limited', 'msg.me_delete_rate', {}, undefined, { 'Retry-After': String(Math.ceil(hit.retryAfterMs / 1000)) });
        throw new ApiError('unprocessable', 'msg.me_password_wrong', {}, { password: { key: 'msg.me_password_wrong' } });
      }
      if (await lastRootManager(db, viewer.id)) throw new ApiError('conflict', 'msg.me_last_organizer');
      const boards = await boardsOf(db, viewer.id);
      await deleteAccount(db, viewer.id);
      // live boards hold names in their own storage: they rebuild from D1, where the name is gone
      for (const id of boards) {
        try {
          await boardStub(c.env, id).resetStorage();
        } catch (e) {
          console.error('board not reset after an account deletion (it keeps the old name until its next rebuild)', id, e);
        }
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

export const pairWithdrawRoutes = createApp().post(
  '/withdraw',
  describeRoute({
    tags: ['Volunteers'],
    summary:
      'A resident withdraws 1+1 consent with an SMS code (purpose consent): each of their pairs is marked withdrawn, their name and phone are erased from it, counts stay; the pairing member sees it withdrawn. Wrong code → 422 `code_invalid`; no pair → 404',
    responses: { 200: json(WithdrawResponse) },
  }),
  valid('json', WithdrawBody),
  async (c) => {
    const { phone, code } = c.req.valid('json');
    await requireCode(c, phone, 'consent', code);
    const pairs = await pairsOfResident(c.var.db, phone);
    if (!pairs.length) throw new ApiError('not_found', 'msg.pair_withdraw_none');
    await withdrawConsent(c.var.db, pairs);
    return c.json({ withdrawn: pairs.length });
  },
);
