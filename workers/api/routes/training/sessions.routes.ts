import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, requireViewer } from '../../lib/authz';
import { managedScope, requireOpen } from '../../lib/guards';
import type { AppEnv } from '../../lib/env';
import { CODE_GUESS_WINDOW_MS, codeChecked, codeGuessKey, codeScreen } from '../../lib/rotating-code';
import { notifyBoard, notifyBoardAfter } from '../../lib/boards';
import { trainingBoardWrite } from '../../lib/training-board';
import { at, tableFile, type TableCell } from '../../lib/tables';
import { nowIso } from '../../../../db/ids';
import { boardPeople, checkInAttendance, checkInRead, deleteSession, markAttendance, updateSession, type NewSession } from '../../../../db/queries/training';
import { enrolledAmong, sessionRegister } from '../../../../db/queries/training-enrollments';
import {
  AttendanceBody,
  CheckInBody,
  CheckInResponse,
  CodeScreen,
  RegisterQuery,
  RegisterResponse,
  SessionPatch,
  SessionResponse,
  UpdatedResponse,
} from '../../../../shared/contracts/training';
import { maskPhone } from '../../../../shared/mask';
import { chinaClock } from '../../../../shared/china-time';
import { ATTENDANCE_LABEL, MODE_LABEL, SESSION_MAX_MS, checkInStatus, checkInWindow } from '../../../../shared/training';
import { sessionFound, sessionOf, sessionView } from './training.dto';
import { rateResetStatement } from '../../../../db/queries/accounts';

/* 党员教育培训: one session (课次) — edit, the rotating code, check-in, the register and its sign-in sheet. */

const checkUrl = (c: Context<AppEnv>, campaignSlug: string, id: string, code: string) =>
  `${new URL(c.req.url).origin}/c/${encodeURIComponent(campaignSlug)}/training?session=${encodeURIComponent(id)}&code=${code}`;

export const sessionRoutes = createApp()
  .patch(
    '/:id',
    describeRoute({
      tags: ['Training'],
      summary: 'Edit a session (organizers of the campaign); a change of hours re-credits everyone marked present or late, in the same batch',
      responses: { 200: json(SessionResponse) },
    }),
    valid('param', IdParam),
    valid('json', SessionPatch),
    async (c) => {
      const { s, campaign } = await sessionOf(c, c.req.valid('param').id);
      const viewer = requireManage(c, campaign.orgPath);
      const b = c.req.valid('json');
      const patch: Partial<NewSession> = {
        ...b,
        ...(b.startsAt ? { startsAt: nowIso(Date.parse(b.startsAt)) } : {}),
        ...(b.endsAt ? { endsAt: nowIso(Date.parse(b.endsAt)) } : {}),
      };
      const starts = Date.parse(patch.startsAt ?? s.startsAt);
      const ends = Date.parse(patch.endsAt ?? s.endsAt);
      if (!(ends > starts) || ends - starts > SESSION_MAX_MS) throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.tr_span' } });
      // a change of hours re-credits everyone on the register: their board scores follow in the same batch
      const board =
        patch.hours !== undefined && patch.hours !== s.hours
          ? await trainingBoardWrite(c.env, c.var.db, campaign, await boardPeople(c.var.db, { sessionId: s.id }))
          : null;
      const res = await updateSession(c.var.db, s, viewer.id, campaign.orgUnitId, patch, board?.stmts);
      if (board?.stmts.length) await notifyBoard(c.env, c.var.db, board, res);
      return c.json({ session: await sessionView(c, campaign.id, s.id) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['Training'],
      summary: 'Delete a session (organizers): its register and the hours it credited go with it (audited)',
      responses: { 204: { description: 'Deleted' } },
    }),
    valid('param', IdParam),
    async (c) => {
      const { s, campaign } = await sessionOf(c, c.req.valid('param').id);
      const viewer = requireManage(c, campaign.orgPath);
      // the people it credited, read before the register goes, lose its hours on the board in the same batch
      const board = await trainingBoardWrite(c.env, c.var.db, campaign, await boardPeople(c.var.db, { sessionId: s.id }));
      const res = await deleteSession(c.var.db, s, viewer.id, campaign.orgUnitId, board.stmts);
      if (board.stmts.length) await notifyBoard(c.env, c.var.db, board, res);
      return c.body(null, 204);
    },
  )
  .get(
    '/:id/code',
    describeRoute({
      tags: ['Training'],
      summary:
        'The check-in code for the room’s screen (organizers, never public): 6 digits that change every minute (HMAC of the minute, as for service activities); the current and the previous one are accepted. With the check-in link and its QR (SVG)',
      responses: { 200: json(CodeScreen) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { s, campaign } = await sessionOf(c, c.req.valid('param').id);
      requireManage(c, campaign.orgPath);
      const screen = await codeScreen(c, s.codeSecret, (code) => checkUrl(c, campaign.slug, s.id, code));
      return c.json({ ...screen, session: await sessionView(c, campaign.id, s.id) });
    },
  )
  .post(
    '/:id/check-in',
    describeRoute({
      tags: ['Training'],
      summary:
        'Check in with the code on the room’s screen (enrolled members) → present, or late from 10 minutes after the start, crediting the session’s hours (a `training_hours` activity event in the same batch). Not enrolled → 403; outside 30 min before the start to the end → 409 outside_session; again → 409 already_checked_in; wrong or old code → 422 code_invalid; too many guesses → 429. Parallel check-ins credit once',
      responses: { 200: json(CheckInResponse) },
    }),
    valid('param', IdParam),
    valid('json', CheckInBody),
    async (c) => {
      const viewer = requireViewer(c);
      const now = Date.now();
      // one round trip reads the session, its campaign and the member's register row, and counts this guess
      const guessKey = codeGuessKey(viewer.id);
      const read = await checkInRead(c.var.db, c.req.valid('param').id, viewer.id, { key: guessKey, windowMs: CODE_GUESS_WINDOW_MS, now });
      const { s, campaign } = sessionFound(c, read.s, read.campaign);
      requireOpen(campaign);
      const roster = read.subject;
      if (!roster?.enrolled) throw new ApiError('forbidden', 'msg.tr_not_enrolled');
      const win = checkInWindow(s);
      if (now < win.from) throw new ApiError('conflict', 'msg.tr_early', { time: chinaClock(win.from) }).because('outside_session');
      if (now > win.to) throw new ApiError('conflict', 'msg.tr_closed', { time: chinaClock(win.to) }).because('outside_session');
      if (roster.status === 'present' || roster.status === 'late') throw new ApiError('conflict', 'msg.tr_checked_in');
      if (!(await codeChecked(read.hit, s.codeSecret, c.req.valid('json').code, now))) {
        throw new ApiError('unprocessable', 'msg.tr_code_wrong', {}, { code: { key: 'msg.tr_code_wrong' } });
      }
      const status = checkInStatus(s, now);
      const board = await trainingBoardWrite(c.env, c.var.db, campaign, [
        { userId: viewer.id, name: roster.name, orgUnitId: roster.orgUnitId, orgUnitName: roster.orgUnitName },
      ]);
      // the right code clears the guess count in the same batch as the register row
      const res = await checkInAttendance(c.var.db, s, roster, status, nowIso(now), [rateResetStatement(c.var.db, guessKey), ...board.stmts]);
      if (!res) throw new ApiError('conflict', 'msg.tr_checked_in');
      // the phone waits for its register row, not for the board
      notifyBoardAfter(c, board, res);
      return c.json({ attendance: { status, hours: s.hours } });
    },
  )
  .post(
    '/:id/attendance',
    describeRoute({
      tags: ['Training'],
      summary:
        'Mark or correct the register (organizers of each person): present / late / excused / absent, mode onsite / online / delivered (送学上门, with a note). Present and late earn the session’s hours; a correction to excused or absent takes them back — the activity events follow the register in the same batch. Everyone must be enrolled (400 otherwise)',
      responses: { 200: json(UpdatedResponse) },
    }),
    valid('param', IdParam),
    valid('json', AttendanceBody),
    async (c) => {
      const { s, campaign } = await sessionOf(c, c.req.valid('param').id);
      const viewer = requireViewer(c);
      // organizers of the people marked (a branch marks its own members in a class of the whole tree)
      if (!viewer.isPlatformAdmin && !viewer.managedPaths.length) throw new ApiError('forbidden');
      const { entries } = c.req.valid('json');
      const enrolled = new Map(
        (
          await enrolledAmong(
            c.var.db,
            campaign.id,
            entries.map((e) => e.rosterId),
          )
        ).map((e) => [e.rosterId, e.orgPath]),
      );
      const missing = entries.findIndex((e) => !enrolled.has(e.rosterId));
      if (missing >= 0) throw new ApiError('validation_failed', undefined, {}, { [`entries.${missing}.rosterId`]: { key: 'msg.tr_not_enrolled_roster' } });
      for (const path of enrolled.values()) requireManage(c, path);
      const board = await trainingBoardWrite(c.env, c.var.db, campaign, await boardPeople(c.var.db, { rosterIds: entries.map((e) => e.rosterId) }));
      const res = await markAttendance(c.var.db, s, viewer.id, campaign.orgUnitId, entries, board.stmts);
      if (board.stmts.length) await notifyBoard(c.env, c.var.db, board, res.board);
      return c.json({ updated: res.updated });
    },
  )
  .get(
    '/:id/attendance',
    describeRoute({
      tags: ['Training'],
      summary:
        'The register of a session (organizers of the campaign, or of `orgUnitId` inside it): everyone enrolled there with their entry, by unit and name; `format=xlsx|csv` is the sign-in sheet (签到表) with a column to sign on paper',
      responses: { 200: json(RegisterResponse) },
    }),
    valid('param', IdParam),
    valid('query', RegisterQuery),
    async (c) => {
      const { s, campaign } = await sessionOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      // a branch's organizers read (and print) their own part of a class of the whole tree
      const { path } = await managedScope(c, campaign, q.orgUnitId);
      const rows = await sessionRegister(c.var.db, s, path);
      const format = q.format;
      if (format !== 'json') {
        const table: TableCell[][] = [
          [`${campaign.title} · ${s.title}`],
          [
            `时间：${chinaClock(Date.parse(s.startsAt))}–${chinaClock(Date.parse(s.endsAt)).slice(-5)}　地点：${s.location}　主讲：${s.lecturer}　学时：${s.hours}`,
          ],
          ['序号', '姓名', '所在党组织', '出勤', '方式', '签到时间', '学时', '备注', '本人签名'],
        ];
        rows.forEach((r, i) =>
          table.push([
            i + 1,
            r.name,
            r.orgUnitName,
            r.status ? ATTENDANCE_LABEL[r.status]['zh-CN'] : '',
            r.mode && r.status ? MODE_LABEL[r.mode]['zh-CN'] : '',
            at(r.checkedInAt),
            r.hours ?? '',
            r.note ?? '',
            '',
          ]),
        );
        return tableFile(c, table, `${campaign.slug}-sign-in-${s.id}`, format, '签到表');
      }
      return c.json({
        session: await sessionView(c, campaign.id, s.id),
        campaignTitle: campaign.title,
        items: rows.map((r) => ({
          rosterId: r.rosterId,
          name: r.name,
          phone: maskPhone(r.phone),
          orgUnitName: r.orgUnitName,
          status: r.status,
          mode: r.mode,
          note: r.note ?? '',
          hours: r.hours ?? 0,
          checkedInAt: r.checkedInAt,
        })),
      });
    },
  );
