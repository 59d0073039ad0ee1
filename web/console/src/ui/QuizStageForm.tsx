import { createMemo, createSignal, For, lazy, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fromLocalInput, toLocalInput } from '@ui/format';
import type { Campaign } from '@ui/types';
import { createStage, updateStage, type Advancement, type Stage, type StageBody, type StageSettings } from '../data/quiz';
import { t } from '../i18n';
import { FormActions } from './FormActions';

const QuizBankPicker = lazy(() => import('./QuizBankPicker'));

type Tri = '' | 'true' | 'false';
interface StageDraft {
  name: string;
  startsAt: string;
  endsAt: string;
  mode: '' | 'daily' | 'challenge' | 'round';
  questionsPerAttempt: string;
  secondsPerQuestion: string;
  attemptsPerDay: string;
  attemptsTotal: string;
  revealAnswers: Tri;
  stratify: Tri;
  bankIds: string;
  rule: '' | 'top' | 'top_per_unit' | 'threshold';
  ruleValue: string;
}

const INTS = [
  { key: 'questionsPerAttempt', label: 'quiz.set.questionsPerAttempt', min: 1, max: 200 },
  { key: 'secondsPerQuestion', label: 'quiz.set.secondsPerQuestion', min: 5, max: 600 },
  { key: 'attemptsPerDay', label: 'quiz.set.attemptsPerDay', min: 1, max: 100 },
  { key: 'attemptsTotal', label: 'quiz.set.attemptsTotal', min: 1, max: 10000 },
] as const;
type IntKey = (typeof INTS)[number]['key'];
type FieldName = 'name' | 'startsAt' | 'endsAt' | IntKey | 'mode' | 'bankIds' | 'rule';

const tri = (b: boolean | undefined): Tri => (b === undefined ? '' : b ? 'true' : 'false');
const str = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

function draftOf(s: Stage | null, after: Stage | undefined): StageDraft {
  const st = s?.settings ?? {};
  const adv = s?.advancement ?? null;
  // a new stage starts the day after the last one ends, for a week
  const start = after ? new Date(Date.parse(after.endsAt) + 86_400_000) : new Date(Date.now() + 86_400_000);
  start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  return {
    name: s?.name ?? '',
    startsAt: toLocalInput(s?.startsAt ?? start.toISOString()),
    endsAt: toLocalInput(s?.endsAt ?? end.toISOString()),
    mode: st.mode ?? '',
    questionsPerAttempt: str(st.questionsPerAttempt),
    secondsPerQuestion: str(st.secondsPerQuestion),
    attemptsPerDay: str(st.attemptsPerDay),
    attemptsTotal: str(st.attemptsTotal),
    revealAnswers: tri(st.revealAnswers),
    stratify: tri(st.stratify),
    bankIds: (st.bankIds ?? []).join(','),
    rule: adv?.rule ?? '',
    ruleValue: adv ? String(adv.rule === 'threshold' ? adv.score : adv.n) : '',
  };
}

/**
 * Add or edit a stage in a drawer: name, dates, what it overrides of the campaign's quiz
 * settings (empty = the campaign's), and how people advance from it.
 */
export function QuizStageForm(props: { campaign: Campaign; stage: Stage | null; last: Stage | undefined; onClose: () => void; onSaved: (s: Stage) => void }) {
  const initial = draftOf(props.stage, props.last);
  const [d, setD] = createStore<StageDraft>(structuredClone(initial));
  const dirty = createMemo(() => JSON.stringify(d) !== JSON.stringify(initial));
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<FieldName>();
  const err = (n: FieldName) => errors.fields()[n];
  const cs = () => (props.campaign.settings ?? {}) as Record<string, unknown>;

  function close() {
    if (dirty() && !window.confirm(t('quiz.q.unsaved'))) return;
    props.onClose();
  }
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  function build(): StageBody | null {
    const found: Partial<Record<FieldName, string>> = {};
    if (!d.name.trim()) found.name = t('form.required');
    // datetime-local has minutes only: an untouched time keeps its stored value
    const startsAt = props.stage && d.startsAt === initial.startsAt ? props.stage.startsAt : fromLocalInput(d.startsAt);
    const endsAt = props.stage && d.endsAt === initial.endsAt ? props.stage.endsAt : fromLocalInput(d.endsAt);
    if (!startsAt) found.startsAt = t('form.required');
    if (!endsAt) found.endsAt = t('form.required');
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) found.endsAt = t('form.endsBeforeStarts');
    const settings: StageSettings = {};
    const stored = props.stage?.settings ?? {};
    for (const f of INTS) {
      const raw = d[f.key].trim();
      if (!raw) {
        // the API merges stage settings and cannot drop one: a cleared override takes the campaign's value
        if (stored[f.key] !== undefined)
          (settings as Record<string, unknown>)[f.key] = f.key === 'attemptsTotal' ? ((cs()[f.key] as number | null) ?? null) : cs()[f.key];
        continue;
      }
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < f.min || n > f.max) found[f.key] = t('quiz.set.range', { min: f.min, max: f.max });
      else (settings as Record<string, unknown>)[f.key] = n;
    }
    if (d.mode) settings.mode = d.mode;
    else if (stored.mode !== undefined) settings.mode = cs().mode as StageSettings['mode'];
    for (const k of ['revealAnswers', 'stratify'] as const) {
      if (d[k]) settings[k] = d[k] === 'true';
      else if (stored[k] !== undefined) settings[k] = cs()[k] === true;
    }
    const banks = d.bankIds
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (banks.length) settings.bankIds = banks;
    else if (stored.bankIds !== undefined) settings.bankIds = Array.isArray(cs().bankIds) ? (cs().bankIds as string[]) : [];
    let advancement: Advancement | null = null;
    if (d.rule) {
      const v = Number(d.ruleValue.trim());
      if (!d.ruleValue.trim() || !Number.isFinite(v) || v < (d.rule === 'threshold' ? 0 : 1) || (d.rule !== 'threshold' && !Number.isInteger(v))) {
        found.rule = d.rule === 'threshold' ? t('quiz.adv.scoreInvalid') : t('quiz.adv.nInvalid');
      } else advancement = d.rule === 'threshold' ? { rule: 'threshold', score: v } : { rule: d.rule, n: v };
    }
    if (!errors.check(found)) {
      errors.setForm(t('form.fixErrors'));
      return null;
    }
    // both times are set once the checks above pass
    return { name: d.name.trim(), startsAt: startsAt!, endsAt: endsAt!, settings, advancement };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const body = build();
    if (!body) return;
    setSending(true);
    try {
      const r = props.stage ? await updateStage(props.campaign.id, props.stage.id, body) : await createStage(props.campaign.id, body);
      props.onSaved(r.stage);
    } catch (ex) {
      errors.fromApi(ex, ['name', 'startsAt', 'endsAt', 'mode', 'bankIds', 'rule', ...INTS.map((f) => f.key)], {
        'settings.bankIds': 'bankIds',
        'settings.mode': 'mode',
        'settings.questionsPerAttempt': 'questionsPerAttempt',
        'settings.secondsPerQuestion': 'secondsPerQuestion',
        'settings.attemptsPerDay': 'attemptsPerDay',
        'settings.attemptsTotal': 'attemptsTotal',
        advancement: 'rule',
        'advancement.n': 'rule',
        'advancement.score': 'rule',
      });
    } finally {
      setSending(false);
    }
  }

  const campaignValue = (k: string) => {
    const v = cs()[k];
    if (v === null || v === undefined) return t('quiz.set.unlimited');
    if (typeof v === 'boolean') return v ? t('quiz.set.yes') : t('quiz.set.no');
    if (k === 'mode') return modeName(String(v));
    return String(v);
  };

  return (
    <div class="qz-drawer-wrap">
      <div class="qz-drawer-backdrop" onClick={close} aria-hidden="true" />
      <div class="qz-drawer qz-drawer-narrow" role="dialog" aria-modal="true" aria-labelledby="qz-stage-title" data-testid="stage-form">
        <div class="qz-drawer-head">
          <h2 id="qz-stage-title">{props.stage ? t('quiz.stage.editTitle', { name: props.stage.name }) : t('quiz.stage.newTitle')}</h2>
          <span class="tx-spacer" />
          <Button variant="ghost" small onClick={close} aria-label={t('quiz.q.close')}>
            <Icon name="plus" class="tx-icon qz-x" />
          </Button>
        </div>
        <form class="qz-drawer-body qz-drawer-single" onSubmit={submit} novalidate>
          <div class="qz-editor-form">
            <FormError message={errors.form()} />
            <TextField
              id="st-name"
              label={t('quiz.stage.name')}
              error={err('name')}
              maxLength={30}
              placeholder={t('quiz.stage.namePlaceholder')}
              value={d.name}
              onInput={(v) => setD('name', v)}
            />
            <div class="qz-form-row qz-form-2">
              <TextField
                id="st-start"
                label={t('form.startsAt')}
                error={err('startsAt')}
                type="datetime-local"
                num
                value={d.startsAt}
                onInput={(v) => setD('startsAt', v)}
              />
              <TextField
                id="st-end"
                label={t('form.endsAt')}
                error={err('endsAt')}
                type="datetime-local"
                num
                value={d.endsAt}
                onInput={(v) => setD('endsAt', v)}
              />
            </div>

            <h3 class="qz-subhead">{t('quiz.stage.overrides')}</h3>
            <p class="tx-small tx-muted">{t('quiz.stage.overridesHint')}</p>
            <div class="qz-form-row">
              <Field id="st-mode" label={t('quiz.set.mode')} error={err('mode')}>
                <select id="st-mode" class="tx-select" value={d.mode} onChange={(e) => setD('mode', e.currentTarget.value as StageDraft['mode'])}>
                  <option value="">{t('quiz.stage.inherit', { value: campaignValue('mode') })}</option>
                  <For each={['daily', 'challenge', 'round'] as const}>
                    {(m) => (
                      <option value={m} selected={d.mode === m}>
                        {modeName(m)}
                      </option>
                    )}
                  </For>
                </select>
              </Field>
              <For each={INTS}>
                {(f) => (
                  <TextField
                    id={`st-${f.key}`}
                    label={t(f.label)}
                    error={err(f.key)}
                    num
                    inputmode="numeric"
                    placeholder={t('quiz.stage.inherit', { value: campaignValue(f.key) })}
                    value={d[f.key]}
                    onInput={(v) => setD(f.key, v)}
                  />
                )}
              </For>
              <For each={['revealAnswers', 'stratify'] as const}>
                {(k) => (
                  <Field id={`st-${k}`} label={t(k === 'revealAnswers' ? 'quiz.set.revealAnswers' : 'quiz.set.stratify')}>
                    <select id={`st-${k}`} class="tx-select" value={d[k]} onChange={(e) => setD(k, e.currentTarget.value as Tri)}>
                      <option value="">{t('quiz.stage.inherit', { value: campaignValue(k) })}</option>
                      <option value="true" selected={d[k] === 'true'}>
                        {t('quiz.set.yes')}
                      </option>
                      <option value="false" selected={d[k] === 'false'}>
                        {t('quiz.set.no')}
                      </option>
                    </select>
                  </Field>
                )}
              </For>
            </div>
            <Field id="st-banks" label={t('quiz.set.bankIds')} error={err('bankIds')}>
              <Suspense>
                <QuizBankPicker id="st-banks" value={d.bankIds} onInput={(v) => setD('bankIds', v)} inheritLabel={t('quiz.stage.banksInherit')} />
              </Suspense>
            </Field>

            <h3 class="qz-subhead">{t('quiz.adv.title')}</h3>
            <p class="tx-small tx-muted">{t('quiz.adv.hint')}</p>
            <div class="qz-form-row">
              <Field id="st-rule" label={t('quiz.adv.rule')} error={err('rule')}>
                <select
                  id="st-rule"
                  class="tx-select"
                  value={d.rule}
                  onChange={(e) => setD('rule', e.currentTarget.value as StageDraft['rule'])}
                  {...fieldAria('st-rule', err('rule'))}
                >
                  <option value="">{t('quiz.adv.none')}</option>
                  <option value="top" selected={d.rule === 'top'}>
                    {t('quiz.adv.top')}
                  </option>
                  <option value="top_per_unit" selected={d.rule === 'top_per_unit'}>
                    {t('quiz.adv.topPerUnit')}
                  </option>
                  <option value="threshold" selected={d.rule === 'threshold'}>
                    {t('quiz.adv.threshold')}
                  </option>
                </select>
              </Field>
              <Show when={d.rule}>
                <TextField
                  id="st-rule-value"
                  label={d.rule === 'threshold' ? t('quiz.adv.score') : t('quiz.adv.n')}
                  num
                  inputmode="decimal"
                  value={d.ruleValue}
                  onInput={(v) => setD('ruleValue', v)}
                />
              </Show>
            </div>
            <Show when={d.rule}>
              <Notice>{t('quiz.adv.ties')}</Notice>
            </Show>
          </div>
          <FormActions
            class="qz-drawer-actions"
            busy={sending()}
            label={sending() ? t('state.sending') : props.stage ? t('action.save') : t('quiz.stage.create')}
            testid="stage-save"
            onCancel={close}
          />
        </form>
      </div>
    </div>
  );
}

export function modeName(m: string): string {
  return m === 'challenge' ? t('quiz.mode.challenge') : m === 'round' ? t('quiz.mode.round') : t('quiz.mode.daily');
}

/** One line on what a stage changes: "15 题 · 每天 1 次 · 共 1 次". */
export function overridesText(s: StageSettings | undefined): string {
  if (!s) return '—';
  const parts: string[] = [];
  if (s.mode) parts.push(modeName(s.mode));
  if (s.questionsPerAttempt !== undefined) parts.push(t('quiz.sum.questions', { n: s.questionsPerAttempt }));
  if (s.secondsPerQuestion !== undefined) parts.push(t('quiz.sum.seconds', { n: s.secondsPerQuestion }));
  if (s.attemptsPerDay !== undefined) parts.push(t('quiz.sum.perDay', { n: s.attemptsPerDay }));
  if (s.attemptsTotal !== undefined) parts.push(s.attemptsTotal === null ? t('quiz.sum.totalUnlimited') : t('quiz.sum.total', { n: s.attemptsTotal }));
  if (s.bankIds?.length) parts.push(t('quiz.sum.banks', { n: s.bankIds.length }));
  if (s.revealAnswers !== undefined) parts.push(s.revealAnswers ? t('quiz.sum.reveal') : t('quiz.sum.noReveal'));
  if (s.stratify !== undefined) parts.push(s.stratify ? t('quiz.sum.stratify') : t('quiz.sum.noStratify'));
  return parts.length ? parts.join(' · ') : t('quiz.sum.none');
}

export function ruleText(a: Advancement | null | undefined): string {
  if (!a) return t('quiz.adv.none');
  if (a.rule === 'top') return t('quiz.adv.topN', { n: a.n });
  if (a.rule === 'top_per_unit') return t('quiz.adv.topPerUnitN', { n: a.n });
  return t('quiz.adv.thresholdN', { n: a.score });
}
