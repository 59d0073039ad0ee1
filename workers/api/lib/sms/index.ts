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

/**
 * A provider's sender from its secrets: `required` maps each setting to the secret that holds it
 * (all must be set, else the sender says which are missing at send time); `optional` ones may be
 * unset.
 */
function configured<R extends string, O extends string>(
  env: Env,
  name: string,
  required: Record<R, keyof Env>,
  optional: Record<O, keyof Env>,
  make: (c: Record<R, string> & Record<O, string | undefined>) => SmsSender,
): SmsSender {
  const missing = Object.values<keyof Env>(required).filter((k) => !env[k]);
  if (missing.length) return new MisconfiguredSender(name, missing.map(String));
  const read = (m: Record<string, keyof Env>) =>
    Object.fromEntries(Object.entries(m).map(([setting, key]) => [setting, env[key] ? String(env[key]) : undefined]));
  return make({ ...read(required), ...read(optional) } as Record<R, string> & Record<O, string | undefined>);
}

/**
 * The SmsSender chosen by `SMS_PROVIDER` (aliyun | tencent | log; unset means log), with
 * the provider's keys from Worker secrets.
 */
export function senderFor(env: Env, db: Db): SmsSender {
  const provider = env.SMS_PROVIDER ?? 'log';
  if (provider === 'aliyun') {
    const keys = {
      accessKeyId: 'ALIYUN_ACCESS_KEY_ID',
      accessKeySecret: 'ALIYUN_ACCESS_KEY_SECRET',
      signName: 'ALIYUN_SMS_SIGN_NAME',
      templateCode: 'ALIYUN_SMS_TEMPLATE_CODE',
    } as const;
    const optional = { reminderTemplateCode: 'ALIYUN_SMS_REMINDER_TEMPLATE_CODE', noticeTemplateCode: 'ALIYUN_SMS_NOTICE_TEMPLATE_CODE' } as const;
    return configured(env, 'aliyun', keys, optional, (c) => new AliyunSender(c));
  }
  if (provider === 'tencent') {
    const keys = {
      secretId: 'TENCENT_SECRET_ID',
      secretKey: 'TENCENT_SECRET_KEY',
      sdkAppId: 'TENCENT_SMS_SDK_APP_ID',
      signName: 'TENCENT_SMS_SIGN_NAME',
      templateId: 'TENCENT_SMS_TEMPLATE_ID',
    } as const;
    const optional = {
      reminderTemplateId: 'TENCENT_SMS_REMINDER_TEMPLATE_ID',
      noticeTemplateId: 'TENCENT_SMS_NOTICE_TEMPLATE_ID',
      region: 'TENCENT_SMS_REGION',
    } as const;
    return configured(env, 'tencent', keys, optional, (c) => new TencentSender(c));
  }
  if (provider === 'log') return new LogSender(db, devOutboxEnabled(env));
  return new MisconfiguredSender(provider, ['a known SMS_PROVIDER (aliyun, tencent, log)']);
}
