import type { CodePurpose } from '../../../../shared/kinds';

/** One verification code to deliver by text message, or a notice (its own provider template). */
export type SmsMessage =
  | { phone: string; purpose: CodePurpose; code: string }
  /** the day-before reminder of an exhibition visit: the exhibition and the slot's time */
  | { phone: string; purpose: 'visit_reminder'; params: { title: string; time: string } }
  /** a message-centre notice agreed to by text (候补成功, review results): its title and body, in Chinese */
  | { phone: string; purpose: 'notice'; params: { title: string; body: string } };

/** The text a notice's template is filled with, in order (Tencent takes a list, the dev outbox a line). */
export const noticeParams = (m: Exclude<SmsMessage, { code: string }>) =>
  m.purpose === 'notice' ? [m.params.title, m.params.body] : [m.params.title, m.params.time];

/** Delivers verification codes; one implementation per provider, chosen by `senderFor(env)`. */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** Delivery failed (provider refused, network, missing configuration): the API answers 503. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly providerCode?: string,
  ) {
    super(message);
  }
}

/** Provider calls never hang a request for long: the user can ask again. */
export const SEND_TIMEOUT_MS = 10_000;

const enc = new TextEncoder();

export async function hmac(hash: 'SHA-1' | 'SHA-256', key: string | Uint8Array, message: string): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', typeof key === 'string' ? enc.encode(key) : key, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
}

export async function sha256Hex(message: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(message))));
}

export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
