import type { Db } from '../../../../db/client';
import { AliyunSender } from './aliyun';
import { LogSender } from './dev';
import { TencentSender } from './tencent';
import { SmsError, type SmsSender } from './types';

export { SmsError, type SmsSender, type SmsMessage } from './types';

/** The dev outbox is on only where the variable says so (never in wrangler.jsonc). */
export const devOutboxEnabled = (env: Pick<Env, 'DEV_OUTBOX'>) => env.DEV_OUTBOX === '1';

/** A sender whose configuration is incomplete fails at send time (503), never silently. */
class MisconfiguredSender implements SmsSender {
  constructor(
    readonly name: string,
    private readonly missing: string[],
  ) {}
  async send(): Promise<void> {
    throw new SmsError(`${this.name}: missing ${this.missing.join(', ')}`);
  }
}

function need<K extends keyof Env>(env: Env, keys: K[]): { ok: true; values: Record<K, string> } | { ok: false; missing: string[] } {
  const missing = keys.filter((k) => !env[k]);
  if (missing.length) return { ok: false, missing: missing.map(String) };
  return { ok: true, values: Object.fromEntries(keys.map((k) => [k, String(env[k])])) as Record<K, string> };
}

/**
 * The SmsSender chosen by `SMS_PROVIDER` (aliyun | tencent | log; unset means log), with
 * the provider's keys from Worker secrets.
 */
export function senderFor(env: Env, db: Db): SmsSender {
  const provider = env.SMS_PROVIDER ?? 'log';
  if (provider === 'aliyun') {
    const r = need(env, ['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE']);
    if (!r.ok) return new MisconfiguredSender('aliyun', r.missing);
    return new AliyunSender({
      accessKeyId: r.values.ALIYUN_ACCESS_KEY_ID,
      accessKeySecret: r.values.ALIYUN_ACCESS_KEY_SECRET,
      signName: r.values.ALIYUN_SMS_SIGN_NAME,
      templateCode: r.values.ALIYUN_SMS_TEMPLATE_CODE,
      reminderTemplateCode: env.ALIYUN_SMS_REMINDER_TEMPLATE_CODE,
      noticeTemplateCode: env.ALIYUN_SMS_NOTICE_TEMPLATE_CODE,
    });
  }
  if (provider === 'tencent') {
    const r = need(env, ['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID']);
    if (!r.ok) return new MisconfiguredSender('tencent', r.missing);
    return new TencentSender({
      secretId: r.values.TENCENT_SECRET_ID,
      secretKey: r.values.TENCENT_SECRET_KEY,
      sdkAppId: r.values.TENCENT_SMS_SDK_APP_ID,
      signName: r.values.TENCENT_SMS_SIGN_NAME,
      templateId: r.values.TENCENT_SMS_TEMPLATE_ID,
      reminderTemplateId: env.TENCENT_SMS_REMINDER_TEMPLATE_ID,
      noticeTemplateId: env.TENCENT_SMS_NOTICE_TEMPLATE_ID,
      region: env.TENCENT_SMS_REGION,
    });
  }
  if (provider === 'log') return new LogSender(db, devOutboxEnabled(env));
  return new MisconfiguredSender(provider, ['a known SMS_PROVIDER (aliyun, tencent, log)']);
}
