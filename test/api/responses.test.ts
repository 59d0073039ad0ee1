import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { LiveBoardMessage } from '../../shared/contracts/leaderboards';
// the typed client's operation map, as text: every operation it names must be in the document
import operationsSource from '../../web/ui/operations.ts?raw';
import { client, signedIn, freshPhone, liveBoard, registerUser, PHONES, type Client, type Res } from '../helpers';

/*
 * Response conformance: real requests over the demo data, each body checked against the
 * schema the OpenAPI document gives for that operation and status. The document is made
 * from the contract schemas in shared/contracts, so a DTO that drifts from its contract
 * (a field renamed, dropped, added without documenting it, or of another type) fails here.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
};
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>> };

const typeOf = (x: unknown) =>
  x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'number' ? (Number.isInteger(x) ? 'integer' : 'number') : typeof x;

/** The JSON Schema subset the valibot resolver writes; returns every mismatch with its path. */
function check(s: Schema, x: unknown, at: string, out: string[]): void {
  if (s.anyOf || s.oneOf) {
    const alts = (s.anyOf ?? s.oneOf)!;
    if (
      !alts.some((a) => {
        const e: string[] = [];
        check(a, x, at, e);
        return e.length === 0;
      })
    ) {
      // report the closest alternative's errors, so a nullable object says what is wrong inside
      const tries = alts
        .map((a) => {
          const e: string[] = [];
          check(a, x, at, e);
          return e;
        })
        .sort((a, b) => a.length - b.length);
      out.push(...(tries[0]!.length ? tries[0]! : [`${at}: matches no alternative`]));
    }
    return;
  }
  if (s.allOf) for (const a of s.allOf) check(a, x, at, out);
  if ('const' in s && x !== s.const) out.push(`${at}: ${JSON.stringify(x)} ≠ const ${JSON.stringify(s.const)}`);
  if (s.enum && !s.enum.includes(x)) out.push(`${at}: ${JSON.stringify(x)} not in ${JSON.stringify(s.enum)}`);
  const t = typeOf(x);
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((ty) => ty === t || (ty === 'number' && t === 'integer'))) {
      out.push(`${at}: ${t} is not ${types.join('|')}`);
      return;
    }
  }
  if (t === 'object' && (s.properties || s.additionalProperties !== undefined)) {
    const o = x as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in o)) out.push(`${at}.${k}: missing`);
    for (const [k, val] of Object.entries(o)) {
      const p = s.properties?.[k];
      if (p) check(p, val, `${at}.${k}`, out);
      else if (typeof s.additionalProperties === 'object') check(s.additionalProperties, val, `${at}.${k}`, out);
      else if (s.properties && s.additionalProperties === undefined) out.push(`${at}.${k}: not documented`);
    }
  }
  if (t === 'array' && s.items) (x as unknown[]).forEach((el, i) => check(s.items!, el, `${at}[${i}]`, out));
}

let doc: Doc;
const templates: Array<{ re: RegExp; path: string }> = [];

/** The documented schema of an answer: the operation whose template matches the path, at its status. */
function documented(method: string, url: string, status: number): Schema {
  const path = url.replace(/^\/api\/v1/, '').split('?')[0]!;
  const t = templates.find((x) => x.re.test(path));
  if (!t) throw new Error(`no documented path for ${path}`);
  const op = doc.paths[t.path]![method.toLowerCase()];
  if (!op) throw new Error(`no ${method} ${t.path} in the document`);
  const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${t.path} documents no JSON body for ${status}`);
  return schema;
}

async function conforms(c: Client, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, headers?: Record<string, string>): Promise<Res> {
  const r = await c.call(method, url, body, headers);
  expect(r.status, `${method} ${url}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  const errors: string[] = [];
  check(documented(method, url, r.status), r.body, 'body', errors);
  expect(errors, `${method} ${url}`).toEqual([]);
  return r;
}

let root: Client;
let member: Client;

beforeAll(async () => {
  doc = (await client().get('/api/v1/openapi.json')).body;
  for (const path of Object.keys(doc.paths)) {
    // literal segments before templated ones, so /bookings/export is not read as /bookings/{id}
    templates.push({ path, re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) });
  }
  templates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  root = await signedIn(PHONES.rootOrganizer);
  member = await signedIn(PHONES.fgwMember);
});

describe('every JSON response is documented with a schema', () => {
  it('has no untyped JSON body in the document', () => {
    const untyped: string[] = [];
    const walk = (s: Schema | undefined, at: string) => {
      if (!s || typeof s !== 'object') return;
      if (Object.keys(s).length === 0) untyped.push(at);
      for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, `${at}.${k}`);
      if (s.items) walk(s.items, `${at}[]`);
      for (const a of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(a, at);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${at}{}`);
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          const json = res.content?.['application/json'];
          if (json) walk(json.schema, `${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    // a campaign's settings depend on its kind (SETTINGS_SCHEMA); documented per kind in the contract, not yet here
    expect(untyped.filter((u) => !u.endsWith('.settings{}'))).toEqual([]);
  });
});

describe('the typed client (web/ui/operations.ts) names only documented operations', () => {
  it('finds each of its operations, with a JSON answer or none, in the OpenAPI document', () => {
    const names = [...operationsSource.matchAll(/^\s*'(GET|POST|PATCH|PUT|DELETE) (\/[^']*)': Op</gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(names.length).toBeGreaterThan(80);
    const missing = names.filter(([method, path]) => {
      const op = doc.paths[path]?.[method.toLowerCase()];
      return !op || !Object.entries(op.responses).some(([status, r]) => status.startsWith('2') && (status === '204' || r.content?.['application/json']));
    });
    expect(missing.map((m) => m.join(' '))).toEqual([]);
  });
});

describe('responses conform to their contracts', () => {
  it('auth, me and the org tree', async () => {
    await conforms(root, 'GET', '/api/v1/me');
    await conforms(member, 'GET', '/api/v1/me/activity');
    await conforms(member, 'GET', '/api/v1/me/bookings');
    await conforms(member, 'GET', '/api/v1/me/waitlist');
    await conforms(root, 'GET', '/api/v1/org-units');
    await conforms(root, 'GET', '/api/v1/org-units/root/metrics');
    await conforms(root, 'GET', '/api/v1/org-units/fgw/roster');
    await conforms(root, 'GET', '/api/v1/org-units/root/todo');
    await conforms(root, 'GET', '/api/v1/org-units/fgw/members');
    await conforms(root, 'GET', '/api/v1/org-units/fgw/members/counts');
    await conforms(root, 'GET', '/api/v1/roster/roster-user-m001/periods');
    // the 台账 rows of every group over the demo year (issue #16 part 3)
    for (const group of ['training', 'quiz', 'contest', 'exhibition', 'volunteer', 'drive']) {
      await conforms(root, 'GET', `/api/v1/org-units/root/report/rows?group=${group}&from=2026-01-01&to=2026-12-31&limit=20`);
    }
    const c = client({ ip: '10.91.0.1' });
    await registerUser(c, { phone: freshPhone(), name: '契约测试', password: 'contract-pass-1' });
    await conforms(c, 'GET', '/api/v1/me');
  });

  it('campaigns and leaderboards', async () => {
    await conforms(client(), 'GET', '/api/v1/campaigns');
    await conforms(root, 'GET', '/api/v1/campaigns?managed=true');
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-drive');
    for (const id of ['camp-quiz', 'camp-contest', 'camp-volunteer', 'camp-drive']) {
      await conforms(client(), 'GET', `/api/v1/campaigns/${id}/leaderboard`);
      await conforms(root, 'GET', `/api/v1/campaigns/${id}/leaderboard?scope=org`);
      await conforms(member, 'GET', `/api/v1/campaigns/${id}/leaderboard/me`);
    }
  });

  it('quiz: banks, questions, stages, the lobby, an attempt and its answer', async () => {
    await conforms(root, 'GET', '/api/v1/question-banks');
    await conforms(root, 'GET', '/api/v1/question-banks/bank-demo');
    const qs = await conforms(root, 'GET', '/api/v1/question-banks/bank-demo/questions?limit=50');
    expect(qs.body.items.length).toBeGreaterThan(0);
    await conforms(root, 'GET', '/api/v1/campaigns/camp-quiz-contest/stages');
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-quiz-contest/stages');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-quiz/quiz-stats');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-quiz/attempts');
    await conforms(member, 'GET', '/api/v1/campaigns/camp-quiz/quiz/me');
    const started = await conforms(member, 'POST', '/api/v1/campaigns/camp-quiz/attempts', {});
    const a = started.body.attempt;
    await conforms(member, 'GET', `/api/v1/attempts/${a.id}`);
    await conforms(member, 'GET', '/api/v1/campaigns/camp-quiz/attempts/active');
    await conforms(member, 'POST', `/api/v1/attempts/${a.id}/answers`, {
      questionId: a.question.id,
      answer: a.question.type === 'judge' ? true : a.question.type === 'multiple' ? ['A', 'B'] : a.question.type === 'blank' ? 'x' : 'A',
    });
    await conforms(member, 'GET', `/api/v1/attempts/${a.id}`);
    await conforms(member, 'POST', `/api/v1/attempts/${a.id}/next`, {});
  });

  it('contest: gallery, one work, my votes, a vote, results, votes, judges, rounds, assignments', async () => {
    const gallery = await conforms(client(), 'GET', '/api/v1/campaigns/camp-contest/entries');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-contest/entries');
    const entry = gallery.body.items[0];
    await conforms(client(), 'GET', `/api/v1/entries/${entry.id}`);
    await conforms(root, 'GET', `/api/v1/entries/${entry.id}`);
    await conforms(member, 'GET', '/api/v1/campaigns/camp-contest/my-votes');
    await conforms(member, 'POST', `/api/v1/entries/${entry.id}/votes`);
    await conforms(root, 'GET', '/api/v1/campaigns/camp-contest/results');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-contest/votes');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-contest/judges');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-contest/judging-rounds');
    await conforms(root, 'GET', '/api/v1/judging/assignments');
  });

  it('volunteer: my 1+1, pairs, records, stats, invites, service activities', async () => {
    const mine = await conforms(member, 'GET', '/api/v1/campaigns/camp-volunteer/my-volunteer');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-volunteer/pairs');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-volunteer/service-records');
    await conforms(member, 'GET', '/api/v1/campaigns/camp-volunteer/service-records?mine=true');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-volunteer/volunteer-stats');
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-volunteer/volunteer-stats');
    const invite = await conforms(member, 'POST', '/api/v1/campaigns/camp-volunteer/invites');
    await conforms(client(), 'GET', `/api/v1/invites/${invite.body.code}`);
    const day = new Date(Date.now() - 86400e3).toISOString().slice(0, 10);
    const rec = await conforms(member, 'POST', '/api/v1/campaigns/camp-volunteer/service-records', { date: day, hours: 1, description: '契约测试服务' });
    await conforms(root, 'POST', `/api/v1/service-records/${rec.body.record.id}/approve`);
    const cert = await conforms(member, 'GET', '/api/v1/campaigns/camp-volunteer/certificate');
    await conforms(client(), 'GET', `/api/v1/certificates/${cert.body.code}`);
    await conforms(member, 'GET', '/api/v1/campaigns/camp-volunteer/service-activities');
    await conforms(root, 'GET', '/api/v1/service-activities/sa-demo-clinic/signups');
    expect(mine.body.canInvite).toBe(true);
  });

  it('drive: progress, donor wall, a pledge, the queue, verify, report', async () => {
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-drive/progress');
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-drive/donors');
    const p = await conforms(
      member,
      'POST',
      '/api/v1/campaigns/camp-drive/pledges',
      { amount: 1234, message: '契约' },
      { 'idempotency-key': `contract-${Math.random()}` },
    );
    await conforms(member, 'GET', '/api/v1/campaigns/camp-drive/pledges?mine=true');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-drive/pledges');
    await conforms(root, 'POST', `/api/v1/pledges/${p.body.pledge.id}/verify`, { amount: 1234 });
    await conforms(root, 'POST', `/api/v1/pledges/${p.body.pledge.id}/message`, { visible: true });
    await conforms(root, 'GET', '/api/v1/campaigns/camp-drive/drive-report');
  });

  it('exhibition: slots, a booking, the ticket, check-in, lists and statistics', async () => {
    const slots = await conforms(client(), 'GET', '/api/v1/campaigns/camp-exhibition/slots');
    const now = Date.now();
    const slot = slots.body.items.find(
      (s: { startsAt: string; endsAt: string; remaining: number; closed: boolean }) => !s.closed && s.remaining > 0 && Date.parse(s.endsAt) > now,
    );
    const c = client({ ip: '10.91.0.2' });
    await registerUser(c, { phone: freshPhone(), name: '参观者', password: 'contract-pass-1' });
    const b = await conforms(c, 'POST', '/api/v1/campaigns/camp-exhibition/bookings', {
      slotId: slot.id,
      partySize: 2,
      name: '参观者',
      phone: freshPhone(),
      acceptedNotice: true,
    });
    await conforms(c, 'GET', `/api/v1/bookings/${b.body.booking.code}`);
    await conforms(c, 'GET', '/api/v1/campaigns/camp-exhibition/bookings?mine=true');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-exhibition/bookings');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-exhibition/visit-stats');
    await conforms(root, 'GET', `/api/v1/slots/${slot.id}/waitlist`);
    await conforms(c, 'POST', `/api/v1/bookings/${b.body.booking.id}/cancel`);
  });

  it('training: sessions, enrolment, the code, a check-in, the register, materials, a study, my hours, statistics', async () => {
    await conforms(client(), 'GET', '/api/v1/campaigns/camp-training/sessions');
    await conforms(member, 'GET', '/api/v1/campaigns/camp-training/sessions');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-training/enrollments');
    await conforms(root, 'GET', '/api/v1/campaigns/camp-training/training-stats');
    await conforms(member, 'GET', '/api/v1/campaigns/camp-training/my-training');
    await conforms(member, 'GET', '/api/v1/me/learning');
    await conforms(root, 'POST', '/api/v1/campaigns/camp-training/enrollments', { orgUnitIds: ['czj'] });
    await conforms(root, 'GET', '/api/v1/sessions/trs-rotation-1/attendance');
    await conforms(root, 'POST', '/api/v1/sessions/trs-rotation-1/attendance', {
      entries: [{ rosterId: 'roster-user-m000', status: 'present', mode: 'delivered', note: '送学上门' }],
    });
    const now = new Date(Date.now() - 5 * 60e3).toISOString();
    const s = await conforms(root, 'POST', '/api/v1/campaigns/camp-training/sessions', {
      title: '契约测试课',
      startsAt: now,
      endsAt: new Date(Date.now() + 3600e3).toISOString(),
    });
    await conforms(root, 'PATCH', `/api/v1/sessions/${s.body.session.id}`, { location: '会议室' });
    const code = await conforms(root, 'GET', `/api/v1/sessions/${s.body.session.id}/code`);
    await conforms(member, 'POST', `/api/v1/sessions/${s.body.session.id}/check-in`, { code: code.body.code });
    await conforms(member, 'POST', '/api/v1/campaigns/dangke-xuanjiang/enroll');
    await conforms(member, 'GET', '/api/v1/campaigns/dangke-xuanjiang/materials');
    await conforms(member, 'POST', '/api/v1/materials/trm-lecture-video/start');
    await conforms(root, 'POST', '/api/v1/campaigns/dangke-xuanjiang/materials', {
      title: '文章',
      kind: 'article',
      url: 'https://example.org/a',
      minutes: 10,
      hours: 0.5,
    });
  });

  it('live board: the snapshot and the update are LiveBoardMessages, nothing more', async () => {
    const { ws, messages, waitFor } = await liveBoard('camp-contest');
    await waitFor(1);
    const voter = client({ ip: '10.91.0.3' });
    await registerUser(voter, { phone: freshPhone(), name: '投票人', password: 'contract-pass-1' });
    const gallery = (await client().get('/api/v1/campaigns/camp-contest/entries')).body.items;
    expect((await voter.post(`/api/v1/entries/${gallery[1].id}/votes`)).status).toBe(201);
    await waitFor(2);
    ws.close(1000);
    const documented = new Set([...Object.keys(LiveBoardMessage.options[0].entries)]);
    for (const m of messages) {
      const parsed = v.safeParse(LiveBoardMessage, m);
      expect(parsed.issues ?? [], JSON.stringify(m).slice(0, 200)).toEqual([]);
      expect(Object.keys(m as object).filter((k) => !documented.has(k))).toEqual([]);
    }
    const types = messages.map((m) => (m as LiveBoardMessage).type);
    expect(types[0]).toBe('snapshot');
    expect(new Set(types.slice(1))).toEqual(new Set(['update']));
  });

  it('history import: the dry run and the import', async () => {
    const headers = { 'content-type': 'text/csv; charset=utf-8' };
    const file = '组织,活动名称,日期,金额（元）,捐款人\nfgw-b1,契约募捐,2020-01-02,10,张三\nfgw-b1,契约募捐,2020-13-02,10,李四\n';
    const dry = await conforms(root, 'POST', '/api/v1/org-units/fgw/history/import?kind=drive&dryRun=1', file, headers);
    expect(dry.body.preview).toHaveLength(1);
    const done = await conforms(root, 'POST', '/api/v1/org-units/fgw/history/import?kind=drive', file, headers);
    expect(done.body).toMatchObject({ imported: 1, errors: [{ row: 3 }] });
  });
});
