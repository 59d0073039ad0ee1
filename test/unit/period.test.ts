import { describe, expect, it } from 'vitest';
import { boundInstant, isPartialPoint, periodChange, previousPeriod, previousRange } from '../../shared/period';

describe('report periods', () => {
  it('compares with the previous period of equal length', () => {
    expect(previousPeriod('2026-11-04T16:00:00.000Z', '2026-12-04T16:00:00.000Z')).toEqual({
      from: '2026-10-05T16:00:00.000Z',
      to: '2026-11-04T16:00:00.000Z',
    });
    expect(periodChange(120, 100)).toEqual({ delta: 20, ratio: 0.2 });
    expect(periodChange(80, 100)).toEqual({ delta: -20, ratio: -0.2 });
    // from nothing there is no ratio to speak of
    expect(periodChange(5, 0)).toEqual({ delta: 5, ratio: null });
  });

  it("marks today's (and this week's) point as still running", () => {
    expect(isPartialPoint('2026-12-03', 'day', '2026-12-03')).toBe(true);
    expect(isPartialPoint('2026-12-02', 'day', '2026-12-03')).toBe(false);
    expect(isPartialPoint('2026-11-30', 'week', '2026-12-03')).toBe(true);
    expect(isPartialPoint('2026-11-30', 'week', '2026-12-07')).toBe(false);
    expect(isPartialPoint('2026-11-23', 'week', '2026-12-03')).toBe(false);
  });

  it('reads a bare date as the whole China day and an instant as itself', () => {
    expect(boundInstant('2026-03-01', 'from')).toBe('2026-02-28T16:00:00.000Z');
    expect(boundInstant('2026-03-01', 'to')).toBe('2026-03-01T15:59:59.999Z');
    expect(boundInstant('2026-03-01T00:00:00+08:00', 'from')).toBe('2026-02-28T16:00:00.000Z');
    expect(boundInstant('2026-03-01T08:00:00Z', 'to')).toBe('2026-03-01T08:00:00.000Z');
  });

  it('takes the previous period of an inclusive range, ending just before it starts', () => {
    // 30 China days, 11-05 … 12-04 → 10-06 … 11-04
    expect(previousRange('2026-11-04T16:00:00.000Z', '2026-12-04T15:59:59.999Z')).toEqual({ from: '2026-10-05T16:00:00.000Z', to: '2026-11-04T15:59:59.999Z' });
    expect(previousRange(boundInstant('2024-03-01', 'from'), boundInstant('2024-03-01', 'to'))).toEqual({
      from: boundInstant('2024-02-29', 'from'),
      to: boundInstant('2024-02-29', 'to'),
    });
  });
});
