import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PersonName, SafeLine, SafeText, unsafeCharAt } from '../../shared/contracts/common';
import { checkRosterRows } from '../../shared/roster';

describe('unsafeCharAt: text people type', () => {
  it('accepts ordinary Chinese, English, emoji (surrogate pairs) and marks', () => {
    for (const s of ['张三', 'Zhang San', '李四😀', '“翰墨丹青”', 'café', 'a\u200db', '']) expect(unsafeCharAt(s)).toBe(-1);
  });
  it('refuses NUL and every other C0 control, DEL and C1 in one line', () => {
    for (const c of ['\u0000', '\u0001', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f']) expect(unsafeCharAt(`张${c}三`)).toBe(1);
  });
  it('allows tab and newlines only in multi-line text', () => {
    expect(unsafeCharAt('第一行\n第二行\r\n\t缩进', true)).toBe(-1);
    expect(unsafeCharAt('第一行\u0000', true)).toBe(3);
    expect(unsafeCharAt('a\u000bb', true)).toBe(1);
  });
  it('refuses bidi embeddings, overrides and isolates', () => {
    for (let c = 0x202a; c <= 0x202e; c++) expect(unsafeCharAt(`invoice${String.fromCharCode(c)}fdp.exe`)).toBe(7);
    for (let c = 0x2066; c <= 0x2069; c++) expect(unsafeCharAt(`x${String.fromCharCode(c)}`, true)).toBe(1);
  });
  it('refuses lone surrogates, high or low, anywhere', () => {
    expect(unsafeCharAt('a\ud800')).toBe(1);
    expect(unsafeCharAt('a\ud800b')).toBe(1);
    expect(unsafeCharAt('\udc00a')).toBe(0);
    expect(unsafeCharAt('😀\ude00')).toBe(2);
    expect(unsafeCharAt('\ud83d\ude00')).toBe(-1);
  });
  it('is the check of the shared schemas, with its message key', () => {
    const r = v.safeParse(PersonName, '张\u0000三');
    expect(r.success).toBe(false);
    expect(r.issues?.[0]?.message).toBe('msg.text_unsafe');
    expect(v.safeParse(v.pipe(v.string(), SafeLine), 'a\nb').success).toBe(false);
    expect(v.safeParse(v.pipe(v.string(), SafeText), 'a\nb').success).toBe(true);
    expect(v.safeParse(v.pipe(v.string(), SafeText), 'a\u202eb').success).toBe(false);
  });
  it('refuses such names in a roster row too', () => {
    const res = checkRosterRows(
      [
        ['王\u202e五', '13900000001'],
        ['赵六', '13900000002'],
      ],
      { name: 0, phone: 1 },
    );
    expect(res.issues.map((i) => [i.row, i.key])).toEqual([[2, 'msg.row_name']]);
  });
});
