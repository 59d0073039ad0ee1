import { b64 } from '../../../../db/ids';
import { hmac, SEND_TIMEOUT_MS, SmsError, type SmsMessage, type SmsSender } from './types';

/*
 * Aliyun SMS (Dysmsapi 2017-05-25, SendSms) with the RPC signature V1: HMAC-SHA1 over
 * `METHOD&%2F&percentEncode(sorted, percent-encoded query)` keyed with `secret&`.
 * The signer is checked against Aliyun's documented DescribeRegions example
 * (test/unit/sms-signing.test.ts).
 */

export interface AliyunConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  /** the visit reminder's template (params `title`, `time`); unset → reminders fail (503), codes still go */
  reminderTemplateCode?: string;
  /** the message-centre notice's template (params `title`, `body`); unset → notices fail (logged), codes still go */
  noticeTemplateCode?: string;
  endpoint?: string;
}

/** RFC 3986 encoding as Aliyun specifies it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query: parameters sorted by name, names and values percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export async function signRpc(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): Promise<string> {
  return b64(await hmac('SHA-1', `${accessKeySecret}&`, stringToSign(method, params)));
}

/** The signed SendSms request (POST, form body), built without sending it. */
export async function aliyunSendSmsRequest(config: AliyunConfig, message: SmsMessage, at: { timestamp: string; nonce: string }) {
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: message.phone,
    RegionId: 'cn-hangzhou',
    SignName: config.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: at.nonce,
    SignatureVersion: '1.0',
    TemplateCode: 'code' in message ? config.templateCode : ((message.purpose === 'notice' ? config.noticeTemplateCode : config.reminderTemplateCode) ?? ''),
    TemplateParam: JSON.stringify('code' in message ? { code: message.code } : message.params),
    Timestamp: at.timestamp,
    Version: '2017-05-25',
  };
  const signature = await signRpc('POST', params, config.accessKeySecret);
  const body = `Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
  return {
    url: config.endpoint ?? 'https://dysmsapi.aliyuncs.com/',
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  };
}

export class AliyunSender implements SmsSender {
  readonly name = 'aliyun';
  constructor(private readonly config: AliyunConfig) {}

  async send(message: SmsMessage): Promise<void> {
    if (message.purpose === 'notice' && !this.config.noticeTemplateCode) throw new SmsError('aliyun: missing ALIYUN_SMS_NOTICE_TEMPLATE_CODE');
    if (message.purpose === 'visit_reminder' && !this.config.reminderTemplateCode) throw new SmsError('aliyun: missing ALIYUN_SMS_REMINDER_TEMPLATE_CODE');
    // Aliyun wants UTC without milliseconds: 2016-02-23T12:46:24Z
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const req = await aliyunSendSmsRequest(this.config, message, { timestamp, nonce: crypto.randomUUID() });
    let res: Response;
    try {
      res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    } catch (e) {
      throw new SmsError(`aliyun: ${(e as Error).message}`);
    }
    const out = (await res.json().catch(() => null)) as { Code?: string; Message?: string } | null;
    if (!res.ok || out?.Code !== 'OK') throw new SmsError(`aliyun: ${out?.Code ?? res.status} ${out?.Message ?? ''}`.trim(), out?.Code);
  }
}
