import { env, exports } from 'cloudflare:workers';

export const BASE = 'http://127.0.0.1:8787';
export const DEMO_PASSWORD = 'tongxin-demo';
export const PHONES = {
  admin: '13800000000',
  rootOrganizer: '13800000001',
  fgwOrganizer: '13800000002',
  fgwMember: '13800000003',
  jyjMember: '13800000004',
} as const;

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
  bytes: Uint8Array;
}

/** A browser-like client: keeps its cookie, sends our Origin on writes like a page would. */
export function client(opts: { lang?: string; ip?: string; origin?: string | null } = {}) {
  let cookie = '';
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> => {
    const h: Record<string, string> = { 'accept-language': opts.lang ?? 'zh-CN', ...headers };
    if (cookie) h.cookie = cookie;
    if (opts.ip) h['cf-connecting-ip'] = opts.ip;
    if (method !== 'GET' && method !== 'HEAD' && opts.origin !== null && !('origin' in h)) h.origin = opts.origin ?? BASE;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array || typeof body === 'string' || body instanceof FormData) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await exports.default.fetch(new Request(BASE + path, { method, headers: h, body: payload, redirect: 'manual' }));
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair] = set.split(';');
      cookie = pair!.endsWith('=') ? '' : pair!;
    }
    // bytes first: workerd warns when .text() reads a workbook or an image
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: any = null;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers, text, bytes };
  };
  return {
    call,
    get: <T = any>(p: string, h?: Record<string, string>) => call<T>('GET', p, undefined, h),
    post: <T = any>(p: string, b?: unknown, h?: Record<string, string>) => call<T>('POST', p, b, h),
    patch: <T = any>(p: string, b?: unknown, h?: Record<string, string>) => call<T>('PATCH', p, b, h),
    get cookie() {
      return cookie;
    },
    set cookie(v: string) {
      cookie = v;
    },
  };
}
export type Client = ReturnType<typeof client>;

/** A client signed in as a demo account. */
export async function signedIn(phone: string, opts: Parameters<typeof client>[0] = {}) {
  const c = client(opts);
  const r = await c.post('/api/v1/auth/login', { phone, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${phone} failed: ${r.status} ${r.text}`);
  return c;
}

/**
 * Registers through the real flow: asks for a register code, reads it from the dev outbox
 * (DEV_OUTBOX=1 in vitest.config.ts) and registers with it. Returns the register answer.
 */
export async function registerUser(c: Client, input: { phone: string; name: string; password: string }): Promise<Res> {
  const sent = await c.post('/api/v1/auth/codes', { phone: input.phone, purpose: 'register' });
  if (sent.status !== 202) throw new Error(`code for ${input.phone} failed: ${sent.status} ${sent.text}`);
  const code = await outboxCode(c, input.phone, 'register');
  return c.post('/api/v1/auth/register', { ...input, code });
}

/** The newest code the dev outbox holds for a phone and purpose. */
export async function outboxCode(c: Client, phone: string, purpose = 'register'): Promise<string> {
  const box = await c.get(`/api/v1/dev/outbox?phone=${phone}`);
  const item = (box.body?.items ?? []).find((i: { purpose: string }) => i.purpose === purpose);
  if (!item) throw new Error(`no ${purpose} code in the outbox for ${phone}: ${box.status} ${box.text}`);
  return item.code;
}

let n = 0;
/** A fresh, valid mainland phone number per call. */
// A random start per test file, then a counter: never the same number twice in a file, and
// files (which may share a database) start far apart in a space of 10^9.
const phoneBase = crypto.getRandomValues(new Uint32Array(1))[0]! % 1e9;
export function freshPhone(): string {
  n++;
  return `13${String((phoneBase + n) % 1e9).padStart(9, '0')}`;
}

export const inOneDay = () => ({ startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86400e3).toISOString() });

/** A fixture file from test/fixtures as bytes. */
export function fixture(name: string): Uint8Array {
  const b64 = env.TEST_FIXTURES[name];
  if (b64 === undefined) throw new Error(`no fixture ${name}`);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A live leaderboard connection: the socket (accepted), every message it received (parsed),
 * and `waitFor(n)`, which resolves once n messages have arrived (rejects after 3 s).
 */
export async function liveBoard<M = unknown>(campaignId: string, limit = 5) {
  const res = await exports.default.fetch(
    new Request(`${BASE}/api/v1/campaigns/${campaignId}/leaderboard/live?limit=${limit}`, { headers: { upgrade: 'websocket' } }),
  );
  const ws = res.webSocket;
  if (res.status !== 101 || !ws) throw new Error(`live board ${campaignId}: ${res.status}`);
  const messages: M[] = [];
  const waiting: Array<() => void> = [];
  ws.addEventListener('message', (e) => {
    messages.push(JSON.parse(e.data as string) as M);
    for (const check of [...waiting]) check();
  });
  const waitFor = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`only ${messages.length} messages`)), 3000);
      const check = () => {
        if (messages.length < n) return;
        clearTimeout(t);
        waiting.splice(waiting.indexOf(check), 1);
        resolve();
      };
      waiting.push(check);
      check();
    });
  ws.accept();
  return { ws, messages, waitFor };
}
