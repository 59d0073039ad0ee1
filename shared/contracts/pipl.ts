import * as v from 'valibot';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_POSTS } from '../people';
import { Phone } from './common';
import { Code } from './auth';

/** Personal-data rights (PIPL): the download, account deletion, a resident's withdrawal. */

export const DeleteAccountBody = v.strictObject({ password: v.pipe(v.string(), v.minLength(1, 'msg.required'), v.maxLength(128)) });
export const WithdrawBody = v.strictObject({ phone: Phone, code: Code });
export const WithdrawResponse = v.object({ withdrawn: v.number() });
export const MyDataQuery = v.strictObject({ format: v.optional(v.picklist(['json', 'xlsx'], 'msg.format')) });

const Cell = v.nullable(v.union([v.string(), v.number()]));
const Row = v.record(v.string(), Cell);
/** Everything stored about me: the account, sessions and one list of rows per kind of record. */
export const MyData = v.object({
  exportedAt: v.string(),
  account: v.nullable(Row),
  sessions: v.object({ count: v.number(), lastSeenAt: v.nullable(v.string()) }),
  sections: v.record(v.string(), v.array(Row)),
});
export type MyDataDto = v.InferOutput<typeof MyData>;

/** My place in the registry (我的): unit, 人员类别, 党内职务, 状态; null when on no roster. */
export const MyRoster = v.object({
  entry: v.nullable(
    v.object({
      orgUnitId: v.string(),
      orgUnitName: v.string(),
      category: v.picklist(MEMBER_CATEGORIES),
      posts: v.array(v.picklist(PARTY_POSTS)),
      postSince: v.nullable(v.string()),
      status: v.picklist(MEMBER_STATUSES),
      joinedPartyOn: v.nullable(v.string()),
    }),
  ),
});
export type MyRosterDto = v.InferOutput<typeof MyRoster>;
