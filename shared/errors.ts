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
