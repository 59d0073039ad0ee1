import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { chinaDay, chinaTime, codeHref, createSessions, deleteSession, fromChinaInput, getTrainingStats, listSessions, type Session } from '../data/training';
import { org } from '../data/org';
import { t } from '../i18n';
import { FormActions } from '../ui/FormActions';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { Confirm } from '../ui/Confirm';
import { DataTable } from '../ui/DataTable';
import { MetricCard } from '../ui/Metric';
import { UnitFilter } from '../ui/UnitSelect';
import { ModuleHead, UrlTabs, useUrlTab } from '../ui/UrlTabs';
import { TrainingEnrolment, TrainingMaterials, TrainingRegister } from '../ui/TrainingRegister';
import { TrainingPlanPanel } from '../ui/TrainingPlan';
import '../volunteer.css';

type Tab = 'sessions' | 'enrol' | 'register' | 'materials' | 'stats' | 'plan';
const TABS: readonly Tab[] = ['sessions', 'enrol', 'register', 'materials', 'stats', 'plan'];

/** 党员教育培训 of one campaign (/console/campaigns/:id/training): 课次 · 报名 · 签到登记 · 学习资料 · 统计 · 年度计划 (of the campaign's unit or one below). Loaded on demand. */
export default function TrainingPage() {
  return (
    <CampaignModulePage
      kind="training"
      icon="flag"
      class="tr-page"
      title={(c) => (c ? t('tr.pageTitle', { title: c.title }) : t('tr.title'))}
      notKind={(kind) => t('tr.notTraining', { kind })}
    >
      {(c) => <Training campaign={c()} />}
    </CampaignModulePage>
  );
}

function Training(props: { campaign: Campaign }) {
  const [tab, setTab] = useUrlTab(TABS);
  const [sessions, { refetch }] = createResource(() => props.campaign.id, listSessions);
  const [registerOf, setRegisterOf] = createSignal<string | null>(null);
  const openRegister = (id: string) => {
    setRegisterOf(id);
    setTab('register');
  };
  return (
    <>
      <ModuleHead campaign={props.campaign} title={t('tr.pageTitle', { title: props.campaign.title })} portalPath="/training" />
      <Show when={props.campaign.status === 'draft'}>
        <Notice kind="warning">{t('tr.draftNote')}</Notice>
      </Show>
      <UrlTabs
        id="tr-tab"
        panelClass="tr-panel"
        label={t('tr.title')}
        tabs={TABS}
        tab={tab()}
        labelOf={(k) => t(`tr.tab.${k}` as 'tr.tab.sessions')}
        onChange={setTab}
      >
        <Switch>
          <Match when={tab() === 'sessions'}>
            <Sessions
              campaign={props.campaign}
              sessions={sessions.latest ?? []}
              loading={sessions.loading && !sessions.latest}
              error={sessions.error}
              refetch={refetch}
              onRegister={openRegister}
            />
          </Match>
          <Match when={tab() === 'enrol'}>
            <TrainingEnrolment campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'register'}>
            <TrainingRegister sessions={sessions.latest ?? []} selected={registerOf() ?? pickDefault(sessions.latest ?? [])} onPick={setRegisterOf} />
          </Match>
          <Match when={tab() === 'materials'}>
            <TrainingMaterials campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'stats'}>
            <Stats campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'plan'}>
            <TrainingPlanPanel campaign={props.campaign} />
          </Match>
        </Switch>
      </UrlTabs>
    </>
  );
}

/** The register opens on the session on now, else the last one that started, else the first. */
function pickDefault(list: Session[]): string | null {
  const now = Date.now();
  const started = list.filter((s) => Date.parse(s.startsAt) - 30 * 60e3 <= now);
  return (started[started.length - 1] ?? list[0])?.id ?? null;
}

export const whenText = (s: Pick<Session, 'startsAt' | 'endsAt'>) => `${chinaDay(s.startsAt)} ${chinaTime(s.startsAt)}–${chinaTime(s.endsAt)}`;

function Sessions(props: {
  campaign: Campaign;
  sessions: Session[];
  loading: boolean;
  error: unknown;
  refetch: () => unknown;
  onRegister: (id: string) => void;
}) {
  const [adding, setAdding] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [deleting, setDeleting] = createSignal<Session | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function remove() {
    setBusy(true);
    try {
      await deleteSession(deleting()!.id);
      setDeleting(null);
      await props.refetch();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="vo-stack">
      <div class="vo-toolbar">
        <span class="tx-spacer" />
        <Show when={props.campaign.status !== 'closed'}>
          <Button small variant="primary" onClick={() => setAdding(!adding())} aria-expanded={adding()} data-testid="tr-add-session">
            <Icon name="plus" />
            {t('tr.newSession')}
          </Button>
        </Show>
      </div>
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
      <Show when={adding()}>
        <SessionForm
          campaign={props.campaign}
          onSaved={(n) => {
            setAdding(false);
            setNotice(t('tr.created', { n }));
            void props.refetch();
          }}
          onCancel={() => setAdding(false)}
        />
      </Show>
      <Show when={deleting()}>
        {(s) => (
          <Confirm
            title={t('tr.deleteConfirm', { title: s().title })}
            action={t('tr.delete')}
            actionClass="tx-btn-danger"
            busy={busy()}
            onAction={remove}
            onCancel={() => setDeleting(null)}
          />
        )}
      </Show>
      <Switch>
        <Match when={props.error}>
          <ErrorState error={props.error} onRetry={props.refetch} />
        </Match>
        <Match when={props.loading}>
          <Skeleton lines={5} />
        </Match>
        <Match when={!props.sessions.length}>
          <EmptyState icon="calendar" title={t('tr.noSessions')} body={t('tr.noSessionsBody')} />
        </Match>
        <Match when={props.sessions.length}>
          <DataTable
            testid="tr-sessions"
            caption={t('tr.tab.sessions')}
            head={[
              t('tr.colWhen'),
              t('tr.colSession'),
              t('tr.colPlace'),
              { label: t('tr.colHours'), class: 'num' },
              { label: t('tr.colAttended'), class: 'num' },
              t('tr.colActions'),
            ]}
            rows={props.sessions}
          >
            {(s) => (
              <tr data-testid="tr-session-row">
                <td class="tx-num">{whenText(s)}</td>
                <td>{s.title}</td>
                <td>
                  {s.location}
                  <Show when={s.lecturer}>
                    <div class="tx-small tx-muted">{s.lecturer}</div>
                  </Show>
                </td>
                <td class="num tx-num">{s.hours}</td>
                <td class="num tx-num">{s.attendances}</td>
                <td>
                  <div class="tx-row">
                    <A class="tx-btn tx-btn-secondary tx-btn-sm" href={codeHref(s.id)} target="_blank" data-testid="tr-code-link">
                      <Icon name="code" />
                      {t('tr.showCode')}
                    </A>
                    <Button small onClick={() => props.onRegister(s.id)} data-testid="tr-register-link">
                      <Icon name="check" />
                      {t('tr.register')}
                    </Button>
                    <Button small variant="ghost" onClick={() => setDeleting(s)}>
                      {t('tr.delete')}
                    </Button>
                  </div>
                </td>
              </tr>
            )}
          </DataTable>
        </Match>
      </Switch>
    </div>
  );
}

type FormField = 'title' | 'startsAt' | 'endsAt' | 'location' | 'lecturer' | 'hours' | 'days';

function SessionForm(props: { campaign: Campaign; onSaved: (n: number) => void; onCancel: () => void }) {
  const day = chinaDay(Date.now() + 86_400_000);
  const [v, setV] = createSignal<Record<FormField, string>>({
    title: '',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T11:00`,
    location: '',
    lecturer: '',
    hours: '',
    days: '1',
  });
  const [errors, setErrors] = createSignal<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  const set = (k: FormField) => (e: { currentTarget: { value: string } }) => setV({ ...v(), [k]: e.currentTarget.value });
  const err = (f: FormField) => errors()[f];
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(null);
    const s = fromChinaInput(v().startsAt);
    const en = fromChinaInput(v().endsAt);
    const hours = v().hours.trim() ? Number(v().hours) : undefined;
    const found: Partial<Record<FormField, string>> = {
      title: v().title.trim() ? undefined : t('form.required'),
      startsAt: s ? undefined : t('form.required'),
      endsAt: !en ? t('form.required') : s && (Date.parse(en) <= Date.parse(s) || Date.parse(en) - Date.parse(s) > 24 * 3600e3) ? t('tr.errSpan') : undefined,
      hours: hours === undefined || (hours >= 0.5 && hours <= 12 && Number.isInteger(hours * 2)) ? undefined : t('tr.errHours'),
    };
    setErrors(found);
    const first = (Object.keys(found) as FormField[]).find((k) => found[k]);
    if (first) return document.getElementById(`tr-${first}`)?.focus();
    setSending(true);
    try {
      const r = await createSessions(props.campaign.id, {
        title: v().title.trim(),
        startsAt: s!,
        endsAt: en!,
        location: v().location.trim(),
        lecturer: v().lecturer.trim(),
        days: Math.max(1, Number(v().days) || 1),
        ...(hours !== undefined ? { hours } : {}),
      });
      props.onSaved(r.sessions.length);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields as Partial<Record<FormField, string>>);
      setFormError(errorText(e));
    } finally {
      setSending(false);
    }
  }
  const input = (k: FormField, label: string, more: { type?: string; hint?: string; ph?: string; optional?: boolean } = {}) => (
    <Field id={`tr-${k}`} label={label} error={err(k)} hint={more.hint} optional={more.optional}>
      <input
        id={`tr-${k}`}
        class="tx-input"
        type={more.type ?? 'text'}
        value={v()[k]}
        onInput={set(k)}
        placeholder={more.ph}
        {...fieldAria(`tr-${k}`, err(k), more.hint)}
      />
    </Field>
  );
  return (
    <section class="tx-card sa-form" aria-labelledby="tr-form-title" data-testid="tr-session-form">
      <h2 id="tr-form-title">{t('tr.newSession')}</h2>
      <form onSubmit={submit} novalidate>
        <FormError message={formError()} />
        <div class="sa-form-grid">
          {input('title', t('tr.fTitle'), { ph: t('tr.fTitlePh') })}
          {input('location', t('tr.fLocation'), { optional: true })}
          {input('startsAt', t('tr.fStarts'), { type: 'datetime-local', hint: t('tr.chinaTime') })}
          {input('endsAt', t('tr.fEnds'), { type: 'datetime-local', hint: t('tr.chinaTime') })}
          {input('lecturer', t('tr.fLecturer'), { optional: true })}
          {input('hours', t('tr.fHours'), { type: 'number', hint: t('tr.fHoursHint'), optional: true })}
          {input('days', t('tr.fDays'), { type: 'number', hint: t('tr.fDaysHint') })}
        </div>
        <FormActions busy={sending()} label={t('tr.create')} testid="tr-session-save" onCancel={props.onCancel} />
      </form>
    </section>
  );
}

function Stats(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [stats, { refetch }] = createResource(
    () => ({ id: props.campaign.id, u: unit() }),
    (k) => getTrainingStats(k.id, k.u || undefined),
  );
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const cards = () => {
    const s = stats.latest;
    if (!s) return [];
    return [
      ['sessions', s.sessions],
      ['enrolled', s.enrolled],
      ['attendees', s.attendees],
      ['attendances', s.attendances],
      ['coverage', pct(s.coverageRate)],
      ['hours', s.hours],
      ['perAttendee', s.hoursPerAttendee],
      ['delivered', s.delivered],
    ] as const;
  };
  const key = (k: string) => (k === 'coverage' ? 'Coverage' : k === 'perAttendee' ? 'PerAttendee' : k[0]!.toUpperCase() + k.slice(1));
  return (
    <div class="vo-stack">
      <div class="vo-toolbar">
        <UnitFilter
          class="vo-filter"
          label={t('tr.scopeUnit')}
          rows={org.subtree(props.campaign.orgUnitId)}
          value={unit()}
          onPick={setUnit}
          any={props.campaign.orgUnitName}
          testid="tr-stats-unit"
        />
      </div>
      <Loaded error={stats.error} retry={refetch} loading={!stats.latest} lines={4}>
        <div class="cs-metrics" data-testid="tr-stats">
          <For each={cards()}>
            {([k, value]) => (
              <MetricCard id={`tr-${k}`} label={t(`tr.s${key(k)}` as 'tr.sHours')} tip={t(`tr.s${key(k)}Tip` as 'tr.sHoursTip')} value={String(value)} />
            )}
          </For>
        </div>
      </Loaded>
    </div>
  );
}
