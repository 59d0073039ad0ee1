import * as v from 'valibot';
import { Password, PersonName, Phone } from './common';
import { ROLES } from '../kinds';

export const RegisterBody = v.strictObject({ phone: Phone, password: Password, name: PersonName });
export const LoginBody = v.strictObject({ phone: Phone, password: v.pipe(v.string(), v.minLength(1, 'msg.required'), v.maxLength(128)) });

export const User = v.object({ id: v.string(), name: v.string(), phone: v.string() });
export const Membership = v.object({
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  role: v.picklist(ROLES),
});
export const MeResponse = v.object({ user: User, memberships: v.array(Membership) });
export const UserResponse = v.object({ user: User });

export type UserDto = v.InferOutput<typeof User>;
export type MembershipDto = v.InferOutput<typeof Membership>;
