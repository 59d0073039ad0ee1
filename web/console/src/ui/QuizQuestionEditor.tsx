import { createMemo, createSignal, For, Index, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { addQuestion, OPTION_KEYS, QUESTION_TYPES, updateQuestion, type Question, type QuestionBody, type QuestionType } from '../data/quiz';
import { t } from '../i18n';
import { GroupError } from './FormActions';
import { choice, type Draft, draftOf, opt, splitTags } from './QuizQuestionDraft';
import { PhonePreview } from './QuizQuestionPreview';

type FieldName = 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'source' | 'tags' | 'difficulty';
const FIELDS: FieldName[] = ['type', 'stem', 'options', 'answer', 'explanation', 'source', 'tags', 'difficulty'];

/**
 * Add or edit one question in a drawer beside the table (work is never lost: closing with
 * changes asks first), with a live preview of how a participant sees it on a phone.
 */
export function QuizQuestionEditor(props: {
  bankId: string;
  question: Question | null;
  onClose: () => void;
  onSaved: (q: Question, created: boolean) => void;
}) {
  const initial = draftOf(props.question);
  const [d, setD] = createStore<Draft>(structuredClone(initial));
  const saved = JSON.stringify(initial);
  const dirty = createMemo(() => JSON.stringify(d) !== saved);
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<FieldName>();
  const err = (n: FieldName) => errors.fields()[n];
  let panel: HTMLDivElement | undefined;

  function close() {
    if (dirty() && !window.confirm(t('quiz.q.unsaved'))) return;
    props.onClose();
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  onMount(() => {
    document.addEventListener('keydown', onKey);
    panel?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));

  function setType(type: QuestionType) {
    setD(
      produce((x) => {
        if (x.type === 'multiple' && type === 'single') x.right = x.right.slice(0, 1);
        x.type = type;
      }),
    );
  }

  function toggleRight(id: number) {
    if (d.type === 'single') setD('right', [id]);
    else setD('right', d.right.includes(id) ? d.right.filter((x) => x !== id) : [...d.right, id]);
  }

  function validate(): QuestionBody | null {
    const found: Partial<Record<FieldName, string>> = {};
    const stem = d.stem.trim();
    if (!stem) found.stem = t('form.required');
    let options: NonNullable<QuestionBody['options']> = [];
    let answer: QuestionBody['answer'] = '';
    if (choice(d.type)) {
      if (d.options.length < 2) found.options = t('quiz.q.needTwo');
      else if (d.options.some((o) => !o.text.trim())) found.options = t('quiz.q.emptyOption');
      options = d.options.map((o, i) => ({ key: OPTION_KEYS[i]!, text: o.text.trim() }));
      const keys = d.options.map((o, i) => (d.right.includes(o.id) ? OPTION_KEYS[i]! : null)).filter((k): k is (typeof OPTION_KEYS)[number] => !!k);
      if (d.type === 'single') {
        if (keys.length !== 1) found.answer = t('quiz.q.pickOne');
        answer = keys[0] ?? '';
      } else {
        if (keys.length < 2) found.answer = t('quiz.q.pickTwo');
        answer = keys;
      }
    } else if (d.type === 'judge') {
      if (d.judge === null) found.answer = t('quiz.q.pickJudge');
      answer = d.judge === true;
    } else {
      const alts = d.blanks.map((b) => b.trim()).filter(Boolean);
      if (!alts.length) found.answer = t('quiz.q.needBlank');
      answer = alts;
    }
    const tags = splitTags(d.tags);
    if (tags.length > 10 || tags.some((x) => x.length > 20)) found.tags = t('quiz.q.tagsInvalid');
    if (!errors.check(found)) {
      errors.setForm(t('form.fixErrors'));
      return null;
    }
    return { type: d.type, stem, options, answer, explanation: d.explanation.trim(), source: d.source.trim(), tags, difficulty: d.difficulty };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const body = validate();
    if (!body) return;
    setSending(true);
    try {
      const q = props.question ? await updateQuestion(props.question.id, body) : await addQuestion(props.bankId, body);
      props.onSaved(q, !props.question);
    } catch (ex) {
      errors.fromApi(ex, FIELDS);
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="qz-drawer-wrap">
      <div class="qz-drawer-backdrop" onClick={close} aria-hidden="true" />
      <div ref={panel} class="qz-drawer" role="dialog" aria-modal="true" aria-labelledby="qz-editor-title" data-testid="question-editor">
        <div class="qz-drawer-head">
          <h2 id="qz-editor-title">{props.question ? t('quiz.q.editTitle') : t('quiz.q.newTitle')}</h2>
          <span class="tx-spacer" />
          <Button variant="ghost" small onClick={close} aria-label={t('quiz.q.close')}>
            <Icon name="plus" class="tx-icon qz-x" />
          </Button>
        </div>
        <form class="qz-drawer-body" onSubmit={submit} novalidate>
          <div class="qz-editor-form">
            <FormError message={errors.form()} />
            <fieldset class="qz-fieldset">
              <legend class="tx-field-label">{t('quiz.q.type')}</legend>
              <div class="tx-segmented qz-type-switch" role="group">
                <For each={QUESTION_TYPES}>
                  {(ty) => (
                    <button type="button" aria-pressed={d.type === ty} onClick={() => setType(ty)}>
                      {t(`quiz.type.${ty}`)}
                    </button>
                  )}
                </For>
              </div>
            </fieldset>
            <Field id="q-stem" label={t('quiz.q.stem')} error={err('stem')} hint={d.type === 'blank' ? t('quiz.q.stemBlankHint') : undefined}>
              <textarea
                id="q-stem"
                data-autofocus
                class="tx-textarea qz-stem-input"
                rows={3}
                maxLength={1000}
                value={d.stem}
                onInput={(e) => setD('stem', e.currentTarget.value)}
                {...fieldAria('q-stem', err('stem'), d.type === 'blank' ? 'hint' : undefined)}
              />
            </Field>

            <Switch>
              <Match when={choice(d.type)}>
                <fieldset class="qz-fieldset" aria-describedby={err('options') || err('answer') ? 'q-options-error' : 'q-options-hint'}>
                  <legend class="tx-field-label">{t('quiz.q.options')}</legend>
                  <p class="tx-field-hint qz-tight" id="q-options-hint">
                    {d.type === 'single' ? t('quiz.q.singleHint') : t('quiz.q.multipleHint')}
                  </p>
                  <ol class="qz-opt-list">
                    <Index each={d.options}>
                      {(o, i) => (
                        <li class="qz-opt-row" classList={{ 'is-right': d.right.includes(o().id) }}>
                          <label class="qz-opt-right" title={t('quiz.q.markRight')}>
                            <input
                              type={d.type === 'single' ? 'radio' : 'checkbox'}
                              name="q-right"
                              checked={d.right.includes(o().id)}
                              onChange={() => toggleRight(o().id)}
                              aria-label={t('quiz.q.markRightOf', { key: OPTION_KEYS[i]! })}
                            />
                            <span class="qz-opt-key">{OPTION_KEYS[i]}</span>
                          </label>
                          <input
                            class="tx-input"
                            maxLength={300}
                            value={o().text}
                            placeholder={t('quiz.q.optionPlaceholder', { key: OPTION_KEYS[i]! })}
                            aria-label={t('quiz.q.optionLabel', { key: OPTION_KEYS[i]! })}
                            aria-invalid={err('options') && !o().text.trim() ? 'true' : undefined}
                            onInput={(e) => setD('options', i, 'text', e.currentTarget.value)}
                          />
                          <Button
                            small
                            variant="ghost"
                            disabled={d.options.length <= 2}
                            onClick={() =>
                              setD(
                                produce((x) => {
                                  x.right = x.right.filter((id) => id !== o().id);
                                  x.options.splice(i, 1);
                                }),
                              )
                            }
                            aria-label={t('quiz.q.removeOption', { key: OPTION_KEYS[i]! })}
                          >
                            <Icon name="plus" class="tx-icon qz-x" />
                          </Button>
                        </li>
                      )}
                    </Index>
                  </ol>
                  <Show when={d.options.length < OPTION_KEYS.length}>
                    <Button small onClick={() => setD('options', [...d.options, opt()])}>
                      <Icon name="plus" />
                      {t('quiz.q.addOption')}
                    </Button>
                  </Show>
                  <Show when={err('options') || err('answer')}>
                    <div class="tx-field-error" id="q-options-error" role="alert">
                      <Icon name="alert" />
                      <span>{[err('options'), err('answer')].filter(Boolean).join(' ')}</span>
                    </div>
                  </Show>
                </fieldset>
              </Match>
              <Match when={d.type === 'judge'}>
                <fieldset class="qz-fieldset">
                  <legend class="tx-field-label">{t('quiz.q.answer')}</legend>
                  <div class="tx-segmented" role="group">
                    <button type="button" aria-pressed={d.judge === true} onClick={() => setD('judge', true)}>
                      {t('quiz.judgeYes')}
                    </button>
                    <button type="button" aria-pressed={d.judge === false} onClick={() => setD('judge', false)}>
                      {t('quiz.judgeNo')}
                    </button>
                  </div>
                  <GroupError message={err('answer')} />
                </fieldset>
              </Match>
              <Match when={d.type === 'blank'}>
                <fieldset class="qz-fieldset">
                  <legend class="tx-field-label">{t('quiz.q.blanks')}</legend>
                  <p class="tx-field-hint qz-tight">{t('quiz.q.blanksHint')}</p>
                  <ol class="qz-opt-list">
                    <Index each={d.blanks}>
                      {(b, i) => (
                        <li class="qz-opt-row">
                          <span class="qz-opt-key qz-opt-num">{i + 1}</span>
                          <input
                            class="tx-input"
                            maxLength={200}
                            value={b()}
                            aria-label={t('quiz.q.blankN', { n: i + 1 })}
                            onInput={(e) => setD('blanks', i, e.currentTarget.value)}
                          />
                          <Button
                            small
                            variant="ghost"
                            disabled={d.blanks.length <= 1}
                            onClick={() =>
                              setD(
                                'blanks',
                                d.blanks.filter((_, j) => j !== i),
                              )
                            }
                            aria-label={t('quiz.q.removeBlank', { n: i + 1 })}
                          >
                            <Icon name="plus" class="tx-icon qz-x" />
                          </Button>
                        </li>
                      )}
                    </Index>
                  </ol>
                  <Show when={d.blanks.length < 8}>
                    <Button small onClick={() => setD('blanks', [...d.blanks, ''])}>
                      <Icon name="plus" />
                      {t('quiz.q.addBlank')}
                    </Button>
                  </Show>
                  <GroupError message={err('answer')} />
                </fieldset>
              </Match>
            </Switch>

            <Field id="q-explanation" label={t('quiz.q.explanation')} optional error={err('explanation')}>
              <textarea
                id="q-explanation"
                class="tx-textarea"
                rows={3}
                maxLength={2000}
                value={d.explanation}
                onInput={(e) => setD('explanation', e.currentTarget.value)}
                {...fieldAria('q-explanation', err('explanation'))}
              />
            </Field>
            <div class="qz-form-row">
              <TextField
                id="q-source"
                label={t('quiz.q.source')}
                optional
                error={err('source')}
                maxLength={200}
                placeholder={t('quiz.q.sourcePlaceholder')}
                value={d.source}
                onInput={(v) => setD('source', v)}
              />
              <Field id="q-difficulty" label={t('quiz.q.difficulty')} error={err('difficulty')}>
                <select id="q-difficulty" class="tx-select" value={String(d.difficulty)} onChange={(e) => setD('difficulty', Number(e.currentTarget.value))}>
                  <For each={[1, 2, 3, 4, 5]}>
                    {(n) => (
                      <option value={n} selected={n === d.difficulty}>
                        {difficultyLabel(n)}
                      </option>
                    )}
                  </For>
                </select>
              </Field>
            </div>
            <TextField
              id="q-tags"
              label={t('quiz.q.tags')}
              optional
              error={err('tags')}
              hint={t('quiz.q.tagsHint')}
              value={d.tags}
              placeholder={t('quiz.q.tagsPlaceholder')}
              onInput={(v) => setD('tags', v)}
            />
          </div>

          <aside class="qz-editor-preview" aria-labelledby="qz-preview-title">
            <h3 id="qz-preview-title">{t('quiz.q.preview')}</h3>
            <p class="tx-small tx-muted">{t('quiz.q.previewHint')}</p>
            <PhonePreview draft={d} />
          </aside>

          <div class="qz-drawer-actions">
            <Button type="submit" variant="primary" loading={sending()} data-testid="question-save">
              {sending() ? t('state.sending') : t('action.save')}
            </Button>
            <Button onClick={close}>{t('action.cancel')}</Button>
            <Show when={dirty()}>
              <span class="tx-small tx-muted">{t('quiz.q.dirty')}</span>
            </Show>
          </div>
        </form>
      </div>
    </div>
  );
}

export function difficultyLabel(n: number): string {
  return n === 1 ? t('quiz.diff.1') : n === 2 ? t('quiz.diff.2') : n === 3 ? t('quiz.diff.3') : t('quiz.diff.n', { n });
}
