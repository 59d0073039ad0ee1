import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { APPOINTED_ROLES, ROLE_LABEL, type AppointedRole } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDateTime } from '@ui/format';
import { org } from '../data/org';
import { t } from '../i18n';
import { Confirm } from '../ui/Confirm';
import { DataTable } from '../ui/DataTable';
import { UnitSelect } from '../ui/UnitSelect';

type Holder = Awaited<ReturnType<typeof listRoles>>[number];
const listRoles = async (id: string) => (await call('GET /org-units/{id}/roles', { id })).items;

/** 组织 → 角色: who holds which role in the scope, appointing by phone and removing (with a confirmation). */
export default function OrgRoles() {
  const [holders, { refetch }] = createResource(() => org.scopeId(), listRoles);
  const [done, setDone] = createSignal<string | null>(null);
  const [removing, setRemoving] = createSignal<Holder | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [removeError, setRemoveError] = createSignal<string | null>(null);
  const roleLabel = (r: string) => loc(ROLE_LABEL[r as AppointedRole] ?? { 'zh-CN': r, en: r });

  async function remove(h: Holder) {
    setBusy(true);
    setRemoveError(null);
    try {
      await call('DELETE /org-units/{id}/roles/{userId}/{role}', { id: h.orgUnitId, userId: h.userId, role: h.role });
      setDone(t('roles.removed', { name: h.name, role: roleLabel(h.role) }));
      setRemoving(null);
      refetch();
    } catch (e) {
      setRemoveError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="cs-two">
      <section class="tx-card" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('org.tab.roles')}</h2>
        <p class="tx-muted tx-small">{t('roles.lead', { unit: org.scope()?.name ?? '' })}</p>
        <Show when={done()}>
          <Notice kind="success">{done()}</Notice>
        </Show>
        <Show when={removing()}>
          {(h) => (
            <Confirm
              id="remove-role-title"
              title={t('roles.removeTitle', { name: h().name, role: roleLabel(h().role) })}
              describedBy="remove-role-body"
              testid="remove-role"
              action={t('roles.remove')}
              actionClass="tx-btn-danger"
              actionTestid="remove-role-confirm"
              busy={busy()}
              onAction={() => remove(h())}
              onCancel={() => setRemoving(null)}
            >
              <p id="remove-role-body">{t('roles.removeBody')}</p>
              <FormError message={removeError()} />
            </Confirm>
          )}
        </Show>
        <Show when={!holders.error} fallback={<ErrorState error={holders.error} onRetry={refetch} />}>
          <Show when={holders.latest} fallback={<Skeleton lines={4} />}>
            <Show when={holders.latest!.length > 0} fallback={<EmptyState icon="user" title={t('roles.empty')} />}>
              <DataTable
                class="cs-roles-table"
                testid="roles-table"
                caption={t('org.tab.roles')}
                stale={holders.loading}
                head={[t('roles.name'), t('form.phone'), t('roles.unit'), t('roles.role'), t('roles.since'), '']}
                rows={holders.latest!}
              >
                {(h) => (
                  <tr data-role={h.role} data-user={h.userId}>
                    <td>{h.name}</td>
                    <td class="tx-num">{h.phone}</td>
                    <td>{h.orgUnitName}</td>
                    <td>
                      <span class="tx-badge tx-badge-neutral">{loc(ROLE_LABEL[h.role])}</span>
                    </td>
                    <td class="tx-num tx-small">{fmtDateTime(h.since)}</td>
                    <td>
                      <Show when={h.role !== 'admin' && h.role !== 'member'}>
                        <Button
                          small
                          variant="ghost"
                          onClick={() => {
                            setDone(null);
                            setRemoveError(null);
                            setRemoving(h);
                          }}
                          aria-label={`${t('roles.remove')} ${h.name} ${roleLabel(h.role)}`}
                        >
                          {t('roles.remove')}
                        </Button>
                      </Show>
                    </td>
                  </tr>
                )}
              </DataTable>
            </Show>
          </Show>
        </Show>
      </section>
      <Appoint
        onDone={(name, role) => {
          setDone(t('roles.appointed', { name, role: roleLabel(role) }));
          refetch();
        }}
      />
    </div>
  );
}

function Appoint(props: { onDone: (name: string, role: string) => void }) {
  const [unit, setUnit] = createSignal(org.scopeId() ?? '');
  const [phone, setPhone] = createSignal('');
  const [role, setRole] = createSignal<AppointedRole>('gate_staff');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'unit' | 'phone' | 'role'>();
  createEffect(on(org.scopeId, (id) => setUnit(id ?? '')));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!errors.check({ unit: unit() ? undefined : t('form.required'), phone: /^1[3-9]\d{9}$/.test(phone().trim()) ? undefined : t('form.phoneInvalid') }))
      return;
    setSending(true);
    errors.clear();
    try {
      const r = await call('POST /org-units/{id}/roles', { id: unit() }, { body: { phone: phone().trim(), role: role() } });
      setPhone('');
      props.onDone(r.holder.name, r.holder.role);
    } catch (err) {
      errors.fromApi(err, ['phone', 'role']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="appoint-title">
      <h2 id="appoint-title">{t('roles.appoint')}</h2>
      <form onSubmit={submit} novalidate class="tx-stack">
        <FormError message={errors.form()} />
        <Field id="appoint-unit" label={t('roles.unit')} error={errors.fields().unit}>
          <UnitSelect
            id="appoint-unit"
            rows={org.scopeTree()}
            value={unit()}
            onPick={setUnit}
            data-testid="appoint-unit"
            {...fieldAria('appoint-unit', errors.fields().unit)}
          />
        </Field>
        <TextField
          id="appoint-phone"
          label={t('roles.phone')}
          error={errors.fields().phone}
          inputmode="tel"
          autocomplete="off"
          maxlength={11}
          value={phone()}
          onInput={setPhone}
          testId="appoint-phone"
        />
        <Field id="appoint-role" label={t('roles.role')} error={errors.fields().role}>
          <select
            id="appoint-role"
            class="tx-select"
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as AppointedRole)}
            data-testid="appoint-role"
          >
            <For each={APPOINTED_ROLES}>{(r) => <option value={r}>{loc(ROLE_LABEL[r])}</option>}</For>
          </select>
        </Field>
        <Button type="submit" variant="primary" loading={sending()} data-testid="appoint-submit">
          <Icon name="plus" />
          {t('roles.submit')}
        </Button>
      </form>
    </section>
  );
}
