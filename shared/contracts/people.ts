import * as v from 'valibot';
import { Cursor, Id, Limit, PersonName, SafeLine } from './common';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_POSTS } from '../people';
import { parseSheetDate, registryDateRule } from '../roster';

/* The member registry (API.md "People, roles and the member registry"). */

export const Category = v.picklist(MEMBER_CATEGORIES, 'msg.registry_category');
export const Post = v.picklist(PARTY_POSTS, 'msg.registry_post');
export const Status = v.picklist(MEMBER_STATUSES, 'msg.registry_status');

/** One person on the registry. `phone` is in full: only organizers of the person's subtree read it. */
export const RegistryMember = v.object({
  rosterId: v.string(),
  userId: v.nullable(v.string()),
  name: v.string(),
  phone: v.string(),
  orgUnitId: v.string(),
  orgUnitName: v.string(),
  category: Category,
  posts: v.array(Post),
  status: Status,
  joinedPartyOn: v.nullable(v.string()),
  postSince: v.nullable(v.string()),
  registered: v.boolean(),
});
export type RegistryMemberDto = v.InferOutput<typeof RegistryMember>;

const RegistryFilters = {
  category: v.optional(Category),
  post: v.optional(Post),
  status: v.optional(Status),
  q: v.optional(v.pipe(v.string(), SafeLine, v.trim(), v.maxLength(40))),
};
export const MembersQuery = v.strictObject({ ...RegistryFilters, limit: Limit(50), cursor: Cursor });
export const MembersExportQuery = v.strictObject({ ...RegistryFilters, format: v.optional(v.picklist(['csv', 'xlsx'], 'msg.format'), 'xlsx') });

export const MembersPage = v.object({ items: v.array(RegistryMember), nextCursor: v.nullable(v.string()) });

export const RegistryCounts = v.object({
  total: v.number(),
  registered: v.number(),
  byCategory: v.record(v.string(), v.number()),
  byPost: v.record(v.string(), v.number()),
  byStatus: v.record(v.string(), v.number()),
});

/** A registry date as typed or picked (YYYY-MM-DD, or the way sheets write it): a real day, not in the future. */
const RegistryDate = (field: 'joinedPartyOn' | 'postSince') =>
  v.pipe(
    v.string('msg.date_invalid'),
    v.trim(),
    v.transform((s) => parseSheetDate(s) ?? s),
    v.check((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseSheetDate(s) === s, 'msg.date_invalid'),
    v.check((d) => registryDateRule(d, undefined, field) !== 'msg.date_future', 'msg.date_future'),
    v.check((d) => registryDateRule(d, undefined, field) !== 'msg.date_too_early', 'msg.date_too_early'),
  );

export const RegistryPatchBody = v.strictObject({
  name: v.optional(PersonName),
  category: v.optional(Category),
  posts: v.optional(v.pipe(v.array(Post), v.maxLength(PARTY_POSTS.length))),
  postSince: v.optional(v.nullable(RegistryDate('postSince'))),
  status: v.optional(Status),
  joinedPartyOn: v.optional(v.nullable(RegistryDate('joinedPartyOn'))),
});

export const RegistryMemberResponse = v.object({ member: RegistryMember, changed: v.array(v.string()) });

export const TransferBody = v.strictObject({
  rosterId: Id,
  toOrgUnitId: Id,
  /** 工作调动, 退休移交… : kept with the period and in the audit log */
  reason: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(100)),
});

export const TransferResponse = v.object({
  transfer: v.object({ rosterId: v.string(), fromOrgUnitId: v.string(), toOrgUnitId: v.string(), day: v.string() }),
  member: RegistryMember,
});

export const Period = v.object({
  orgUnitId: v.string(),
  orgUnitName: v.nullable(v.string()),
  fromDay: v.string(),
  toDay: v.nullable(v.string()),
  reason: v.string(),
  note: v.nullable(v.string()),
});
export const PeriodList = v.object({ items: v.array(Period) });

export const UnitPatchBody = v.strictObject({
  name: v.optional(v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60))),
  parentId: v.optional(Id),
});
