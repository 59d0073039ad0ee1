import { createEffect, createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { A, useBeforeLeave, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { CAMPAIGN_KINDS, KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { api, ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { EmptyState } from '@ui/components/EmptyState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fromLocalInput, toLocalInput } from '@ui/format';
import { isRanking } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { getCampaign, portalHref, transition } from '../data/campaigns';
import { SharePanel } from '@ui/components/SharePanel';
import { org } from '../data/org';
import { buildSettings, defaultsOf, inputsFrom, KIND_FIELDS, mergeForEdit, placeholderOf, type SettingField } from '../data/settingsForm';
import { t } from '../i18n';
import { StatusBadge } from '../ui/StatusBadge';
import { ContestTabs } from '../ui/ContestNav';
import { lazy, Suspense } from 'solid-js';

// the quiz's question-bank checkboxes, loaded only for quiz campaigns
const QuizBankPicker = lazy(() => import('../ui/QuizBankPicker'));
// a contest's 评选设置 (weights, image rules, windows, awards), loaded only for contests
const ContestSettings = lazy(() => import('../ui/ContestSettings'));

const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

interface FormState {
  kind: CampaignKind;
  title: string;
  slug: string;
  summary: string;
  description: string;
  orgUnitId: string;
  startsAt: string;
  endsAt: string;
  settings: Record<string, string>;
}

const BASE_FIELDS = ['kind', 'title', 'slug', 'summary', 'description', 'orgUnitId', 'startsAt', 'endsAt'] as const;

function emptyState(orgUnitId: string): FormState {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return {
    kind: 'quiz',
    title: '',
    slug: '',
    summary: '',
    description: '',
    orgUnitId,
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(end.toISOString()),
    settings: {},
  };
}

function stateOf(c: Campaign): FormState {
  return {
    kind: c.kind,
    title: c.title,
    slug: c.slug ?? '',
    summary: c.summary ?? '',
    description: c.description ?? '',
    orgUnitId: c.orgUnitId,
    startsAt: toLocalInput(c.startsAt),
    endsAt: toLocalInput(c.endsAt),
    settings: inputsFrom(c.kind, (c.settings ?? {}) as Record<string, unknown>),
  };
}

export function CampaignNew() {
  createEffect(() => {
    document.title = `${t('form.newTitle')} · ${t('console.name')}`;
  });
  return <CampaignForm campaign={null} />;
}

export function CampaignEdit() {
  const params = useParams<{ id: string }>();
  const [campaign, { refetch, mutate }] = createResource(() => params.id, getCampaign);
  createEffect(() => {
    document.title = `${campaign.latest?.title ?? t('form.editTitle')} · ${t('console.name')}`;
  });
  const missing = () => campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 403);
  return (
    <Switch>
      <Match when={missing()}>
        <div class="cs-page">
          <EmptyState
            icon="flag"
            title={t('form.notFound')}
            action={
              <A href="/campaigns" class="tx-btn tx-btn-secondary">
                {t('form.backToList')}
              </A>
            }
          />
        </div>
      </Match>
      <Match when={campaign.error}>
        <div class="cs-page">
          <ErrorState error={campaign.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={campaign.loading && !campaign.latest}>
        <div class="cs-page">
          <div class="tx-card">
            <Skeleton title lines={8} />
          </div>
        </div>
      </Match>
      <Match when={campaign.latest}>
        {(c) => <CampaignForm campaign={c()} onChange={(next) => mutate(next)} />}
      </Match>
    </Switch>
  );
}

/** One page for creating and editing (never a modal, so work is not lost). */
function CampaignForm(props: { campaign: Campaign | null; onChange?: (c: Campaign) => void }) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams<{ created?: string }>();
  const editing = () => props.campaign !== null;
  const initial = props.campaign ? stateOf(props.campaign) : emptyState(org.scopeId() ?? '');
  const [form, setForm] = createStore<FormState>(structuredClone(initial));
  const [saved, setSaved] = createSignal(JSON.stringify(initial));
  const [sending, setSending] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(search.created ? t('form.created') : null);
  const [actionBusy, setActionBusy] = createSignal<'publish' | 'close' | null>(null);
  const [confirmClose, setConfirmClose] = createSignal(false);
  const errors = createFormErrors<string>();

  const dirty = createMemo(() => JSON.stringify(form) !== saved());
  const closed = () => props.campaign?.status === 'closed';
  const defaults = createMemo(() => defaultsOf(form.kind));
  const fieldNames = createMemo(() => [...BASE_FIELDS, ...KIND_FIELDS[form.kind].map((f) => `settings.${f.path}`)]);

  if (search.created) setSearch({ created: undefined }, { replace: true });

  useBeforeLeave((e) => {
    if (dirty() && !sending() && !e.defaultPrevented) {
      e.preventDefault();
      if (window.confirm(t('form.unsaved'))) e.retry(true);
    }
  });
  const onUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onUnload));

  function validate(): { body: Record<string, unknown> } | null {
    const found: Record<string, string | undefined> = {};
    if (!form.title.trim()) found.title = t('form.required');
    const slug = form.slug.trim().toLowerCase();
    if (slug && !SLUG_RE.test(slug)) found.slug = t('form.slugInvalid');
    if (!form.orgUnitId) found.orgUnitId = t('form.required');
    const startsAt = fromLocalInput(form.startsAt);
    const endsAt = fromLocalInput(form.endsAt);
    if (!startsAt) found.startsAt = t('form.required');
    if (!endsAt) found.endsAt = t('form.required');
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) found.endsAt = t('form.endsBeforeStarts');
    const built = buildSettings(form.kind, unwrap(form.settings), {
      integer: t('form.integer'),
      amount: t('form.amount'),
      url: t('form.urlInvalid'),
      charity: t('form.charityIncomplete'),
    });
    Object.assign(found, built.errors);
    if (!errors.check(found)) {
      errors.setForm(t('form.fixErrors'));
      return null;
    }
    const body: Record<string, unknown> = {
      title: form.title.trim(),
      summary: form.summary.trim(),
      description: form.description,
      startsAt,
      endsAt,
    };
    if (slug) body.slug = slug;
    if (!editing()) {
      body.kind = form.kind;
      body.orgUnitId = form.orgUnitId;
      if (Object.keys(built.settings).length) body.settings = built.settings;
      return { body };
    }
    // an edit sends only what changed
    const c = props.campaign!;
    const patch: Record<string, unknown> = {};
    for (const k of ['title', 'summary', 'description', 'startsAt', 'endsAt'] as const) {
      if (body[k] !== (c as Record<string, unknown>)[k] && !(k.endsWith('At') && Date.parse(body[k] as string) === Date.parse(c[k]))) patch[k] = body[k];
    }
    if (slug && slug !== c.slug) patch.slug = slug;
    const next = mergeForEdit(c.kind, (c.settings ?? {}) as Record<string, unknown>, built.settings);
    if (JSON.stringify(form.settings) !== JSON.stringify(JSON.parse(saved()).settings)) patch.settings = next;
    return { body: patch };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setNotice(null);
    errors.setForm(null);
    const v = validate();
    if (!v) return;
    if (editing() && Object.keys(v.body).length === 0) {
      setNotice(t('form.noChanges'));
      return;
    }
    setSending(true);
    try {
      if (!editing()) {
        const r = await api<{ campaign: Campaign }>('POST', '/campaigns', v.body);
        setSaved(JSON.stringify(form));
        navigate(`/campaigns/${encodeURIComponent(r.campaign.id)}?created=1`, { replace: true });
      } else {
        const r = await api<{ campaign?: Campaign }>('PATCH', `/campaigns/${encodeURIComponent(props.campaign!.id)}`, v.body);
        const updated = r?.campaign ?? (await getCampaign(props.campaign!.id));
        const fresh = stateOf(updated);
        setForm(fresh);
        setSaved(JSON.stringify(fresh));
        props.onChange?.(updated);
        setNotice(t('form.saved'));
      }
    } catch (err) {
      errors.fromApi(err, fieldNames(), { 'settings.charity': 'settings.charity.name' });
    } finally {
      setSending(false);
    }
  }

  async function act(action: 'publish' | 'close') {
    const c = props.campaign!;
    setNotice(null);
    errors.setForm(null);
    setActionBusy(action);
    try {
      const updated = await transition(c.id, action);
      setConfirmClose(false);
      props.onChange?.(updated);
      setNotice(t(action === 'publish' ? 'form.published' : 'form.closed'));
    } catch (err) {
      errors.fromApi(err, fieldNames(), { 'settings.charity': 'settings.charity.name' });
    } finally {
      setActionBusy(null);
    }
  }

  const err = (name: string) => errors.fields()[name];

  return (
    <div class="cs-page cs-form-page">
      <p class="cs-crumb">
        <A href="/campaigns">
          <Icon name="chevronLeft" />
          {t('form.backToList')}
        </A>
      </p>
      <div class="cs-page-head">
        <div>
          <h1>{editing() ? props.campaign!.title : t('form.newTitle')}</h1>
          <Show when={props.campaign}>
            {(c) => (
              <div class="tx-row">
                <StatusBadge status={c().status} />
                <span class="tx-muted tx-small">{loc(KIND_LABEL[c().kind])}</span>
                <Show when={c().status !== 'draft'}>
                  <a href={portalHref(c())} target="_blank" rel="noopener" class="tx-small">
                    {t('form.viewOnPortal')}
                    <Icon name="external" />
                  </a>
                </Show>
              </div>
            )}
          </Show>
        </div>
        <Show when={props.campaign}>
          {(c) => (
            <div class="tx-row">
              <Show when={isRanking(c().kind)}>
                <A href={`/campaigns/${encodeURIComponent(c().id)}/leaderboard`} class="tx-btn tx-btn-secondary">
                  <Icon name="trophy" />
                  {t('form.board')}
                </A>
              </Show>
              <Show when={c().kind === 'quiz'}>
                <A href={`/campaigns/${encodeURIComponent(c().id)}/quiz`} class="tx-btn tx-btn-secondary" data-testid="quiz-manage-link">
                  <Icon name="quiz" />
                  {t('quiz.manage.title')}
                </A>
              </Show>
              <Show when={c().kind === 'volunteer'}>
                <A href={`/campaigns/${encodeURIComponent(c().id)}/volunteer`} class="tx-btn tx-btn-secondary" data-testid="vol-manage-link">
                  <Icon name="volunteer" />
                  {t('vol.manage')}
                </A>
              </Show>
              <Show when={c().kind === 'drive'}>
                <A href={`/campaigns/${encodeURIComponent(c().id)}/drive`} class="tx-btn tx-btn-secondary" data-testid="drive-manage-link">
                  <Icon name="drive" />
                  {t('drive.manage')}
                </A>
              </Show>
              <Show when={c().kind === 'exhibition'}>
                <A href={`/campaigns/${encodeURIComponent(c().id)}/exhibition`} class="tx-btn tx-btn-secondary" data-testid="ex-manage-link">
                  <Icon name="exhibition" />
                  {t('ex.title')}
                </A>
              </Show>
              <Show when={c().status === 'draft'}>
                <Button variant="primary" loading={actionBusy() === 'publish'} disabled={dirty()} onClick={() => act('publish')} title={dirty() ? t('form.unsaved') : undefined}>
                  <Icon name="check" />
                  {t('form.publish')}
                </Button>
              </Show>
              <Show when={c().status === 'published'}>
                <Button variant="danger" onClick={() => {
                    setNotice(null);
                    setConfirmClose(true);
                  }}
                  disabled={confirmClose()}>
                  {t('form.close')}
                </Button>
              </Show>
            </div>
          )}
        </Show>
      </div>

      <Show when={props.campaign && props.campaign.status !== 'draft' ? props.campaign : null}>
        {(c) => (
          <div class="cs-gap">
            <SharePanel
              small
              path={portalHref(c())}
              title={c().title}
              subtitle={`${loc(KIND_LABEL[c().kind])} · ${fmtDate(c().startsAt)} – ${fmtDate(c().endsAt)} · ${c().orgUnitName ?? ''}`}
              fileName={c().slug}
            />
          </div>
        )}
      </Show>

      <Show when={props.campaign?.kind === 'contest'}>
        <ContestTabs campaignId={props.campaign!.id} />
      </Show>

      <Show when={confirmClose() && props.campaign}>
        <div class="cs-confirm" role="alertdialog" aria-labelledby="close-title" aria-describedby="close-body">
          <Icon name="alert" class="cs-confirm-icon" />
          <div>
            <h2 id="close-title">{t('form.closeConfirmTitle', { title: props.campaign!.title })}</h2>
            <p id="close-body">{t('form.closeConfirmBody')}</p>
            <div class="tx-row">
              <Button variant="primary" class="cs-danger-solid" loading={actionBusy() === 'close'} onClick={() => act('close')}>
                {t('form.closeConfirm')}
              </Button>
              <Button variant="secondary" disabled={actionBusy() === 'close'} onClick={() => setConfirmClose(false)}>
                {t('action.cancel')}
              </Button>
            </div>
          </div>
        </div>
      </Show>

      <Show when={notice()}>
        <div class="cs-gap">
          <Notice kind="success">{notice()}</Notice>
        </div>
      </Show>
      <Show when={closed()}>
        <div class="cs-gap">
          <Notice kind="warning">{t('form.closedNote')}</Notice>
        </div>
      </Show>

      <form onSubmit={submit} novalidate class="cs-form">
        <FormError message={errors.form()} />
        <fieldset disabled={closed()} class="cs-fieldset">
          <section class="tx-card">
            <h2>{t('form.basics')}</h2>
            <Field id="kind" label={t('form.kind')} error={err('kind')} hint={editing() ? t('form.kindFixed') : undefined}>
              <select
                id="kind"
                class="tx-select"
                value={form.kind}
                disabled={editing()}
                onChange={(e) => {
                  setForm('kind', e.currentTarget.value as CampaignKind);
                  setForm('settings', reconcile({}));
                }}
                {...fieldAria('kind', err('kind'))}
              >
                <For each={CAMPAIGN_KINDS}>{(k) => <option value={k} selected={k === form.kind}>{loc(KIND_LABEL[k])}</option>}</For>
              </select>
            </Field>
            <Field id="title" label={t('form.title')} error={err('title')}>
              <input
                id="title"
                class="tx-input"
                maxLength={80}
                placeholder={t('form.titlePlaceholder')}
                value={form.title}
                onInput={(e) => setForm('title', e.currentTarget.value)}
                {...fieldAria('title', err('title'))}
              />
            </Field>
            <Field id="slug" label={t('form.slug')} optional error={err('slug')} hint={t('form.slugHint', { example: 'party-quiz-2026' })}>
              <input
                id="slug"
                class="tx-input"
                maxLength={64}
                placeholder="party-quiz-2026"
                autocapitalize="off"
                spellcheck={false}
                value={form.slug}
                onInput={(e) => setForm('slug', e.currentTarget.value)}
                {...fieldAria('slug', err('slug'), 'hint')}
              />
            </Field>
            <Field id="summary" label={t('form.summary')} optional error={err('summary')} hint={t('form.summaryHint')}>
              <input
                id="summary"
                class="tx-input"
                maxLength={500}
                value={form.summary}
                onInput={(e) => setForm('summary', e.currentTarget.value)}
                {...fieldAria('summary', err('summary'), 'hint')}
              />
            </Field>
            <Field id="description" label={t('form.description')} optional error={err('description')}>
              <textarea
                id="description"
                class="tx-textarea"
                rows={6}
                maxLength={10000}
                value={form.description}
                onInput={(e) => setForm('description', e.currentTarget.value)}
                {...fieldAria('description', err('description'))}
              />
            </Field>
          </section>

          <section class="tx-card">
            <h2>{t('form.schedule')}</h2>
            <Field id="orgUnitId" label={t('form.unit')} error={err('orgUnitId')}>
              <select
                id="orgUnitId"
                class="tx-select"
                value={form.orgUnitId}
                disabled={editing()}
                onChange={(e) => setForm('orgUnitId', e.currentTarget.value)}
                {...fieldAria('orgUnitId', err('orgUnitId'))}
              >
                <Show when={editing() && !org.scopeOptions().some((o) => o.unit.id === form.orgUnitId)}>
                  <option value={form.orgUnitId}>{props.campaign?.orgUnitName}</option>
                </Show>
                <For each={org.scopeOptions()}>
                  {(o) => (
                    <option value={o.unit.id} selected={o.unit.id === form.orgUnitId}>
                      {'\u3000'.repeat(o.depth)}
                      {o.unit.name}
                    </option>
                  )}
                </For>
              </select>
            </Field>
            <div class="cs-form-row">
              <Field id="startsAt" label={t('form.startsAt')} error={err('startsAt')}>
                <input
                  id="startsAt"
                  class="tx-input tx-num"
                  type="datetime-local"
                  value={form.startsAt}
                  onInput={(e) => setForm('startsAt', e.currentTarget.value)}
                  {...fieldAria('startsAt', err('startsAt'))}
                />
              </Field>
              <Field id="endsAt" label={t('form.endsAt')} error={err('endsAt')}>
                <input
                  id="endsAt"
                  class="tx-input tx-num"
                  type="datetime-local"
                  value={form.endsAt}
                  onInput={(e) => setForm('endsAt', e.currentTarget.value)}
                  {...fieldAria('endsAt', err('endsAt'))}
                />
              </Field>
            </div>
            <p class="tx-field-hint cs-tight">{t('form.timeHint')}</p>
          </section>

          <section class="tx-card">
            <h2>{t('form.settings')}</h2>
            <p class="tx-muted tx-small">{t('form.settingsHint')}</p>
            <Show when={form.kind === 'drive'}>
              <div class="cs-gap">
                <Notice kind="highlight">{t('form.charityNote')}</Notice>
              </div>
            </Show>
            <div class="cs-settings-grid">
              <For each={KIND_FIELDS[form.kind]}>
                {(f) => <SettingInput field={f} value={form.settings[f.path] ?? ''} onInput={(v) => setForm('settings', f.path, v)} error={err(`settings.${f.path}`)} placeholder={placeholderOf(f, defaults())} defaultValue={String((defaults() as Record<string, unknown>)[f.path] ?? '')} />}
              </For>
            </div>
          </section>
        </fieldset>

        <Show when={!closed()}>
          <div class="cs-form-actions">
            <Button type="submit" variant="primary" loading={sending()}>
              {sending() ? t('state.sending') : editing() ? t('form.save') : t('form.create')}
            </Button>
            <A href="/campaigns" class="tx-btn tx-btn-secondary">
              {t('action.cancel')}
            </A>
            <Show when={errors.form() && !sending()}>
              <span class="tx-small cs-form-actions-error" role="status">
                {errors.form()}
              </span>
            </Show>
          </div>
        </Show>
      </form>
      <Show when={props.campaign?.kind === 'contest'}>
        <Suspense>
          <ContestSettings campaign={props.campaign!} onChange={props.onChange} />
        </Suspense>
      </Show>
    </div>
  );
}

function SettingInput(props: {
  field: SettingField;
  value: string;
  error: string | undefined;
  placeholder: string;
  defaultValue: string;
  onInput: (v: string) => void;
}) {
  const id = () => `s-${props.field.path.replace(/\./g, '-')}`;
  const f = () => props.field;
  return (
    <Field
      id={id()}
      label={t(f().label)}
      optional={!f().group}
      error={props.error}
      hint={f().hint ? t(f().hint!) : undefined}
      class={f().type === 'url' || f().type === 'list' || f().type === 'banks' || f().path === 'address' ? 'cs-span-2' : undefined}
    >
      <Switch
        fallback={
          <input
            id={id()}
            class={`tx-input ${f().type === 'int' || f().type === 'yuan' ? 'tx-num' : ''}`}
            type={f().type === 'url' ? 'url' : 'text'}
            inputmode={f().type === 'int' ? 'numeric' : f().type === 'yuan' ? 'decimal' : undefined}
            placeholder={props.placeholder ? t('form.default', { value: props.placeholder }) : f().type === 'url' ? 'https://' : ''}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
            {...fieldAria(id(), props.error)}
          />
        }
      >
        <Match when={f().type === 'banks'}>
          <Suspense>
            <QuizBankPicker id={id()} value={props.value} onInput={props.onInput} />
          </Suspense>
        </Match>
        <Match when={f().type === 'select' || f().type === 'bool'}>
          <select id={id()} class="tx-select" value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)} {...fieldAria(id(), props.error)}>
            <option value="">
              {t('form.default', {
                value: (() => {
                  const o = f().options?.find((x) => x.value === props.defaultValue);
                  return o ? t(o.label) : props.defaultValue;
                })(),
              })}
            </option>
            <For each={f().options}>{(o) => <option value={o.value} selected={o.value === props.value}>{t(o.label)}</option>}</For>
          </select>
        </Match>
      </Switch>
    </Field>
  );
}

