import { lang } from './i18n/lang';
import { isReason, type ErrorBody, type ErrorCode, type Reason } from '@shared/errors';
import type { BodyOf, OperationName, ParamsOf, ResponseOf } from './operations';

export type { Reason } from '@shared/errors';

/**
 * A failed API call: the envelope's code, the rule that refused (`reason`, one of the known
 * REASONS, else null), the message to show and per-field messages for forms. Screens branch
 * on `code` and `reason`, never on the message text.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    /** an envelope code (`validation_failed`, `conflict`, …), `internal`, or `network` when no answer came */
    readonly code: ErrorCode | 'internal' | 'network',
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfter: number | null = null,
    readonly reason: Reason | null = null,
    /** what else the envelope carried next to `error` (e.g. the active attempt, a check-in's booking) */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
/** The former name of ApiFailure, kept so screens need not all change at once. */
export const ApiError = ApiFailure;
export type ApiError = ApiFailure;

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function url(path: string): string {
  return path.startsWith('/api/') ? path : API_BASE + path;
}

function isRaw(body: unknown): body is BodyInit {
  return typeof body === 'string' || body instanceof Blob || body instanceof FormData || body instanceof ArrayBuffer || body instanceof URLSearchParams;
}

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Turns any non-2xx answer into an ApiFailure, reading the envelope when there is one. */
function toError(status: number, text: string, retryAfterHeader: string | null): ApiFailure {
  let code: ApiFailure['code'] = STATUS_CODE[status] ?? 'internal';
  let message = '';
  let fields: Record<string, string> = {};
  let reason: Reason | null = null;
  let detail: Record<string, unknown> = {};
  try {
    const body = JSON.parse(text) as Partial<ErrorBody> & Record<string, unknown>;
    if (body.error) {
      const { error, ...rest } = body;
      code = error.code ?? code;
      message = error.message ?? '';
      fields = error.fields ?? {};
      reason = isReason(error.reason) ? error.reason : null;
      detail = rest;
    }
  } catch {
    // not JSON (a proxy's error page): keep the code that the status implies
  }
  const retry = retryAfterHeader ? Number(retryAfterHeader) : NaN;
  return new ApiFailure(status, code, message, fields, Number.isFinite(retry) ? retry : null, reason, detail);
}

function parse<T>(status: number, text: string): T {
  if (status === 204 || !text) return undefined as T;
  return JSON.parse(text) as T;
}

/**
 * Calls the Tongxin API on the same origin. `path` is relative to /api/v1 ("/me").
 * A plain object body is sent as JSON; a Blob/FormData/string is sent as it is.
 * Resolves with the parsed JSON (undefined for 204); rejects with an ApiFailure.
 */
export async function api<T = unknown>(method: Method, path: string, body?: unknown, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang(), ...opts.headers };
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (isRaw(body)) payload = body;
    else {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let res: Response;
  try {
    res = await fetch(url(path), { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiFailure(0, 'network', '');
  }
  const text = await res.text();
  if (!res.ok) throw toError(res.status, text, res.headers.get('Retry-After'));
  try {
    return parse<T>(res.status, text);
  } catch {
    throw new ApiFailure(res.status, 'internal', '');
  }
}

/**
 * Sends a file as the raw request body with upload progress (fetch cannot report it),
 * with the same headers, envelope and errors as api(). A FormData body goes as
 * multipart/form-data (the browser writes the boundary; `contentType` is ignored).
 */
export function apiUpload<T = unknown>(
  method: Method,
  path: string,
  file: Blob | FormData,
  contentType: string,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url(path));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', lang());
    if (!(file instanceof FormData)) xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(toError(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
        return;
      }
      try {
        resolve(parse<T>(xhr.status, xhr.responseText));
      } catch {
        reject(new ApiFailure(xhr.status, 'internal', ''));
      }
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'network', ''));
    xhr.send(file);
  });
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls one of the API's operations by its name in the contract map (./operations.ts):
 * `call('GET /campaigns/{id}/progress', { id })` answers with the contract's type; a write
 * takes the body its contract accepts. Path parameters are encoded; `query` goes through qs().
 */
export function call<K extends OperationName>(
  op: K,
  params: ParamsOf<K>,
  init: { query?: Record<string, string | number | boolean | null | undefined>; body?: BodyOf<K>; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<ResponseOf<K>> {
  const space = op.indexOf(' ');
  const method = op.slice(0, space) as Method;
  const path = op.slice(space + 1).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent((params as Record<string, string>)[k] ?? ''));
  return api<ResponseOf<K>>(method, path + (init.query ? qs(init.query) : ''), init.body, { headers: init.headers, signal: init.signal });
}
