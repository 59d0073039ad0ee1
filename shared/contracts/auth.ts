import * as v from 'valibot';
import { IsoTime, Password, PersonName, Phone } from './common';
import { CODE_PURPOSES, ROLES, SMS_PURPOSES } from '../kinds';
import { weakPasswordRule, type WeakPasswordRule } from '../password';

/** The 6 digits of an SMS verification code. */
export const Code = v.pipe(v.string('msg.code_format'), v.trim(), v.regex(/^\d{6}$/, 'msg.code_format'));

type WithPassword = { phone: string; password: string };

/** Refuses a weak password (shared/password.ts), reported under the `password` field. */
function notWeak<T extends WithPassword>(rule: WeakPasswordRule) {
  return v.forward<T, v.CheckIssue<T>, ['password']>(
    v.check<T, string>((b) => weakPasswordRule(b.password, b.phone) !== rule, `msg.${rule}`),
    ['password'] as never,
  );
}
const strongPassword = <T extends WithPassword>() =>
  [notWeak<T>('password_same_char'), notWeak<T>('password_is_phone'), notWeak<T>('password_common')] as const;

const RegisterFields = v.strictObject({ phone: Phone, password: Password, name: PersonName, code: Code });
export const RegisterBody = v.pipe(RegisterFields, ...strongPassword<v.InferOutput<typeof RegisterFields>>());
export const LoginBody = v.strictObject({ phone: Phone, password: v.pipe(v.string(), v.minLength(1, 'msg.required'), v.maxLength(128)) });

export const CodeBody = v.strictObject({ phone: Phone, purpose: v.picklist(CODE_PURPOSES, 'msg.code_purpose') });
export const CodeResponse = v.object({ expiresAt: IsoTime });

const ResetFields = v.strictObject({ phone: Phone, code: Code, password: Password });
export const PasswordResetBody = v.pipe(ResetFields, ...strongPassword<v.InferOutput<typeof ResetFields>>());

export const OutboxQuery = v.strictObject({ phone: Phone });
/** `code` holds a notice's text for notices (visit_reminder) */
export const OutboxItem = v.object({ phone: v.string(), purpose: v.picklist(SMS_PURPOSES), code: v.string(), sentAt: v.string() });
export const OutboxResponse = v.object({ items: v.array(OutboxItem) });

export const User = v.object({ id: v.string(), name: v.string(), phone: v.string() });
export const Membership = v.object({
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  role: v.picklist(ROLES),
});
export const MeResponse = v.object({ user: User, memberships: v.array(Membership) });
export const UserResponse = v.object({ user: User });
/** GET /auth/session: the signed-in user as GET /me answers, or null — never a 401. */
export const SessionResponse = v.object({ me: v.nullable(MeResponse) });

export type UserDto = v.InferOutput<typeof User>;
export type MembershipDto = v.InferOutput<typeof Membership>;
