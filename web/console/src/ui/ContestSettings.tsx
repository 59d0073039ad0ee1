import { batch, createEffect, createMemo, createSignal, For, Index, on, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDateTime, fmtNumber, fromLocalInput, toLocalInput } from '@ui/format';
import { contestConfig, type Award } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { saveSettings } from '../data/contest';
import { t } from '../i18n';
import { GroupError } from './FormActions';
import { guardUnsaved } from './unsaved';

interface State {
  showVoteCounts: boolean;
  judgePercent: string;
  minLongEdge: Record<string, string>;
  submissionEndsAt: string;
  votingStartsAt: string;
  votingEndsAt: string;
  awards: { name: string; count: string }[];
  resultsPublished: boolean;
}

type F = 'judgeWeight' | 'minLongEdge' | 'submissionEndsAt' | 'votingStartsAt' | 'votingEndsAt' | 'awards';

function stateOf(c: Campaign): State {
  const s = contestConfig(c);
  return {
    showVoteCounts: s.showVoteCounts,
    judgePercent: String(Math.round(s.judgeWeight * 1000) / 10),
    minLongEdge: Object.fromEntries(s.categories.map((cat) => [cat, s.minLongEdge[cat] ? String(s.minLongEdge[cat]) : ''])),
    submissionEndsAt: toLocalInput(s.submissionEndsAt),
    votingStartsAt: toLocalInput(s.votingStartsAt),
    votingEndsAt: toLocalInput(s.votingEndsAt),
    awards: s.awards.map((a) => ({ name: a.name, count: String(a.count) })),
    resultsPublished: s.resultsPublished,
  };
}

/**
 * 评选设置 of a contest on its edit page: what the basic settings above do not cover (vote
 * counts, weights, image rules, windows, awards, publishing). Saved on its own, so neither
 * form can lose the other's changes. Loaded only for contests.
 */
export default function ContestSettings(props: { campaign: Campaign; onChange?: (c: Campaign) => void }) {
  const c = () => props.campaign;
  const [form, setForm] = createSignal<State>(stateOf(c()));
  const [saved, setSaved] = createSignal(JSON.stringify(form()));
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const errors = createFormErrors<F>();
  const dirty = createMemo(() => JSON.stringify(form()) !== saved());
  const closed = () => c().status === 'closed';
  const categories = () => contestConfig(c()).categories;

  // the campaign changed elsewhere (the main form saved): follow it unless there are edits here
  createEffect(
    on(
      () => JSON.stringify(c().settings),
      () => {
        if (dirty()) return;
        const next = stateOf(c());
        batch(() => {
          setForm(next);
          setSaved(JSON.stringify(next));
        });
      },
      { defer: true },
    ),
  );

  guardUnsaved(dirty, busy);

  const set = <K extends keyof State>(k: K, v: State[K]) => setForm({ ...form(), [k]: v });

  function build(): Record<string, unknown> | null {
    const s = form();
    const found: Partial<Record<F, string>> = {};
    const pct = Number(s.judgePercent);
    if (s.judgePercent.trim() === '' || !Number.isFinite(pct) || pct < 0 || pct > 100) found.judgeWeight = t('contest.settings.percentRange');
    const edges: Record<string, number> = {};
    for (const [cat, raw] of Object.entries(s.minLongEdge)) {
      if (!raw.trim()) continue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 20000) found.minLongEdge = t('contest.settings.edgeRange');
      else if (n > 0) edges[cat] = n;
    }
    const times: Record<'submissionEndsAt' | 'votingStartsAt' | 'votingEndsAt', string | null> = {
      submissionEndsAt: fromLocalInput(s.submissionEndsAt),
      votingStartsAt: fromLocalInput(s.votingStartsAt),
      votingEndsAt: fromLocalInput(s.votingEndsAt),
    };
    const from = Date.parse(times.votingStartsAt ?? c().startsAt);
    const to = Date.parse(times.votingEndsAt ?? c().endsAt);
    if (to <= from) found.votingEndsAt = t('contest.settings.voteOrder');
    const awards: Award[] = [];
    const names = new Set<string>();
    for (const a of s.awards) {
      const name = a.name.trim();
      const count = Number(a.count);
      if (!name && !a.count.trim()) continue;
      if (!name || name.length > 20 || names.has(name) || !Number.isInteger(count) || count < 0 || count > 1000)
        found.awards = t('contest.settings.awardsInvalid');
      names.add(name);
      awards.push({ name, count });
    }
    if (!errors.check(found)) return null;
    return {
      showVoteCounts: s.showVoteCounts,
      judgeWeight: Math.round(pct * 10) / 1000,
      minLongEdge: edges,
      ...times,
      awards,
      resultsPublished: s.resultsPublished,
    };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setNotice(null);
    errors.setForm(null);
    const patch = build();
    if (!patch) {
      errors.setForm(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const updated = await saveSettings(c(), patch);
      const next = stateOf(updated);
      batch(() => {
        setForm(next);
        setSaved(JSON.stringify(next));
        setNotice(t('form.saved'));
      });
      props.onChange?.(updated);
    } catch (err) {
      errors.fromApi(err, ['judgeWeight', 'minLongEdge', 'submissionEndsAt', 'votingStartsAt', 'votingEndsAt', 'awards'], {
        'settings.judgeWeight': 'judgeWeight',
        'settings.minLongEdge': 'minLongEdge',
        'settings.submissionEndsAt': 'submissionEndsAt',
        'settings.votingStartsAt': 'votingStartsAt',
        'settings.votingEndsAt': 'votingEndsAt',
        'settings.awards': 'awards',
      });
    } finally {
      setBusy(false);
    }
  }

  const err = (k: F) => errors.fields()[k];
  const defaultHint = (iso: string) => t('contest.settings.defaultDate', { date: fmtDateTime(iso) });

  return (
    <section class="tx-card cs-ct-settings" aria-labelledby="contest-settings-title" data-testid="contest-settings">
      <div class="tx-card-title">
        <h2 id="contest-settings-title">{t('contest.settings.title')}</h2>
      </div>
      <p class="tx-muted tx-small">{t('contest.settings.lead')}</p>
      <Show when={notice()}>
        <div class="cs-gap">
          <Notice kind="success">{notice()}</Notice>
        </div>
      </Show>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <fieldset class="cs-fieldset cs-ct-settings-body" disabled={closed()}>
          <div class="cs-settings-grid">
            <Field
              id="cs-judgeWeight"
              label={t('contest.settings.judgeWeight')}
              error={err('judgeWeight')}
              hint={t('contest.settings.judgeWeightHint', { public: fmtNumber(Math.max(0, 100 - (Number(form().judgePercent) || 0))) })}
            >
              <div class="cs-ct-suffix">
                <input
                  id="cs-judgeWeight"
                  class="tx-input tx-num"
                  inputmode="decimal"
                  value={form().judgePercent}
                  onInput={(e) => set('judgePercent', e.currentTarget.value)}
                  {...fieldAria('cs-judgeWeight', err('judgeWeight'), 'hint')}
                />
                <span>%</span>
              </div>
            </Field>
            <div class="cs-ct-switches">
              <label class="cs-check">
                <input type="checkbox" checked={form().showVoteCounts} onChange={(e) => set('showVoteCounts', e.currentTarget.checked)} />
                {t('contest.settings.showVotes')}
              </label>
              <label class="cs-check">
                <input type="checkbox" checked={form().resultsPublished} onChange={(e) => set('resultsPublished', e.currentTarget.checked)} />
                {t('contest.settings.resultsPublished')}
              </label>
            </div>
          </div>

          <fieldset class="cs-ct-fieldset">
            <legend class="tx-field-label">{t('contest.settings.minLongEdge')}</legend>
            <p class="tx-field-hint cs-ct-tight">{t('contest.settings.minLongEdgeHint')}</p>
            <div class="cs-ct-edges">
              <For each={categories()}>
                {(cat) => (
                  <label class="cs-ct-edge">
                    <span>{cat}</span>
                    <span class="cs-ct-suffix">
                      <input
                        class="tx-input tx-num"
                        inputmode="numeric"
                        placeholder="0"
                        value={form().minLongEdge[cat] ?? ''}
                        onInput={(e) => set('minLongEdge', { ...form().minLongEdge, [cat]: e.currentTarget.value })}
                        aria-invalid={err('minLongEdge') ? 'true' : undefined}
                      />
                      <span>px</span>
                    </span>
                  </label>
                )}
              </For>
            </div>
            <GroupError message={err('minLongEdge')} />
          </fieldset>

          <div class="cs-ct-three">
            <Field
              id="cs-submissionEndsAt"
              label={t('contest.settings.submissionEndsAt')}
              optional
              error={err('submissionEndsAt')}
              hint={defaultHint(c().endsAt)}
            >
              <input
                id="cs-submissionEndsAt"
                class="tx-input tx-num"
                type="datetime-local"
                value={form().submissionEndsAt}
                onInput={(e) => set('submissionEndsAt', e.currentTarget.value)}
                {...fieldAria('cs-submissionEndsAt', err('submissionEndsAt'), 'hint')}
              />
            </Field>
            <TextField
              id="cs-votingStartsAt"
              label={t('contest.settings.votingStartsAt')}
              optional
              error={err('votingStartsAt')}
              hint={defaultHint(c().startsAt)}
              num
              type="datetime-local"
              value={form().votingStartsAt}
              onInput={(v) => set('votingStartsAt', v)}
            />
            <TextField
              id="cs-votingEndsAt"
              label={t('contest.settings.votingEndsAt')}
              optional
              error={err('votingEndsAt')}
              hint={defaultHint(c().endsAt)}
              num
              type="datetime-local"
              value={form().votingEndsAt}
              onInput={(v) => set('votingEndsAt', v)}
            />
          </div>

          <fieldset class="cs-ct-fieldset">
            <legend class="tx-field-label">{t('contest.settings.awards')}</legend>
            <p class="tx-field-hint cs-ct-tight">{t('contest.settings.awardsHint')}</p>
            <div class="cs-ct-awards">
              <Index each={form().awards}>
                {(a, i) => (
                  <div class="cs-ct-award-row">
                    <span class="tx-rank tx-small">{i + 1}</span>
                    <input
                      class="tx-input"
                      maxLength={20}
                      aria-label={t('contest.settings.awardName', { n: i + 1 })}
                      value={a().name}
                      onInput={(e) =>
                        set(
                          'awards',
                          form().awards.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)),
                        )
                      }
                    />
                    <span class="cs-ct-suffix">
                      <input
                        class="tx-input tx-num"
                        inputmode="numeric"
                        aria-label={t('contest.settings.awardCount', { n: i + 1 })}
                        value={a().count}
                        onInput={(e) =>
                          set(
                            'awards',
                            form().awards.map((x, j) => (j === i ? { ...x, count: e.currentTarget.value } : x)),
                          )
                        }
                      />
                      <span>{t('contest.settings.awardUnit')}</span>
                    </span>
                    <Button
                      small
                      variant="ghost"
                      onClick={() =>
                        set(
                          'awards',
                          form().awards.filter((_, j) => j !== i),
                        )
                      }
                      aria-label={t('contest.settings.awardRemove', { n: i + 1 })}
                    >
                      ✕
                    </Button>
                  </div>
                )}
              </Index>
            </div>
            <GroupError message={err('awards')} />
            <Button small variant="secondary" disabled={form().awards.length >= 10} onClick={() => set('awards', [...form().awards, { name: '', count: '1' }])}>
              <Icon name="plus" />
              {t('contest.settings.awardAdd')}
            </Button>
          </fieldset>
        </fieldset>
        <Show when={!closed()}>
          <div class="tx-row cs-ct-actions">
            <Button type="submit" variant="primary" loading={busy()} disabled={!dirty()} data-testid="save-contest-settings">
              {t('contest.settings.save')}
            </Button>
            <Show when={dirty()}>
              <Button
                variant="secondary"
                onClick={() => {
                  setForm(JSON.parse(saved()) as State);
                  errors.clear();
                }}
              >
                {t('contest.awards.discard')}
              </Button>
              <span class="tx-small tx-muted">{t('contest.awards.unsaved')}</span>
            </Show>
          </div>
        </Show>
      </form>
    </section>
  );
}
