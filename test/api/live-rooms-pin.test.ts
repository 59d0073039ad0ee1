import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { PHONES, client, signedIn } from '../helpers';
import { PIN_LOOKUP_LIMIT } from '../../workers/api/routes/quiz/rooms.routes';

/*
 * GET /rooms/{pin} is public and a PIN is 6 digits: wrong PINs are limited per client
 * address, a hall of players behind one address looking up the right PIN is not.
 */

async function newRoom() {
  const org = await signedIn(PHONES.rootOrganizer);
  const r = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: '决赛现场', bankId: 'bank-demo', count: 2, secondsPerQuestion: 20 });
  expect(r.status).toBe(201);
  return r.body.room as { id: string; pin: string };
}

/** A PIN that names no open room (the room's own PIN shifted by one, wrapped within 6 digits). */
const wrongPin = (pin: string, k: number) => String((Number(pin) + 1 + k) % 1_000_000).padStart(6, '0');

describe('room PIN lookups are limited per address', () => {
  it('lets a hall behind one address look up the right PIN far past the limit', async () => {
    const room = await newRoom();
    const hall = client({ ip: '10.170.0.1' });
    for (let i = 0; i < PIN_LOOKUP_LIMIT.perAddress + 20; i++) {
      const r = await hall.get(`/api/v1/rooms/${room.pin}`);
      expect(r.status).toBe(200);
    }
    // a few typos among them change nothing either
    expect((await hall.get(`/api/v1/rooms/${wrongPin(room.pin, 0)}`)).status).toBe(404);
    expect((await hall.get(`/api/v1/rooms/${room.pin}/qr.svg`)).status).toBe(200);
  });

  it('answers 429 with Retry-After once an address guessed too many wrong PINs, in parallel as in sequence, and not for others', {
    timeout: 40_000,
  }, async () => {
    const room = await newRoom();
    const guesser = client({ ip: '10.170.0.2', lang: 'en' });
    // the window is fixed: start the burst well inside one, so a new window can't reset it midway
    const left = PIN_LOOKUP_LIMIT.windowMs - (Date.now() % PIN_LOOKUP_LIMIT.windowMs);
    if (left < 15_000) await new Promise((r) => setTimeout(r, left + 50));
    const burst = await Promise.all(Array.from({ length: PIN_LOOKUP_LIMIT.perAddress + 15 }, (_, k) => guesser.get(`/api/v1/rooms/${wrongPin(room.pin, k)}`)));
    const statuses = burst.map((r) => r.status);
    // every request held its hit while it looked: no more than the limit were looked up
    expect(statuses.filter((s) => s === 404)).toHaveLength(PIN_LOOKUP_LIMIT.perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const over = await guesser.get(`/api/v1/rooms/${room.pin}`);
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ code: 'rate_limited', reason: 'room_pin_rate', message: 'Too many wrong room PINs; please try again later.' });
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(PIN_LOOKUP_LIMIT.windowMs / 1000);
    // the QR is the same oracle, and says the same
    expect((await guesser.get(`/api/v1/rooms/${room.pin}/qr.svg`)).status).toBe(429);
    const zh = await client({ ip: '10.170.0.2' }).get(`/api/v1/rooms/${room.pin}`);
    expect(zh.body.error.message).toBe('房间号输错次数过多，请稍后再试。');
    // another address is not held back, and the room is untouched
    const other = await client({ ip: '10.170.0.3' }).get(`/api/v1/rooms/${room.pin}`);
    expect(other.status).toBe(200);
    expect(other.body.room).toMatchObject({ id: room.id, phase: 'lobby', players: 0 });
    const row = await env.DB.prepare('SELECT status FROM quiz_rooms WHERE id = ?').bind(room.id).first<{ status: string }>();
    expect(row?.status).toBe('open');
  });
});
