import * as v from 'valibot';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { resolver, uniqueSymbol } from 'hono-openapi';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { isMessageKey, issueMessage, msg } from '../../../shared/messages';
import type { Lang } from '../../../shared/i18n';

const MAX_JSON_BYTES = 256 * 1024;

/** Turns valibot issues into the envelope's `fields`: input path → message in the caller's language. */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[], lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path?.map((p) => String(p.key)).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = isMessageKey(issue.message) ? msg(issue.message, lang) : issueMessage(issue, lang);
  }
  return fields;
}

export function validationError(issues: readonly v.BaseIssue<unknown>[], lang: Lang): ApiError {
  return new ApiError('validation_failed', undefined, {}, issuesToFields(issues, lang));
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES) throw new ApiError('payload_too_large');
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    // An empty body is fine for endpoints whose fields are all optional (e.g. publish).
    if (text.trim() === '') return {};
    throw new ApiError('unsupported_media_type', 'msg.json_expected');
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('validation_failed', 'msg.malformed_json');
  }
  // Every JSON body is an object. valibot's object() takes an array for one (typeof 'object'),
  // so `[]` passed as an empty PATCH or a default freeze; refuse every other shape here.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError('validation_failed', 'msg.json_object_expected');
  return parsed;
}

/**
 * Validates one input target with a valibot schema and documents it in OpenAPI from the
 * same schema. Handlers then read only `c.req.valid(target)` (STYLE.md rule 4).
 */
export function valid<T extends v.GenericSchema | v.GenericSchemaAsync, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  /** checks across fields (e.g. schedule, settings per kind), run on the raw input so every problem is reported at once */
  also?: (input: unknown, lang: Lang) => Record<string, string>,
) {
  // Our own reading of each target (not hono's validator) so malformed JSON, a wrong
  // content type and an oversized body get their own clear messages.
  const mw = (async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const input =
      target === 'json'
        ? await readJson(c)
        : target === 'query'
          ? Object.fromEntries(Object.entries(c.req.queries()).map(([k, vals]) => [k, vals.length === 1 ? vals[0] : vals]))
          : target === 'param'
            ? c.req.param()
            : target === 'header'
              ? c.req.header()
              : {};
    const result = await v.safeParseAsync(schema, input, { lang: c.var.lang });
    const more = also?.(input, c.var.lang) ?? {};
    if (!result.success || Object.keys(more).length) {
      const fields = { ...more, ...(result.success ? {} : issuesToFields(result.issues, c.var.lang)) };
      throw new ApiError('validation_failed', undefined, {}, fields);
    }
    c.req.addValidatedData(target, result.output as object);
    await next();
  }) as unknown as MiddlewareHandler<AppEnv, string, { in: { [K in Target]: v.InferInput<T> }; out: { [K in Target]: v.InferOutput<T> } }>;
  return Object.assign(mw, { [uniqueSymbol]: { target, ...resolver(schema) } });
}
