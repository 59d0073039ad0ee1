import { createResource, createSignal, For, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { CATEGORY_LABEL, POST_LABEL, STATUS_LABEL } from '@shared/people';
import { loc } from '@ui/i18n';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { createFormErrors } from '@ui/form';
import { Icon } from '@ui/icons';
import { session } from '../data/session';
import { t } from '../i18n';

/** 我的组织信息: my unit, 人员类别, 党内职务 and 状态, as the roster has them. */
export function MyRegistryCard() {
  const [roster] = createResource(() => call('GET /me/roster', {}));
  return (
    <section class="tx-card" data-testid="my-registry">
      <h2>{t('my.registry')}</h2>
      <Show when={roster.latest} fallback={<p class="tx-muted">…</p>}>
        {(r) => (
          <Show when={r().entry} fallback={<p class="tx-muted">{t('my.noRoster')}</p>}>
            {(e) => (
              <dl class="pt-facts">
                <div>
                  <dt>{t('my.unit')}</dt>
                  <dd data-testid="my-unit">{e().orgUnitName}</dd>
                </div>
                <div>
                  <dt>{t('my.category')}</dt>
                  <dd>{loc(CATEGORY_LABEL[e().category])}</dd>
                </div>
                <Show when={e().posts.length > 0}>
                  <div>
                    <dt>{t('my.posts')}</dt>
                    <dd>
                      <For each={e().posts}>
                        {(p, i) => (
                          <>
                            {i() > 0 ? '、' : ''}
                            {loc(POST_LABEL[p])}
                          </>
                        )}
                      </For>
                    </dd>
                  </div>
                </Show>
                <div>
                  <dt>{t('my.status')}</dt>
                  <dd>{loc(STATUS_LABEL[e().status])}</dd>
                </div>
              </dl>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}

/** 我的数据: the download of everything stored about me, and 注销账号 behind a warning and the password. */
export function MyDataCard() {
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const [password, setPassword] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'password'>();

  async function remove(e: SubmitEvent) {
    e.preventDefault();
    if (!errors.check({ password: password() ? undefined : t('form.required') })) return;
    setSending(true);
    errors.clear();
    try {
      await call('DELETE /me', {}, { body: { password: password() } });
      session.mutate(null);
      navigate('/?deleted=1', { replace: true });
    } catch (err) {
      errors.fromApi(err, ['password']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" data-testid="my-data">
      <h2>{t('my.data')}</h2>
      <p class="tx-small tx-muted">{t('my.dataLead')}</p>
      <a class="tx-btn tx-btn-secondary tx-btn-block" href="/api/v1/me/data?format=xlsx" download="" data-testid="my-data-download">
        <Icon name="download" />
        {t('my.download')}
      </a>
      <Show
        when={open()}
        fallback={
          <Button variant="ghost" block onClick={() => setOpen(true)} data-testid="my-delete-open">
            {t('my.delete')}
          </Button>
        }
      >
        <form class="pt-delete" onSubmit={remove} novalidate role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-warn">
          <h3 id="delete-title">{t('my.delete')}</h3>
          <p id="delete-warn" class="tx-notice tx-notice-warning">
            <Icon name="alert" />
            <span>{t('my.deleteWarn')}</span>
          </p>
          <FormError message={errors.form()} />
          <Field id="delete-password" label={t('my.deletePassword')} error={errors.fields().password}>
            <input
              id="delete-password"
              type="password"
              class="tx-input"
              autocomplete="current-password"
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
              data-testid="my-delete-password"
              {...fieldAria('delete-password', errors.fields().password)}
            />
          </Field>
          <div class="tx-row">
            <Button type="submit" variant="danger" loading={sending()} data-testid="my-delete-confirm">
              {t('my.deleteConfirm')}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </Button>
          </div>
        </form>
      </Show>
    </section>
  );
}
