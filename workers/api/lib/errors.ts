import { ERROR_STATUS, KEY_REASONS, type ErrorCode, type Rule } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/messages';

/**
 * The one error class handlers throw. `messageKey` picks a message in the caller's
 * language; `fields` maps input paths to message keys (or to already-localized text).
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey?: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, { key: MessageKey; params?: Record<string, string | number> } | string>,
    readonly headers: Record<string, string> = {},
    /** extra data the client needs (e.g. the active attempt on a 409) */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }

  /** The rule that refused, when it should not be derived from the message key (see `reasonOf`). */
  reason?: Rule;
  because(reason: Rule): this {
    this.reason = reason;
    return this;
  }
}

/**
 * The stable `reason` of an error envelope: set explicitly with `because()`, or else the
 * contract's name for its message key (KEY_REASONS), or else the message key without its
 * `msg.` prefix (so `msg.code_invalid` refuses with `code_invalid`).
 * Clients branch on it, never on the message text.
 */
export function reasonOf(err: ApiError): string | undefined {
  if (err.reason) return err.reason;
  const named = err.messageKey ? KEY_REASONS[err.messageKey] : undefined;
  if (named) return named;
  if (err.messageKey?.startsWith('msg.')) return err.messageKey.slice(4);
  return undefined;
}

export const notFound = () => new ApiError('not_found');
export const forbidden = () => new ApiError('forbidden');
export const unauthenticated = () => new ApiError('unauthenticated');
export const conflict = (key?: MessageKey, params?: Record<string, string | number>) => new ApiError('conflict', key, params);
