import { createSignal, onCleanup } from 'solid-js';
import { ApiError, call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, fieldAria } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { t } from '../i18n';

export const PHONE_RE = /^1[3-9]\d{9}$/;
/** API.md: at most one code a minute per phone; the button waits that long after sending. */
const RESEND_SECONDS = 60;

/**
 * The 6-digit SMS code field with its 获取验证码 button: sends `POST /auth/codes` for the
 * phone, then counts down 60 s (or the server's Retry-After on a 429) before another.
 */
export function CodeField(props: {
  phone: () => string;
  purpose: 'register' | 'reset' | 'consent';
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
  /** where a failure to send is shown: under the phone field, or above the form */
  onSendError: (field: 'phone' | 'form', message: string) => void;
  onSent?: () => void;
}) {
  const [left, setLeft] = createSignal(0);
  const [sending, setSending] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  onCleanup(() => clearInterval(timer));

  function countdown(seconds: number) {
    clearInterval(timer);
    setLeft(seconds);
    timer = setInterval(() => {
      setLeft((s) => s - 1);
      if (left() <= 0) clearInterval(timer);
    }, 1000);
  }

  async function send() {
    const phone = props.phone().trim();
    if (!PHONE_RE.test(phone)) return props.onSendError('phone', t('code.phoneFirst'));
    setSending(true);
    try {
      await call('POST /auth/codes', {}, { body: { phone, purpose: props.purpose } });
      setSentTo(phone);
      countdown(RESEND_SECONDS);
      props.onSent?.();
      document.getElementById('code')?.focus();
    } catch (err) {
      const e = err as ApiError;
      // Too soon: wait what the server says, when it is a short wait (a day's limit is not).
      if (e instanceof ApiError && e.status === 429 && e.retryAfter && e.retryAfter <= RESEND_SECONDS) countdown(e.retryAfter);
      if (e instanceof ApiError && e.fields.phone) props.onSendError('phone', e.fields.phone);
      else props.onSendError('form', errorText(err));
    } finally {
      setSending(false);
    }
  }

  const hint = () => (sentTo() ? `${t('code.sent', { phone: sentTo()! })} ${t('code.hint')}` : t('code.hint'));

  return (
    <Field id="code" label={t('code.label')} error={props.error} hint={hint()}>
      <div class="tx-row pt-code-row">
        <input
          id="code"
          name="code"
          class="tx-input tx-num pt-code-input"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value.replace(/\D/g, ''))}
          {...fieldAria('code', props.error, hint())}
        />
        <Button type="button" data-testid="send-code" loading={sending()} disabled={left() > 0} onClick={send}>
          {left() > 0 ? t('code.resend', { s: left() }) : t('code.send')}
        </Button>
      </div>
    </Field>
  );
}
