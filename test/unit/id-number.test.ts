import { describe, expect, it } from 'vitest';
import { idCheckChar, isIdNumber, maskIdNumber, normalizeIdNumber } from '../../shared/id-number';

describe('居民身份证号 (GB 11643-1999)', () => {
  it('accepts the standard’s own examples, with X as the check character and typed in lower case or spaced', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('11010519491231002x')).toBe(true);
    expect(isIdNumber('110105 19491231 002X')).toBe(true);
    expect(isIdNumber('440524188001010014')).toBe(true);
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check character: every other character in its place fails', () => {
    for (const c of '0123456789X') {
      if (c === 'X') continue;
      expect(isIdNumber(`11010519491231002${c}`)).toBe(false);
    }
    // one digit mistyped changes the sum
    expect(isIdNumber('11010519491231003X')).toBe(false);
  });

  it('refuses the wrong shape, a date that does not exist or has not come yet', () => {
    expect(isIdNumber('')).toBe(false);
    expect(isIdNumber('1101051949123100')).toBe(false);
    expect(isIdNumber('01010519491231002X')).toBe(false);
    expect(isIdNumber('1101051949123100XX')).toBe(false);
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    expect(isIdNumber(withCheck('11010519490230002'))).toBe(false); // 30 February
    expect(isIdNumber(withCheck('11010518491231002'))).toBe(false); // before 1850
    expect(isIdNumber(withCheck('11010520990101002'), Date.UTC(2026, 0, 1))).toBe(false); // not born yet
    expect(isIdNumber(withCheck('11010520000229002'))).toBe(true); // a leap day
  });

  it('keeps only the last four characters', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('**************002X');
    expect(maskIdNumber('11010519491231002X')).not.toContain('1949');
    expect(normalizeIdNumber(' 1101 x')).toBe('1101X');
  });
});
