import type { MessageKey } from './messages';

/** Error codes of the API envelope and the HTTP status each one always travels with. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * Stable names of the rules that refuse a request (the envelope's `reason`, API.md
 * conventions), for the refusals clients tell apart. The front ends branch on these, never
 * on the message text; test/api/reasons.test.ts proves the server gives each one for its rule.
 */
export const REASONS = [
  /** an exhibition slot has no seats left for the party */
  'slot_full',
  /** the phone is already registered (an account, or a resident in a 1+1 campaign) */
  'already_registered',
  /** a member's 1+1 places are all taken */
  'cap_reached',
  /** a ticket checked in outside its slot */
  'outside_slot',
  /** a wrong or outdated code (service check-in code, verification code) */
  'code_invalid',
  /** the ticket was already used to enter */
  'already_checked_in',
  /** the booking was cancelled */
  'booking_cancelled',
  /** a ticket of another exhibition, or no ticket at all */
  'other_exhibition',
  /** a second vote for the same work the same day */
  'vote_again',
  /** the day's votes are used up */
  'vote_limit',
  /** an attempt is in progress; the error carries it */
  'quiz_active',
  /** the answer is not for the current question (answered already, another tab) */
  'quiz_not_current',
  /** the attempt is over */
  'quiz_finished',
  /** an answer to a question not served yet: ask POST /attempts/{id}/next first */
  'quiz_not_served',
  /** a judge declared a conflict of interest on the work */
  'judge_conflict',
  /** a training check-in outside its session's window (30 minutes before the start to its end) */
  'outside_session',
  /** works not fully scored (fewer scores than the quorum): publishing or carrying needs `force` */
  'judging_incomplete',
] as const;
export type Reason = (typeof REASONS)[number];

/**
 * Rules the server names with `because()` although no screen branches on them yet: each is a
 * stable `reason` all the same (a client may start branching on it without a server change).
 */
export const SERVER_RULES = [
  'schedule_too_long',
  'schedule_outside_campaign',
  'too_many_slots',
  'booking_limit',
  'waitlist_limit',
  'group_not_open',
  'group_size',
  'records_limit',
  'bank_outside',
  'gallery_outside',
  'judge_outside',
  // field (exhibition booking as museums do it)
  'notice_not_accepted',
  'id_numbers_required',
  // season: WeChat share cards
  'wechat_off',
  'wechat_unavailable',
  // scale: an export past EXPORT_MAX_ROWS (issue #20)
  'export_too_large',
] as const;
export type Rule = Reason | (typeof SERVER_RULES)[number];

export const isReason = (x: unknown): x is Reason => typeof x === 'string' && (REASONS as readonly string[]).includes(x);

/**
 * Message keys whose rule is named otherwise than the key (a reason is else the key without
 * `msg.`): the messages stay as they are, the contract names the rule.
 */
export const KEY_REASONS: Partial<Record<MessageKey, Reason>> = {
  'msg.ex_full': 'slot_full',
  'msg.phone_taken': 'already_registered',
  'msg.vol_resident_taken': 'already_registered',
  'msg.vol_cap': 'cap_reached',
  'msg.ex_out_of_slot': 'outside_slot',
  'msg.sa_code_wrong': 'code_invalid',
  'msg.ex_checked': 'already_checked_in',
  'msg.ex_cancelled': 'booking_cancelled',
  'msg.ex_other': 'other_exhibition',
  'msg.tr_code_wrong': 'code_invalid',
  'msg.tr_checked_in': 'already_checked_in',
};

/** The one error envelope every failing API response carries. */
export interface ErrorBody {
  error: {
    code: ErrorCode | 'internal';
    message: string;
    fields?: Record<string, string>;
    /** stable snake_case name of the rule that refused (API.md conventions); clients branch on it */
    reason?: string;
  };
}
