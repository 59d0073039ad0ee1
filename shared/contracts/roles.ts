import * as v from 'valibot';
import { APPOINTED_ROLES, ROLES } from '../kinds';
import { Cursor, Id, Limit, Phone } from './common';

/** Roles and the audit trail of a subtree (API.md "People, roles and the member registry"). */

export const AppointBody = v.strictObject({
  phone: Phone,
  role: v.picklist(APPOINTED_ROLES, 'msg.role_kind'),
});

export const RoleParams = v.object({ id: Id, userId: Id, role: v.picklist(APPOINTED_ROLES, 'msg.role_kind') });

/** One person holding one role at one unit; `phone` full or masked by the privacy rule. */
export const RoleHolder = v.object({
  userId: v.string(),
  name: v.string(),
  phone: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  role: v.picklist(ROLES),
  since: v.string(),
});
export type RoleHolderDto = v.InferOutput<typeof RoleHolder>;
export const RoleList = v.object({ items: v.array(RoleHolder) });
export const RoleResponse = v.object({ holder: RoleHolder });

const ChinaDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'));

export const AuditQuery = v.strictObject({
  limit: Limit(50),
  cursor: Cursor,
  /** an action (`role.appoint`) or its group (`role`) */
  action: v.optional(v.pipe(v.string(), v.regex(/^[a-z_]{1,40}(\.[a-z_]{1,40})?$/, 'msg.audit_action'))),
  /** the actor: a user id or their phone */
  actor: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[0-9A-Za-z_-]{1,64}$/, 'msg.audit_actor'))),
  /** China dates, both inclusive */
  from: v.optional(ChinaDate),
  to: v.optional(ChinaDate),
  /** a download instead of a page: the whole filtered trail (up to 50 000 rows) */
  format: v.optional(v.picklist(['csv', 'xlsx'], 'msg.format')),
});

export const AuditItem = v.object({
  id: v.string(),
  at: v.string(),
  action: v.string(),
  entity: v.string(),
  entityId: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  actor: v.nullable(v.object({ id: v.string(), name: v.string() })),
  /** what the row records beyond the action (JSON text), or null */
  detail: v.nullable(v.string()),
});
export type AuditItemDto = v.InferOutput<typeof AuditItem>;
export const AuditPage = v.object({ items: v.array(AuditItem), nextCursor: v.nullable(v.string()) });
