// Variables and secrets `wrangler types` cannot see: none of them is in wrangler.jsonc.
// Secrets are set with `wrangler secret put NAME`; DEV_OUTBOX only by `npm start`, the e2e
// and bench servers (`--var DEV_OUTBOX:1`) and the workerd tests (vitest.config.ts).
interface TongxinSecretVars {
  /** "1" turns on GET /api/v1/dev/outbox (codes in plain text). Never set on a deployment. */
  DEV_OUTBOX?: string;
  /** which SmsSender delivers codes: aliyun | tencent | log (default log) */
  SMS_PROVIDER?: string;
  ALIYUN_ACCESS_KEY_ID?: string;
  ALIYUN_ACCESS_KEY_SECRET?: string;
  ALIYUN_SMS_SIGN_NAME?: string;
  ALIYUN_SMS_TEMPLATE_CODE?: string;
  /** the visit reminder's template (params title, time): exhibitions' day-before texts */
  ALIYUN_SMS_REMINDER_TEMPLATE_CODE?: string;
  /** the message-centre notice's template (候补成功, review results; params title, body) */
  ALIYUN_SMS_NOTICE_TEMPLATE_CODE?: string;
  TENCENT_SECRET_ID?: string;
  TENCENT_SECRET_KEY?: string;
  TENCENT_SMS_SDK_APP_ID?: string;
  TENCENT_SMS_SIGN_NAME?: string;
  TENCENT_SMS_TEMPLATE_ID?: string;
  /** the visit reminder's template ({1} exhibition, {2} time) */
  TENCENT_SMS_REMINDER_TEMPLATE_ID?: string;
  /** the message-centre notice's template ({1} title, {2} body) */
  TENCENT_SMS_NOTICE_TEMPLATE_ID?: string;
  TENCENT_SMS_REGION?: string;
  /** WeChat official account (公众号) whose JS-SDK signs share cards; both set = on, else off (no request to WeChat) */
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
}

interface Env extends TongxinSecretVars {}
declare namespace Cloudflare {
  interface Env extends TongxinSecretVars {}
}
