import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import {
  chinaDay,
  chinaTime,
  createMaterial,
  enrolUnits,
  getRegister,
  listEnrollments,
  listMaterials,
  saveRegister,
  sheetHref,
  sheetUrl,
  type Mode,
  type RegisterLine,
  type Session,
  type Status,
} from '../data/training';
import { org } from '../data/org';
import { t } from '../i18n';
import { createAction } from '@ui/action';
import { DataTable } from './DataTable';
import { UnitSelect } from './UnitSelect';

/* 党员教育培训 in the console, the people side: 报名 (enrol whole units), 签到登记 (the register), 学习资料. */

export function TrainingEnrolment(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [q, setQ] = createSignal('');
  const [notice, setNotice] = createSignal<string | null>(null);
  const action = createAction();
  const [page, { refetch }] = createResource(
    () => ({ id: props.campaign.id, q: q() }),
    (k) => listEnrollments(k.id, { q: k.q || undefined, limit: 100 }),
  );
  async function enrol() {
    if (!unit()) return;
    await action.run(async () => {
      const r = await enrolUnits(props.campaign.id, [unit()]);
      setNotice(t('tr.enrolled', { n: r.enrolled }));
      await refetch();
    });
  }
  return (
    <div class="vo-stack">
      <Show when={props.campaign.status !== 'closed'}>
        <section class="tx-card">
          <Field id="tr-enrol-unit" label={t('tr.enrolUnits')} hint={t('tr.enrolUnitsHint')} error={action.error() ?? undefined}>
            <div class="tx-row">
              <UnitSelect
                id="tr-enrol-unit"
                rows={org.subtree(props.campaign.orgUnitId)}
                value={unit()}
                onPick={setUnit}
                any={t('tr.enrolPick')}
                data-testid="tr-enrol-unit"
                {...fieldAria('tr-enrol-unit', action.error() ?? undefined, 'hint')}
              />
              <Button variant="primary" loading={action.busy()} disabled={!unit()} onClick={enrol} data-testid="tr-enrol">
                {t('tr.enrolDo')}
              </Button>
            </div>
          </Field>
        </section>
      </Show>
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
      <div class="vo-toolbar">
        <input
          class="tx-input"
          type="search"
          placeholder={t('tr.search')}
          aria-label={t('tr.search')}
          value={q()}
          onChange={(e) => setQ(e.currentTarget.value.trim())}
        />
        <span class="tx-spacer" />
        <span class="tx-small tx-muted tx-num" data-testid="tr-enrol-total">
          {t('tr.enrolTotal', { n: page.latest?.total ?? 0 })}
        </span>
      </div>
      <Loaded
        error={page.error}
        retry={refetch}
        loading={!page.latest}
        lines={5}
        empty={!page.latest?.items.length}
        emptyView={<EmptyState icon="user" title={t('tr.noEnrol')} body={t('tr.noEnrolBody')} />}
      >
        <DataTable
          testid="tr-enrolments"
          stale={page.loading}
          caption={t('tr.tab.enrol')}
          head={[
            t('tr.colName'),
            t('tr.colUnit'),
            t('tr.colPhone'),
            t('tr.colSource'),
            { label: t('tr.colAttended'), class: 'num' },
            { label: t('tr.colHoursSum'), class: 'num' },
          ]}
          rows={page.latest!.items}
        >
          {(r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.orgUnitName}</td>
              <td class="tx-num">{r.phone}</td>
              <td>{r.source === 'self' ? t('tr.srcSelf') : t('tr.srcOrganizer')}</td>
              <td class="num tx-num">{r.attendances}</td>
              <td class="num tx-num">{r.hours}</td>
            </tr>
          )}
        </DataTable>
      </Loaded>
    </div>
  );
}

const STATUSES: readonly Status[] = ['present', 'late', 'excused', 'absent'];
const MODES: readonly Mode[] = ['onsite', 'online', 'delivered'];
type Edit = { status: Status; mode: Mode; note: string };

/** 签到登记: one session's register, everyone enrolled; change entries and save them in one go. */
export function TrainingRegister(props: { sessions: Session[]; selected: string | null; onPick: (id: string) => void }) {
  const [reg, { refetch }] = createResource(() => props.selected, getRegister);
  const [edits, setEdits] = createSignal<Record<string, Edit>>({});
  const [notice, setNotice] = createSignal<string | null>(null);
  const saving = createAction();
  const current = (r: RegisterLine): Edit => edits()[r.rosterId] ?? { status: r.status ?? ('' as Status), mode: r.mode ?? 'onsite', note: r.note };
  const edit = (r: RegisterLine, patch: Partial<Edit>) => setEdits({ ...edits(), [r.rosterId]: { ...current(r), ...patch } });
  const changed = createMemo(() => Object.entries(edits()).filter(([, e]) => e.status));
  function allPresent() {
    const next = { ...edits() };
    for (const r of reg.latest?.items ?? []) if (!r.status && !next[r.rosterId]) next[r.rosterId] = { status: 'present', mode: 'onsite', note: '' };
    setEdits(next);
  }
  async function save() {
    await saving.run(async () => {
      const r = await saveRegister(
        props.selected!,
        changed().map(([rosterId, e]) => ({ rosterId, status: e.status, mode: e.mode, note: e.note })),
      );
      setEdits({});
      setNotice(t('tr.saved', { n: r.updated }));
      await refetch();
    });
  }
  return (
    <div class="vo-stack">
      <div class="vo-toolbar">
        <label class="vo-filter">
          <span>{t('tr.pickSession')}</span>
          <select
            class="tx-select"
            value={props.selected ?? ''}
            onChange={(e) => {
              setEdits({});
              setNotice(null);
              props.onPick(e.currentTarget.value);
            }}
            data-testid="tr-register-session"
          >
            <For each={props.sessions}>{(s) => <option value={s.id}>{`${chinaDay(s.startsAt)} ${chinaTime(s.startsAt)} ${s.title}`}</option>}</For>
          </select>
        </label>
        <span class="tx-spacer" />
        <Show when={props.selected}>
          {(id) => (
            <>
              <A class="tx-btn tx-btn-secondary tx-btn-sm" href={sheetHref(id())} target="_blank" data-testid="tr-print">
                <Icon name="file" />
                {t('tr.printSheet')}
              </A>
              <a class="tx-btn tx-btn-secondary tx-btn-sm" href={sheetUrl(id(), 'xlsx')} download="">
                <Icon name="download" />
                {t('tr.exportXlsx')}
              </a>
            </>
          )}
        </Show>
      </div>
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
      <FormError message={saving.error()} />
      <Switch>
        <Match when={!props.selected}>
          <EmptyState icon="calendar" title={t('tr.noSessions')} body={t('tr.noSessionsBody')} />
        </Match>
        <Match when={reg.error}>
          <ErrorState error={reg.error} onRetry={refetch} />
        </Match>
        <Match when={!reg.latest}>
          <Skeleton lines={6} />
        </Match>
        <Match when={!reg.latest!.items.length}>
          <EmptyState icon="user" title={t('tr.noRegister')} />
        </Match>
        <Match when={reg.latest}>
          <div class="tx-row">
            <Button small onClick={allPresent} data-testid="tr-all-present">
              {t('tr.allPresent')}
            </Button>
            <span class="tx-spacer" />
            <Button variant="primary" loading={saving.busy()} disabled={!changed().length} onClick={save} data-testid="tr-register-save">
              {t('tr.saveRegister', { n: changed().length })}
            </Button>
          </div>
          <DataTable
            testid="tr-register"
            stale={reg.loading}
            caption={t('tr.tab.register')}
            head={[
              t('tr.colName'),
              t('tr.colUnit'),
              t('tr.colCheckedIn'),
              t('tr.colStatus'),
              t('tr.colMode'),
              t('tr.colNote'),
              { label: t('tr.colHours'), class: 'num' },
            ]}
            rows={reg.latest!.items}
          >
            {(r) => (
              <tr data-testid="tr-register-row" data-roster={r.rosterId}>
                <td>{r.name}</td>
                <td>{r.orgUnitName}</td>
                <td class="tx-num">{r.checkedInAt ? chinaTime(r.checkedInAt) : '—'}</td>
                <td>
                  <select
                    class="tx-select"
                    aria-label={`${r.name} ${t('tr.colStatus')}`}
                    value={current(r).status}
                    onChange={(e) => edit(r, { status: e.currentTarget.value as Status })}
                    data-testid="tr-status"
                  >
                    <option value="" disabled>
                      {t('tr.st.none')}
                    </option>
                    <For each={STATUSES}>{(s) => <option value={s}>{t(`tr.st.${s}` as 'tr.st.present')}</option>}</For>
                  </select>
                </td>
                <td>
                  <select
                    class="tx-select"
                    aria-label={`${r.name} ${t('tr.colMode')}`}
                    value={current(r).mode}
                    onChange={(e) => edit(r, { mode: e.currentTarget.value as Mode })}
                    data-testid="tr-mode"
                  >
                    <For each={MODES}>{(m) => <option value={m}>{t(`tr.mode.${m}` as 'tr.mode.onsite')}</option>}</For>
                  </select>
                </td>
                <td>
                  <input
                    class="tx-input"
                    maxLength={200}
                    aria-label={`${r.name} ${t('tr.colNote')}`}
                    placeholder={t('tr.notePh')}
                    value={current(r).note}
                    onChange={(e) => edit(r, { note: e.currentTarget.value })}
                    data-testid="tr-note"
                  />
                </td>
                <td class="num tx-num">{r.hours}</td>
              </tr>
            )}
          </DataTable>
        </Match>
      </Switch>
    </div>
  );
}

type MField = 'title' | 'url' | 'minutes' | 'hours';

export function TrainingMaterials(props: { campaign: Campaign }) {
  const [list, { refetch }] = createResource(() => props.campaign.id, listMaterials);
  const [v, setV] = createSignal<Record<MField, string> & { kind: 'video' | 'article' }>({ title: '', url: '', minutes: '30', hours: '0.5', kind: 'video' });
  const [errors, setErrors] = createSignal<Partial<Record<MField, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    setSending(true);
    try {
      await createMaterial(props.campaign.id, {
        title: v().title.trim(),
        kind: v().kind,
        url: v().url.trim(),
        minutes: Number(v().minutes),
        hours: Number(v().hours),
      });
      setV({ ...v(), title: '', url: '' });
      await refetch();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields as Partial<Record<MField, string>>);
      setFormError(errorText(e));
    } finally {
      setSending(false);
    }
  }
  const input = (k: MField, label: string, type = 'text') => (
    <TextField id={`trm-${k}`} label={label} error={errors()[k]} type={type} value={v()[k]} onInput={(s) => setV({ ...v(), [k]: s })} />
  );
  return (
    <div class="vo-stack">
      <Show when={props.campaign.status !== 'closed'}>
        <section class="tx-card sa-form" aria-labelledby="trm-title-h">
          <h2 id="trm-title-h">{t('tr.mNew')}</h2>
          <form onSubmit={submit} novalidate>
            <FormError message={formError()} />
            <div class="sa-form-grid">
              {input('title', t('tr.mTitle'))}
              <Field id="trm-kind" label={t('tr.mKind')}>
                <select id="trm-kind" class="tx-select" value={v().kind} onChange={(e) => setV({ ...v(), kind: e.currentTarget.value as 'video' })}>
                  <option value="video">{t('tr.mVideo')}</option>
                  <option value="article">{t('tr.mArticle')}</option>
                </select>
              </Field>
              {input('url', t('tr.mUrl'), 'url')}
              {input('minutes', t('tr.mMinutes'), 'number')}
              {input('hours', t('tr.mHours'), 'number')}
            </div>
            <Button type="submit" variant="primary" loading={sending()}>
              {t('tr.mCreate')}
            </Button>
          </form>
        </section>
      </Show>
      <Loaded
        error={list.error}
        retry={refetch}
        loading={!list.latest}
        lines={3}
        empty={!list.latest?.length}
        emptyView={<EmptyState icon="file" title={t('tr.mNone')} body={t('tr.mNoneBody')} />}
      >
        <DataTable
          caption={t('tr.tab.materials')}
          head={[t('tr.mTitle'), t('tr.mKind'), { label: t('tr.mMinutes'), class: 'num' }, { label: t('tr.mHours'), class: 'num' }]}
          rows={list.latest!}
        >
          {(m) => (
            <tr>
              <td>
                <a href={m.url} target="_blank" rel="noopener noreferrer">
                  {m.title}
                </a>
              </td>
              <td>{m.kind === 'video' ? t('tr.mVideo') : t('tr.mArticle')}</td>
              <td class="num tx-num">{m.minutes}</td>
              <td class="num tx-num">{m.hours}</td>
            </tr>
          )}
        </DataTable>
      </Loaded>
    </div>
  );
}
