import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  LATE_AFTER_MS,
  audienceMatches,
  checkInStatus,
  chinaYear,
  chinaYearRange,
  creditedHours,
  defaultHours,
  hoursToQuantity,
  inCheckInWindow,
  isHalfStep,
  quantityToHours,
  share,
  studyTimeLeft,
} from '../../shared/training';
import { SessionBody, TrainingSettings } from '../../shared/contracts/training';
import { settingsOf } from '../../shared/contracts/campaigns';

const T0 = Date.parse('2026-03-01T01:00:00Z'); // 09:00 in China
const span = (minutes: number) => ({ startsAt: new Date(T0).toISOString(), endsAt: new Date(T0 + minutes * 60e3).toISOString() });

describe('training: session hours', () => {
  it('default to the duration, down to the half hour, between 0.5 and 12', () => {
    expect(defaultHours(span(180))).toBe(3);
    expect(defaultHours(span(100))).toBe(1.5);
    expect(defaultHours(span(89))).toBe(1);
    expect(defaultHours(span(20))).toBe(0.5);
    expect(defaultHours(span(16 * 60))).toBe(12);
    expect(defaultHours(span(-30))).toBe(0.5);
  });

  it('go in steps of 0.5 (the contract refuses others)', () => {
    expect([0.5, 1, 2.5, 12].every(isHalfStep)).toBe(true);
    expect([0.3, 1.25, Number.NaN, Number.POSITIVE_INFINITY].some(isHalfStep)).toBe(false);
    const body = (hours: number) => v.safeParse(SessionBody, { title: '党课', ...span(60), hours }).success;
    expect(body(1.5)).toBe(true);
    expect(body(1.2)).toBe(false);
    expect(body(0)).toBe(false);
    expect(body(12.5)).toBe(false);
  });

  it('are credited for present and late (送学上门 is present with mode delivered), not for excused or absent; events count minutes', () => {
    expect(creditedHours('present', 3)).toBe(3);
    expect(creditedHours('late', 3)).toBe(3);
    expect(creditedHours('excused', 3)).toBe(0);
    expect(creditedHours('absent', 3)).toBe(0);
    expect(hoursToQuantity(1.5)).toBe(90);
    expect(quantityToHours(90)).toBe(1.5);
  });
});

describe('training: check-in', () => {
  it('is late from 10 minutes after the start', () => {
    const s = span(120);
    expect(checkInStatus(s, T0 - 20 * 60e3)).toBe('present');
    expect(checkInStatus(s, T0 + LATE_AFTER_MS - 1)).toBe('present');
    expect(checkInStatus(s, T0 + LATE_AFTER_MS)).toBe('late');
  });

  it('opens 30 minutes before the start and closes at the end', () => {
    const s = span(120);
    expect(inCheckInWindow(s, T0 - 30 * 60e3 - 1)).toBe(false);
    expect(inCheckInWindow(s, T0 - 30 * 60e3)).toBe(true);
    expect(inCheckInWindow(s, T0 + 120 * 60e3)).toBe(true);
    expect(inCheckInWindow(s, T0 + 120 * 60e3 + 1)).toBe(false);
  });
});

describe('training: audience', () => {
  const full = { category: 'full' as const, posts: [] };
  const secretary = { category: 'full' as const, posts: ['secretary' as const, 'publicity' as const] };
  const activist = { category: 'activist' as const, posts: [] };
  it('empty lists let anyone in', () => {
    expect(audienceMatches({}, activist)).toBe(true);
    expect(audienceMatches({ categories: [], posts: [] }, full)).toBe(true);
  });
  it('categories narrow by 人员类别, posts by holding at least one of the 党内职务', () => {
    expect(audienceMatches({ categories: ['activist', 'candidate'] }, activist)).toBe(true);
    expect(audienceMatches({ categories: ['activist', 'candidate'] }, full)).toBe(false);
    expect(audienceMatches({ posts: ['secretary', 'deputy_secretary'] }, secretary)).toBe(true);
    expect(audienceMatches({ posts: ['secretary'] }, full)).toBe(false);
    expect(audienceMatches({ categories: ['full'], posts: ['organization'] }, secretary)).toBe(false);
  });
});

describe('training: online study and figures', () => {
  it('a study may finish only once its minutes have passed', () => {
    const started = new Date(T0).toISOString();
    expect(studyTimeLeft(started, 20, T0 + 5 * 60e3)).toBe(15 * 60e3);
    expect(studyTimeLeft(started, 20, T0 + 20 * 60e3)).toBe(0);
    expect(studyTimeLeft(started, 20, T0 + 60 * 60e3)).toBe(0);
  });
  it('shares are fractions, 0 over nothing', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(1, 0)).toBe(0);
    expect(share(5, 4)).toBe(1);
  });
  it('years are China calendar years', () => {
    expect(chinaYear(Date.parse('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(chinaYearRange(2026)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });
  it('settings default to 集中轮训, 32 hours, organizer enrolment', () => {
    expect(settingsOf('training', {})).toEqual({ category: 'rotation', audience: {}, selfEnroll: false, hoursTarget: 32, leaderboard: { hidden: false } });
    expect(v.safeParse(TrainingSettings, { category: 'picnic' }).success).toBe(false);
    expect(v.safeParse(TrainingSettings, { audience: { categories: ['full'], posts: ['mayor'] } }).success).toBe(false);
  });
});
