/**
 * Weak-password rules for registration and password reset (browser-safe, shared by the API
 * contract and the portal form). Length (≥ 8) is checked by the schema; these refuse what
 * an attacker tries first: one repeated character, the account's own phone number, and the
 * most common passwords of Chinese and international leak lists.
 */

/**
 * The most common passwords of 8+ characters (shorter ones fail the length rule anyway),
 * from the published top lists of the CSDN/163/Tianya leaks and international top lists.
 * Compared case-insensitively.
 */
const COMMON = `
12345678 123456789 1234567890 0123456789 12345678910 87654321 987654321 9876543210
11111111 22222222 33333333 44444444 55555555 66666666 77777777 88888888 99999999 00000000
111111111 1111111111 000000000 0000000000 666666666 888888888 123123123 321321321
11223344 12341234 12344321 12121212 11112222 12312312 123456123 123456654321 1234512345
123456abc 123456aa 12345678a 123456789a 123456qq a1234567 a12345678 a123456789 aa123456
aa12345678 abc12345 abc123456 abc12345678 abcd1234 abcd12345 abcdefgh abcdefg1 a1b2c3d4
a123456a qq123456 qq1234567 qq12345678 woaini1314 woaini520 woaini123 woaini521 woaiwojia
5201314520 52013145201314 1314520520 13145200 woaini1314520 520520520 wo123456 iloveyou
iloveyou1 iloveyou520 loveyou1314 aini1314 zxcvbnm1 zxcvbnm123 qwertyui qwertyuiop
qwerty123 qwerty1234 qweasdzxc qweqweqwe qwe123456 qwe12345 asdfghjk asdfghjkl asd123456
asdasdasd zxc123456 zxcv1234 1qaz2wsx 1qaz2wsx3edc 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y
q1w2e3r4 q1w2e3r4t5 qazwsxedc qaz123456 zaq12wsx 1qazxsw2 password password1 password12
password123 passw0rd p@ssw0rd p@ssword admin123 admin1234 admin12345 administrator
root1234 root123456 test1234 test123456 welcome1 welcome123 letmein1 sunshine princess1
baseball football1 superman batman123 monkey123 dragon123 starwars trustno1 whatever
computer michael1 jennifer 12qwaszx 1234qwer 123qweasd 123qwe123 123asd123 123456qwe
qwer1234 asdf1234 123456asd 147258369 159357456 159753456 741852963 963852741 789456123
456789123 135792468 246813579 123654789 147852369 369258147 12345qwert 1234abcd
a5201314 z123456789 wang1234 zhang123 li123456 liu123456 chen123456 yang123456
huang123 zhao123456 ww123456 xiaoming 5845201314 584520520 1314521a woaini11 woaini12
aaaaaaaa1 aaaa1111 aaa111111 abc123abc 1a2b3c4d 1234567a 12345678q 12345678aa
1qaz1qaz 2wsx3edc 3edc4rfv qwertyu1 beijing2008 china123 chinese1
iloveyou1314 a1s2d3f4 abcdefg123 q1w2e3r4t5y6 1q2w3e4r5t6y7u woshishui 88888888a
zhongguo123 nihao123 shanghai123 qazwsx123 qazwsx12 asdfasdf zxczxczxc
`;

const COMMON_SET = new Set(COMMON.split(/\s+/).filter(Boolean));

export type WeakPasswordRule = 'password_same_char' | 'password_is_phone' | 'password_common';

/** The rule a password breaks, or null when it is acceptable (length is checked elsewhere). */
export function weakPasswordRule(password: string, phone?: string): WeakPasswordRule | null {
  if (password.length > 0 && [...password].every((ch) => ch === password[0])) return 'password_same_char';
  const digits = phone?.trim();
  if (digits && (password === digits || password === digits.slice(-8) || password === `+86${digits}` || password === `86${digits}`)) return 'password_is_phone';
  if (COMMON_SET.has(password.toLowerCase())) return 'password_common';
  return null;
}

/** How many passwords the common list holds (the unit test keeps it near the top 200). */
export const commonPasswordCount = () => COMMON_SET.size;
