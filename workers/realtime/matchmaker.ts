import { DurableObject } from 'cloudflare:workers';
import { MATCH_WAIT_MS, type MatchSize } from '../../shared/live-room';
import type { QuizRoom } from './quiz-room';
import type { RoomConfig } from './quiz-room-types';

export interface Ticket {
  id: string;
  status: 'waiting' | 'matched' | 'timeout';
  matchId: string | null;
  size: MatchSize;
  expiresAt: string;
}
type Row = { id: string; user_id: string; name: string; size: number; at: number; status: string; match_id: string | null };

/**
 * The queue of one quiz campaign's 双人对战 / 四人赛, single writer: a ticket waits until
 * enough others of the same size are waiting, then they are paired into one QuizRoom
 * (the questions the last of them brought). Tickets live in SQLite, so a restart keeps them.
 */
export class Matchmaker extends DurableObject<Env> {
  private sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
      at INTEGER NOT NULL, status TEXT NOT NULL, match_id TEXT)`);
  }

  /**
   * Queues a player (their waiting ticket of the same size if they have one). When this
   * completes a group, the match is created from `draft` and every ticket of it says `matched`.
   */
  async enqueue(
    user: { id: string; name: string },
    size: MatchSize,
    ticketId: string,
    draft: Omit<RoomConfig, 'members'>,
    now = Date.now(),
  ): Promise<Ticket & { created: boolean; members: string[] }> {
    this.expire(now);
    const mine = this.sql.exec<Row>("SELECT * FROM tickets WHERE user_id = ? AND size = ? AND status = 'waiting'", user.id, size).toArray()[0];
    if (!mine)
      this.sql.exec("INSERT INTO tickets (id, user_id, name, size, at, status) VALUES (?, ?, ?, ?, ?, 'waiting')", ticketId, user.id, user.name, size, now);
    const id = mine?.id ?? ticketId;
    const waiting = this.sql.exec<Row>("SELECT * FROM tickets WHERE size = ? AND status = 'waiting' ORDER BY at LIMIT ?", size, size).toArray();
    if (waiting.length < size || !waiting.some((w) => w.id === id)) return { ...this.ticket(id)!, created: false, members: [] };
    const members = waiting.map((w) => w.user_id);
    // claimed before the await: another enqueue arriving meanwhile must not pair the same tickets
    const mark = (status: string, matchId: string | null) =>
      this.ctx.storage.transactionSync(() => {
        for (const w of waiting) this.sql.exec('UPDATE tickets SET status = ?, match_id = ? WHERE id = ?', status, matchId, w.id);
      });
    mark('matched', draft.id);
    const room = this.env.QUIZ_ROOM as unknown as DurableObjectNamespace<QuizRoom>;
    try {
      await room.get(room.idFromName(draft.id)).init({ ...draft, members });
    } catch (e) {
      mark('waiting', null);
      throw e;
    }
    return { ...this.ticket(id)!, created: true, members };
  }

  /** A ticket as its owner polls it; after 30 s without partners it says `timeout`. */
  async poll(ticketId: string, userId: string, now = Date.now()): Promise<Ticket | null> {
    this.expire(now);
    const row = this.sql.exec<Row>('SELECT * FROM tickets WHERE id = ? AND user_id = ?', ticketId, userId).toArray()[0];
    return row ? this.present(row) : null;
  }

  /** The player gives up waiting. */
  async cancel(ticketId: string, userId: string): Promise<void> {
    this.sql.exec("DELETE FROM tickets WHERE id = ? AND user_id = ? AND status = 'waiting'", ticketId, userId);
  }

  private expire(now: number) {
    this.sql.exec("UPDATE tickets SET status = 'timeout' WHERE status = 'waiting' AND at < ?", now - MATCH_WAIT_MS);
    // old tickets are of no use to anyone after a day
    this.sql.exec('DELETE FROM tickets WHERE at < ?', now - 86_400_000);
  }

  private ticket(id: string): Ticket | null {
    const row = this.sql.exec<Row>('SELECT * FROM tickets WHERE id = ?', id).toArray()[0];
    return row ? this.present(row) : null;
  }

  private present(r: Row): Ticket {
    return {
      id: r.id,
      status: r.status as Ticket['status'],
      matchId: r.match_id,
      size: r.size as MatchSize,
      expiresAt: new Date(r.at + MATCH_WAIT_MS).toISOString(),
    };
  }
}
