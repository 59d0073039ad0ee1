import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS, HISTORY_KINDS, historyColumns, historyRowKey, isHistoryIssue, readHistoryRow, type HistoryRow } from '../../shared/history';

/* The history import's reading of one row (shared/history.ts): each kind's rules, on hand-made rows. */
const TODAY = '2024-06-30';
function read(kind: (typeof HISTORY_KINDS)[number], line: Record<string, string>) {
  const header = HISTORY_COLUMNS[kind].map((c) => c.header);
  const found = historyColumns(kind, header);
  if ('missing' in found) throw new Error(found.missing);
  return readHistoryRow(
    kind,
    header.map((h) => line[h] ?? ''),
    found.cols,
    2,
    TODAY,
  );
}
const key = (r: ReturnType<typeof read>) => (isHistoryIssue(r) ? r.key : 'ok');

describe('history templates', () => {
  it('every kind starts with the unit, has a title and a date, and its example row reads as valid', () => {
    for (const kind of HISTORY_KINDS) {
      const cols = HISTORY_COLUMNS[kind];
      expect(cols[0]!.field).toBe('unit');
      expect(cols.some((c) => c.field === 'date' && c.required)).toBe(true);
      const example = Object.fromEntries(cols.map((c) => [c.header, c.example]));
      expect(key(read(kind, example)), kind).toBe('ok');
    }
  });

  it('finds columns whatever the spacing and brackets, and names a missing one', () => {
    expect(historyColumns('volunteer', ['组织', '活动名称', '姓名', '日期', '时长(小时)'])).toMatchObject({ cols: { hours: 4 } });
    expect(historyColumns('exhibition', ['组织', '日期', '参观人数'])).toEqual({ missing: '展览名称' });
  });
});

describe('history rows', () => {
  const ex = { 组织: '第一党支部', 展览名称: '展', 日期: '2021-07-01', 参观人数: '30' };
  it('reads dates as sheets write them and refuses malformed, future and too early ones', () => {
    const r = read('exhibition', { ...ex, 日期: '44378' }) as HistoryRow;
    expect(r.date).toBe('2021-07-01');
    expect((read('exhibition', { ...ex, 日期: '2021年7月1日' }) as HistoryRow).date).toBe('2021-07-01');
    expect(key(read('exhibition', { ...ex, 日期: '2021-02-30' }))).toBe('msg.hist_date');
    expect(key(read('exhibition', { ...ex, 日期: '2024-07-01' }))).toBe('msg.hist_date_future');
    expect(key(read('exhibition', { ...ex, 日期: '1999-12-31' }))).toBe('msg.hist_date_early');
  });

  it('refuses negative or fractional counts, hours and amounts, and unknown words', () => {
    expect(key(read('exhibition', { ...ex, 参观人数: '-1' }))).toBe('msg.hist_visitors');
    expect(key(read('exhibition', { ...ex, 参观人数: '2.5' }))).toBe('msg.hist_visitors');
    expect(key(read('exhibition', { ...ex, 是否散客: '也许' }))).toBe('msg.hist_yes_no');
    expect((read('exhibition', { ...ex, 是否散客: '是' }) as HistoryRow).walkIn).toBe(true);
    const dr = { 组织: 'a', 活动名称: 'b', 日期: '2020-01-01', 捐款人: '张三' };
    expect((read('drive', { ...dr, '金额（元）': '1,000.5' }) as HistoryRow).amount).toBe(100050);
    expect(key(read('drive', { ...dr, '金额（元）': '-5' }))).toBe('msg.hist_amount');
    expect(key(read('drive', { ...dr, '金额（元）': '0.001' }))).toBe('msg.hist_amount');
    const tr = { 组织: 'a', 培训班名称: 'b', 日期: '2020-01-01', 学时: '2', 姓名: '张三', 手机号: '13800000003' };
    expect(read('training', tr)).toMatchObject({ category: 'rotation', status: 'present', hours: 2 });
    expect(key(read('training', { ...tr, 学时: '1.2' }))).toBe('msg.hist_hours');
    expect(key(read('training', { ...tr, 类别: '示范班' }))).toBe('msg.hist_category');
    expect(key(read('training', { ...tr, 出勤: '早退' }))).toBe('msg.hist_status');
    expect(key(read('training', { ...tr, 手机号: '' }))).toBe('msg.hist_person');
    expect(read('training', { ...tr, 类别: '主题党日', 出勤: '请假' })).toMatchObject({ category: 'party_day', status: 'excused' });
    const qz = { 组织: 'a', 活动名称: 'b', 姓名: '张三', 日期: '2020-01-01' };
    expect(key(read('quiz', { ...qz, 积分: '-1' }))).toBe('msg.hist_points');
    expect(key(read('quiz', { ...qz, 积分: '10', 手机号: '12345' }))).toBe('msg.hist_phone');
    expect(key(read('quiz', { ...qz }))).toBe('msg.hist_required');
  });

  it('keys a row by what makes the record: the same line twice is one record, another day another', () => {
    const a = read('volunteer', { 组织: 'a', 活动名称: 'B', 姓名: '张三', 日期: '2020-01-01', '时长（小时）': '2' }) as HistoryRow;
    const b = read('volunteer', { 组织: 'a', 活动名称: 'b', 姓名: '张三', 日期: '2020/1/1', '时长（小时）': '2.0' }) as HistoryRow;
    const c = read('volunteer', { 组织: 'a', 活动名称: 'b', 姓名: '张三', 日期: '2020-01-02', '时长（小时）': '2' }) as HistoryRow;
    expect(historyRowKey('volunteer', 'u1', a)).toBe(historyRowKey('volunteer', 'u1', b));
    expect(historyRowKey('volunteer', 'u1', a)).not.toBe(historyRowKey('volunteer', 'u1', c));
    expect(historyRowKey('volunteer', 'u1', a)).not.toBe(historyRowKey('volunteer', 'u2', a));
  });
});
