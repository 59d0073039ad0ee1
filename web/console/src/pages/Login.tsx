import { createEffect, createSignal } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { PhoneField } from '@ui/components/PersonFields';
import { TextField } from '@ui/components/TextField';
import { createFormErrors } from '@ui/form';
import { Logo } from '@ui/icons';
import { LangSwitch } from '@ui/components/Prefs';
import { session } from '../data/session';
import { org } from '../data/org';
import { t } from '../i18n';

const PHONE_RE = /^1[3-9]\d{9}$/;

export function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [phone, setPhone] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'phone' | 'password'>();
  const next = () => (params.next?.startsWith('/') && !params.next.startsWith('//') ? params.next : '/');

  createEffect(() => {
    document.title = `${t('login.title')} · ${t('console.name')}`;
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const p = phone().trim();
    const ok = errors.check({
      phone: !p ? t('form.required') : !PHONE_RE.test(p) ? t('form.phoneInvalid') : undefined,
      password: !password() ? t('form.required') : undefined,
    });
    if (!ok) return;
    setSending(true);
    try {
      await call('POST /auth/login', {}, { body: { phone: p, password: password() } });
      await Promise.all([session.refetch(), org.units() ? undefined : org.refetch()]);
      navigate(next(), { replace: true });
    } catch (err) {
      errors.fromApi(err, ['phone', 'password']);
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="cs-center cs-login">
      <div class="tx-card cs-login-card">
        <Logo class="cs-login-logo" />
        <h1>{t('login.title')}</h1>
        <p class="tx-muted">{t('login.lead')}</p>
        <form onSubmit={submit} novalidate>
          <FormError message={errors.form()} />
          <PhoneField id="phone" label={t('form.phone')} error={errors.fields().phone} autocomplete="username" value={phone()} onInput={setPhone} />
          <TextField
            id="password"
            label={t('form.password')}
            error={errors.fields().password}
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={setPassword}
          />
          <Button type="submit" variant="primary" block loading={sending()}>
            {sending() ? t('state.sending') : t('login.submit')}
          </Button>
        </form>
        <div class="cs-login-foot">
          <a href="/">{t('login.portal')}</a>
          {/* the reset flow (SMS code + new password) lives on the portal; the account is the same */}
          <a href="/reset?next=/console/" data-testid="forgot-password">
            {t('login.forgot')}
          </a>
          <LangSwitch />
        </div>
      </div>
    </div>
  );
}
