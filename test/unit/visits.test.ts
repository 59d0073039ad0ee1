import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createDb } from '../../db/client';
import { noShowsSince } from '../../db/queries/exhibition';
import { checkInOpen, CHECK_IN_EARLY_MS, noShowBlock, noShowWindowStart } from '../../shared/visits';
import { campaignDays, schedule, scheduleProblem, scheduleSize, spanDays, SCHEDULE_MAX_SLOTS } from '../../shared/schedule';

const DAY = 86400e3;

describe('check-in window', () => {
  const slot = { startsAt: '2026-03-01T02:00:00Z', endsAt: '2026-03-01T03:00:00Z' };
  it('opens half an hour before the slot and closes at its end, both included', () => {
    expect(CHECK_IN_EARLY_MS).toBe(30 * 60e3);
    expect(checkInOpen(slot, Date.parse('2026-03-01T01:30:00Z'))).toBe(true);
    expect(checkInOpen(slot, Date.parse('2026-03-01T01:29:59Z'))).toBe(false);
    expect(checkInOpen(slot, Date.parse('2026-03-01T03:00:00Z'))).toBe(true);
    expect(checkInOpen(slot, Date.parse('2026-03-01T03:00:01Z'))).toBe(false);
  });
});

describe('no-show policy', () => {
  const s = { noShowLimit: 2, noShowWindowDays: 30, noShowBlockDays: 7 };
  const now = Date.parse('2026-03-31T00:00:00Z');
  const daysAgo = (d: number) => new Date(now - d * DAY).toISOString();

  it('blocks at the limit within the window, for the block days from the latest no-show', () => {
    expect(noShowBlock([daysAgo(1)], s, now)).toBeNull();
    expect(noShowBlock([daysAgo(1), daysAgo(3)], s, now)).toEqual({ n: 2, until: now - DAY + 7 * DAY });
    // the order the misses come in does not matter: the latest one counts
    expect(noShowBlock([daysAgo(3), daysAgo(1), daysAgo(2)], s, now)).toEqual({ n: 3, until: now - DAY + 7 * DAY });
  });

  it('lets people book again once the block is over, and never blocks with 0 block days', () => {
    expect(noShowBlock([daysAgo(7), daysAgo(8)], s, now)).toBeNull();
    expect(noShowBlock([daysAgo(6), daysAgo(8)], s, now)).toEqual({ n: 2, until: now + DAY });
    expect(noShowBlock([daysAgo(1), daysAgo(2)], { ...s, noShowBlockDays: 0 }, now)).toBeNull();
  });

  it('reads the same window from D1 as it counts: the query and the rule agree at its edge', async () => {
    // slots that ended 1, 29, 30 (exactly the window's start) and 31 days ago, each missed
    const ago = [1, 29, 30, 31];
    const stmts = ago.flatMap((d, i) => [
      env.DB.prepare(
        "INSERT INTO exhibition_slots (id, campaign_id, starts_at, ends_at, capacity, booked, closed, created_at) VALUES (?, 'ex-visits', ?, ?, 5, 1, 0, ?)",
      ).bind(`vs-${i}`, new Date(Date.parse(daysAgo(d)) - 3600e3).toISOString(), daysAgo(d), daysAgo(40)),
      env.DB.prepare(
        "INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, status, created_at) VALUES (?, ?, 'ex-visits', ?, 'u-visits', '张三明', '13912345678', 1, ?, 0, 'no_show', ?)",
      ).bind(`vb-${i}`, `VISITS${i}`, `vs-${i}`, daysAgo(d).slice(0, 10), daysAgo(40)),
    ]);
    await env.DB.batch(stmts);
    const read = await noShowsSince(createDb(env.DB), 'ex-visits', 'u-visits', noShowWindowStart(s, now));
    const all = ago.map(daysAgo);
    expect(read.map((r) => r.at).sort()).toEqual(all.filter((at) => at >= noShowWindowStart(s, now)).sort());
    // what the query returns and the whole history give the same decision
    for (const limit of [1, 2, 3, 4]) {
      const policy = { ...s, noShowLimit: limit };
      expect(
        noShowBlock(
          read.map((r) => r.at),
          policy,
          now,
        ),
        `limit ${limit}`,
      ).toEqual(noShowBlock(all, policy, now));
    }
    expect(
      noShowBlock(
        read.map((r) => r.at),
        { ...s, noShowLimit: 3 },
        now,
      ),
    ).toEqual({ n: 3, until: now - DAY + 7 * DAY });
  });

  it('counts only no-shows inside the window, its first instant included', () => {
    expect(noShowWindowStart(s, now)).toBe(daysAgo(30));
    expect(noShowBlock([daysAgo(1), daysAgo(31)], s, now)).toBeNull();
    expect(noShowBlock([daysAgo(1), daysAgo(30)], s, now)).toEqual({ n: 2, until: now - DAY + 7 * DAY });
  });
});

describe('slot schedules', () => {
  const campaign = { startsAt: '2026-02-28T16:00:00Z', endsAt: '2026-03-31T15:59:59Z' }; // 1–31 March, China time
  const spec = {
    from: '2026-03-02',
    to: '2026-03-08',
    weekdays: [1, 3, 5],
    times: [
      { start: '09:00', end: '10:00' },
      { start: '14:00', end: '13:00' },
    ],
    capacity: 20,
  };

  it('builds days × usable times in China time, and counts them without building them', () => {
    const slots = schedule(spec);
    // 2 March 2026 is a Monday: Mon, Wed, Fri; the 14:00–13:00 time makes no slot
    expect(slots.map((x) => x.startsAt)).toEqual(['2026-03-02T01:00:00.000Z', '2026-03-04T01:00:00.000Z', '2026-03-06T01:00:00.000Z']);
    expect(slots[0]).toEqual({ startsAt: '2026-03-02T01:00:00.000Z', endsAt: '2026-03-02T02:00:00.000Z', capacity: 20 });
    expect(scheduleSize(spec)).toBe(3);
    const long = { ...spec, from: '2026-03-01', to: '2026-12-31', weekdays: [2, 7] };
    expect(scheduleSize(long)).toBe(schedule(long).length);
    expect(spanDays({ from: '2026-03-02', to: '2026-03-01' })).toBe(0);
  });

  it('names what is wrong with a schedule before building it', () => {
    expect(campaignDays(campaign)).toEqual({ first: '2026-03-01', last: '2026-03-31' });
    expect(scheduleProblem(spec, campaign)).toBeNull();
    expect(scheduleProblem({ ...spec, to: '2026-03-01' }, campaign)).toBe('ends_before_starts');
    expect(scheduleProblem({ ...spec, from: '2026-03-01', to: '2028-03-31' }, campaign)).toBe('schedule_too_long');
    expect(scheduleProblem({ ...spec, from: '2026-02-28' }, campaign)).toBe('schedule_outside_campaign');
    expect(scheduleProblem({ ...spec, to: '2026-04-01' }, campaign)).toBe('schedule_outside_campaign');
    const times = Array.from({ length: 20 }, (_, i) => ({ start: `${String(i + 2).padStart(2, '0')}:00`, end: `${String(i + 2).padStart(2, '0')}:30` }));
    const busy = { ...spec, from: '2026-03-01', to: '2026-03-31', weekdays: [1, 2, 3, 4, 5, 6, 7], times };
    expect(scheduleSize(busy)).toBeGreaterThan(SCHEDULE_MAX_SLOTS);
    expect(scheduleProblem(busy, campaign)).toBe('too_many_slots');
  });
});
