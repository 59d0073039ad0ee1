import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { commonPasswordCount, weakPasswordRule } from '../../shared/password';
import { PasswordResetBody, RegisterBody } from '../../shared/contracts/auth';

describe('weak passwords', () => {
  it('refuses one repeated character', () => {
    for (const p of ['aaaaaaaa', '88888888', '........', '密密密密密密密密']) expect(weakPasswordRule(p, '13912345678'), p).toBe('password_same_char');
  });

  it('refuses the phone number itself (also with +86 or its last 8 digits)', () => {
    for (const p of ['13912345678', '+8613912345678', '8613912345678', '12345678']) {
      expect(weakPasswordRule(p, '13912345678'), p).not.toBeNull();
    }
    expect(weakPasswordRule('13912345678', '13912345678')).toBe('password_is_phone');
    expect(weakPasswordRule('13912345678', '13700000000')).toBeNull();
  });

  it('refuses the most common passwords, whatever the case', () => {
    for (const p of [
      '12345678',
      '123456789',
      '11111111',
      'a1234567',
      'woaini1314',
      'qq123456',
      '1qaz2wsx',
      'password',
      'PassWord',
      'iloveyou',
      'abc123456',
      'qwertyuiop',
      '5201314520',
    ]) {
      expect(weakPasswordRule(p, '13912345678'), p).not.toBeNull();
    }
    expect(weakPasswordRule('woaini1314', '13912345678')).toBe('password_common');
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(190);
  });

  it('accepts ordinary passwords', () => {
    for (const p of ['secret-pass', 'tong-xin-2026!', 'a1234567b', '春眠不觉晓处处闻']) expect(weakPasswordRule(p, '13912345678'), p).toBeNull();
  });

  it('is enforced by the register and reset contracts under the password field', () => {
    const r = v.safeParse(RegisterBody, { phone: '13912345678', password: 'woaini1314', name: '某', code: '123456' });
    expect(r.success).toBe(false);
    expect(r.issues?.[0]?.message).toBe('msg.password_common');
    expect(r.issues?.[0]?.path?.map((p) => p.key)).toEqual(['password']);
    const reset = v.safeParse(PasswordResetBody, { phone: '13912345678', password: '13912345678', code: '123456' });
    expect(reset.issues?.[0]?.message).toBe('msg.password_is_phone');
    expect(v.safeParse(RegisterBody, { phone: '13912345678', password: 'secret-pass', name: '某', code: '123456' }).success).toBe(true);
  });
});
