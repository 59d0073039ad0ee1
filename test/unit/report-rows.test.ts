import { describe, expect, it } from 'vitest';
import { FIGURE_GROUPS } from '../../shared/report';
import { LEDGER_COLUMNS, LEDGER_SHEET, ledgerRow } from '../../shared/report-rows';
import { attachment } from '../../workers/api/lib/tables';

/* The 台账's rows in the reader's words (shared/report-rows.ts) and its download name. */
describe('ledger rows', () => {
  it('has columns and a sheet for every figure group, each key once', () => {
    for (const g of FIGURE_GROUPS) {
      const keys = LEDGER_COLUMNS[g].map((c) => c.key);
      expect(new Set(keys).size, g).toBe(keys.length);
      expect(LEDGER_SHEET[g]['zh-CN'].length).toBeLessThanOrEqual(31);
      // a 台账 never carries a phone number
      expect(
        keys.some((k) => /phone/i.test(k)),
        g,
      ).toBe(false);
    }
  });

  it('turns codes into words in either language and keeps only the columns', () => {
    const raw = {
      date: '2096-04-01',
      session: '第一期',
      campaign: '轮训',
      category: 'party_day',
      member: '张三',
      unit: '一支部',
      status: 'late',
      mode: 'delivered',
      hours: 2,
      extra: 'x',
    };
    expect(ledgerRow('training', raw, 'zh-CN')).toEqual({ ...raw, extra: undefined, category: '主题党日', status: '迟到', mode: '送学上门' });
    expect(ledgerRow('training', raw, 'en')).toMatchObject({ category: 'Themed party day', status: 'Late', mode: 'Delivered at home' });
    expect(Object.keys(ledgerRow('training', raw, 'zh-CN'))).not.toContain('extra');
    expect(ledgerRow('quiz', { member: 'a', advanced: 1 }, 'zh-CN').advanced).toBe('是');
    expect(ledgerRow('quiz', { member: 'a', advanced: 0 }, 'en').advanced).toBe('No');
    expect(ledgerRow('contest', { status: 'pending' }, 'zh-CN').status).toBe('待审核');
    expect(ledgerRow('exhibition', { type: 'group' }, 'zh-CN').type).toBe('团体');
    expect(ledgerRow('volunteer', { type: 'pair', hours: null }, 'zh-CN')).toMatchObject({ type: '“1+1”结对', hours: null });
  });

  it('gives drive amounts in yuan and donors masked, anonymous ones as 爱心人士', () => {
    expect(ledgerRow('drive', { date: '2097-03-02', campaign: '助学', amountFen: 4850, donorName: '欧阳小明', anonymous: 0 }, 'zh-CN')).toEqual({
      date: '2097-03-02',
      campaign: '助学',
      amount: 48.5,
      donor: '欧**明',
    });
    expect(ledgerRow('drive', { amountFen: 100, donorName: '李四', anonymous: 1 }, 'zh-CN')).toMatchObject({ amount: 1, donor: '爱心人士' });
  });
});

describe('download names', () => {
  it('sends an ASCII filename and the real one as RFC 5987 filename*', () => {
    const h = attachment('ledger_root_2096-01-01_2096-12-31.xlsx', "台账_市直机关工委 (试点)'_2096-01-01_2096-12-31.xlsx");
    expect(h).toMatch(/^attachment; filename="ledger_root_2096-01-01_2096-12-31\.xlsx"; filename\*=UTF-8''/);
    const encoded = h.split("filename*=UTF-8''")[1]!;
    // only attr-chars: no quotes, spaces, parentheses or apostrophes left raw
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(decodeURIComponent(encoded)).toBe("台账_市直机关工委 (试点)'_2096-01-01_2096-12-31.xlsx");
    expect(attachment('a"b\\c.xlsx', 'x')).toContain('filename="a_b_c.xlsx"');
  });
});
