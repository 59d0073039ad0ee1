import type { InferOutput } from 'valibot';
import type { RoomCreated, RoomList, RoomResults } from '@shared/contracts/rooms';
import { API_BASE, call } from '@ui/api';

/* The organizers' live rooms (现场竞赛): create, list, host commands, results (API.md, Live quiz rooms). */

export type RoomItem = InferOutput<typeof RoomList>['items'][number];
export type Created = InferOutput<typeof RoomCreated>['room'];
export type Results = InferOutput<typeof RoomResults>;
export type Command = 'start' | 'next' | 'reveal' | 'end';

const enc = encodeURIComponent;

export const listRooms = async (campaignId: string) => (await call('GET /campaigns/{id}/rooms', { id: campaignId })).items;
export const createRoom = async (campaignId: string, body: { title: string; bankId: string; count: number; secondsPerQuestion: number }) =>
  (await call('POST /campaigns/{id}/rooms', { id: campaignId }, { body })).room;
export const hostCommand = (roomId: string, command: Command) => call('POST /rooms/{id}/host', { id: roomId }, { body: { command } });
export const roomResults = (roomId: string) => call('GET /rooms/{id}/results', { id: roomId });
export const resultsHref = (roomId: string, format: 'xlsx' | 'csv') => `${API_BASE}/rooms/${enc(roomId)}/results?format=${format}`;
export const roomLivePath = (roomId: string) => `/rooms/${enc(roomId)}/live`;
export const qrSrc = (pin: string) => `${API_BASE}/rooms/${enc(pin)}/qr.svg`;
export const joinUrlOf = (pin: string) => `${location.origin}/live/${pin}`;

/** An answer as the screens show it. */
export function answerText(a: unknown, yes: string, no: string): string {
  if (a === true) return yes;
  if (a === false) return no;
  if (Array.isArray(a)) return a.join('、');
  return String(a ?? '');
}
