import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { tiebreakSql } from '../../db/queries/quiz';
import { secondsToNextDay } from '../../shared/china-time';
import {
  answerPoints,
  answerTime,
  attemptLimitReached,
  attemptsLeftToday,
  endsAttempt,
  attemptState,
  canResume,
  GRACE_MS,
  isLate,
  openStage,
  stageOpenAt,
  tiebreakSeconds,
} from '../../shared/quiz-play';

const caps = { pointsPerCorrect: 2, pointsForFinish: 3, dailyPointsCap: 10 };

describe('quiz points and the daily cap', () => {
  it('pays a right answer, nothing for a wrong one, and the finish bonus only on the last answer', () => {
    expect(answerPoints(caps, 0, true, false)).toEqual({ points: 2, finishPoints: 0 });
    expect(answerPoints(caps, 0, false, false)).toEqual({ points: 0, finishPoints: 0 });
    expect(answerPoints(caps, 0, true, true)).toEqual({ points: 2, finishPoints: 3 });
    // finishing on a wrong answer (a challenge's end) still earns the finish points
    expect(answerPoints(caps, 0, false, true)).toEqual({ points: 0, finishPoints: 3 });
  });

  it('pays only what is left of the day’s cap, the answer before the finish bonus, never below zero', () => {
    expect(answerPoints(caps, 9, true, true)).toEqual({ points: 1, finishPoints: 0 });
    expect(answerPoints(caps, 7, true, true)).toEqual({ points: 2, finishPoints: 1 });
    expect(answerPoints(caps, 10, true, true)).toEqual({ points: 0, finishPoints: 0 });
    // a cap lowered below what was already earned today pays nothing (not a negative amount)
    expect(answerPoints(caps, 14, true, true)).toEqual({ points: 0, finishPoints: 0 });
  });

  it('refuses a new attempt at the daily limit first, then at the total limit; none when the total is open', () => {
    const s = { attemptsPerDay: 2, attemptsTotal: 5 };
    expect(attemptLimitReached({ today: 1, total: 4 }, s)).toBeNull();
    expect(attemptLimitReached({ today: 2, total: 2 }, s)).toBe('daily');
    expect(attemptLimitReached({ today: 2, total: 5 }, s)).toBe('daily');
    expect(attemptLimitReached({ today: 0, total: 5 }, s)).toBe('total');
    expect(attemptLimitReached({ today: 1, total: 500 }, { attemptsPerDay: 2, attemptsTotal: null })).toBeNull();
    expect(attemptsLeftToday({ today: 1 }, s)).toBe(1);
    expect(attemptsLeftToday({ today: 3 }, s)).toBe(0);
  });

  it('gives the attempts back at China midnight (16:00 UTC)', () => {
    expect(secondsToNextDay(Date.parse('2026-03-01T15:59:00Z'))).toBe(60);
    // 00:30 China time: a whole day but half an hour to wait
    expect(secondsToNextDay(Date.parse('2026-03-01T16:30:00Z'))).toBe(23.5 * 3600);
    expect(secondsToNextDay(Date.parse('2026-03-01T16:00:00Z'))).toBe(24 * 3600);
  });
});

describe('deadlines, ends and abandoned attempts', () => {
  it('forgives the grace after the deadline, not a millisecond more', () => {
    expect(isLate(1000, 1000 + GRACE_MS)).toBe(false);
    expect(isLate(1000, 1001 + GRACE_MS)).toBe(true);
    expect(GRACE_MS).toBe(2000);
  });

  it('counts the time an answer took from when it was shown, within what the question allows', () => {
    expect(answerTime(1000, 4500, 20)).toBe(3500);
    expect(answerTime(1000, 60_000, 20)).toBe(20_000);
    // a clock that went backwards never makes negative time
    expect(answerTime(5000, 4000, 20)).toBe(0);
  });

  it('ends on the last question, and a challenge on its first wrong answer', () => {
    expect(endsAttempt(4, 5, 'round', true)).toBe(true);
    expect(endsAttempt(3, 5, 'round', false)).toBe(false);
    expect(endsAttempt(3, 5, 'daily', false)).toBe(false);
    expect(endsAttempt(3, 5, 'challenge', true)).toBe(false);
    expect(endsAttempt(3, 5, 'challenge', false)).toBe(true);
  });

  it('settles an interrupted attempt: the clock of a served question runs on, a waiting one starts fresh, a run-out one counts as timed out, a day later it is over', () => {
    const today = '2026-12-03';
    const served = { served: true, deadline: 100_000, day: today };
    expect(attemptState(served, 100_000 + GRACE_MS, today)).toBe('open');
    // the question was shown and its time ran out while the player was away: no second look
    expect(attemptState(served, 100_001 + GRACE_MS, today)).toBe('timed_out');
    // reading the feedback costs no time, however long: the next clock starts on /next
    const waiting = { served: false, deadline: 100_000, day: today };
    expect(attemptState(waiting, 10_000_000, today)).toBe('waiting');
    expect(canResume(waiting, 10_000_000, today)).toBe(true);
    expect(canResume(served, 10_000_000, today)).toBe(true);
    // the next China day it is over, waiting or run out alike
    expect(attemptState(waiting, 10_000_000, '2026-12-04')).toBe('expired');
    expect(attemptState(served, 100_001 + GRACE_MS, '2026-12-04')).toBe('expired');
    expect(canResume(waiting, 10_000_000, '2026-12-04')).toBe(false);
    // a question on its clock across midnight may still be answered
    expect(attemptState(served, 100_000, '2026-12-04')).toBe('open');
  });

  it('ranks ties by seconds to a tenth, and the SQL of a review works them out the same way', async () => {
    expect(tiebreakSeconds(12_345)).toBe(12.3);
    expect(tiebreakSeconds(12_350)).toBe(12.4);
    expect(tiebreakSeconds(0)).toBe(0);
    const db = createDb(env.DB);
    for (const ms of [0, 49, 50, 99, 150, 12_345, 12_350, 12_399, 59_950, 123_456_789]) {
      const [row] = await db.select({ t: tiebreakSql(sql`${ms}`) }).from(sql`(SELECT 1)`);
      expect(row!.t, `${ms} ms`).toBe(tiebreakSeconds(ms));
    }
  });
});

describe('which stage is open', () => {
  const stages = [
    { id: 's1', startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-02T00:00:00Z' },
    { id: 's2', startsAt: '2026-03-02T00:00:00Z', endsAt: '2026-03-03T00:00:00Z' },
  ];
  it('from its start (included) to its end (excluded)', () => {
    expect(stageOpenAt(stages[0]!, Date.parse('2026-03-01T00:00:00Z'))).toBe(true);
    expect(stageOpenAt(stages[0]!, Date.parse('2026-03-01T23:59:59Z'))).toBe(true);
    expect(stageOpenAt(stages[0]!, Date.parse('2026-03-02T00:00:00Z'))).toBe(false);
    expect(stageOpenAt(stages[0]!, Date.parse('2026-02-28T23:59:59Z'))).toBe(false);
  });
  it('hands over at the boundary, and none is open before, between or after', () => {
    expect(openStage(stages, Date.parse('2026-03-01T12:00:00Z'))?.id).toBe('s1');
    expect(openStage(stages, Date.parse('2026-03-02T00:00:00Z'))?.id).toBe('s2');
    expect(openStage(stages, Date.parse('2026-03-03T00:00:00Z'))).toBeNull();
    expect(openStage(stages, Date.parse('2026-02-01T00:00:00Z'))).toBeNull();
    expect(openStage([], Date.now())).toBeNull();
  });
});
