import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { safeHttpUrl } from '../../shared/links';
import { HttpUrl } from '../../shared/contracts/common';

const BAD = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '/relative/path',
  'relative',
  '//evil.example/x',
  'https:evil.example',
  'http:/evil.example',
  'https://',
  'ftp://example.org/x',
  'https://exa mple.org',
  'https://example.org/\u0000',
  'https://example.org/\u202e',
  'https://bank.example@evil.example/',
  '\u0001https://example.org',
  'https://example.org/' + 'a'.repeat(500),
];

describe('safeHttpUrl and HttpUrl: only absolute http(s) links', () => {
  it('accepts http and https links with a host, trimmed', () => {
    expect(safeHttpUrl('https://example.org/p/1')).toBe('https://example.org/p/1');
    expect(safeHttpUrl('HTTP://example.org')).toBe('HTTP://example.org');
    expect(safeHttpUrl('  https://example.org/项目?a=1#x  ')).toBe('https://example.org/项目?a=1#x');
    expect(v.parse(HttpUrl, ' https://example.org/p ')).toBe('https://example.org/p');
  });
  it.each(BAD)('refuses %j in the contract and at render time', (s) => {
    expect(safeHttpUrl(s)).toBeNull();
    expect(v.safeParse(HttpUrl, s).success).toBe(false);
  });
  it('refuses what is not a string', () => {
    for (const x of [null, undefined, 1, {}, ['https://example.org']]) expect(safeHttpUrl(x)).toBeNull();
  });
});
