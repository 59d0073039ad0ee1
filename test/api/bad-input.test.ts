import { describe, expect, it } from 'vitest';
import { BASE, client, signedIn, PHONES, type Client } from '../helpers';
import { ERROR_STATUS } from '../../shared/errors';
import { api } from '../../workers/api';
import { badBodies, badHeaders, badIds, badQueries, badMultiparts, globalCases, type Case, type Op, type Spec } from './bad-input.cases';

/**
 * Issue 12, "keep it closed": walks the OpenAPI document and sends malformed ids, query
 * parameters and bodies to every operation, as an anonymous client, a member and the root
 * organizer. No answer may be a 5xx; every 4xx carries the error envelope with a documented
 * code at its status; a 429 says when to come back. The cases come from the request schemas
 * through a seeded PRNG (bad-input.cases.ts), so a failure replays exactly.
 */

interface Failure {
  who: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  answer: string;
  problem: string;
}

/** Set to true to log every request and answer while hunting a failure. */
const DEBUG = false;

const excerpt = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function bodyText(b: Case['body']): string {
  if (b === undefined) return '';
  if (typeof b === 'string') return b;
  if (b instanceof Uint8Array) return `<${b.length} bytes>`;
  if (b instanceof FormData) return `FormData{${[...b.keys()].join(',')}}`;
  return JSON.stringify(b);
}

/** Checks one answer against the envelope contract; returns the problem or null. */
function problemOf(status: number, body: any, headers: Headers): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  const e = body?.error;
  if (!e || typeof e !== 'object') return 'a 4xx without the error envelope';
  if (!(e.code in ERROR_STATUS)) return `undocumented code ${JSON.stringify(e.code)}`;
  if (ERROR_STATUS[e.code as keyof typeof ERROR_STATUS] !== status) return `code ${e.code} travels with ${status}`;
  if (typeof e.message !== 'string' || !e.message.trim()) return 'an empty message';
  if (e.fields !== undefined && (typeof e.fields !== 'object' || Object.values(e.fields).some((m) => typeof m !== 'string' || !m)))
    return 'fields that are not messages';
  if (status === 429 && !headers.get('retry-after')) return '429 without Retry-After';
  return null;
}

async function send(c: Client, who: string, k: Case, failures: Failure[], counter: { n: number }) {
  counter.n++;
  const t = Date.now();
  const r = await c.call(k.method, k.url, k.body, k.headers);
  if (DEBUG)
    console.log(
      `FZ ${who} ${r.status} ${Date.now() - t} ${r.body?.error?.reason ?? r.body?.error?.code ?? ''} ${k.method} ${k.url.slice(0, 120)}${r.status < 300 && k.method !== 'GET' ? ` BODY ${excerpt(bodyText(k.body), 200)}` : ''}`,
    );
  const problem = k.mustRefuse && r.status < 400 ? `accepted with ${r.status}` : problemOf(r.status, r.body, r.headers);
  if (problem) {
    failures.push({
      who,
      method: k.method,
      url: k.url,
      headers: k.headers ?? {},
      body: excerpt(bodyText(k.body)),
      status: r.status,
      answer: excerpt(r.text),
      problem,
    });
  }
}

function report(failures: Failure[]): string {
  return (
    failures
      .slice(0, 40)
      .map((f) => `${f.problem} — as ${f.who}: ${f.method} ${f.url}\n  headers ${JSON.stringify(f.headers)}\n  body ${f.body}\n  → ${f.status} ${f.answer}`)
      .join('\n') + (failures.length > 40 ? `\n… and ${failures.length - 40} more` : '')
  );
}

let spec: Spec;
let ops: Op[];
/** Real values for path parameters, so validators behind the lookup are reached too. */
let real: Record<string, string>;

async function loadSpec() {
  const r = await client().get('/api/v1/openapi.json');
  expect(r.status).toBe(200);
  spec = r.body;
  ops = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ path, method: method.toUpperCase(), op });
  }
  real = await discoverIds();
  if (DEBUG) console.log('FZREAL ' + JSON.stringify(real));
}

const firstId = (b: any, key = 'id'): string | undefined => (Array.isArray(b?.items) ? b.items[0]?.[key] : undefined);

/** Reads ids of existing objects from list endpoints, as the root organizer and a member. */
async function discoverIds(): Promise<Record<string, string>> {
  const root = await signedIn(PHONES.rootOrganizer, { ip: '10.255.0.1' });
  const ids: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) ids[k] = v;
  };
  put('org-units', firstId((await root.get('/api/v1/org-units')).body));
  put('question-banks', firstId((await root.get('/api/v1/question-banks')).body));
  if (ids['question-banks']) put('questions', firstId((await root.get(`/api/v1/question-banks/${ids['question-banks']}/questions`)).body));
  put('stages', firstId((await root.get('/api/v1/campaigns/dangshi-contest/stages')).body));
  // a member who is none of the fuzzing identities starts an attempt and takes an invite,
  // so answers, reviews and invite lookups get a real object to refuse input about
  const other = await signedIn(PHONES.jyjMember, { ip: '10.255.0.2' });
  put('attempts', (await other.post('/api/v1/campaigns/dangshi-daily/attempts', {})).body?.attempt?.id);
  put('invites', (await other.post('/api/v1/campaigns/one-plus-one/invites')).body?.code);
  put('entries', firstId((await root.get('/api/v1/campaigns/hanmo-danqing/entries')).body));
  put('judging-rounds', firstId((await root.get('/api/v1/campaigns/hanmo-danqing/judging-rounds')).body));
  put('pairs', firstId((await root.get('/api/v1/campaigns/one-plus-one/pairs')).body));
  put('service-records', firstId((await root.get('/api/v1/campaigns/one-plus-one/service-records')).body));
  put('service-activities', firstId((await root.get('/api/v1/campaigns/one-plus-one/service-activities')).body));
  // training: a session, a material and the member identity's own study of it (enrolled first)
  const sessions = (await root.get('/api/v1/campaigns/dangxiao-lunxun/sessions')).body;
  put('sessions', firstId(sessions));
  const online = (await root.get('/api/v1/campaigns/dangke-xuanjiang/materials')).body;
  put('materials', firstId(online));
  if (ids.materials) {
    const studier = await signedIn(PHONES.fgwMember, { ip: '10.255.0.4' });
    put('studies', (await studier.post(`/api/v1/materials/${ids.materials}/start`)).body?.studyId);
  }
  // the member identity's own pledge, so its junk receipt uploads reach the receipt checks
  const member = await signedIn(PHONES.fgwMember, { ip: '10.255.0.3' });
  const pledged = await member.post('/api/v1/campaigns/jinqiu-zhuxue/pledges', { amount: 1000 }, { 'idempotency-key': 'bad-input-discovery' });
  put('pledges', pledged.body?.pledge?.id ?? firstId((await root.get('/api/v1/campaigns/jinqiu-zhuxue/pledges')).body));
  const slots = (await root.get('/api/v1/campaigns/hanmo-exhibition/slots')).body;
  put('slots', firstId(slots) ?? slots?.slots?.[0]?.id);
  const bookings = (await root.get('/api/v1/campaigns/hanmo-exhibition/bookings')).body;
  put('bookings', firstId(bookings));
  put('booking-codes', firstId(bookings, 'code'));
  return ids;
}

/** The campaign each family of routes needs (a route of one kind refuses the others early). */
function campaignFor(path: string): string {
  if (/stages/.test(path)) return 'dangshi-contest';
  if (/attempts|quiz|leaderboard/.test(path)) return 'dangshi-daily';
  if (/entries|votes|results|awards|judg/.test(path)) return 'hanmo-danqing';
  if (/pairs|service|volunteer|certificate|invites/.test(path)) return 'one-plus-one';
  if (/pledges|progress|donors|drive/.test(path)) return 'jinqiu-zhuxue';
  if (/slots|bookings|visit/.test(path)) return 'hanmo-exhibition';
  if (/materials/.test(path)) return 'dangke-xuanjiang';
  if (/sessions|enrol|training/.test(path)) return 'dangxiao-lunxun';
  return 'dangshi-daily';
}

/** A real value for each path parameter of an operation (or a plausible one when none exists). */
function realParams(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const segs = path.split('/').filter(Boolean);
  for (let i = 0; i < segs.length; i++) {
    const m = /^\{(\w+)\}$/.exec(segs[i]!);
    if (!m) continue;
    const coll = segs[i - 1]!;
    const name = m[1]!;
    if (coll === 'campaigns') out[name] = campaignFor(path);
    else if (name === 'stageId') out[name] = real.stages ?? 'stage-x';
    else if (name === 'slotId') out[name] = real.slots ?? 'slot-x';
    else if (coll === 'bookings' && name === 'code') out[name] = real['booking-codes'] ?? 'CODE1234';
    else out[name] = real[coll] ?? `${coll}-missing`;
  }
  return out;
}

const IDENTITIES = ['anonymous', 'member', 'root'] as const;

async function identity(who: (typeof IDENTITIES)[number]): Promise<Client> {
  if (who === 'anonymous') return client();
  return signedIn(who === 'member' ? PHONES.fgwMember : PHONES.rootOrganizer);
}

/** Every case for one operation, as one identity (deterministic: seeded by the operation and identity). */
function casesOf(o: Op, who: string, opIndex: number): Case[] {
  const params = realParams(o.path);
  const ip = `10.${opIndex % 250}.${IDENTITIES.indexOf(who as never) + 1}.${Math.floor(opIndex / 250) + 1}`;
  const seed = `${o.method} ${o.path} ${who}`;
  const ctx = { spec, op: o, params, seed, ip };
  return [...badIds(ctx), ...badQueries(ctx), ...badBodies(ctx), ...badHeaders(ctx), ...badMultiparts(ctx)];
}

describe('bad input over every documented operation (issue 12)', () => {
  const stats = { ops: 0, requests: 0, ms: 0 };

  it('documents every API route (the fuzzer walks only what is documented)', async () => {
    await loadSpec();
    const documented = new Set(ops.map((o) => `${o.method} /api/v1${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    // Outside the document on purpose: the document itself and its page, the benchmark
    // routes (dev only), CORS preflights, and the embed and media routes (not under /api/v1).
    const outside = (m: string, p: string) =>
      m === 'ALL' ||
      m === 'OPTIONS' ||
      p.startsWith('/api/v1/_bench') ||
      p.startsWith('/embed/') ||
      p.startsWith('/media/') ||
      p === '/api/v1/openapi.json' ||
      p === '/api/docs';
    const missing = [...new Set(api.routes.filter((r) => !outside(r.method, r.path)).map((r) => `${r.method} ${r.path}`))].filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  for (const who of IDENTITIES) {
    it(`answers malformed input with a 4xx envelope, never a 5xx — as ${who === 'anonymous' ? 'an anonymous client' : who === 'member' ? 'a member' : 'the root organizer'}`, async () => {
      if (!spec) await loadSpec();
      const c = await identity(who);
      const failures: Failure[] = [];
      const counter = { n: 0 };
      const t0 = Date.now();
      for (const [i, o] of ops.entries()) {
        // signing out would end the signed-in identities' session for every later case
        if (who !== 'anonymous' && o.path === '/auth/logout') continue;
        for (const k of casesOf(o, who, i)) await send(c, who, k, failures, counter);
      }
      stats.ops = ops.length;
      stats.requests += counter.n;
      stats.ms += Date.now() - t0;
      console.log(`bad-input as ${who}: ${ops.length} operations, ${counter.n} requests, ${Date.now() - t0} ms`);
      expect(failures, report(failures)).toEqual([]);
    }, 180_000);
  }

  it('answers unknown routes, wrong methods, oversized and mistyped bodies with the envelope', async () => {
    const c = await signedIn(PHONES.rootOrganizer, { ip: '10.254.0.1' });
    const failures: Failure[] = [];
    const counter = { n: 0 };
    for (const k of globalCases()) await send(c, 'root', k, failures, counter);
    stats.requests += counter.n;
    expect(failures, report(failures)).toEqual([]);
    console.log(`bad-input total: ${stats.ops} operations, ${stats.requests} requests, ${stats.ms} ms (base ${BASE})`);
  });
});

/** Each defect the walk above found, pinned by the case that found it. */
describe('defects the bad-input walk found', () => {
  it('refuses limit=0 on the votes list (it reached the query and answered 500)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const r = await root.get('/api/v1/campaigns/hanmo-danqing/votes?limit=0');
    expect(r.status).toBe(400);
    expect(r.body.error.fields.limit).toBeTruthy();
    expect((await root.get('/api/v1/campaigns/hanmo-danqing/votes?limit=5')).status).toBe(200);
  });

  it('refuses a JSON body that is not an object (an array passed as an empty patch)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const before = (await root.get('/api/v1/campaigns/dangshi-daily')).body;
    for (const body of ['[]', '[{"title":"x"}]', 'null', '12', '"s"']) {
      const r = await root.patch('/api/v1/campaigns/dangshi-daily', body, { 'content-type': 'application/json' });
      expect(r.status, body).toBe(400);
      expect(r.body.error.reason, body).toBe('json_object_expected');
    }
    const en = await client({ lang: 'en' }).post('/api/v1/auth/login', '[]', { 'content-type': 'application/json' });
    expect(en.body.error.message).toBe('The request body must be a JSON object ({…}).');
    expect((await root.get('/api/v1/campaigns/dangshi-daily')).body).toEqual(before);
  });

  it('answers an empty patch of a service activity with the activity unchanged (drizzle refused an empty UPDATE: 500)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const before = await root.get('/api/v1/service-activities/sa-demo-river');
    expect(before.status).toBe(200);
    const r = await root.patch('/api/v1/service-activities/sa-demo-river', {});
    expect(r.status).toBe(200);
    expect(r.body.serviceActivity).toEqual(before.body.serviceActivity);
  });

  it('answers 404 for admissions of a stage that is not the campaign’s (it listed an empty 入围名单)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get('/api/v1/campaigns/dangshi-contest/stages/stage-prelim/admissions')).status).toBe(200);
    for (const stage of ['-1', 'constructor', 'stage-nope']) {
      const r = await root.get(`/api/v1/campaigns/dangshi-contest/stages/${stage}/admissions`);
      expect(r.status, stage).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    // a real stage, asked for through another quiz campaign
    expect((await root.get('/api/v1/campaigns/dangshi-daily/stages/stage-prelim/admissions')).status).toBe(404);
  });

  it('documents /qr.svg (hono-openapi dropped it as a static file)', async () => {
    const r = await client().get('/api/v1/openapi.json');
    expect(r.body.paths['/qr.svg']?.get?.parameters?.map((p: { name: string }) => p.name)).toContain('path');
  });
});
