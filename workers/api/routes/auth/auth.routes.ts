import { describeRoute, resolver } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { ApiError } from '../../lib/errors';
import { dummyHash, hashPassword, sha256, verifyPassword } from '../../lib/crypto';
import { randomToken } from '../../../../db/ids';
import { clearSessionCookie, setSessionCookie } from '../../middleware/session';
import { createSession, createUser, deleteSession, findUserByPhone, rateCount, rateHit, rateReset } from '../../../../db/queries/accounts';
import { resetPassword } from '../../../../db/queries/codes';
import { CodeBody, CodeResponse, LoginBody, PasswordResetBody, RegisterBody, SessionResponse, UserResponse } from '../../../../shared/contracts/auth';
import { meBody } from '../../lib/me';
import { issueCode, requireCode } from '../../lib/verification';
import { ErrorEnvelope } from '../../../../shared/contracts/common';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';

/** Failed sign-ins allowed per phone and per address in a window (then 429 until it ends). */
export const LOGIN_LIMITS = { perPhone: 5, perAddress: 30, windowMs: 15 * 60e3 };
export const REGISTER_LIMIT = { perAddress: 20, windowMs: 10 * 60e3 };

import { clientAddress } from '../../lib/guards';

const errors = { description: 'Error', content: { 'application/json': { schema: resolver(ErrorEnvelope) } } };

async function startSession(c: Context<AppEnv>, userId: string) {
  // Rotate: a session id known before sign-in is never the one used after it.
  if (c.var.viewer) await deleteSession(c.var.db, c.var.viewer.sessionHash);
  const token = randomToken(32);
  await createSession(c.var.db, userId, await sha256(token));
  setSessionCookie(c, token);
}

export const authRoutes = createApp()
  .get(
    '/session',
    describeRoute({
      tags: ['Accounts'],
      summary:
        'Who is signed in, asked without a 401: `me` is what GET /me answers, or null when signed out (the apps ask this first, so a signed-out visitor sees no failed request)',
      responses: { 200: { description: 'Session', content: { 'application/json': { schema: resolver(SessionResponse) } } } },
    }),
    (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ me: c.var.viewer ? meBody(c.var.viewer) : null });
    },
  )
  .post(
    '/codes',
    describeRoute({
      tags: ['Accounts'],
      summary: 'Send a 6-digit SMS code (register, reset or consent); valid 10 minutes, one a minute and 10 a day per phone',
      responses: { 202: { description: 'Sent', content: { 'application/json': { schema: resolver(CodeResponse) } } }, 400: errors, 429: errors, 503: errors },
    }),
    valid('json', CodeBody),
    async (c) => {
      const { phone, purpose } = c.req.valid('json');
      // A reset code for a phone without an account is stored (it counts against the limits)
      // but never sent, so the answer does not tell which phones have accounts.
      const send = purpose !== 'reset' || !!(await findUserByPhone(c.var.db, phone));
      const { expiresAt } = await issueCode(c, phone, purpose, { send });
      return c.json({ expiresAt }, 202);
    },
  )
  .post(
    '/register',
    describeRoute({
      tags: ['Accounts'],
      summary: 'Register with a mainland mobile number and its SMS code; signs in',
      responses: {
        201: { description: 'Registered', content: { 'application/json': { schema: resolver(UserResponse) } } },
        400: errors,
        409: errors,
        422: errors,
        429: errors,
      },
    }),
    valid('json', RegisterBody),
    async (c) => {
      const body = c.req.valid('json');
      const hit = await rateHit(c.var.db, `register:ip:${clientAddress(c)}`, REGISTER_LIMIT.windowMs);
      if (hit.count > REGISTER_LIMIT.perAddress) {
        throw new ApiError('rate_limited', 'msg.register_rate', {}, undefined, { 'Retry-After': String(Math.ceil(hit.retryAfterMs / 1000)) });
      }
      // The code proves the phone is the caller's before a roster can make them a member.
      await requireCode(c, body.phone, 'register', body.code);
      const user = await createUser(c.var.db, { phone: body.phone, name: body.name, passwordHash: await hashPassword(body.password) });
      if (!user) throw new ApiError('conflict', 'msg.phone_taken', {}, { phone: { key: 'msg.phone_taken' } });
      await startSession(c, user.id);
      return c.json({ user }, 201);
    },
  )
  .post(
    '/login',
    describeRoute({
      tags: ['Accounts'],
      summary: 'Sign in; sets the HttpOnly session cookie',
      responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: resolver(UserResponse) } } }, 401: errors, 429: errors },
    }),
    valid('json', LoginBody),
    async (c) => {
      const { phone, password } = c.req.valid('json');
      const db = c.var.db;
      const keys = [`login:phone:${phone}`, `login:ip:${clientAddress(c)}`] as const;
      const { counts, retryAfterMs } = await rateCount(db, [...keys], LOGIN_LIMITS.windowMs);
      if (counts[keys[0]]! >= LOGIN_LIMITS.perPhone || counts[keys[1]]! >= LOGIN_LIMITS.perAddress) {
        throw new ApiError('rate_limited', 'msg.login_rate', {}, undefined, { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) });
      }
      const user = await findUserByPhone(db, phone);
      // Hash even for unknown phones so the answer time does not tell which phones exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok) {
        await Promise.all(keys.map((k) => rateHit(db, k, LOGIN_LIMITS.windowMs)));
        throw new ApiError('invalid_credentials');
      }
      await rateReset(db, keys[0]);
      await startSession(c, user.id);
      return c.json({ user: { id: user.id, name: user.name, phone: user.phone } });
    },
  )
  .post(
    '/password-reset',
    describeRoute({
      tags: ['Accounts'],
      summary: 'Set a new password with an SMS code (purpose reset); ends every session of the account',
      responses: { 204: { description: 'Password changed; every session ended' }, 400: errors, 422: errors },
    }),
    valid('json', PasswordResetBody),
    async (c) => {
      const { phone, code, password } = c.req.valid('json');
      const db = c.var.db;
      await requireCode(c, phone, 'reset', code);
      const user = await findUserByPhone(db, phone);
      // no account: its code was never sent, so the answer is the same as for a wrong code
      if (!user) throw new ApiError('unprocessable', 'msg.code_invalid', {}, { code: { key: 'msg.code_invalid' } });
      await resetPassword(db, user.id, await hashPassword(password));
      // the owner proved the phone: failed sign-ins before the reset no longer lock it
      await rateReset(db, `login:phone:${phone}`);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .post(
    '/logout',
    describeRoute({ tags: ['Accounts'], summary: 'Sign out (ends the session)', responses: { 204: { description: 'Signed out' } } }),
    async (c) => {
      if (c.var.viewer) await deleteSession(c.var.db, c.var.viewer.sessionHash);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
