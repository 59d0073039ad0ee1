import type { InferOutput } from 'valibot';
import type { MatchResult, MatchTicket, RoomPublic } from '@shared/contracts/rooms';
import { call } from '@ui/api';

/* Live rooms (现场竞赛) and matches (双人对战 / 四人赛): the portal's HTTP side (API.md, Live quiz rooms). */

export type RoomInfo = InferOutput<typeof RoomPublic>['room'];
export type Ticket = InferOutput<typeof MatchTicket>['ticket'];
export type MatchOutcome = InferOutput<typeof MatchResult>;

const enc = encodeURIComponent;

export const roomByPin = async (pin: string) => (await call('GET /rooms/{pin}', { pin })).room;
export const roomLivePath = (id: string) => `/rooms/${enc(id)}/live`;
export const matchLivePath = (id: string) => `/matches/${enc(id)}/live`;
export const queueMatch = async (campaign: string, size: 2 | 4) => (await call('POST /campaigns/{id}/matches', { id: campaign }, { body: { size } })).ticket;
export const pollTicket = async (campaign: string, ticket: string) => (await call('GET /campaigns/{id}/matches/{ticket}', { id: campaign, ticket })).ticket;
export const matchOutcome = (id: string) => call('GET /matches/{id}', { id });

/** An answer as the screen shows it: letters, 正确/错误, or the text. */
export function answerLabel(a: unknown, yes: string, no: string): string {
  if (a === true) return yes;
  if (a === false) return no;
  if (Array.isArray(a)) return a.join('、');
  return String(a ?? '');
}
