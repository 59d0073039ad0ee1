import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  answerInTime,
  answerScore,
  applyCommand,
  cappedMatchPoints,
  clockOffset,
  distributionOf,
  LIVE_GRACE_MS,
  LiveClientMessage,
  MATCH_DAILY_CAP,
  matchPoints,
  pinOf,
  rankPlayers,
  rankTeams,
  secondsLeft,
} from '../../shared/live-room';

describe('live room rules', () => {
  it('scores a right answer 500 + 500 × the share of time left, rounded; a wrong one 0', () => {
    expect(answerScore(true, 0, 20_000, 0)).toBe(1000);
    expect(answerScore(true, 0, 20_000, 10_000)).toBe(750);
    expect(answerScore(true, 0, 20_000, 15_001)).toBe(625);
    expect(answerScore(true, 0, 20_000, 20_000)).toBe(500);
    // within the grace after the deadline: no time bonus, never below 500
    expect(answerScore(true, 0, 20_000, 20_300)).toBe(500);
    expect(answerScore(false, 0, 20_000, 1)).toBe(0);
  });

  it('takes answers until the deadline and a short network grace', () => {
    expect(answerInTime(1000, 1000 + LIVE_GRACE_MS)).toBe(true);
    expect(answerInTime(1000, 1001 + LIVE_GRACE_MS)).toBe(false);
  });

  it('moves phases by host commands and ignores the ones that make no sense', () => {
    const s = (phase: 'lobby' | 'question' | 'reveal' | 'ended', index = 0) => ({ phase, index, total: 2 });
    expect(applyCommand(s('lobby'), 'start')).toEqual({ phase: 'question', index: 0 });
    expect(applyCommand(s('lobby'), 'next')).toBeNull();
    expect(applyCommand(s('question'), 'start')).toBeNull();
    expect(applyCommand(s('question'), 'reveal')).toEqual({ phase: 'reveal', index: 0 });
    expect(applyCommand(s('question'), 'next')).toEqual({ phase: 'reveal', index: 0 });
    expect(applyCommand(s('reveal', 0), 'next')).toEqual({ phase: 'question', index: 1 });
    expect(applyCommand(s('reveal', 1), 'next')).toEqual({ phase: 'ended', index: 1 });
    expect(applyCommand(s('reveal', 1), 'end')).toEqual({ phase: 'ended', index: 1 });
    expect(applyCommand(s('ended', 1), 'end')).toBeNull();
    expect(applyCommand({ phase: 'lobby', index: 0, total: 0 }, 'start')).toBeNull();
  });

  it('ranks by score, then less time, then who joined first; equal score and time share a rank', () => {
    const r = rankPlayers([
      { id: 'a', score: 900, msTotal: 4000, joinedAt: 1 },
      { id: 'b', score: 1500, msTotal: 9000, joinedAt: 2 },
      { id: 'c', score: 900, msTotal: 3000, joinedAt: 3 },
      { id: 'd', score: 900, msTotal: 3000, joinedAt: 4 },
    ]);
    expect(r.map((p) => [p.id, p.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('ranks units as teams by their average, and leaves out players without a unit', () => {
    const t = rankTeams([
      { unitName: '第一党支部', score: 1000 },
      { unitName: '第一党支部', score: 0 },
      { unitName: '第二党支部', score: 600 },
      { unitName: null, score: 5000 },
    ]);
    expect(t).toEqual([
      { rank: 1, name: '第二党支部', score: 600, players: 1 },
      { rank: 2, name: '第一党支部', score: 500, players: 2 },
    ]);
  });

  it('gives match points as 学习强国 counts them, within the daily cap', () => {
    expect([1, 2].map((r) => matchPoints(2, r, 5))).toEqual([2, 1]);
    expect([1, 2, 3, 4].map((r) => matchPoints(4, r, 5))).toEqual([3, 2, 2, 1]);
    expect(matchPoints(4, 1, 0)).toBe(0);
    expect(cappedMatchPoints(2, 2, 0)).toBe(2);
    expect(cappedMatchPoints(2, 2, 1)).toBe(1);
    expect(cappedMatchPoints(2, 2, MATCH_DAILY_CAP[2])).toBe(0);
    expect(cappedMatchPoints(4, 3, 4)).toBe(1);
  });

  it('counts the distribution by option, and right/wrong for blanks', () => {
    expect(
      distributionOf('single', [
        { answer: 'A', correct: true },
        { answer: 'B', correct: false },
        { answer: 'A', correct: true },
      ]),
    ).toEqual({ A: 2, B: 1 });
    expect(distributionOf('multiple', [{ answer: ['A', 'C'], correct: true }])).toEqual({ A: 1, C: 1 });
    expect(distributionOf('judge', [{ answer: true, correct: true }])).toEqual({ true: 1 });
    expect(distributionOf('blank', [{ answer: 'x', correct: false }])).toEqual({ wrong: 1 });
  });

  it('makes six-digit PINs and counts down to deadlines with the server clock', () => {
    for (const n of [0, 1, 899_999, 900_000, 2 ** 32 - 1]) expect(pinOf(n)).toMatch(/^[1-9]\d{5}$/);
    const offset = clockOffset('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:05.000Z'));
    expect(offset).toBe(5000);
    expect(secondsLeft('2026-01-01T00:00:20.000Z', Date.parse('2026-01-01T00:00:10.500Z'))).toBe(10);
    expect(secondsLeft('2026-01-01T00:00:20.000Z', Date.parse('2026-01-01T00:00:30Z'))).toBe(0);
  });

  it('parses client messages strictly', () => {
    expect(v.safeParse(LiveClientMessage, { type: 'join', role: 'player' }).success).toBe(true);
    expect(v.safeParse(LiveClientMessage, { type: 'join', role: 'admin' }).success).toBe(false);
    expect(v.safeParse(LiveClientMessage, { type: 'answer', questionId: 'q', answer: ['A', 'B'] }).success).toBe(true);
    expect(v.safeParse(LiveClientMessage, { type: 'answer', questionId: 'q', answer: { a: 1 } }).success).toBe(false);
    expect(v.safeParse(LiveClientMessage, { type: 'start', extra: 1 }).success).toBe(false);
  });
});
