import type { AnswerKey } from '../../shared/quiz';
import type { LiveQuestion, RoomPhase } from '../../shared/live-room';

/** The types of a live room's Durable Object (quiz-room.ts): what the Worker hands it, what its sockets carry, what it hands back. */

/** A question as the room holds it: with its answer, which never leaves the object before the reveal. */
export type RoomQuestion = LiveQuestion & { answer: AnswerKey };

/** What the Worker hands a new room: everything it needs to play without D1. */
export interface RoomConfig {
  id: string;
  kind: 'room' | 'match';
  campaignId: string;
  title: string;
  secondsPerQuestion: number;
  questions: RoomQuestion[];
  /** matches: who was paired (only they may play) */
  members?: string[];
  /** rooms: the PIN players join with (shown on the 大屏) */
  pin?: string | null;
}

/** Who is on a socket, as the Worker established it before forwarding the upgrade. */
export interface LiveViewer {
  user: { id: string; name: string; unitId: string | null; unitName: string | null } | null;
  /** organizer of the room's campaign (may host) */
  canHost: boolean;
}

export interface Attachment extends LiveViewer {
  role: 'player' | 'host' | 'screen' | null;
  hits: number;
  windowStart: number;
}
export interface Player {
  id: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  score: number;
  correct: number;
  answered: number;
  msTotal: number;
  joinedAt: number;
}

export interface RoomResults {
  phase: RoomPhase;
  kind: 'room' | 'match';
  campaignId: string;
  players: Array<Player & { rank: number }>;
  questions: Array<{ id: string; answered: number; correct: number }>;
}
