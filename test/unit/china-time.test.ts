import { describe, expect, it } from 'vitest';
import { addDays, chinaClock, chinaDay, chinaMidnight, chinaTime, fromChinaInput, toChinaInput, weekday } from '../../shared/china-time';

describe('China time', () => {
  it('counts an instant on the China day, whatever UTC says', () => {
    expect(chinaDay('2026-03-01T15:59:59Z')).toBe('2026-03-01');
    expect(chinaDay('2026-03-01T16:00:00Z')).toBe('2026-03-02');
    expect(chinaTime('2026-03-01T16:05:00Z')).toBe('00:05');
    expect(chinaClock('2026-03-01T01:30:00Z')).toBe('2026-03-01 09:30');
  });

  it('finds midnights and moves by days across month and year ends', () => {
    expect(new Date(chinaMidnight('2026-03-01')).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-03-01')).toBe(7); // a Sunday
    expect(weekday('2026-03-02')).toBe(1);
  });

  it('reads and writes datetime-local values as China time', () => {
    expect(toChinaInput('2026-03-01T01:30:00Z')).toBe('2026-03-01T09:30');
    expect(fromChinaInput('2026-03-01T09:30')).toBe('2026-03-01T01:30:00.000Z');
    expect(fromChinaInput('2026-03-01 09:30')).toBeNull();
    expect(fromChinaInput('')).toBeNull();
  });
});
