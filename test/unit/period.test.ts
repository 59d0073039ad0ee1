import { describe, expect, it } from 'vitest';
import { isPartialPoint, periodChange, previousPeriod } from '../../shared/period';

describe('report periods', () => {
  it('compares with the previous period of equal length', () => {
    expect(previousPeriod('2026-11-04T16:00:00.000Z', '2026-12-04T16:00:00.000Z')).toEqual({ from: '2026-10-05T16:00:00.000Z', to: '2026-11-04T16:00:00.000Z' });
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
});
