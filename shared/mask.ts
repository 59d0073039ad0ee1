/**
 * Masks a person's name for the public: 张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明.
 * Latin names keep their first letter of each word: "Li Ming" → "L* M*".
 */
export function maskName(name: string): string {
  const n = name.trim();
  if (!n) return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "all of ASCII", control characters included on purpose
  if (/^[\x00-\x7f]+$/.test(n)) {
    return n
      .split(/\s+/)
      .map((w) => (w.length <= 1 ? w : w[0] + '*'))
      .join(' ');
  }
  const chars = Array.from(n);
  if (chars.length === 1) return chars[0]!;
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Masks a mainland mobile number: 13800000000 → 138****0000. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
