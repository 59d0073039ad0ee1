import { createSignal, Show } from 'solid-js';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { api, ApiFailure } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { createFormErrors } from '@ui/form';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';

const PHONE_RE = /^1[3-9]\d{9}$/;

/** Only same-app paths are followed after sign-in (no open redirects). */
function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/me';
}

type FieldName = 'name' | 'phone' | 'password';

function AuthForm(props: { mode: 'login' | 'register' }) {
  const register = () => props.mode === 'register';
  usePageMeta(() => ({ title: `${t(register() ? 'register.title' : 'login.title')} · ${t('app.name')}` }));
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [name, setName] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<FieldName>();

  function validate(): boolean {
    const p = phone().trim();
    return errors.check({
      name: register() && !name().trim() ? t('form.required') : undefined,
      phone: !p ? t('form.required') : !PHONE_RE.test(p) ? t('form.phoneInvalid') : undefined,
      password: !password() ? t('form.required') : register() && password().length < 8 ? t('form.passwordShort') : undefined,
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    if (!validate()) return;
    setSending(true);
    try {
      const body = register()
        ? { phone: phone().trim(), password: password(), name: name().trim() }
        : { phone: phone().trim(), password: password() };
      await api('POST', register() ? '/auth/register' : '/auth/login', body);
      await session.refetch();
      navigate(safeNext(params.next), { replace: true });
    } catch (err) {
      errors.fromApi(err, ['name', 'phone', 'password']);
      // "phone taken" comes without fields: it belongs under the phone field
      const fe = errors.fields();
      if (register() && !fe.phone && err instanceof ApiFailure && err.reason === 'already_registered') {
        errors.set('phone', errors.form() ?? '');
        errors.setForm(null);
      }
    } finally {
      setSending(false);
    }
  }

  const other = () => (params.next ? `?next=${encodeURIComponent(params.next)}` : '');

  return (
    <div class="pt-page pt-auth">
      <div class="tx-card pt-auth-card">
        <h1>{t(register() ? 'register.title' : 'login.title')}</h1>
        <p class="tx-muted">{t(register() ? 'register.lead' : 'login.lead')}</p>
        <form onSubmit={submit} novalidate>
          <FormError message={errors.form()} />
          <Show when={register()}>
            <Field id="name" label={t('form.name')} error={errors.fields().name} hint={t('register.nameHint')}>
              <input
                id="name"
                name="name"
                class="tx-input"
                autocomplete="name"
                maxLength={40}
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
                {...fieldAria('name', errors.fields().name, t('register.nameHint'))}
              />
            </Field>
          </Show>
          <Field id="phone" label={t('form.phone')} error={errors.fields().phone}>
            <input
              id="phone"
              name="phone"
              class="tx-input tx-num"
              type="tel"
              inputmode="numeric"
              autocomplete="tel"
              maxLength={11}
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
              {...fieldAria('phone', errors.fields().phone)}
            />
          </Field>
          <Field
            id="password"
            label={t('form.password')}
            error={errors.fields().password}
            hint={register() ? t('register.passwordHint') : undefined}
          >
            <input
              id="password"
              name="password"
              class="tx-input"
              type="password"
              autocomplete={register() ? 'new-password' : 'current-password'}
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
              {...fieldAria('password', errors.fields().password, register() ? t('register.passwordHint') : undefined)}
            />
          </Field>
          <Button type="submit" variant="primary" block loading={sending()}>
            {sending() ? t('state.sending') : t(register() ? 'register.submit' : 'login.submit')}
          </Button>
        </form>
        <p class="pt-auth-switch">
          {t(register() ? 'register.hasAccount' : 'login.noAccount')}{' '}
          <A href={`${register() ? '/login' : '/register'}${other()}`}>{t(register() ? 'register.toLogin' : 'login.toRegister')}</A>
        </p>
      </div>
    </div>
  );
}

export const Login = () => <AuthForm mode="login" />;
export const Register = () => <AuthForm mode="register" />;
