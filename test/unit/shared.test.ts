import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../shared/mask';
import { pickLang } from '../../shared/i18n';
import { checkRosterRows, normalizePhone, rosterColumns } from '../../shared/roster';
import { participationRate, METRICS, fillSeries, foldAnswers, weekOf, SERIES_MAX_POINTS } from '../../shared/metrics';
import { parseSettings } from '../../shared/contracts/campaigns';
import { msg, MESSAGES } from '../../shared/messages';
import { allocateSeats, effectiveStatus, slotAction } from '../../shared/waitlist';

describe('masking', () => {
  it('masks Chinese names keeping the first and last character', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张明')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('张')).toBe('张');
    expect(maskName('Li Ming')).toBe('L* M*');
  });
  it('masks phones as 138****0000', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
  });
});

describe('language', () => {
  it('defaults to zh-CN and follows Accept-Language', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr-FR, en;q=0.5')).toBe('en');
    expect(pickLang('zh-TW')).toBe('zh-CN');
    expect(pickLang('de')).toBe('zh-CN');
  });
  it('has every message in both languages and fills placeholders', () => {
    for (const [k, m] of Object.entries(MESSAGES)) {
      expect(m['zh-CN'], k).toBeTruthy();
      expect(m.en, k).toBeTruthy();
    }
    expect(msg('msg.roster_too_many', 'en', { max: 5 })).toContain('5');
  });
});

describe('roster rules', () => {
  it('finds Chinese and English headers', () => {
    expect(rosterColumns(['\uFEFF姓名', '手机号'])).toEqual({ name: 0, phone: 1 });
    expect(rosterColumns(['部门', 'Phone', 'Name'])).toEqual({ name: 2, phone: 1 });
    expect(rosterColumns(['姓名', '电话号'])).toBeNull();
  });
  it('normalizes phones written the way people write them', () => {
    expect(normalizePhone('138 0000 0000')).toBe('13800000000');
    expect(normalizePhone('+86 138-0000-0000')).toBe('13800000000');
    expect(normalizePhone('１３８００００００００')).toBe('13800000000');
  });
  it('reports bad and duplicate rows with spreadsheet row numbers and keeps the good ones', () => {
    const res = checkRosterRows(
      [
        ['张三', '13900001111'],
        ['', ''],
        ['李四', '12345'],
        ['王五', '139 0000 1111'],
        ['', '13900002222'],
        ['赵六', '13900003333'],
      ],
      { name: 0, phone: 1 },
    );
    expect(res.rows.map((r) => [r.row, r.phone])).toEqual([
      [2, '13900001111'],
      [7, '13900003333'],
    ]);
    expect(res.issues.map((i) => [i.row, i.key])).toEqual([
      [4, 'msg.row_phone'],
      [5, 'msg.row_duplicate'],
      [6, 'msg.row_name'],
    ]);
  });
});

describe('metrics', () => {
  it('computes the participation rate with the membership as denominator', () => {
    expect(participationRate(3, 4)).toBe(0.75);
    expect(participationRate(0, 0)).toBe(0);
    expect(participationRate(1, 3)).toBe(0.3333);
  });
  it('defines every metric in both languages', () => {
    for (const m of Object.values(METRICS)) {
      expect(m.meaning['zh-CN'].length).toBeGreaterThan(5);
      expect(m.meaning.en.length).toBeGreaterThan(5);
    }
  });
});

describe('campaign settings', () => {
  it('fills every default from an empty object', () => {
    const r = parseSettings('quiz', {});
    expect(r.success).toBe(true);
    expect(r.output).toMatchObject({ mode: 'daily', questionsPerAttempt: 5, leaderboard: { aggregation: 'average', hidden: false } });
  });
  it('keeps what the organizer set and rejects unknown or wrong settings', () => {
    expect(parseSettings('contest', { votesPerDay: 2 }).output).toMatchObject({ votesPerDay: 2, categories: ['书法', '绘画', '摄影'] });
    expect(parseSettings('volunteer', { pairCap: 0 }).success).toBe(false);
    expect(parseSettings('drive', { goal: -1 }).success).toBe(false);
    expect(parseSettings('exhibition', { colour: 'red' }).success).toBe(false);
  });
});

describe('metrics trend', () => {
  const zero = (at: string) => ({ at, n: 0 });
  it('starts weeks on Monday', () => {
    expect(weekOf('2098-03-03')).toBe('2098-03-03'); // a Monday
    expect(weekOf('2098-03-09')).toBe('2098-03-03'); // the Sunday after
    expect(weekOf('2098-03-02')).toBe('2098-02-24'); // the Sunday before
  });
  it('fills quiet days and weeks with zeros, in order', () => {
    expect(fillSeries([{ at: '2026-01-02', n: 3 }], '2026-01-01', '2026-01-03', 'day', zero)).toEqual([
      { at: '2026-01-01', n: 0 },
      { at: '2026-01-02', n: 3 },
      { at: '2026-01-03', n: 0 },
    ]);
    expect(fillSeries([{ at: '2098-03-10', n: 1 }], '2098-03-05', '2098-03-12', 'week', zero)).toEqual([
      { at: '2098-03-03', n: 0 },
      { at: '2098-03-10', n: 1 },
    ]);
    expect(fillSeries([], '2026-01-03', '2026-01-01', 'day', zero)).toEqual([]);
  });
  it('keeps the most recent points of a long period', () => {
    const s = fillSeries([], '2000-01-01', '2026-01-01', 'day', zero);
    expect(s).toHaveLength(SERIES_MAX_POINTS);
    expect(s[s.length - 1]!.at).toBe('2026-01-01');
  });
});

describe('waiting lists (候补)', () => {
  const q = (...sizes: Array<number | [number, true]>) =>
    sizes.map((s, i) => ({ id: `e${i}`, partySize: Array.isArray(s) ? s[0] : s, holdsBookingThatDay: Array.isArray(s) }));
  it('gives freed seats in the order people joined, passing over parties that do not fit', () => {
    expect(allocateSeats(2, q(1, 1, 1))).toEqual([
      { id: 'e0', outcome: 'booked' },
      { id: 'e1', outcome: 'booked' },
    ]);
    expect(allocateSeats(3, q(4, 2, 2, 1))).toEqual([
      { id: 'e1', outcome: 'booked' },
      { id: 'e3', outcome: 'booked' },
    ]);
    expect(allocateSeats(0, q(1))).toEqual([]);
    expect(allocateSeats(5, q(1, 1, 1), 2)).toHaveLength(2);
  });
  it('expires, instead of booking, an entry whose person holds a booking that day; only when the seats reach it', () => {
    expect(allocateSeats(1, q([1, true], 1))).toEqual([
      { id: 'e0', outcome: 'expired' },
      { id: 'e1', outcome: 'booked' },
    ]);
    expect(allocateSeats(1, q(1, [1, true]))).toEqual([{ id: 'e0', outcome: 'booked' }]);
    expect(allocateSeats(1, q([2, true], 1))).toEqual([{ id: 'e1', outcome: 'booked' }]);
  });
  it('says whether to book, wait or give up, and expires entries of slots that are over', () => {
    const slot = { capacity: 5, booked: 4, closed: false, endsAt: new Date(Date.now() + 3600e3).toISOString() };
    expect(slotAction(slot, 1)).toBe('book');
    expect(slotAction(slot, 2)).toBe('waitlist');
    expect(slotAction({ ...slot, closed: true }, 2)).toBe('closed');
    expect(slotAction({ ...slot, endsAt: new Date(Date.now() - 1).toISOString() }, 2)).toBe('closed');
    expect(effectiveStatus('waiting', new Date(Date.now() - 1).toISOString())).toBe('expired');
    expect(effectiveStatus('booked', new Date(Date.now() - 1).toISOString())).toBe('booked');
    expect(effectiveStatus('waiting', slot.endsAt)).toBe('waiting');
  });
});

describe("a member's timeline", () => {
  it('folds a run of answers in one campaign into one line, keeping other events apart', () => {
    const ev = (type: string, campaignId: string | null, points: number) => ({ type, campaignId, points });
    const out = foldAnswers([
      ev('quiz_attempt', 'q1', 2),
      ev('quiz_answer', 'q1', 1),
      ev('quiz_answer', 'q1', 0),
      ev('quiz_answer', 'q1', 1),
      ev('quiz_answer', 'q2', 1),
      ev('drive_pledge', 'd', 0),
      ev('quiz_answer', 'q1', 1),
    ]);
    expect(out.map((x) => [x.type, x.campaignId, x.count, x.points])).toEqual([
      ['quiz_attempt', 'q1', 1, 2],
      ['quiz_answer', 'q1', 3, 2],
      ['quiz_answer', 'q2', 1, 1],
      ['drive_pledge', 'd', 1, 0],
      ['quiz_answer', 'q1', 1, 1],
    ]);
  });
});
