import { createEffect, createMemo, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { ApiError, call } from '@ui/api';
import type { BodyOf } from '@ui/operations';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fromLocalInput, toLocalInput } from '@ui/format';
import type { Campaign } from '@ui/types';
import { getCampaign, portalHref, transition } from '../data/campaigns';
import { SharePanel } from '@ui/components/SharePanel';
import { org } from '../data/org';
import { buildSettings, defaultsOf, inputsFrom, KIND_FIELDS, mergeForEdit } from '../data/settingsForm';
import { t } from '../i18n';
import { guardUnsaved } from '../ui/unsaved';
import { Crumb } from '../ui/PageHead';
import { CampaignNotFound } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import { ContestTabs } from '../ui/ContestNav';
import { lazy, Suspense } from 'solid-js';
import { CampaignFormSections, type FormState } from '../ui/CampaignFormSections';
import { CampaignModuleLinks } from '../ui/CampaignModuleLinks';
import { Confirm } from '../ui/Confirm';
import { CoverField } from '../ui/CoverField';
import { DuplicatePanel, TemplatePicker, type CampaignTemplate } from '../ui/CampaignTemplates';

// a contest's 评选设置 (weights, image rules, windows, awards), loaded only for contests
const ContestSettings = lazy(() => import('../ui/ContestSettings'));

const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
type CreateBody = BodyOf<'POST /campaigns'>;
type PatchBody = BodyOf<'PATCH /campaigns/{id}'>;

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
          <CampaignNotFound />
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
      <Match when={campaign.latest}>{(c) => <CampaignForm campaign={c()} onChange={(next) => mutate(next)} />}</Match>
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
  // the template a new campaign started from: its settings go out beneath what the form sets
  const [template, setTemplate] = createSignal<CampaignTemplate | null>(null);

  function applyTemplate(tpl: CampaignTemplate) {
    const start = fromLocalInput(form.startsAt) ?? new Date().toISOString();
    setForm({
      kind: tpl.kind,
      title: tpl.title,
      summary: tpl.summary,
      description: tpl.description,
      endsAt: toLocalInput(new Date(Date.parse(start) + tpl.durationDays * 86_400_000).toISOString()),
      settings: inputsFrom(tpl.kind, tpl.settings),
    });
    setTemplate(tpl);
    setNotice(t('tpl.applied', { name: tpl.title }));
  }

  const dirty = createMemo(() => JSON.stringify(form) !== saved());
  const closed = () => props.campaign?.status === 'closed';
  const defaults = createMemo(() => defaultsOf(form.kind));
  const fieldNames = createMemo(() => [...BASE_FIELDS, ...KIND_FIELDS[form.kind].map((f) => `settings.${f.path}`)]);

  if (search.created) setSearch({ created: undefined }, { replace: true });

  guardUnsaved(dirty, sending);

  function validate(): { create: CreateBody; patch?: never } | { patch: PatchBody; create?: never } | null {
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
    // both times are set once the checks above pass
    const body = { title: form.title.trim(), summary: form.summary.trim(), description: form.description, startsAt: startsAt!, endsAt: endsAt! };
    if (!editing()) {
      // settings the form has no field for (categories, stratify …) come from the template, if the kind is still its
      const tpl = template();
      const settings = tpl && tpl.kind === form.kind ? { ...tpl.settings, ...built.settings } : built.settings;
      return {
        create: { ...body, kind: form.kind, orgUnitId: form.orgUnitId, ...(slug ? { slug } : {}), ...(Object.keys(settings).length ? { settings } : {}) },
      };
    }
    // an edit sends only what changed
    const c = props.campaign!;
    const patch: PatchBody = {};
    for (const k of ['title', 'summary', 'description', 'startsAt', 'endsAt'] as const) {
      if (body[k] !== c[k] && !(k.endsWith('At') && Date.parse(body[k]) === Date.parse(c[k]))) patch[k] = body[k];
    }
    if (slug && slug !== c.slug) patch.slug = slug;
    const next = mergeForEdit(c.kind, (c.settings ?? {}) as Record<string, unknown>, built.settings);
    if (JSON.stringify(form.settings) !== JSON.stringify(JSON.parse(saved()).settings)) patch.settings = next;
    return { patch };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setNotice(null);
    errors.setForm(null);
    const v = validate();
    if (!v) return;
    if (v.patch && Object.keys(v.patch).length === 0) {
      setNotice(t('form.noChanges'));
      return;
    }
    setSending(true);
    try {
      if (v.create) {
        const r = await call('POST /campaigns', {}, { body: v.create });
        setSaved(JSON.stringify(form));
        navigate(`/campaigns/${encodeURIComponent(r.campaign.id)}?created=1`, { replace: true });
      } else {
        const { campaign: updated } = await call('PATCH /campaigns/{id}', { id: props.campaign!.id }, { body: v.patch });
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
      <Crumb href="/campaigns">{t('form.backToList')}</Crumb>
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
              <CampaignModuleLinks campaign={c()} />
              <Show when={c().status === 'draft'}>
                <Button
                  variant="primary"
                  loading={actionBusy() === 'publish'}
                  disabled={dirty()}
                  onClick={() => act('publish')}
                  title={dirty() ? t('form.unsaved') : undefined}
                >
                  <Icon name="check" />
                  {t('form.publish')}
                </Button>
              </Show>
              <Show when={c().status === 'published'}>
                <Button
                  variant="danger"
                  onClick={() => {
                    setNotice(null);
                    setConfirmClose(true);
                  }}
                  disabled={confirmClose()}
                >
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

      <Show when={props.campaign}>{(c) => <CoverField campaign={c()} onChange={props.onChange} />}</Show>
      <Show when={props.campaign?.kind === 'contest'}>
        <ContestTabs campaignId={props.campaign!.id} />
      </Show>

      <Show when={confirmClose() && props.campaign}>
        <Confirm
          id="close-title"
          describedBy="close-body"
          title={t('form.closeConfirmTitle', { title: props.campaign!.title })}
          action={t('form.closeConfirm')}
          actionClass="cs-danger-solid"
          busy={actionBusy() === 'close'}
          onAction={() => act('close')}
          onCancel={() => setConfirmClose(false)}
        >
          <p id="close-body">{t('form.closeConfirmBody')}</p>
        </Confirm>
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

      <Show when={!editing()}>
        <TemplatePicker picked={template()?.id ?? null} onPick={applyTemplate} />
      </Show>

      <form onSubmit={submit} novalidate class="cs-form">
        <FormError message={errors.form()} />
        <fieldset disabled={closed()} class="cs-fieldset">
          <CampaignFormSections form={form} setForm={setForm} err={err} editing={editing()} campaign={props.campaign} defaults={defaults()} />
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
      <Show when={props.campaign}>{(c) => <DuplicatePanel campaign={c()} />}</Show>
    </div>
  );
}
