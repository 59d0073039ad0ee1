import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_EARLY_MS,
  CHECK_OUT_LATE_MS,
  checkInWindow,
  checkOutWindow,
  chinaClock,
  codeMatches,
  codeMinute,
  nextCodeAt,
  nextStep,
  serviceCode,
  serviceHours,
  serviceStart,
} from '../../shared/service-activities';

const T0 = Date.parse('2026-03-01T01:00:00Z'); // 09:00 in China
const a = { startsAt: new Date(T0).toISOString(), endsAt: new Date(T0 + 3 * 3600e3).toISOString() };
const at = (min: number) => new Date(T0 + min * 60e3).toISOString();

describe('the rotating check-in code', () => {
  it('is 6 digits from HMAC-SHA256 of the minute (RFC 4226 truncation), stable for a minute and different the next', async () => {
    const c = await serviceCode('secret-1', 29_000_000);
    expect(c).toMatch(/^\d{6}$/);
    expect(await serviceCode('secret-1', 29_000_000)).toBe(c);
    expect(await serviceCode('secret-2', 29_000_000)).not.toBe(c);
    const codes = new Set(await Promise.all(Array.from({ length: 30 }, (_, i) => serviceCode('secret-1', 29_000_000 + i))));
    expect(codes.size).toBeGreaterThan(27);
  });

  it('matches the HOTP reference value for an HMAC-SHA256 key and counter', async () => {
    // independent check with WebCrypto: HMAC-SHA256("k", "42"), dynamic truncation, mod 10^6
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('k'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('42')));
    const o = mac[31]! & 15;
    const want = ((((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!) % 1e6).toString().padStart(6, '0');
    expect(await serviceCode('k', 42)).toBe(want);
  });

  it('accepts the current and the previous minute only', async () => {
    const now = T0 + 30_000;
    const m = codeMinute(now);
    expect(await codeMatches('s', await serviceCode('s', m), now)).toBe(true);
    expect(await codeMatches('s', await serviceCode('s', m - 1), now)).toBe(true);
    expect(await codeMatches('s', await serviceCode('s', m - 2), now)).toBe(false);
    expect(await codeMatches('s', await serviceCode('s', m + 1), now)).toBe(false);
    expect(await codeMatches('s', '12345', now)).toBe(false);
    expect(await codeMatches('s', 'abcdef', now)).toBe(false);
  });

  it('says when the next code comes', () => {
    expect(nextCodeAt(T0 + 12_345)).toBe(T0 + 60_000);
    expect(nextCodeAt(T0)).toBe(T0 + 60_000);
  });
});

describe('check windows and hours', () => {
  it('opens check-in 30 minutes before the start until the end, and check-out until 2 hours after the end', () => {
    expect(checkInWindow(a)).toEqual({ from: T0 - CHECK_IN_EARLY_MS, to: T0 + 3 * 3600e3 });
    expect(checkOutWindow(a, at(5))).toEqual({ from: T0 + 5 * 60e3, to: T0 + 3 * 3600e3 + CHECK_OUT_LATE_MS });
    expect(nextStep({ checkedInAt: null, checkedOutAt: null })).toBe('check_in');
    expect(nextStep({ checkedInAt: at(0), checkedOutAt: null })).toBe('check_out');
    expect(nextStep({ checkedInAt: at(0), checkedOutAt: at(60) })).toBe('done');
  });

  it('counts hours inside the activity only, rounded down to the half hour', () => {
    expect(serviceHours(a, at(2), at(150))).toBe(2); // 2 h 28 min
    expect(serviceHours(a, at(-30), at(95))).toBe(1.5); // early arrival not counted
    expect(serviceHours(a, at(0), at(300))).toBe(3); // staying late not counted
    expect(serviceHours(a, at(10), at(39))).toBe(0);
    expect(serviceHours(a, at(200), at(230))).toBe(0); // checked in after the end
    expect(serviceHours(a, at(60), at(30))).toBe(0);
    expect(serviceStart(a, at(-20))).toBe(T0);
    expect(serviceStart(a, at(20))).toBe(T0 + 20 * 60e3);
  });

  it('names times in China time', () => {
    expect(chinaClock(T0)).toBe('2026-03-01 09:00');
  });
});
