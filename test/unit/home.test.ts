import { describe, expect, it } from 'vitest';
import { orderHomeItems, streakDays } from '../../shared/home';

describe('the home page rules', () => {
  it('counts a streak of consecutive China days back from today, or from yesterday while today is still empty', () => {
    const today = '2026-12-03';
    expect(streakDays([], today)).toEqual({ days: 0, activeToday: false });
    expect(streakDays(['2026-12-03', '2026-12-02', '2026-12-01', '2026-11-29'], today)).toEqual({ days: 3, activeToday: true });
    // nothing yet today: yesterday's run still stands (a streak is lost only after a whole empty day)
    expect(streakDays(['2026-12-02', '2026-12-01'], today)).toEqual({ days: 2, activeToday: false });
    // a day missed breaks it
    expect(streakDays(['2026-12-01', '2026-11-30'], today)).toEqual({ days: 0, activeToday: false });
    // across a month and a year, repeats and any order
    expect(streakDays(['2027-01-01', '2026-12-31', '2026-12-31', '2026-12-30'], '2027-01-01')).toEqual({ days: 3, activeToday: true });
  });

  it('lists what waits soonest first, then what waits on reviewers newest first', () => {
    const items = [
      { id: 'entry-old', at: null, since: '2026-11-01T00:00:00Z' },
      { id: 'booking-later', at: '2026-12-10T02:00:00Z', since: '2026-11-20T00:00:00Z' },
      { id: 'entry-new', at: null, since: '2026-11-30T00:00:00Z' },
      { id: 'activity-soon', at: '2026-12-04T01:00:00Z', since: '2026-11-25T00:00:00Z' },
    ];
    expect(orderHomeItems(items).map((x) => x.id)).toEqual(['activity-soon', 'booking-later', 'entry-new', 'entry-old']);
  });
});
