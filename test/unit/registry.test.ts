import { describe, expect, it } from 'vitest';
import {
  checkRosterRows,
  parseCategory,
  parsePosts,
  parseSheetDate,
  parseStatus,
  registryDateRule,
  rosterColumns,
  ROSTER_TEMPLATE_HEADER,
} from '../../shared/roster';
import { msg } from '../../shared/messages';

describe('registry columns of a roster sheet', () => {
  it('finds the optional columns beside name and phone, whatever their order', () => {
    expect(rosterColumns(['序号', '姓名', '手机号', '党内职务', '入党日期', '人员类别', '状态', '任职日期'])).toEqual({
      name: 1,
      phone: 2,
      posts: 3,
      joinedPartyOn: 4,
      category: 5,
      status: 6,
      postSince: 7,
    });
    expect(rosterColumns(['姓名', '手机号'])).toEqual({ name: 0, phone: 1 });
    // the template the console offers reads back whole
    expect(Object.keys(rosterColumns(ROSTER_TEMPLATE_HEADER)!)).toHaveLength(7);
  });

  it('reads the words organizers write', () => {
    expect(parseCategory('正式党员')).toBe('full');
    expect(parseCategory(' 预备党员 ')).toBe('probationary');
    expect(parseCategory('中共党员')).toBe('full');
    expect(parseCategory('入党积极分子')).toBe('activist');
    expect(parseCategory('群众')).toBe('public');
    expect(parseCategory('团员')).toBeNull();
    expect(parseStatus('离退休')).toBe('retired');
    expect(parseStatus('退休')).toBe('retired');
    expect(parseStatus('流出党员')).toBe('mobile_out');
    expect(parseStatus('年老体弱/行动不便')).toBe('home_bound');
    expect(parseStatus('出差')).toBeNull();
  });

  it('splits several posts on 、 , ， and spaces, once each', () => {
    expect(parsePosts('书记、组织委员')).toEqual({ posts: ['secretary', 'organization'] });
    expect(parsePosts('副书记,宣传委员，纪检委员')).toEqual({ posts: ['deputy_secretary', 'publicity', 'discipline'] });
    expect(parsePosts('书记 书记')).toEqual({ posts: ['secretary'] });
    expect(parsePosts('支部书记、党务干部')).toEqual({ posts: ['secretary', 'party_worker'] });
    expect(parsePosts('书记、主任')).toEqual({ unknown: '主任' });
    expect(parsePosts('无')).toEqual({ posts: [] });
  });

  it('reads dates as Excel writes them', () => {
    for (const s of [
      '2019-07-01',
      '2019/7/1',
      '2019.7.1',
      '2019年7月1日',
      '2019 年 7 月 1 日',
      '43647',
      '43647.5',
      '7/1/19',
      '7/1/2019',
      '2019-07-01 00:00:00',
      '20190701',
    ]) {
      expect(parseSheetDate(s), s).toBe('2019-07-01');
    }
    expect(parseSheetDate('1985/10/3')).toBe('1985-10-03');
    expect(parseSheetDate('10/3/85')).toBe('1985-10-03');
    expect(parseSheetDate('2019-02-30')).toBeNull();
    expect(parseSheetDate('2019-13-01')).toBeNull();
    expect(parseSheetDate('去年')).toBeNull();
    expect(parseSheetDate('')).toBeNull();
  });

  it('refuses a future day and a 入党日期 before the party existed', () => {
    expect(registryDateRule('2030-01-01', '2026-12-03')).toBe('msg.date_future');
    expect(registryDateRule('2026-12-03', '2026-12-03')).toBeNull();
    expect(registryDateRule('1920-01-01', '2026-12-03')).toBe('msg.date_too_early');
    expect(registryDateRule('1920-01-01', '2026-12-03', 'postSince')).toBeNull();
  });

  it('checks rows: a bad word or date is reported naming the column and value, and the row is not kept', () => {
    const cols = rosterColumns(['姓名', '手机号', '人员类别', '党内职务', '任职日期', '状态', '入党日期'])!;
    const r = checkRosterRows(
      [
        ['张三', '13600000001', '正式党员', '书记、组织委员', '2021/6/15', '在职', '44000'],
        ['李四', '13600000002', '团员', '', '', '', ''],
        ['王五', '13600000003', '预备党员', '主任', '', '', ''],
        ['赵六', '13600000004', '', '', '', '', '2099-01-01'],
        ['钱七', '13600000005', '', '', '', '', '昨天'],
        ['孙八', '13600000006', '', '', '', '', ''],
      ],
      cols,
      '2026-12-03',
    );
    expect(r.rows).toEqual([
      {
        row: 2,
        name: '张三',
        phone: '13600000001',
        category: 'full',
        posts: ['secretary', 'organization'],
        postSince: '2021-06-15',
        status: 'active',
        joinedPartyOn: '2020-06-18',
      },
      // empty cells give no field: a re-import keeps what is stored
      { row: 7, name: '孙八', phone: '13600000006' },
    ]);
    const text = r.issues.map((i) => `${i.row} ${msg(i.key, 'zh-CN', i.params)}`);
    expect(text).toEqual([
      '3 “人员类别”列的“团员”不是可识别的填写内容。',
      '4 “党内职务”列的“主任”不是可识别的填写内容。',
      '5 “入党日期”列的日期 2099-01-01 晚于今天。',
      expect.stringContaining('6 “入党日期”列的“昨天”不是日期'),
    ]);
  });
});
