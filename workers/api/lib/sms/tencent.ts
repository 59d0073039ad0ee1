import { hex, hmac, noticeParams, SEND_TIMEOUT_MS, sha256Hex, SmsError, type SmsMessage, type SmsSender } from './types';

/*
 * Tencent Cloud SMS (SendSms, API 2021-01-11) signed with TC3-HMAC-SHA256: a canonical
 * request, its SHA-256 in the string to sign, and a key derived by HMAC chaining
 * ("TC3"+key → date → service → "tc3_request"). The signer is checked against Tencent's
 * documented CVM example (test/unit/sms-signing.test.ts).
 */

export interface TencentConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  /** the visit reminder's template ({1} exhibition, {2} time); unset → reminders fail (503), codes still go */
  reminderTemplateId?: string;
  /** the message-centre notice's template ({1} title, {2} body); unset → notices fail (logged), codes still go */
  noticeTemplateId?: string;
  region?: string;
}

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  /** unix seconds (X-TC-Timestamp) */
  timestamp: number;
  payload: string;
  contentType?: string;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Every intermediate of the TC3 signature, so each step can be checked against the docs. */
export async function tc3Sign(input: Tc3Input) {
  const contentType = input.contentType ?? CONTENT_TYPE;
  // The credential date is the UTC date of the timestamp (never local time).
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${contentType}\nhost:${input.host}\n`, signedHeaders, await sha256Hex(input.payload)].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, await sha256Hex(canonicalRequest)].join('\n');
  const secretDate = await hmac('SHA-256', `TC3${input.secretKey}`, date);
  const secretService = await hmac('SHA-256', secretDate, input.service);
  const secretSigning = await hmac('SHA-256', secretService, 'tc3_request');
  const signature = hex(await hmac('SHA-256', secretSigning, stringToSign));
  const authorization = `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

/** The signed SendSms request, built without sending it. */
export async function tencentSendSmsRequest(config: TencentConfig, message: SmsMessage, timestamp: number) {
  const host = 'sms.tencentcloudapi.com';
  const region = config.region ?? 'ap-guangzhou';
  const payload = JSON.stringify({
    PhoneNumberSet: [`+86${message.phone}`],
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: 'code' in message ? config.templateId : ((message.purpose === 'notice' ? config.noticeTemplateId : config.reminderTemplateId) ?? ''),
    TemplateParamSet: 'code' in message ? [message.code] : noticeParams(message),
  });
  const { authorization } = await tc3Sign({ secretId: config.secretId, secretKey: config.secretKey, service: 'sms', host, timestamp, payload });
  return {
    url: `https://${host}/`,
    method: 'POST' as const,
    headers: {
      authorization,
      'content-type': CONTENT_TYPE,
      host,
      'x-tc-action': 'SendSms',
      'x-tc-timestamp': String(timestamp),
      'x-tc-version': '2021-01-11',
      'x-tc-region': region,
    },
    body: payload,
  };
}

export class TencentSender implements SmsSender {
  readonly name = 'tencent';
  constructor(private readonly config: TencentConfig) {}

  async send(message: SmsMessage): Promise<void> {
    if (message.purpose === 'notice' && !this.config.noticeTemplateId) throw new SmsError('tencent: missing TENCENT_SMS_NOTICE_TEMPLATE_ID');
    if (message.purpose === 'visit_reminder' && !this.config.reminderTemplateId) throw new SmsError('tencent: missing TENCENT_SMS_REMINDER_TEMPLATE_ID');
    const req = await tencentSendSmsRequest(this.config, message, Math.floor(Date.now() / 1000));
    let res: Response;
    try {
      res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    } catch (e) {
      throw new SmsError(`tencent: ${(e as Error).message}`);
    }
    type Out = { Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: Array<{ Code: string; Message: string }> } };
    const out = (await res.json().catch(() => null)) as Out | null;
    const err = out?.Response?.Error;
    const status = out?.Response?.SendStatusSet?.[0];
    if (!res.ok || err || status?.Code !== 'Ok') {
      const code = err?.Code ?? status?.Code ?? String(res.status);
      throw new SmsError(`tencent: ${code} ${err?.Message ?? status?.Message ?? ''}`.trim(), code);
    }
  }
}
