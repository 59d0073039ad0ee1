import { DurableObject } from 'cloudflare:workers';
import * as v from 'valibot';
import { answerShapeOk, isCorrect } from '../../shared/quiz';
import { maskName } from '../../shared/mask';
import {
  answerInTime,
  answerScore,
  applyCommand,
  distributionOf,
  LiveClientMessage,
  MATCH_REVEAL_MS,
  MATCH_START_MS,
  rankPlayers,
  rankTeams,
  ROOM_CAPACITY,
  type HostCommand,
  type LiveServerMessage,
  type LiveState,
  type RoomPhase,
} from '../../shared/live-room';
import type { Attachment, LiveViewer, Player, RoomConfig, RoomResults } from './quiz-room-types';

/** Live counts (who joined, how many answered) are batched: the 大屏 and the host get at most one message per this interval. */
const BROADCAST_MS = 150;
/**
 * Phones show a count only in the lobby (n 人已加入), and get it at most once a second: in a
 * hall every update is one send per phone, 2,000 of them, which the counts need not cost.
 * A change of phase (the next question, the reveal) goes to everyone at once.
 */
const PLAYER_COUNT_MS = 1000;
const FLOOD = { messages: 30, windowMs: 10_000 };

/**
 * One live room or match: its players, its clock and its scores, single writer. Sockets use
 * the hibernation API; the room's state lives in the object's SQLite so a hibernated or
 * restarted object picks up where it was. Answers are judged and timed here, never on a phone.
 */
export class QuizRoom extends DurableObject<Env> {
  private sql: SqlStorage;
  private cfg: RoomConfig | null = null;
  private phase: RoomPhase = 'lobby';
  private index = 0;
  private shownAt = 0;
  private deadline = 0;
  private players = new Map<string, Player>();
  /** who answered the current question, and whether right */
  private answeredNow = new Map<string, { correct: boolean; points: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private playerTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    ctx.blockConcurrencyWhile(async () => {
      this.sql.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      this.sql.exec(`CREATE TABLE IF NOT EXISTS players (id TEXT PRIMARY KEY, name TEXT NOT NULL, unit_id TEXT, unit_name TEXT,
        score INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0, answered INTEGER NOT NULL DEFAULT 0, ms_total INTEGER NOT NULL DEFAULT 0, joined_at INTEGER NOT NULL)`);
      // the primary key is the rule "one answer a question": a second one inserts nothing
      this.sql.exec(`CREATE TABLE IF NOT EXISTS answers (user_id TEXT NOT NULL, idx INTEGER NOT NULL, answer TEXT, correct INTEGER NOT NULL, points INTEGER NOT NULL, ms INTEGER NOT NULL,
        PRIMARY KEY (user_id, idx))`);
      this.load();
    });
  }

  private load() {
    const meta = new Map(
      this.sql
        .exec<{ key: string; value: string }>('SELECT key, value FROM meta')
        .toArray()
        .map((r) => [r.key, r.value]),
    );
    if (!meta.has('config')) return;
    this.cfg = JSON.parse(meta.get('config')!) as RoomConfig;
    const s = JSON.parse(meta.get('state') ?? '{}') as { phase?: RoomPhase; index?: number; shownAt?: number; deadline?: number };
    this.phase = s.phase ?? 'lobby';
    this.index = s.index ?? 0;
    this.shownAt = s.shownAt ?? 0;
    this.deadline = s.deadline ?? 0;
    for (const r of this.sql.exec<{
      id: string;
      name: string;
      unit_id: string | null;
      unit_name: string | null;
      score: number;
      correct: number;
      answered: number;
      ms_total: number;
      joined_at: number;
    }>('SELECT * FROM players')) {
      this.players.set(r.id, {
        id: r.id,
        name: r.name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        score: r.score,
        correct: r.correct,
        answered: r.answered,
        msTotal: r.ms_total,
        joinedAt: r.joined_at,
      });
    }
    for (const r of this.sql.exec<{ user_id: string; correct: number; points: number }>(
      'SELECT user_id, correct, points FROM answers WHERE idx = ?',
      this.index,
    ))
      this.answeredNow.set(r.user_id, { correct: !!r.correct, points: r.points });
  }

  private saveState() {
    this.sql.exec(
      'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)',
      'state',
      JSON.stringify({ phase: this.phase, index: this.index, shownAt: this.shownAt, deadline: this.deadline }),
    );
  }

  // ---- RPC (the Worker) -----------------------------------------------------------------

  /** Sets the room up once; a second call (a retried create) changes nothing. */
  async init(cfg: RoomConfig): Promise<void> {
    if (this.cfg) return;
    this.cfg = cfg;
    this.sql.exec('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', 'config', JSON.stringify(cfg));
    this.saveState();
    // matches start by themselves: when everyone is in, or after a short wait for the late
    if (cfg.kind === 'match') await this.ctx.storage.setAlarm(Date.now() + MATCH_START_MS);
  }

  async info(): Promise<{ phase: RoomPhase; players: number; title: string } | null> {
    return this.cfg ? { phase: this.phase, players: this.players.size, title: this.cfg.title } : null;
  }

  /** Host controls over RPC (the console's buttons go through the Worker, like the socket's). */
  async command(cmd: HostCommand): Promise<{ phase: RoomPhase; index: number }> {
    if (this.cfg) await this.transition(cmd);
    return { phase: this.phase, index: this.index };
  }

  /** Everything the Worker needs to write the results when the room ends. */
  async results(): Promise<RoomResults | null> {
    if (!this.cfg) return null;
    const per = new Map(
      this.sql
        .exec<{ idx: number; n: number; c: number }>('SELECT idx, COUNT(*) AS n, SUM(correct) AS c FROM answers GROUP BY idx')
        .toArray()
        .map((r) => [r.idx, r]),
    );
    return {
      phase: this.phase,
      kind: this.cfg.kind,
      campaignId: this.cfg.campaignId,
      players: rankPlayers([...this.players.values()]),
      questions: this.cfg.questions.map((q, i) => ({ id: q.id, answered: per.get(i)?.n ?? 0, correct: per.get(i)?.c ?? 0 })),
    };
  }

  async stats(): Promise<{ sockets: number; players: number }> {
    return { sockets: this.ctx.getWebSockets().length, players: this.players.size };
  }

  // ---- sockets --------------------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') return new Response('websocket only', { status: 426 });
    const viewer = JSON.parse(decodeURIComponent(request.headers.get('x-live-viewer') ?? 'null')) as LiveViewer | null;
    if (!viewer || !this.cfg) return new Response('no room', { status: 404 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ ...viewer, role: null, hits: 0, windowStart: Date.now() } satisfies Attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const a = ws.deserializeAttachment() as Attachment;
    const now = Date.now();
    if (now - a.windowStart > FLOOD.windowMs) Object.assign(a, { hits: 0, windowStart: now });
    if (++a.hits > FLOOD.messages) return ws.close(1008, 'too many messages');
    let parsed: v.SafeParseResult<typeof LiveClientMessage>;
    try {
      parsed = v.safeParse(LiveClientMessage, JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)));
    } catch {
      return this.send(ws, { type: 'error', reason: 'bad_message' });
    }
    if (!parsed.success) return this.send(ws, { type: 'error', reason: 'bad_message' });
    const msg = parsed.output;
    if (msg.type === 'join') return this.join(ws, a, msg.role);
    ws.serializeAttachment(a);
    if (msg.type === 'answer') {
      if (a.role !== 'player' || !a.user) return this.send(ws, { type: 'error', reason: 'not_joined' });
      return this.send(ws, this.answer(a.user.id, msg.questionId, msg.answer, now));
    }
    if (a.role !== 'host') return this.send(ws, { type: 'error', reason: 'not_allowed' });
    await this.transition(msg.type);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'bye');
    } catch {
      /* already closed */
    }
  }

  private join(ws: WebSocket, a: Attachment, role: 'player' | 'host' | 'screen') {
    const cfg = this.cfg!;
    if (role === 'host' && (!a.canHost || cfg.kind === 'match')) return this.send(ws, { type: 'error', reason: 'not_allowed' });
    if (role === 'player') {
      if (!a.user) return this.send(ws, { type: 'error', reason: 'sign_in' });
      if (cfg.members && !cfg.members.includes(a.user.id)) return this.send(ws, { type: 'error', reason: 'not_allowed' });
      // the same person coming back (a reload, a dropped network) finds their score where it was
      if (!this.players.has(a.user.id)) {
        if (this.phase === 'ended') return this.send(ws, { type: 'error', reason: 'not_allowed' });
        if (this.players.size >= ROOM_CAPACITY) return this.send(ws, { type: 'error', reason: 'full' });
        const p: Player = {
          id: a.user.id,
          name: a.user.name,
          unitId: a.user.unitId,
          unitName: a.user.unitName,
          score: 0,
          correct: 0,
          answered: 0,
          msTotal: 0,
          joinedAt: Date.now(),
        };
        this.sql.exec(
          'INSERT OR IGNORE INTO players (id, name, unit_id, unit_name, joined_at) VALUES (?, ?, ?, ?, ?)',
          p.id,
          p.name,
          p.unitId,
          p.unitName,
          p.joinedAt,
        );
        this.players.set(p.id, p);
        this.scheduleBroadcast();
        if (cfg.kind === 'match' && this.phase === 'lobby' && cfg.members?.every((m) => this.players.has(m))) void this.transition('start');
      }
    }
    a.role = role;
    ws.serializeAttachment(a);
    this.send(ws, this.stateFor(a, this.ranked()));
  }

  private answer(userId: string, questionId: string, answer: unknown, now: number): LiveServerMessage {
    const q = this.cfg!.questions[this.index];
    if (this.phase !== 'question' || !q || q.id !== questionId)
      return { type: 'answered', accepted: false, reason: this.phase === 'question' ? 'not_asked' : 'late' };
    if (!answerInTime(this.deadline, now)) return { type: 'answered', accepted: false, reason: 'late' };
    if (!answerShapeOk(q, answer)) return { type: 'answered', accepted: false, reason: 'shape' };
    const correct = isCorrect(q, answer);
    const points = answerScore(correct, this.shownAt, this.deadline, now);
    const ms = Math.max(0, Math.min(now, this.deadline) - this.shownAt);
    const wrote = this.sql.exec(
      'INSERT OR IGNORE INTO answers (user_id, idx, answer, correct, points, ms) VALUES (?, ?, ?, ?, ?, ?)',
      userId,
      this.index,
      JSON.stringify(answer),
      correct ? 1 : 0,
      points,
      ms,
    ).rowsWritten;
    if (!wrote) return { type: 'answered', accepted: false, reason: 'again' };
    const p = this.players.get(userId)!;
    p.score += points;
    p.answered += 1;
    if (correct) {
      p.correct += 1;
      p.msTotal += ms;
    }
    this.sql.exec('UPDATE players SET score = ?, correct = ?, answered = ?, ms_total = ? WHERE id = ?', p.score, p.correct, p.answered, p.msTotal, p.id);
    this.answeredNow.set(userId, { correct, points });
    // everyone has answered: no one waits for the clock
    if (this.answeredNow.size >= this.players.size) void this.transition('reveal');
    else this.scheduleBroadcast();
    return { type: 'answered', accepted: true };
  }

  // ---- phases ---------------------------------------------------------------------------

  private async transition(cmd: HostCommand) {
    const cfg = this.cfg!;
    const to = applyCommand({ phase: this.phase, index: this.index, total: cfg.questions.length }, cmd);
    if (!to) return;
    const now = Date.now();
    this.phase = to.phase;
    if (to.phase === 'question') {
      this.index = to.index;
      this.shownAt = now;
      this.deadline = now + cfg.secondsPerQuestion * 1000;
      this.answeredNow.clear();
      await this.ctx.storage.setAlarm(this.deadline + 400);
    } else if (to.phase === 'reveal') {
      if (cfg.kind === 'match') await this.ctx.storage.setAlarm(now + MATCH_REVEAL_MS);
      else await this.ctx.storage.deleteAlarm();
    } else if (to.phase === 'ended') {
      await this.ctx.storage.deleteAlarm();
    }
    this.saveState();
    this.broadcast();
  }

  /** The clock: a question closes at its deadline; a match moves on by itself. */
  override async alarm(): Promise<void> {
    if (!this.cfg) return;
    const now = Date.now();
    if (this.phase === 'question' && now >= this.deadline) return this.transition('reveal');
    if (this.cfg.kind !== 'match') return;
    if (this.phase === 'lobby') return this.transition(this.players.size ? 'start' : 'end');
    if (this.phase === 'reveal') return this.transition('next');
  }

  // ---- what everyone sees ---------------------------------------------------------------

  private ranked() {
    return rankPlayers([...this.players.values()]);
  }

  /** A count changed: the watchers soon, the phones (lobby only) within a second. */
  private scheduleBroadcast() {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.broadcast('watchers');
    }, BROADCAST_MS);
    if (this.phase !== 'lobby') return;
    this.playerTimer ??= setTimeout(() => {
      this.playerTimer = null;
      if (this.phase === 'lobby') this.broadcast('players');
    }, PLAYER_COUNT_MS);
  }

  /** The common part of the state, for this phase. */
  private common(ranked: Array<Player & { rank: number }>): LiveState {
    const cfg = this.cfg!;
    const q = cfg.questions[this.index];
    const base: LiveState = {
      type: 'state',
      kind: cfg.kind,
      title: cfg.title,
      pin: cfg.pin ?? null,
      phase: this.phase,
      players: this.players.size,
      index: this.index,
      total: cfg.questions.length,
      now: new Date().toISOString(),
    };
    if (this.phase === 'lobby') return base;
    const showQuestion = this.phase === 'question' || this.phase === 'reveal';
    if (showQuestion && q) {
      base.question = { id: q.id, type: q.type, stem: q.stem, options: q.type === 'judge' || q.type === 'blank' ? [] : q.options };
      base.deadline = new Date(this.deadline).toISOString();
      base.answered = this.answeredNow.size;
    }
    if (this.phase === 'reveal' && q) {
      const rows = this.sql.exec<{ answer: string; correct: number }>('SELECT answer, correct FROM answers WHERE idx = ?', this.index).toArray();
      base.distribution = distributionOf(
        q.type,
        rows.map((r) => ({ answer: JSON.parse(r.answer) as unknown, correct: !!r.correct })),
      );
      base.correctAnswer = q.answer;
    }
    if (this.phase === 'reveal' || this.phase === 'ended') {
      // the 大屏 and the phones are public: names masked as on every public board (organizers' results have them whole)
      base.top = ranked.slice(0, 10).map((p) => ({ rank: p.rank, name: maskName(p.name), score: p.score, unit: p.unitName }));
      base.teams = rankTeams([...this.players.values()]).slice(0, 10);
    }
    return base;
  }

  private youOf(userId: string, ranked: Map<string, number>) {
    const p = this.players.get(userId);
    if (!p) return undefined;
    const asked = this.phase === 'reveal' || this.phase === 'question';
    const mine = asked ? this.answeredNow.get(userId) : undefined;
    // whether an answer was right (and what it scored) shows only at the reveal, so neighbours in the hall learn nothing early
    const hidden = this.phase === 'question' ? (mine?.points ?? 0) : 0;
    return {
      score: p.score - hidden,
      rank: ranked.get(userId) ?? 0,
      correct: this.phase === 'reveal' ? mine?.correct === true : null,
      answered: mine !== undefined,
    };
  }

  private stateFor(a: Attachment, ranked: Array<Player & { rank: number }>): LiveState {
    const s = this.common(ranked);
    s.role = a.role ?? undefined;
    if (a.role === 'player' && a.user) s.you = this.youOf(a.user.id, new Map(ranked.map((p) => [p.id, p.rank])));
    return s;
  }

  /** The state to everyone (or only the watchers, or only the phones): one JSON for hosts and screens, and each player's own `you` spliced on. */
  private broadcast(to: 'all' | 'watchers' | 'players' = 'all') {
    if (to !== 'players' && this.timer) clearTimeout(this.timer);
    if (to !== 'players') this.timer = null;
    if (to !== 'watchers' && this.playerTimer) clearTimeout(this.playerTimer);
    if (to !== 'watchers') this.playerTimer = null;
    if (!this.cfg) return;
    const ranked = this.ranked();
    const ranks = new Map(ranked.map((p) => [p.id, p.rank]));
    const common = this.common(ranked);
    const shared = JSON.stringify(common);
    const head = shared.slice(0, -1);
    for (const ws of this.ctx.getWebSockets()) {
      const a = ws.deserializeAttachment() as Attachment | null;
      if (!a?.role || (to === 'watchers' && a.role === 'player') || (to === 'players' && a.role !== 'player')) continue;
      try {
        if (a.role === 'player' && a.user) ws.send(`${head},"role":"player","you":${JSON.stringify(this.youOf(a.user.id, ranks) ?? null)}}`);
        else ws.send(`${head},"role":"${a.role}"}`);
      } catch {
        /* a socket closing as we send: it will get the state when it comes back */
      }
    }
  }

  private send(ws: WebSocket, m: LiveServerMessage) {
    try {
      ws.send(JSON.stringify(m));
    } catch {
      /* closed */
    }
  }
}
