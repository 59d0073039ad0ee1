import { describe, expect, it } from 'vitest';
import { leadRate, recordDateProblem } from '../../shared/volunteer';

describe('volunteer service records', () => {
  // 1–31 March in China time; "now" is 15 March, 00:30 China time (14 March in UTC)
  const campaign = { startsAt: '2026-02-28T16:00:00Z', endsAt: '2026-03-31T15:59:59Z' };
  const now = Date.parse('2026-03-14T16:30:00Z');

  it('takes days of the campaign up to today, in China time', () => {
    expect(recordDateProblem('2026-03-15', campaign, now)).toBeNull();
    expect(recordDateProblem('2026-03-01', campaign, now)).toBeNull();
    expect(recordDateProblem('2026-03-16', campaign, now)).toBe('future');
    expect(recordDateProblem('2026-02-28', campaign, now)).toBe('before_start');
  });

  it('refuses days after the campaign once it is over; a future day is refused as future first', () => {
    const later = Date.parse('2026-04-10T00:00:00Z');
    expect(recordDateProblem('2026-04-01', campaign, later)).toBe('after_end');
    expect(recordDateProblem('2026-03-31', campaign, later)).toBeNull();
    expect(recordDateProblem('2026-04-11', campaign, later)).toBe('future');
  });
});

describe('带动率', () => {
  it('is members with a pair over members, to four places, never above 1, 0 without members', () => {
    expect(leadRate(1, 3)).toBe(0.3333);
    expect(leadRate(2, 3)).toBe(0.6667);
    expect(leadRate(5, 4)).toBe(1);
    expect(leadRate(0, 0)).toBe(0);
    expect(leadRate(3, 0)).toBe(0);
  });
});
