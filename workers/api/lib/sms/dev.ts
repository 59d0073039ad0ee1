import type { Db } from '../../../../db/client';
import { saveToOutbox } from '../../../../db/queries/codes';
import { noticeParams, type SmsMessage, type SmsSender } from './types';

/**
 * The local sender: the code goes to the server log (wrangler dev prints it) and, only
 * with `DEV_OUTBOX=1`, to the outbox table that `GET /api/v1/dev/outbox` reads, so tests
 * and a local tester can complete a registration without a phone.
 */
export class LogSender implements SmsSender {
  readonly name = 'log';
  constructor(
    private readonly db: Db,
    private readonly outbox: boolean,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    // a notice goes to the outbox as its filled-in parameters, where a code would be
    const text = 'code' in message ? message.code : noticeParams(message).join(' ');
    console.log(`[sms:log] ${message.purpose} for ${message.phone}: ${text}`);
    if (this.outbox) await saveToOutbox(this.db, { phone: message.phone, purpose: message.purpose, code: text });
  }
}
