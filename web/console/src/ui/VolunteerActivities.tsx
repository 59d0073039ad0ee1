import { createResource, createSignal, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { errorText } from '@ui/components/ErrorState';
import { ApiError } from '@ui/api';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { chinaDay } from '@shared/china-time';
import { org } from '../data/org';
import {
  cancelActivity,
  chinaTime,
  codeHref,
  createActivity,
  fromChinaInput,
  listActivities,
  listSignups,
  signupsExportUrl,
  toChinaInput,
  updateActivity,
  whenText,
  type ServiceActivity,
} from '../data/service-activities';
import { fmtHours } from '../data/volunteer';
import { t } from '../i18n';
import { FormActions } from './FormActions';
import { UnitSelect } from './UnitSelect';
import { DataTable, Loaded } from './DataTable';

/**
 * 服务活动: on-site services of the campaign — create and edit (a page section, never a modal),
 * sign-ups against capacity, the sign-up list with check-in/out times and its export, and the
 * full-screen code page to show at the place.
 */
export function VolunteerActivities(props: { campaign: Campaign; unitId: string }) {
  const [items, { refetch, mutate }] = createResource(() => props.campaign.id, listActivities);
  const [editing, setEditing] = createSignal<ServiceActivity | 'new' | null>(null);
  const [viewing, setViewing] = createSignal<ServiceActivity | null>(null);
  const [confirmCancel, setConfirmCancel] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const list = () => (items.error ? [] : (items.latest ?? []));

  function saved(a: ServiceActivity, isNew: boolean) {
    mutate((xs) => (isNew ? [a, ...(xs ?? [])] : (xs ?? []).map((x) => (x.id === a.id ? a : x))));
    setEditing(null);
    setNotice({ kind: 'success', text: isNew ? t('sa.created', { title: a.title }) : t('sa.saved', { title: a.title }) });
  }

  async function cancel(a: ServiceActivity) {
    setBusy(a.id);
    try {
      const x = await cancelActivity(a.id);
      mutate((xs) => (xs ?? []).map((y) => (y.id === x.id ? x : y)));
      setNotice({ kind: 'success', text: t('sa.cancelledOne', { title: a.title }) });
      setConfirmCancel(null);
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="vo-stack">
      <div class="vo-toolbar">
        <p class="tx-small tx-muted vo-grow">{t('sa.consoleLead')}</p>
        <Show when={editing() !== 'new' && props.campaign.status !== 'closed'}>
          <Button
            variant="primary"
            onClick={() => {
              setEditing('new');
              setNotice(null);
            }}
            data-testid="sa-new"
          >
            <Icon name="plus" />
            {t('sa.new')}
          </Button>
        </Show>
      </div>
      <Show when={notice()}>{(n) => <Notice kind={n().kind}>{n().text}</Notice>}</Show>
      <Show when={editing()}>
        {(e) => (
          <ActivityForm
            campaign={props.campaign}
            unitId={props.unitId}
            activity={e() === 'new' ? null : (e() as ServiceActivity)}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
      </Show>

      <section class="tx-card vo-table-card" aria-labelledby="sa-list-title">
        <div class="tx-card-title">
          <h2 id="sa-list-title">{t('sa.listTitle')}</h2>
        </div>
        <Loaded
          error={items.error}
          retry={refetch}
          loading={!items.latest}
          empty={list().length === 0}
          emptyView={<EmptyState icon="calendar" title={t('sa.consoleEmptyTitle')} body={t('sa.consoleEmptyBody')} />}
        >
          <DataTable
            class="vo-table"
            testid="sa-table"
            caption={t('sa.listTitle')}
            head={[
              t('sa.colTitle'),
              t('sa.colWhen'),
              t('sa.colPlace'),
              t('sa.colUnit'),
              { label: t('sa.colSignups'), class: 'num' },
              t('sa.colState'),
              t('campaigns.colActions'),
            ]}
            rows={list()}
          >
            {(a) => (
              <tr data-key={a.id} classList={{ 'vo-row-selected': viewing()?.id === a.id }}>
                <td class="sa-cell-text">
                  <strong>{a.title}</strong>
                </td>
                <td class="tx-num cs-nowrap">{whenText(a)}</td>
                <td class="sa-cell-text">{a.place}</td>
                <td class="cs-nowrap">{a.orgUnitName ?? '—'}</td>
                <td class="num tx-num cs-nowrap">
                  <strong>{fmtNumber(a.signedUp)}</strong>/{fmtNumber(a.capacity)}
                </td>
                <td>
                  <span class={`tx-badge ${a.status === 'cancelled' ? '' : Date.parse(a.endsAt) < Date.now() ? 'tx-badge-neutral' : 'tx-badge-green'}`}>
                    {a.status === 'cancelled' ? t('sa.stateCancelled') : Date.parse(a.endsAt) < Date.now() ? t('sa.stateOver') : t('sa.stateOpen')}
                  </span>
                </td>
                <td class="cs-nowrap">
                  <div class="tx-row cs-row-actions">
                    <Show when={a.canManage}>
                      <Show when={a.status === 'open'}>
                        <a
                          class="tx-btn tx-btn-ghost tx-btn-sm"
                          href={`/console${codeHref(a.id)}`}
                          target="_blank"
                          rel="noopener"
                          data-testid="sa-code-link"
                          aria-label={t('sa.codeOf', { title: a.title })}
                        >
                          <Icon name="code" />
                          {t('sa.codeScreen')}
                        </a>
                      </Show>
                      <Button
                        small
                        variant="ghost"
                        onClick={() => {
                          setViewing(viewing()?.id === a.id ? null : a);
                          void refetch();
                        }}
                        aria-expanded={viewing()?.id === a.id}
                        aria-label={t('sa.signupsOf', { title: a.title })}
                        data-testid="sa-signups"
                      >
                        <Icon name="user" />
                        {t('sa.signups')}
                      </Button>
                      <Show when={a.status === 'open'}>
                        <Button
                          small
                          variant="ghost"
                          onClick={() => {
                            setEditing(a);
                            setNotice(null);
                          }}
                          aria-label={t('sa.editOf', { title: a.title })}
                        >
                          <Icon name="edit" />
                          {t('sa.edit')}
                        </Button>
                        <Show
                          when={confirmCancel() === a.id}
                          fallback={
                            <Button small variant="ghost" onClick={() => setConfirmCancel(a.id)} aria-label={t('sa.cancelOf', { title: a.title })}>
                              {t('sa.cancelActivity')}
                            </Button>
                          }
                        >
                          <span class="tx-small">{t('sa.cancelActivityConfirm', { n: a.signedUp })}</span>
                          <Button small variant="danger" loading={busy() === a.id} onClick={() => cancel(a)}>
                            {t('sa.cancelActivityYes')}
                          </Button>
                          <Button small disabled={busy() === a.id} onClick={() => setConfirmCancel(null)}>
                            {t('action.cancel')}
                          </Button>
                        </Show>
                      </Show>
                    </Show>
                  </div>
                </td>
              </tr>
            )}
          </DataTable>
        </Loaded>
      </section>

      <Show when={viewing()}>
        {(a) => <Signups activity={list().find((x) => x.id === a().id) ?? a()} onRefresh={() => void refetch()} onClose={() => setViewing(null)} />}
      </Show>
    </div>
  );
}

type FormField = 'orgUnitId' | 'title' | 'place' | 'description' | 'startsAt' | 'endsAt' | 'capacity';

function ActivityForm(props: {
  campaign: Campaign;
  unitId: string;
  activity: ServiceActivity | null;
  onSaved: (a: ServiceActivity, isNew: boolean) => void;
  onCancel: () => void;
}) {
  const a = props.activity;
  const tomorrow9 = () => {
    const day = chinaDay(Date.now() + 86_400_000);
    return { s: `${day}T09:00`, e: `${day}T11:00` };
  };
  const [unit, setUnit] = createSignal(a?.orgUnitId ?? props.unitId);
  const [title, setTitle] = createSignal(a?.title ?? '');
  const [place, setPlace] = createSignal(a?.place ?? '');
  const [description, setDescription] = createSignal(a?.description ?? '');
  const [startsAt, setStartsAt] = createSignal(a ? toChinaInput(a.startsAt) : tomorrow9().s);
  const [endsAt, setEndsAt] = createSignal(a ? toChinaInput(a.endsAt) : tomorrow9().e);
  const [capacity, setCapacity] = createSignal(String(a?.capacity ?? 20));
  const [errors, setErrors] = createSignal<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  const err = (f: FormField) => errors()[f];

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(null);
    const s = fromChinaInput(startsAt());
    const en = fromChinaInput(endsAt());
    const cap = Number(capacity());
    const found: Partial<Record<FormField, string>> = {
      title: title().trim() ? undefined : t('form.required'),
      place: place().trim() ? undefined : t('form.required'),
      startsAt: s ? undefined : t('form.required'),
      endsAt: !en ? t('form.required') : s && (Date.parse(en) <= Date.parse(s) || Date.parse(en) - Date.parse(s) > 24 * 3600e3) ? t('sa.errSpan') : undefined,
      capacity: Number.isInteger(cap) && cap >= 1 && cap <= 10000 ? undefined : t('sa.errCapacity'),
    };
    setErrors(found);
    const first = (Object.keys(found) as FormField[]).find((k) => found[k]);
    if (first) {
      document.getElementById(`sa-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const body = { title: title().trim(), place: place().trim(), description: description().trim(), startsAt: s!, endsAt: en!, capacity: cap };
      const x = a ? await updateActivity(a.id, body) : await createActivity(props.campaign.id, { ...body, orgUnitId: unit() });
      props.onSaved(x, !a);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields as Partial<Record<FormField, string>>);
      setFormError(errorText(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card sa-form" aria-labelledby="sa-form-title" data-testid="sa-form">
      <h2 id="sa-form-title">{a ? t('sa.editTitle', { title: a.title }) : t('sa.newTitle')}</h2>
      <form onSubmit={submit} novalidate>
        <FormError message={formError()} />
        <div class="sa-form-grid">
          <Show when={!a}>
            <Field id="sa-orgUnitId" label={t('sa.fUnit')} error={err('orgUnitId')} hint={t('sa.fUnitHint')}>
              <UnitSelect
                id="sa-orgUnitId"
                rows={org.subtree(props.unitId)}
                value={unit()}
                onPick={setUnit}
                {...fieldAria('sa-orgUnitId', err('orgUnitId'), 'hint')}
              />
            </Field>
          </Show>
          <TextField
            id="sa-title"
            label={t('sa.fTitle')}
            error={err('title')}
            maxLength={80}
            value={title()}
            onInput={setTitle}
            placeholder={t('sa.fTitlePh')}
          />
          <TextField
            id="sa-place"
            label={t('sa.fPlace')}
            error={err('place')}
            maxLength={120}
            value={place()}
            onInput={setPlace}
            placeholder={t('sa.fPlacePh')}
          />
          <TextField
            id="sa-startsAt"
            label={t('sa.fStarts')}
            error={err('startsAt')}
            hint={t('sa.chinaTime')}
            type="datetime-local"
            num
            value={startsAt()}
            onInput={setStartsAt}
          />
          <TextField
            id="sa-endsAt"
            label={t('sa.fEnds')}
            error={err('endsAt')}
            hint={t('sa.chinaTime')}
            type="datetime-local"
            num
            value={endsAt()}
            onInput={setEndsAt}
          />
          <TextField
            id="sa-capacity"
            label={t('sa.fCapacity')}
            error={err('capacity')}
            hint={a ? t('sa.fCapacityHint', { n: a.signedUp }) : undefined}
            type="number"
            inputmode="numeric"
            min={a ? Math.max(1, a.signedUp) : 1}
            max={10000}
            num
            value={capacity()}
            onInput={setCapacity}
          />
        </div>
        <Field id="sa-description" label={t('sa.fDescription')} optional error={err('description')}>
          <textarea
            id="sa-description"
            class="tx-textarea"
            rows={3}
            maxLength={2000}
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            {...fieldAria('sa-description', err('description'))}
          />
        </Field>
        <FormActions busy={sending()} label={a ? t('sa.save') : t('sa.create')} testid="sa-save" onCancel={props.onCancel} />
      </form>
    </section>
  );
}

function Signups(props: { activity: ServiceActivity; onRefresh: () => void; onClose: () => void }) {
  const [rows, { refetch }] = createResource(() => props.activity.id, listSignups);
  const list = () => (rows.error ? [] : (rows.latest ?? []));
  const active = () => list().filter((r) => r.status === 'signed_up');
  const time = (iso: string | null) => (iso ? chinaTime(iso) : '—');
  return (
    <section class="tx-card vo-table-card" aria-labelledby="sa-signups-title" data-testid="sa-signup-list">
      <div class="tx-card-title">
        <h2 id="sa-signups-title">{t('sa.signupsTitle', { title: props.activity.title })}</h2>
        <span class="tx-spacer" />
        <span class="tx-small tx-muted tx-num">
          {t('sa.signupsCount', { n: active().length, cap: props.activity.capacity, in: active().filter((r) => r.checkedInAt).length })}
        </span>
        <a class="tx-btn tx-btn-secondary tx-btn-sm" href={signupsExportUrl(props.activity.id, 'xlsx')} download="">
          <Icon name="download" />
          Excel
        </a>
        <a class="tx-btn tx-btn-ghost tx-btn-sm" href={signupsExportUrl(props.activity.id, 'csv')} download="">
          CSV
        </a>
        <Button
          small
          variant="ghost"
          onClick={() => {
            void refetch();
            props.onRefresh();
          }}
          aria-label={t('sa.refresh')}
        >
          <Icon name="refresh" />
        </Button>
        <Button small variant="ghost" onClick={props.onClose}>
          {t('sa.close')}
        </Button>
      </div>
      <Loaded
        error={rows.error}
        retry={refetch}
        loading={!rows.latest}
        lines={4}
        empty={list().length === 0}
        emptyView={<EmptyState icon="user" title={t('sa.noSignupsTitle')} body={t('sa.noSignupsBody')} />}
      >
        <DataTable
          class="vo-table"
          caption={t('sa.signupsTitle', { title: props.activity.title })}
          head={[
            t('vol.colMember'),
            t('sa.colPhone'),
            t('vol.colUnit'),
            t('sa.colSignup'),
            t('sa.colIn'),
            t('sa.colOut'),
            { label: t('vol.colHours'), class: 'num' },
            t('sa.colRecord'),
          ]}
          rows={list()}
        >
          {(r) => (
            <tr data-status={r.status}>
              <td class="cs-nowrap">
                <strong>{r.name}</strong>
              </td>
              <td class="tx-num cs-nowrap">{r.phone}</td>
              <td class="cs-nowrap">{r.orgUnitName ?? '—'}</td>
              <td>
                <span class={`tx-badge ${r.status === 'signed_up' ? 'tx-badge-green' : ''}`}>
                  {r.status === 'signed_up' ? t('sa.signedUp') : t('sa.signupCancelled')}
                </span>
              </td>
              <td class="tx-num cs-nowrap">{time(r.checkedInAt)}</td>
              <td class="tx-num cs-nowrap">{time(r.checkedOutAt)}</td>
              <td class="num tx-num">{r.hours === null ? '—' : fmtHours(r.hours)}</td>
              <td>{r.recordStatus ? t(`vol.status.${r.recordStatus}` as 'vol.status.pending') : '—'}</td>
            </tr>
          )}
        </DataTable>
      </Loaded>
    </section>
  );
}
