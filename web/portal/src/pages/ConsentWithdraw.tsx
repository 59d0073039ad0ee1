import { createSignal, Show } from 'solid-js';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { createFormErrors } from '@ui/form';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { CodeField, PHONE_RE } from './CodeField';

/** /withdraw: a resident of a 1+1 pair withdraws consent with their phone and an SMS code (no account needed). */
export default function ConsentWithdraw() {
  usePageMeta(() => ({ title: `${t('withdraw.title')} · ${t('app.name')}` }));
  const [phone, setPhone] = createSignal('');
  const [code, setCode] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<number | null>(null);
  const errors = createFormErrors<'phone' | 'code'>();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (
      !errors.check({
        phone: PHONE_RE.test(phone().trim()) ? undefined : t('form.phoneInvalid'),
        code: /^\d{6}$/.test(code()) ? undefined : t('form.required'),
      })
    )
      return;
    setSending(true);
    errors.clear();
    try {
      const r = await call('POST /pairs/withdraw', {}, { body: { phone: phone().trim(), code: code() } });
      setDone(r.withdrawn);
    } catch (err) {
      errors.fromApi(err, ['phone', 'code']);
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="pt-page pt-narrow">
      <div class="tx-card">
        <h1>{t('withdraw.title')}</h1>
        <p class="tx-muted">{t('withdraw.lead')}</p>
        <Show
          when={done() === null}
          fallback={
            <Notice kind="success">
              <span data-testid="withdraw-done">{t('withdraw.done', { n: done() ?? 0 })}</span>
            </Notice>
          }
        >
          <form onSubmit={submit} novalidate>
            <FormError message={errors.form()} />
            <TextField
              id="phone"
              label={t('form.phone')}
              error={errors.fields().phone}
              num
              inputmode="tel"
              autocomplete="tel"
              maxLength={11}
              value={phone()}
              onInput={setPhone}
            />
            <CodeField
              phone={phone}
              purpose="consent"
              value={code()}
              onInput={setCode}
              error={errors.fields().code}
              onSendError={(field, message) => (field === 'phone' ? errors.set('phone', message) : errors.setForm(message))}
            />
            <Button type="submit" variant="danger" block loading={sending()} data-testid="withdraw-submit">
              {t('withdraw.submit')}
            </Button>
          </form>
        </Show>
      </div>
    </div>
  );
}
