/**
 * Deterministic bad-input cases for one OpenAPI operation (test/api/bad-input.test.ts).
 * Everything comes from the operation's documented parameters and request schema through a
 * PRNG seeded by "METHOD path identity", so a failing case is the same on every run.
 */

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
}
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface Spec {
  paths: Record<string, Record<string, Operation>>;
}
export interface Op {
  path: string;
  method: string;
  op: Operation;
}
export interface Case {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** input no operation may accept (a broken body, an unknown id): a 2xx is a failure too */
  mustRefuse?: boolean;
}
interface Ctx {
  spec: Spec;
  op: Op;
  params: Record<string, string>;
  seed: string;
  ip: string;
}

/** Bounds per operation and identity, to keep the whole file near a minute in workerd. */
const MAX_ID_CASES = 5;
const MAX_QUERY_CASES = 6;
const MAX_BODY_CASES = 10;

/** mulberry32, seeded with a string hash: tiny, fast and the same everywhere. */
export function prng(seed: string) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic sample of at most n items (the order is kept, so reports read in order). */
function pick<T>(items: T[], n: number, rnd: () => number): T[] {
  if (items.length <= n) return items;
  const idx = items
    .map((_, i) => [rnd(), i] as const)
    .sort((a, b) => a[0] - b[0])
    .slice(0, n)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
  return idx.map((i) => items[i]!);
}

const BAD_TEXT = 'a\u0000b\u202ec\u200f同心\ud800'; // NUL, RTL override, RTL mark, CJK, a lone surrogate

// BAD_TEXT percent-encoded by hand (encodeURIComponent refuses the lone surrogate)
const BAD_TEXT_QUERY = 'a%00b%E2%80%AEc%E2%80%8F%E5%90%8C%E5%BF%83%ED%A0%80';

/** Path segments as sent on the wire (already percent-encoded where they need to be). */
const BAD_IDS = [
  'x'.repeat(3000),
  encodeURIComponent('同心同德\u202e'.repeat(20)),
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  'a%00b',
  '%00',
  "1'%20OR%20'1'%3D'1",
  '%E0%A4%A', // a broken percent escape
  '%ED%A0%80', // an encoded lone surrogate
  '%FF%FE',
  '-1',
  '0',
  '1e999',
  '%20',
  '%0A',
  '__proto__',
  'constructor',
];

function fillPath(path: string, values: Record<string, string>): string {
  return '/api/v1' + path.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? '');
}

const paramsOf = (o: Op, where: string) => (o.op.parameters ?? []).filter((p) => p.in === where);

function headersOf(ctx: Ctx): Record<string, string> {
  const h: Record<string, string> = { 'cf-connecting-ip': ctx.ip };
  for (const p of paramsOf(ctx.op, 'header')) h[p.name] = `fuzz-${ctx.seed.length}-${ctx.op.path.length}`;
  return h;
}

/** Malformed path parameters: one at a time, the others real. */
export function badIds(ctx: Ctx): Case[] {
  const names = paramsOf(ctx.op, 'path').map((p) => p.name);
  if (!names.length) return [];
  const rnd = prng(ctx.seed + ' ids');
  const out: Case[] = [];
  for (const name of names) {
    // an empty segment too: a route that does not match must still answer the envelope
    for (const bad of pick(BAD_IDS, MAX_ID_CASES, rnd).concat('')) {
      out.push({
        method: ctx.op.method,
        url: fillPath(ctx.op.path, { ...ctx.params, [name]: bad }),
        headers: headersOf(ctx),
        body: ctx.op.method === 'GET' ? undefined : { [name]: bad },
        mustRefuse: true,
      });
    }
  }
  return out;
}

/** Bad values for one query parameter, from its schema. */
function badQueryValues(p: Param): string[] {
  const s = p.schema ?? {};
  const common = ['', '-1', '0', '1.5', '99999999999999999999', 'NaN', 'Infinity', 'x'.repeat(5000), BAD_TEXT_QUERY, 'null', '%00', '[object Object]'];
  if (/limit|offset/i.test(p.name)) return [...common, '-0', '1e3', '0x10', '100000', ' 5', '٣'];
  if (/cursor/i.test(p.name)) return [...common, 'garbage!!', btoa('{"a":1}'), btoa('null'), btoa('[]'), btoa('\u0000'), btoa('x'.repeat(120)), '====', 'eyJ'];
  if (/from|to|day|date/i.test(p.name)) return [...common, '2026-02-30', '2026-13-01', '9999-12-31T99:99', '1970-01-01', '-271821-04-19'];
  if (s.enum) return [...common, 'TRUE', String(s.enum[0]).toUpperCase(), `${String(s.enum[0])}%20`];
  return common;
}

/** Malformed header parameters (Idempotency-Key): missing, empty, too long, control characters. */
export function badHeaders(ctx: Ctx): Case[] {
  const hs = paramsOf(ctx.op, 'header');
  if (!hs.length) return [];
  const url = fillPath(ctx.op.path, ctx.params);
  const body = sample(jsonSchemaOf(ctx.op));
  const out: Case[] = [];
  for (const p of hs) {
    for (const value of [undefined, '', ' ', 'k'.repeat(300), 'a\tb', '\u00e9\u00ff'.repeat(10)]) {
      const headers = headersOf(ctx);
      if (value === undefined) delete headers[p.name];
      else headers[p.name] = value;
      out.push({ method: ctx.op.method, url, body, headers });
    }
  }
  return out;
}

/** Values every run sends: the edges where paging code has broken before (limit=0, bad cursors). */
function hotQueryValues(p: Param): string[] {
  if (/limit|offset/i.test(p.name)) return ['0', '-1', '99999999999999999999', 'abc'];
  if (/cursor/i.test(p.name)) return ['garbage!!', btoa('{"a":1}'), btoa('null')];
  return [];
}

/** Malformed query strings: one parameter at a time (with the others absent), repeated ones, unknown ones. */
export function badQueries(ctx: Ctx): Case[] {
  const qs = paramsOf(ctx.op, 'query');
  const rnd = prng(ctx.seed + ' query');
  const base = fillPath(ctx.op.path, ctx.params);
  const hot: string[] = [];
  const rest: string[] = [];
  for (const p of qs) {
    for (const v of hotQueryValues(p)) hot.push(`${p.name}=${v}`);
    for (const v of badQueryValues(p)) if (!hotQueryValues(p).includes(v)) rest.push(`${p.name}=${v}`);
    rest.push(`${p.name}=1&${p.name}=2`); // an array where one value is expected
    rest.push(`${p.name}[]=1`);
  }
  if (ctx.op.method === 'GET') rest.push('__proto__=1&constructor=x', 'limit=5&limit=6&cursor=a&cursor=b');
  return [...hot, ...pick(rest, MAX_QUERY_CASES, rnd)].map((q) => ({ method: ctx.op.method, url: `${base}?${q}`, headers: headersOf(ctx) }));
}

const types = (s: Schema): string[] =>
  Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.anyOf ? s.anyOf.flatMap(types) : s.oneOf ? s.oneOf.flatMap(types) : [];

/** A value the schema would likely accept, so one wrong property is the only fault. */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 4) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return sample(s.anyOf[0], depth + 1);
  if (s.oneOf?.length) return sample(s.oneOf[0], depth + 1);
  const t = types(s)[0];
  if (t === 'integer' || t === 'number') return s.minimum ?? 1;
  if (t === 'boolean') return false;
  if (t === 'array') return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, depth + 1));
  if (t === 'object') return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k], depth + 1)]));
  if (s.format === 'date-time') return new Date(Date.UTC(2030, 0, 1)).toISOString();
  if (s.format === 'date') return '2030-01-01';
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const hit = ['1', 'a', '13800000003', '2030-01-01', 'abc-123', '#a1b2c3', 'https://example.com/x', '10:00'].find((x) => re.test(x));
    if (hit) return hit;
  }
  return 'a'.repeat(Math.max(1, s.minLength ?? 1));
}

/** Wrong values for a property of a given schema. */
function wrongValues(s: Schema): unknown[] {
  const t = types(s)[0] ?? 'string';
  const deep: unknown = JSON.parse('['.repeat(200) + ']'.repeat(200));
  switch (t) {
    case 'integer':
    case 'number':
      return ['12', 1.5, -1, 0, 1e308, -1e308, 2 ** 53 + 1, null, true, {}, [1], deep];
    case 'boolean':
      return ['true', 1, null, {}, []];
    case 'array':
      return ['x', {}, [null], [[[]]], Array.from({ length: 5000 }, () => 'x'), [{ a: BAD_TEXT }], null, deep];
    case 'object':
      return ['x', [], 7, null, { __proto__: 1, constructor: { prototype: 1 } }, deep];
    default:
      return [12345, true, null, [], {}, 'x'.repeat(100_000), BAD_TEXT, ' ', deep, '9'.repeat(400)];
  }
}

function jsonSchemaOf(o: Op): Schema | undefined {
  return o.op.requestBody?.content?.['application/json']?.schema;
}

/** Malformed JSON bodies: broken text, wrong content types, wrong shapes, wrong types per property. */
export function badBodies(ctx: Ctx): Case[] {
  const s = jsonSchemaOf(ctx.op);
  if (!s) return [];
  const rnd = prng(ctx.seed + ' body');
  const url = fillPath(ctx.op.path, ctx.params);
  const h = headersOf(ctx);
  const json = { ...h, 'content-type': 'application/json' };
  const raw = (text: string, headers = json, mustRefuse = true): Case => ({ method: ctx.op.method, url, body: text, headers, mustRefuse });
  // sent to every JSON operation: an array once passed for an object (valibot's object() takes one)
  const hot: Case[] = [raw('[]'), raw('{"a": ')];
  const fixed: Case[] = [
    raw('not json at all'),
    raw('\u0000\u0000'),
    raw('[{}]'),
    raw('null'),
    raw('"string"'),
    raw('12'),
    raw('['.repeat(20_000) + ']'.repeat(20_000)),
    raw(JSON.stringify({ pad: 'x'.repeat(300 * 1024) })), // over the JSON size limit
    raw(JSON.stringify(sample(s)), { ...h, 'content-type': 'text/plain' }),
    raw('a=1&b=2', { ...h, 'content-type': 'application/x-www-form-urlencoded' }),
    raw(JSON.stringify(sample(s)), { ...h, 'content-type': 'application/json; charset=shift_jis' }, false),
    raw('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}', json, false),
    { method: ctx.op.method, url, body: { ...(sample(s) as object), unknownField: BAD_TEXT }, headers: json },
  ];
  const base = (sample(s) ?? {}) as Record<string, unknown>;
  const perProp: Case[] = [];
  for (const [k, ps] of Object.entries(s.properties ?? {})) {
    for (const w of pick(wrongValues(ps), 3, rnd)) perProp.push({ method: ctx.op.method, url, body: { ...base, [k]: w }, headers: json });
    // nested objects and arrays of objects: one wrong property inside too
    const inner = ps.items?.properties ?? ps.properties;
    if (inner) {
      const [ik, is] = Object.entries(inner)[Math.floor(rnd() * Object.keys(inner).length)]!;
      const obj = { ...((sample(ps.items ?? ps) ?? {}) as object), [ik]: wrongValues(is)[Math.floor(rnd() * 3)] };
      perProp.push({ method: ctx.op.method, url, body: { ...base, [k]: ps.items ? [obj] : obj }, headers: json });
    }
  }
  return [...hot, ...pick(fixed, Math.ceil(MAX_BODY_CASES / 2) - hot.length, rnd), ...pick(perProp, Math.floor(MAX_BODY_CASES / 2), rnd)];
}

/** Junk for uploads: multipart without a boundary, garbage parts, files that are not what they say. */
export function badMultiparts(ctx: Ctx): Case[] {
  const content = ctx.op.op.requestBody?.content ?? {};
  const isUpload = 'multipart/form-data' in content || ctx.op.path.endsWith('/import');
  if (!isUpload) return [];
  const rnd = prng(ctx.seed + ' upload');
  const url = fillPath(ctx.op.path, ctx.params) + (ctx.op.path.endsWith('/roster') || ctx.op.path.endsWith('/import') ? '?dryRun=true' : '');
  const h = headersOf(ctx);
  const junk = new Uint8Array(2048).map(() => Math.floor(rnd() * 256));
  const zipish = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk.slice(0, 500)]);
  const form = (fill: (f: FormData) => void) => {
    const f = new FormData();
    fill(f);
    return f;
  };
  const props = Object.keys(content['multipart/form-data']?.schema?.properties ?? { file: {} });
  const cases: Case[] = [
    { method: ctx.op.method, url, body: 'not a multipart body', headers: { ...h, 'content-type': 'multipart/form-data' } },
    { method: ctx.op.method, url, body: '--x\r\ngarbage\r\n--x--', headers: { ...h, 'content-type': 'multipart/form-data; boundary=x' } },
    { method: ctx.op.method, url, body: junk, headers: { ...h, 'content-type': 'application/octet-stream' } },
    { method: ctx.op.method, url, body: junk, headers: { ...h, 'content-type': 'text/csv' } },
    { method: ctx.op.method, url, body: zipish, headers: { ...h, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
    { method: ctx.op.method, url, body: '\ufeffname,phone\n\u0000,\u202e\n' + '"'.repeat(50), headers: { ...h, 'content-type': 'text/csv' } },
    { method: ctx.op.method, url, body: form((f) => props.forEach((p) => f.append(p, BAD_TEXT))), headers: h },
    { method: ctx.op.method, url, body: form((f) => props.forEach((p) => f.append(p, new File([junk], 'x.jpg', { type: 'image/jpeg' })))), headers: h },
    { method: ctx.op.method, url, body: form((f) => props.forEach((p) => f.append(p, new File([zipish], 'x.xlsx')))), headers: h },
    {
      method: ctx.op.method,
      url,
      body: form((f) => {
        f.append('file', new File([], 'empty.csv'));
        f.append('title', 'x'.repeat(10_000));
      }),
      headers: h,
    },
    { method: ctx.op.method, url, body: form(() => {}), headers: h },
  ];
  return cases;
}

/** Requests no operation owns: unknown routes, wrong methods, bodies at the door. */
export function globalCases(): Case[] {
  const h = { 'cf-connecting-ip': '10.254.1.1' };
  const out: Case[] = [];
  for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    for (const p of [
      '/api/v1/nope',
      '/api/nope',
      '/api/',
      '/api',
      '/api/v1',
      '/api/v1/',
      '/api/v2/campaigns',
      '/api/v1/campaigns/x/y/z',
      '/api/v1/%00',
      '/api/v1/campaigns/%E0%A4%A',
    ]) {
      out.push({ method: m, url: p, headers: h, body: m === 'GET' ? undefined : { x: 1 } });
    }
  }
  out.push({ method: 'PUT', url: '/api/v1/campaigns', headers: h, body: {} });
  out.push({ method: 'DELETE', url: '/api/v1/campaigns/dangshi-daily', headers: h });
  out.push({ method: 'POST', url: '/api/v1/nope', headers: { ...h, 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
  out.push({ method: 'POST', url: '/api/v1/campaigns', headers: { ...h, 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
  out.push({ method: 'POST', url: '/api/v1/campaigns', headers: { ...h, 'content-type': 'application/xml' }, body: '<a/>' });
  out.push({ method: 'POST', url: '/api/v1/campaigns', headers: { ...h, 'content-type': '' }, body: '{}' });
  return out;
}
