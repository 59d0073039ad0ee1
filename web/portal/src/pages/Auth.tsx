import { createSignal, Match, Show, Switch } from 'solid-js';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { ApiFailure, call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { NameField, PhoneField } from '@ui/components/PersonFields';
import { createFormErrors } from '@ui/form';
import { weakPasswordRule } from '@shared/password';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { CodeField, PHONE_RE } from './CodeField';

/** Only same-app paths are followed after sign-in (no open redirects). */
function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/me';
}

type Mode = 'login' | 'register' | 'reset';
type FieldName = 'name' | 'phone' | 'code' | 'password';

const TITLE: Record<Mode, 'login.title' | 'register.title' | 'reset.title'> = { login: 'login.title', register: 'register.title', reset: 'reset.title' };
const LEAD: Record<Mode, 'login.lead' | 'register.lead' | 'reset.lead'> = { login: 'login.lead', register: 'register.lead', reset: 'reset.lead' };
const WEAK = { password_same_char: 'form.passwordSameChar', password_is_phone: 'form.passwordIsPhone', password_common: 'form.passwordCommon' } as const;

/** The same rules the API applies (shared/password.ts), so the form answers before sending. */
function newPasswordError(password: string, phone: string): string | undefined {
  if (!password) return t('form.required');
  if (password.length < 8) return t('form.passwordShort');
  const rule = weakPasswordRule(password, phone);
  return rule ? t(WEAK[rule]) : undefined;
}

function AuthForm(props: { mode: Mode }) {
  const mode = () => props.mode;
  usePageMeta(() => ({ title: `${t(TITLE[mode()])} · ${t('app.name')}` }));
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [name, setName] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors<FieldName>();
  const needsCode = () => mode() !== 'login';

  function validate(): boolean {
    const p = phone().trim();
    return errors.check({
      name: mode() === 'register' && !name().trim() ? t('form.required') : undefined,
      phone: !p ? t('form.required') : !PHONE_RE.test(p) ? t('form.phoneInvalid') : undefined,
      code: needsCode() && !/^\d{6}$/.test(code()) ? t('code.format') : undefined,
      password: mode() === 'login' ? (!password() ? t('form.required') : undefined) : newPasswordError(password(), p),
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    if (!validate()) return;
    setSending(true);
    try {
      const p = phone().trim();
      if (mode() === 'reset') {
        await call('POST /auth/password-reset', {}, { body: { phone: p, code: code(), password: password() } });
        await session.refetch();
        setDone(true);
        return;
      }
      if (mode() === 'register') await call('POST /auth/register', {}, { body: { phone: p, password: password(), name: name().trim(), code: code() } });
      else await call('POST /auth/login', {}, { body: { phone: p, password: password() } });
      await session.refetch();
      navigate(safeNext(params.next), { replace: true });
    } catch (err) {
      // A wrong or expired code (reason code_invalid) comes with a message under `code`.
      errors.fromApi(err, ['name', 'phone', 'code', 'password']);
      // "phone taken" comes without fields: it belongs under the phone field
      const fe = errors.fields();
      if (mode() === 'register' && !fe.phone && err instanceof ApiFailure && err.reason === 'already_registered') {
        errors.set('phone', errors.form() ?? '');
        errors.setForm(null);
      }
    } finally {
      setSending(false);
    }
  }

  function sendError(field: 'phone' | 'form', message: string) {
    if (field === 'phone') errors.set('phone', message);
    else errors.setForm(message);
  }

  const other = () => (params.next ? `?next=${encodeURIComponent(params.next)}` : '');
  const passwordHint = () => (mode() === 'login' ? undefined : t('register.passwordHint'));

  return (
    <div class="pt-page pt-auth">
      <div class="tx-card pt-auth-card">
        <h1>{t(TITLE[mode()])}</h1>
        <Show
          when={!done()}
          fallback={
            <div data-testid="reset-done">
              <p role="status">{t('reset.done')}</p>
              <A class="tx-btn tx-btn-primary tx-btn-block" href={`/login${other()}`}>
                {t('reset.toLogin')}
              </A>
            </div>
          }
        >
          <p class="tx-muted">{t(LEAD[mode()])}</p>
          <form onSubmit={submit} novalidate>
            <FormError message={errors.form()} />
            <Show when={mode() === 'register'}>
              <NameField id="name" label={t('form.name')} error={errors.fields().name} hint={t('register.nameHint')} value={name()} onInput={setName} />
            </Show>
            <PhoneField
              id="phone"
              name="phone"
              label={t('form.phone')}
              error={errors.fields().phone}
              autocomplete={mode() === 'register' ? 'tel' : 'username'}
              value={phone()}
              onInput={setPhone}
            />
            <Show when={needsCode()}>
              <CodeField
                phone={phone}
                purpose={mode() === 'reset' ? 'reset' : 'register'}
                value={code()}
                onInput={setCode}
                error={errors.fields().code}
                onSendError={sendError}
                onSent={() => errors.set('phone', undefined)}
              />
            </Show>
            <Field id="password" label={t(mode() === 'reset' ? 'reset.password' : 'form.password')} error={errors.fields().password} hint={passwordHint()}>
              <input
                id="password"
                name="password"
                class="tx-input"
                type="password"
                autocomplete={mode() === 'login' ? 'current-password' : 'new-password'}
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                {...fieldAria('password', errors.fields().password, passwordHint())}
              />
            </Field>
            <Show when={mode() === 'register'}>
              <p class="tx-small tx-muted" data-testid="register-privacy">
                {t('register.privacy')}
              </p>
            </Show>
            <Button type="submit" variant="primary" block loading={sending()}>
              {sending() ? t('state.sending') : t(mode() === 'reset' ? 'reset.submit' : mode() === 'register' ? 'register.submit' : 'login.submit')}
            </Button>
          </form>
          <Switch>
            <Match when={mode() === 'login'}>
              <p class="pt-auth-switch">
                <A href={`/reset${other()}`} data-testid="forgot-password">
                  {t('login.forgot')}
                </A>
              </p>
              <p class="pt-auth-switch">
                {t('login.noAccount')} <A href={`/register${other()}`}>{t('login.toRegister')}</A>
              </p>
            </Match>
            <Match when={mode() === 'register'}>
              <p class="pt-auth-switch">
                {t('register.hasAccount')} <A href={`/login${other()}`}>{t('register.toLogin')}</A>
              </p>
            </Match>
            <Match when={mode() === 'reset'}>
              <p class="pt-auth-switch">
                <A href={`/login${other()}`}>{t('reset.toLogin')}</A>
              </p>
            </Match>
          </Switch>
        </Show>
      </div>
    </div>
  );
}

export const Login = () => <AuthForm mode="login" />;
export const Register = () => <AuthForm mode="register" />;
export const PasswordReset = () => <AuthForm mode="reset" />;
