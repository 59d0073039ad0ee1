import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { TRAINING_CATEGORIES, chinaYear, type TrainingCategory } from '@shared/training';
import { PLAN_COUNTS } from '@shared/training-plan';
import type { Campaign } from '@ui/types';
import { getPlan, savePlan, type PlanView } from '../data/training';
import { org } from '../data/org';
import { t } from '../i18n';
import { DataTable } from './DataTable';
import { UnitFilter } from './UnitSelect';

/*
 * 年度计划 on the training area: a unit's yearly plan (classes per category, coverage and
 * hours per member), progress bars against it and the units below with what is behind
 * highlighted (GET/PUT /org-units/{id}/training-plans/{year}).
 */

type Progress = PlanView['progress'];
const catLabel = (c: TrainingCategory) => t(`tr.cat.${c}` as 'tr.cat.rotation');
const countUnit = (c: TrainingCategory) => (PLAN_COUNTS[c] === 'classes' ? t('tr.plan.classesUnit') : t('tr.plan.sessionsUnit'));

export function TrainingPlanPanel(props: { campaign: Campaign }) {
  const thisYear = chinaYear(Date.now());
  const [unit, setUnit] = createSignal(props.campaign.orgUnitId);
  const [year, setYear] = createSignal(chinaYear(Date.parse(props.campaign.startsAt)));
  const [view, { refetch, mutate }] = createResource(
    () => ({ u: unit(), y: year() }),
    (k) => getPlan(k.u, k.y),
  );
  const years = () => [...new Set([thisYear - 1, thisYear, thisYear + 1, year()])].sort();
  return (
    <div class="vo-stack" data-testid="tr-plan">
      <div class="vo-toolbar">
        <UnitFilter
          class="vo-filter"
          label={t('tr.plan.unit')}
          rows={org.subtree(props.campaign.orgUnitId)}
          value={unit()}
          onPick={setUnit}
          testid="tr-plan-unit"
        />
        <label class="vo-filter">
          <span>{t('tr.plan.year')}</span>
          <select class="tx-select" value={year()} onChange={(e) => setYear(Number(e.currentTarget.value))} data-testid="tr-plan-year">
            <For each={years()}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </label>
      </div>
      <Switch>
        <Match when={view.error}>
          <ErrorState error={view.error} onRetry={refetch} />
        </Match>
        <Match when={!view.latest}>
          <Skeleton lines={6} />
        </Match>
        <Match when={view.latest}>
          {(v) => (
            <>
              <section class="tx-card" aria-labelledby="tr-plan-progress">
                <h2 id="tr-plan-progress">{t('tr.plan.progressTitle', { unit: v().name, year: v().year })}</h2>
                <p class="tx-muted">{t('tr.plan.membersOn', { members: v().members, day: v().membersOn, elapsed: Math.round(v().elapsed * 100) })}</p>
                <Show when={!v().plan}>
                  <Notice kind="info">{t('tr.plan.none')}</Notice>
                </Show>
                <Bars progress={v().progress} behind={v().behind} />
              </section>
              <PlanForm view={v()} onSaved={(next) => mutate(next)} />
              <Show when={v().units.length}>
                <section class="tx-card" aria-labelledby="tr-plan-units">
                  <h2 id="tr-plan-units">{t('tr.plan.unitsTitle')}</h2>
                  <DataTable
                    testid="tr-plan-units"
                    caption={t('tr.plan.unitsTitle')}
                    rows={v().units}
                    head={[
                      t('tr.plan.colUnit'),
                      { label: t('tr.plan.colMembers'), class: 'num' },
                      { label: t('tr.plan.coverage'), class: 'num' },
                      { label: t('tr.plan.hours'), class: 'num' },
                      t('tr.plan.colClasses'),
                      t('tr.plan.colState'),
                    ]}
                  >
                    {(u) => (
                      <tr data-behind={u.behind.length ? 'true' : 'false'} class={u.behind.length ? 'tr-plan-behind' : undefined}>
                        <th scope="row">{u.name}</th>
                        <td class="num">{u.members}</td>
                        <td class="num">{target(u.progress.coverage, '%')}</td>
                        <td class="num">{target(u.progress.hoursPerMember, '')}</td>
                        <td>{classesLine(u.progress)}</td>
                        <td>
                          {u.behind.length ? (
                            <strong class="tr-plan-flag">{t('tr.plan.behind', { what: u.behind.map(whatLabel).join('、') })}</strong>
                          ) : (
                            t('tr.plan.onTrack')
                          )}
                        </td>
                      </tr>
                    )}
                  </DataTable>
                </section>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

const target = (x: { target: number | null; actual: number }, unit: string) =>
  x.target === null ? `${x.actual}${unit}` : `${x.actual}${unit} / ${x.target}${unit}`;
const classesLine = (p: Progress) =>
  (Object.entries(p.classes) as Array<[TrainingCategory, { planned: number | null; held: number }]>)
    .map(([c, x]) => `${catLabel(c)} ${x.held}${x.planned !== null ? `/${x.planned}` : ''}`)
    .join('；') || '—';
const whatLabel = (w: string) =>
  w === 'coverage' ? t('tr.plan.coverage') : w === 'hoursPerMember' ? t('tr.plan.hours') : catLabel(w.replace('classes.', '') as TrainingCategory);

function Bars(props: { progress: Progress; behind: string[] }) {
  const rows = () => [
    ...(Object.entries(props.progress.classes) as Array<[TrainingCategory, { planned: number | null; held: number }]>).map(([c, x]) => ({
      key: `classes.${c}`,
      label: catLabel(c),
      actual: x.held,
      target: x.planned,
      unit: countUnit(c),
    })),
    { key: 'coverage', label: t('tr.plan.coverage'), actual: props.progress.coverage.actual, target: props.progress.coverage.target, unit: '%' },
    {
      key: 'hoursPerMember',
      label: t('tr.plan.hours'),
      actual: props.progress.hoursPerMember.actual,
      target: props.progress.hoursPerMember.target,
      unit: t('tr.plan.hoursUnit'),
    },
  ];
  return (
    <ul class="tr-plan-bars" data-testid="tr-plan-bars">
      <For each={rows()}>
        {(r) => (
          <li data-behind={props.behind.includes(r.key) ? 'true' : 'false'} class={props.behind.includes(r.key) ? 'tr-plan-behind' : undefined}>
            <span class="tr-plan-label">
              {r.label}
              <Show when={props.behind.includes(r.key)}>
                <strong class="tr-plan-flag">{t('tr.plan.behindShort')}</strong>
              </Show>
            </span>
            <ProgressBar value={r.target ? r.actual / r.target : 0} label={r.label} />
            <span class="tr-plan-figure">{r.target !== null ? `${r.actual} / ${r.target} ${r.unit}` : `${r.actual} ${r.unit}`}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

function PlanForm(props: { view: PlanView; onSaved: (v: PlanView) => void }) {
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [formError, setFormError] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  createEffect(() => {
    const p = props.view.plan;
    const v: Record<string, string> = { coverageTarget: String(p?.coverageTarget ?? 100), hoursTarget: String(p?.hoursTarget ?? 32) };
    for (const c of TRAINING_CATEGORIES) v[c] = String(p?.classes[c] ?? '');
    setValues(v);
  });
  const set = (k: string) => (e: { currentTarget: HTMLInputElement }) => setValues({ ...values(), [k]: e.currentTarget.value });
  async function submit(e: Event) {
    e.preventDefault();
    setErrors({});
    setFormError('');
    setSaved(false);
    const classes: Record<string, number> = {};
    for (const c of TRAINING_CATEGORIES) if (values()[c]?.trim()) classes[c] = Number(values()[c]);
    setSending(true);
    try {
      props.onSaved(
        await savePlan(props.view.orgUnitId, props.view.year, {
          classes,
          coverageTarget: Number(values().coverageTarget),
          hoursTarget: Number(values().hoursTarget),
        }),
      );
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [k.replace(/^classes\./, ''), m])));
      setFormError(errorText(err));
    } finally {
      setSending(false);
    }
  }
  const input = (k: string, label: string, hint?: string) => (
    <Field id={`tr-plan-${k}`} label={label} error={errors()[k]} hint={hint} optional={k !== 'coverageTarget' && k !== 'hoursTarget'}>
      <input
        id={`tr-plan-${k}`}
        class="tx-input"
        type="number"
        min="0"
        inputMode="decimal"
        value={values()[k] ?? ''}
        onInput={set(k)}
        {...fieldAria(`tr-plan-${k}`, errors()[k], hint)}
      />
    </Field>
  );
  return (
    <section class="tx-card sa-form" aria-labelledby="tr-plan-form-title">
      <h2 id="tr-plan-form-title">{t('tr.plan.formTitle', { year: props.view.year })}</h2>
      <form onSubmit={submit} novalidate data-testid="tr-plan-form">
        <FormError message={formError()} />
        <Show when={saved()}>
          <Notice kind="success">{t('tr.plan.saved')}</Notice>
        </Show>
        <div class="sa-form-grid">
          <For each={TRAINING_CATEGORIES}>{(c) => input(c, `${catLabel(c)}（${countUnit(c)}）`)}</For>
          {input('coverageTarget', t('tr.plan.coverageTarget'), t('tr.plan.coverageHint'))}
          {input('hoursTarget', t('tr.plan.hoursTarget'), t('tr.plan.hoursHint'))}
        </div>
        <div class="tx-row">
          <Button type="submit" variant="primary" loading={sending()} data-testid="tr-plan-save">
            {t('tr.plan.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
