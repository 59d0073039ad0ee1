import { DurableObject } from 'cloudflare:workers';
import { boardState, levelUnits, rankedUnits, scoresPage, type StoredScore } from '../../db/queries/leaderboards';
import { rollUp } from '../../shared/unit-boards';
import { OrderStatistic } from './order-statistic';
import { rankUnits, type Scored } from '../../shared/ranking';
import type { LiveBoardMessage } from '../../shared/contracts/leaderboards';
import { createDb, type Db } from '../../db/client';
import type { Audience, BoardContext, BoardResponse, MeResponse, ReadOptions, SocketInfo } from './leaderboard-types';
import { BOARD_SCHEMA, loadIndex, pageRows, presentEntry } from './leaderboard-store';

const REBUILD_PAGE = 10_000;
/** Live updates are batched: at most one message per viewer per this interval. */
export const BROADCAST_MS = 300;
const FLOOD = { messages: 20, windowMs: 10_000 };
const UNITS_TTL_MS = 30_000;

/**
 * One leaderboard (campaign × stage), single writer. SQLite holds the entries; an
 * in-memory order-statistic index answers rank, pages and "around me" in O(log n).
 * D1 keeps the durable record: an object with empty storage rebuilds from it.
 */
export class Leaderboard extends DurableObject<Env> {
  private sql: SqlStorage;
  private live = new OrderStatistic();
  private frozen: OrderStatistic | null = null;
  private loading: Promise<void> | null = null;
  private contextJson: string | null = null;
  private streams = new Map<WritableStreamDefaultWriter<Uint8Array>, Omit<SocketInfo, 'hits' | 'windowStart'>>();
  private unitsCache: { at: number; path: string; units: Array<{ orgUnitId: string; name: string; members: number }> } | null = null;
  private levelCache = new Map<string, { at: number } & Awaited<ReturnType<typeof levelUnits>>>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    ctx.blockConcurrencyWhile(async () => {
      this.createTables();
      if (this.meta('loaded')) this.loadMemory();
    });
  }

  // ---- RPC ------------------------------------------------------------------------

  /** Applies rows as D1 now holds them; a row older than the one here (by version) is ignored. */
  async apply(ctx: BoardContext, rows: StoredScore[]): Promise<{ applied: number }> {
    await this.ensure(ctx);
    const changes: Array<{ old: Scored | null; now: Scored }> = [];
    this.ctx.storage.transactionSync(() => {
      for (const r of rows) {
        const cur = this.sql
          .exec<{ score: number; tiebreak: number; org_unit_id: string | null; version: number }>(
            'SELECT score, tiebreak, org_unit_id, version FROM entries WHERE key = ?',
            r.key,
          )
          .toArray()[0];
        if (cur && cur.version >= r.version) continue;
        this.sql.exec(
          `INSERT INTO entries (key, score, tiebreak, name, org_unit_id, org_unit_name, version) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET score = excluded.score, tiebreak = excluded.tiebreak, name = excluded.name,
             org_unit_id = excluded.org_unit_id, org_unit_name = excluded.org_unit_name, version = excluded.version`,
          r.key,
          r.score,
          r.tiebreak,
          r.name,
          r.orgUnitId,
          r.orgUnitName,
          r.version,
        );
        if (cur) this.addToUnit(cur.org_unit_id, -cur.score, -1);
        this.addToUnit(r.orgUnitId, r.score, 1);
        changes.push({ old: cur ? { score: cur.score, tiebreak: cur.tiebreak } : null, now: { score: r.score, tiebreak: r.tiebreak } });
      }
      if (changes.length) this.setMeta('updatedAt', new Date().toISOString());
    });
    for (const c of changes) {
      if (c.old) this.live.remove(c.old);
      this.live.insert(c.now);
    }
    if (changes.length) await this.scheduleBroadcast();
    return { applied: changes.length };
  }

  /** Takes entries off the board (D1 has deleted them): a disqualified participant with nothing else to rank. */
  async remove(ctx: BoardContext, keys: string[]): Promise<{ removed: number }> {
    await this.ensure(ctx);
    const gone: Scored[] = [];
    this.ctx.storage.transactionSync(() => {
      for (const key of keys) {
        const cur = this.sql
          .exec<{ score: number; tiebreak: number; org_unit_id: string | null }>('SELECT score, tiebreak, org_unit_id FROM entries WHERE key = ?', key)
          .toArray()[0];
        if (!cur) continue;
        this.sql.exec('DELETE FROM entries WHERE key = ?', key);
        this.addToUnit(cur.org_unit_id, -cur.score, -1);
        gone.push({ score: cur.score, tiebreak: cur.tiebreak });
      }
      if (gone.length) this.setMeta('updatedAt', new Date().toISOString());
    });
    for (const g of gone) this.live.remove(g);
    if (gone.length) await this.scheduleBroadcast();
    return { removed: gone.length };
  }

  async read(ctx: BoardContext, opts: ReadOptions): Promise<BoardResponse> {
    await this.ensure(ctx);
    const view = this.viewFor(opts.audience);
    const base = {
      scope: opts.scope,
      frozen: !!this.meta('frozenAt'),
      frozenAt: this.meta('frozenAt'),
      final: ctx.final,
      scoreUnit: ctx.scoreUnit,
      updatedAt: this.meta('updatedAt') ?? this.meta('loadedAt') ?? new Date(0).toISOString(),
      offset: opts.offset,
    };
    if (opts.scope === 'org') {
      const ranked = rankUnits(opts.level ? await this.levelTotals(ctx, view, opts.level) : await this.unitTotals(ctx, view), ctx.aggregation);
      return {
        ...base,
        aggregation: ctx.aggregation,
        ...(opts.level ? { level: opts.level } : {}),
        total: ranked.length,
        entries: ranked
          .slice(opts.offset, opts.offset + opts.limit)
          .map(({ rank, key, name, orgUnitName, score }) => ({ rank, key, name, orgUnitId: key, orgUnitName, score })),
      };
    }
    const os = view === 'frozen' ? this.frozen! : this.live;
    const rows = pageRows(this.sql, view, os, opts.offset, opts.limit);
    return { ...base, total: os.size, entries: rows.map((r) => presentEntry(r, opts.audience, undefined, ctx.maskNames !== false)) };
  }

  /** Rank and score of one participant (rank = 1 + entries strictly ahead). */
  async rankOf(ctx: BoardContext, key: string, audience: Audience = 'organizer'): Promise<{ rank: number | null; score: number | null; total: number }> {
    await this.ensure(ctx);
    const view = this.viewFor(audience);
    const os = view === 'frozen' ? this.frozen! : this.live;
    const me = this.sql
      .exec<{ score: number; tiebreak: number }>(`SELECT score, tiebreak FROM ${view === 'frozen' ? 'frozen' : 'entries'} WHERE key = ?`, key)
      .toArray()[0];
    return me ? { rank: os.countAhead(me) + 1, score: me.score, total: os.size } : { rank: null, score: null, total: os.size };
  }

  /** A participant's rank and the entries around them (±span). */
  async around(ctx: BoardContext, key: string, audience: Audience, span = 5): Promise<MeResponse> {
    await this.ensure(ctx);
    const view = this.viewFor(audience);
    const table = view === 'frozen' ? 'frozen' : 'entries';
    const os = view === 'frozen' ? this.frozen! : this.live;
    const me = this.sql.exec<{ score: number; tiebreak: number }>(`SELECT score, tiebreak FROM ${table} WHERE key = ?`, key).toArray()[0];
    if (!me) return { rank: null, score: null, total: os.size, around: [] };
    const aheadCount = os.countAhead(me);
    const inGroup = this.sql
      .exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE score = ? AND tiebreak = ? AND key < ?`, me.score, me.tiebreak, key)
      .one().n;
    const pos = aheadCount + inGroup;
    const start = Math.max(0, pos - span);
    const rows = pageRows(this.sql, view, os, start, pos - start + span + 1);
    return { rank: aheadCount + 1, score: me.score, total: os.size, around: rows.map((r) => presentEntry(r, audience, key, ctx.maskNames !== false)) };
  }

  async freeze(ctx: BoardContext, frozenAt: string | null): Promise<void> {
    await this.ensure(ctx);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('DELETE FROM frozen');
      if (frozenAt) this.sql.exec('INSERT INTO frozen SELECT key, score, tiebreak, name, org_unit_id, org_unit_name FROM entries');
      this.setMeta('frozenAt', frozenAt);
    });
    this.frozen = frozenAt ? loadIndex(this.sql, 'frozen') : null;
    await this.scheduleBroadcast(true);
  }

  /** For tests and operators: drop everything local; the next call rebuilds from D1. */
  async resetStorage(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.live = new OrderStatistic();
    this.frozen = null;
    this.loading = null;
    this.unitsCache = null;
    this.levelCache.clear();
    this.contextJson = null;
    this.createTables();
  }

  async stats(): Promise<{ entries: number; sockets: number; streams: number }> {
    return { entries: this.live.size, sockets: this.ctx.getWebSockets().length, streams: this.streams.size };
  }

  // ---- live viewers -----------------------------------------------------------------

  /** WebSocket (hibernation API) or Server-Sent Events; the Worker has checked access. */
  override async fetch(request: Request): Promise<Response> {
    const ctx = JSON.parse(request.headers.get('x-board-context') ?? 'null') as BoardContext | null;
    const opts = JSON.parse(request.headers.get('x-board-options') ?? 'null') as ReadOptions | null;
    if (!ctx || !opts) return new Response('bad request', { status: 400 });
    await this.ensure(ctx);
    const snapshot = JSON.stringify({ type: 'snapshot', ...(await this.read(ctx, opts)) } satisfies LiveBoardMessage);
    if (request.headers.get('upgrade')?.toLowerCase() === 'websocket') {
      const pair = new WebSocketPair();
      const [client, server] = [pair[0], pair[1]];
      this.ctx.acceptWebSocket(server);
      const info: SocketInfo = { scope: opts.scope, audience: opts.audience, limit: opts.limit, hits: 0, windowStart: Date.now() };
      server.serializeAttachment(info);
      server.send(snapshot);
      return new Response(null, { status: 101, webSocket: client });
    }
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    this.streams.set(writer, { scope: opts.scope, audience: opts.audience, limit: opts.limit });
    void writer.write(new TextEncoder().encode(`retry: 3000\ndata: ${snapshot}\n\n`));
    return new Response(readable, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    });
  }

  /** Viewers only listen; anything but "ping" is ignored, and a flood closes the socket. */
  override async webSocketMessage(ws: WebSocket, _message: string | ArrayBuffer): Promise<void> {
    const info = ws.deserializeAttachment() as SocketInfo;
    const now = Date.now();
    if (now - info.windowStart > FLOOD.windowMs) {
      info.windowStart = now;
      info.hits = 0;
    }
    info.hits++;
    if (info.hits > FLOOD.messages) {
      ws.close(1008, 'too many messages');
      return;
    }
    ws.serializeAttachment(info);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, 'bye');
    } catch {}
  }

  override async alarm(): Promise<void> {
    this.setMeta('broadcastPending', null);
    const ctxJson = this.meta('context');
    if (!ctxJson) return;
    const ctx = JSON.parse(ctxJson) as BoardContext;
    const cache = new Map<string, string>();
    const message = async (o: Omit<SocketInfo, 'hits' | 'windowStart'>) => {
      const k = `${o.scope}|${o.audience}|${o.limit}`;
      if (!cache.has(k))
        cache.set(
          k,
          JSON.stringify({
            type: 'update',
            ...(await this.read(ctx, { scope: o.scope, audience: o.audience, offset: 0, limit: o.limit })),
          } satisfies LiveBoardMessage),
        );
      return cache.get(k)!;
    };
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(await message(ws.deserializeAttachment() as SocketInfo));
      } catch {}
    }
    const enc = new TextEncoder();
    for (const [writer, o] of this.streams) {
      writer.write(enc.encode(`data: ${await message(o)}\n\n`)).catch(() => this.streams.delete(writer));
    }
  }

  // ---- internals ----------------------------------------------------------------------

  private async scheduleBroadcast(force = false): Promise<void> {
    if (!this.ctx.getWebSockets().length && !this.streams.size) return;
    if (this.meta('broadcastPending') && !force) return;
    this.setMeta('broadcastPending', '1');
    await this.ctx.storage.setAlarm(Date.now() + (force ? 0 : BROADCAST_MS));
  }

  private viewFor(audience: Audience): 'live' | 'frozen' {
    return audience === 'public' && this.frozen ? 'frozen' : 'live';
  }

  private async unitTotals(ctx: BoardContext, view: 'live' | 'frozen') {
    if (!this.unitsCache || this.unitsCache.path !== ctx.orgPath || Date.now() - this.unitsCache.at > UNITS_TTL_MS) {
      this.unitsCache = { at: Date.now(), path: ctx.orgPath, units: await rankedUnits(this.db(), ctx.orgPath) };
    }
    const totals = new Map(
      (view === 'frozen'
        ? this.sql.exec<{ org_unit_id: string; sum: number; participants: number }>(
            'SELECT org_unit_id, SUM(score) AS sum, COUNT(*) AS participants FROM frozen GROUP BY org_unit_id',
          )
        : this.sql.exec<{ org_unit_id: string; sum: number; participants: number }>('SELECT org_unit_id, sum, participants FROM units')
      )
        .toArray()
        .map((u) => [u.org_unit_id, u]),
    );
    return this.unitsCache.units.map((u) => ({ ...u, sum: totals.get(u.orgUnitId)?.sum ?? 0, participants: totals.get(u.orgUnitId)?.participants ?? 0 }));
  }

  /** The units of one level with their subtrees' totals (shared/unit-boards.ts); the tree is read at most once a minute. */
  private async levelTotals(ctx: BoardContext, view: 'live' | 'frozen', level: number) {
    const key = `${ctx.orgPath}|${level}`;
    let tree = this.levelCache.get(key);
    if (!tree || Date.now() - tree.at > UNITS_TTL_MS) {
      tree = { at: Date.now(), ...(await levelUnits(this.db(), ctx.orgPath, level)) };
      this.levelCache.set(key, tree);
    }
    const totals = (
      view === 'frozen'
        ? this.sql.exec<{ org_unit_id: string; sum: number; participants: number }>(
            'SELECT org_unit_id, SUM(score) AS sum, COUNT(*) AS participants FROM frozen WHERE org_unit_id IS NOT NULL GROUP BY org_unit_id',
          )
        : this.sql.exec<{ org_unit_id: string; sum: number; participants: number }>('SELECT org_unit_id, sum, participants FROM units')
    )
      .toArray()
      .map((u) => ({ orgUnitId: u.org_unit_id, sum: u.sum, participants: u.participants }));
    return rollUp(totals, tree.paths, tree.units, tree.depth);
  }

  private addToUnit(unit: string | null, score: number, participants: number) {
    if (!unit) return;
    this.sql.exec(
      `INSERT INTO units (org_unit_id, sum, participants) VALUES (?, ?, ?)
       ON CONFLICT (org_unit_id) DO UPDATE SET sum = sum + excluded.sum, participants = participants + excluded.participants`,
      unit,
      score,
      participants,
    );
  }

  private createTables() {
    this.sql.exec(BOARD_SCHEMA);
  }

  /** Loads from D1 once, when this object's storage is empty (first use, or lost storage). */
  private async ensure(ctx: BoardContext): Promise<void> {
    // the alarm needs the context to broadcast; keep the latest, writing only on change
    const json = JSON.stringify(ctx);
    if (json !== this.contextJson) {
      this.setMeta('context', json);
      this.contextJson = json;
    }
    if (this.meta('loaded')) return;
    this.loading ??= this.rebuild(ctx.boardId).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async rebuild(boardId: string): Promise<void> {
    const db = this.db();
    const state = await boardState(db, boardId);
    const pages: Record<'live' | 'frozen', Awaited<ReturnType<typeof scoresPage>>> = { live: [], frozen: [] };
    for (const table of state?.frozenAt ? (['live', 'frozen'] as const) : (['live'] as const)) {
      for (let after = ''; ; ) {
        const page = await scoresPage(db, table, boardId, after, REBUILD_PAGE);
        pages[table].push(...page);
        if (page.length < REBUILD_PAGE) break;
        after = page[page.length - 1]!.key;
      }
    }
    if (this.meta('loaded')) return;
    this.ctx.storage.transactionSync(() => {
      for (const r of pages.live) {
        this.sql.exec('INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)', r.key, r.score, r.tiebreak, r.name, r.org_unit_id, r.unit_name, r.version);
      }
      for (const r of pages.frozen) {
        this.sql.exec('INSERT OR REPLACE INTO frozen VALUES (?, ?, ?, ?, ?, ?)', r.key, r.score, r.tiebreak, r.name, r.org_unit_id, r.unit_name);
      }
      this.sql.exec('DELETE FROM units');
      this.sql.exec('INSERT INTO units SELECT org_unit_id, SUM(score), COUNT(*) FROM entries WHERE org_unit_id IS NOT NULL GROUP BY org_unit_id');
      this.setMeta('frozenAt', state?.frozenAt ?? null);
      this.setMeta('loadedAt', state?.updatedAt ?? new Date().toISOString());
      this.setMeta('loaded', '1');
    });
    this.loadMemory();
  }

  private loadMemory() {
    this.live = loadIndex(this.sql, 'entries');
    this.frozen = this.meta('frozenAt') ? loadIndex(this.sql, 'frozen') : null;
  }

  private db(): Db {
    return createDb(this.env.DB);
  }

  private meta(k: string): string | null {
    return this.sql.exec<{ v: string | null }>('SELECT v FROM meta WHERE k = ?', k).toArray()[0]?.v ?? null;
  }

  private setMeta(k: string, v: string | null) {
    this.sql.exec('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v', k, v);
  }
}
