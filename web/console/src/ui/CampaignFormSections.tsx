import { For, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { reconcile, type SetStoreFunction } from 'solid-js/store';
import { CAMPAIGN_KINDS, KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { Field, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { UnitSelect } from './UnitSelect';
import { KIND_FIELDS, placeholderOf, type SettingField } from '../data/settingsForm';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';

// the quiz's question-bank checkboxes, loaded only for quiz campaigns
const QuizBankPicker = lazy(() => import('./QuizBankPicker'));

/** What the campaign form edits: the base fields and each setting as the text of its input. */
export interface FormState {
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

/** The campaign form's three cards: basics, unit and schedule, and the kind's settings. */
export function CampaignFormSections(props: {
  form: FormState;
  setForm: SetStoreFunction<FormState>;
  err: (name: string) => string | undefined;
  editing: boolean;
  campaign: Campaign | null;
  defaults: Record<string, unknown>;
}) {
  const form = props.form;
  const setForm = props.setForm;
  const err = (name: string) => props.err(name);
  const editing = () => props.editing;
  const defaults = () => props.defaults;
  return (
    <>
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
            <LabelOptions ids={CAMPAIGN_KINDS} labels={KIND_LABEL} selected={form.kind} />
          </select>
        </Field>
        <TextField
          id="title"
          label={t('form.title')}
          error={err('title')}
          maxLength={80}
          placeholder={t('form.titlePlaceholder')}
          value={form.title}
          onInput={(v) => setForm('title', v)}
        />
        <TextField
          id="slug"
          label={t('form.slug')}
          optional
          error={err('slug')}
          hint={t('form.slugHint', { example: 'party-quiz-2026' })}
          maxLength={64}
          placeholder="party-quiz-2026"
          autocapitalize="off"
          spellcheck={false}
          value={form.slug}
          onInput={(v) => setForm('slug', v)}
        />
        <TextField
          id="summary"
          label={t('form.summary')}
          optional
          error={err('summary')}
          hint={t('form.summaryHint')}
          maxLength={500}
          value={form.summary}
          onInput={(v) => setForm('summary', v)}
        />
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
          <UnitSelect
            id="orgUnitId"
            rows={org.scopeOptions()}
            value={form.orgUnitId}
            disabled={editing()}
            onPick={(id) => setForm('orgUnitId', id)}
            {...fieldAria('orgUnitId', err('orgUnitId'))}
            before={
              <Show when={editing() && !org.scopeOptions().some((o) => o.unit.id === form.orgUnitId)}>
                <option value={form.orgUnitId}>{props.campaign?.orgUnitName}</option>
              </Show>
            }
          />
        </Field>
        <div class="cs-form-row">
          <TextField
            id="startsAt"
            label={t('form.startsAt')}
            error={err('startsAt')}
            num
            type="datetime-local"
            value={form.startsAt}
            onInput={(v) => setForm('startsAt', v)}
          />
          <TextField
            id="endsAt"
            label={t('form.endsAt')}
            error={err('endsAt')}
            num
            type="datetime-local"
            value={form.endsAt}
            onInput={(v) => setForm('endsAt', v)}
          />
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
            {(f) => (
              <SettingInput
                field={f}
                value={form.settings[f.path] ?? ''}
                onInput={(v) => setForm('settings', f.path, v)}
                error={err(`settings.${f.path}`)}
                placeholder={placeholderOf(f, defaults())}
                defaultValue={String((defaults() as Record<string, unknown>)[f.path] ?? '')}
              />
            )}
          </For>
        </div>
      </section>
    </>
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
            <For each={f().options}>
              {(o) => (
                <option value={o.value} selected={o.value === props.value}>
                  {t(o.label)}
                </option>
              )}
            </For>
          </select>
        </Match>
      </Switch>
    </Field>
  );
}
