import { createMemo, createResource, createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Criterion, Round } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { allEntries, openRound, type RoundInput } from '../data/contest';
import { t } from '../i18n';
import { FormActions, GroupError } from '../ui/FormActions';

interface CriterionRow {
  name: string;
  weight: string;
  max: string;
}

type RoundField = 'name' | 'criteria' | 'judgesPerEntry' | 'quorum' | 'entries';

/** 开启新一轮: name, weighted criteria, how works are assigned and which works enter. */
export function RoundForm(props: {
  campaign: Campaign;
  hasRounds: boolean;
  openRound: Round | undefined;
  onCancel: () => void;
  onCreated: (msg: string) => void;
  /** a failed attempt may still have changed the rounds (the open one closed): read them again */
  onFailed: () => void;
}) {
  const [name, setName] = createSignal(props.hasRounds ? t('contest.rounds.nameNext') : t('contest.rounds.nameFirst'));
  const [rows, setRows] = createSignal<CriterionRow[]>(
    (
      props.openRound?.criteria ?? [
        { name: '思想性', weight: 40, max: 10 },
        { name: '艺术性', weight: 40, max: 10 },
        { name: '技法', weight: 20, max: 10 },
      ]
    ).map((x) => ({ name: x.name, weight: String(x.weight), max: String(x.max) })),
  );
  const [assignment, setAssignment] = createSignal<'all' | 'random'>('all');
  const [k, setK] = createSignal('3');
  const [quorum, setQuorum] = createSignal('1');
  const [mode, setMode] = createSignal<'all-approved' | 'topN' | 'ids'>(props.hasRounds ? 'topN' : 'all-approved');
  const [topN, setTopN] = createSignal('20');
  const [picked, setPicked] = createSignal<Set<string>>(new Set());
  const [rowErrors, setRowErrors] = createSignal<Record<number, string>>({});
  const [busy, setBusy] = createSignal(false);
  const [confirmReplace, setConfirmReplace] = createSignal(false);
  /** the API's warning that the previous round has unfinished works (carrying the top N then needs force) */
  const [incomplete, setIncomplete] = createSignal<string | null>(null);
  const errors = createFormErrors<RoundField>();
  const [approved] = createResource(
    () => (mode() === 'ids' ? props.campaign.id : false),
    (id) => allEntries(id, 'approved'),
  );

  const weightSum = createMemo(() => rows().reduce((s, r) => s + (Number(r.weight) || 0), 0));
  const update = (i: number, patch: Partial<CriterionRow>) => setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function build(): RoundInput | null {
    const found: Partial<Record<RoundField, string>> = {};
    const bad: Record<number, string> = {};
    if (!name().trim()) found.name = t('form.required');
    else if (name().trim().length > 20) found.name = t('contest.rounds.tooLong', { n: 20 });
    const seen = new Set<string>();
    const criteria: Criterion[] = [];
    rows().forEach((r, i) => {
      const n = r.name.trim();
      const w = Number(r.weight);
      const m = Number(r.max);
      if (!n || n.length > 20) bad[i] = t('contest.rounds.critName');
      else if (seen.has(n)) bad[i] = t('contest.rounds.critDuplicate');
      else if (!(r.weight.trim() !== '' && Number.isFinite(w) && w >= 0 && w <= 100)) bad[i] = t('contest.rounds.critWeight');
      else if (!(Number.isFinite(m) && m >= 1 && m <= 1000)) bad[i] = t('contest.rounds.critMax');
      seen.add(n);
      criteria.push({ name: n, weight: w, max: m });
    });
    if (!rows().length) found.criteria = t('contest.rounds.critNone');
    else if (Object.keys(bad).length) found.criteria = t('contest.rounds.critFix');
    else if (weightSum() <= 0) found.criteria = t('contest.rounds.critZero');
    const kk = Number(k());
    if (assignment() === 'random' && !(Number.isInteger(kk) && kk >= 1 && kk <= 50)) found.judgesPerEntry = t('contest.rounds.intRange', { min: 1, max: 50 });
    const q = Number(quorum());
    if (!(Number.isInteger(q) && q >= 1 && q <= 50)) found.quorum = t('contest.rounds.intRange', { min: 1, max: 50 });
    let entries: RoundInput['entries'] = 'all-approved';
    if (mode() === 'topN') {
      const n = Number(topN());
      if (!(Number.isInteger(n) && n >= 1)) found.entries = t('contest.rounds.intRange', { min: 1, max: 5000 });
      entries = { topN: n };
    } else if (mode() === 'ids') {
      if (picked().size === 0) found.entries = t('contest.rounds.pickSome');
      entries = { ids: [...picked()] };
    }
    setRowErrors(bad);
    if (!errors.check(found)) return null;
    return { name: name().trim(), criteria, assignment: assignment(), judgesPerEntry: assignment() === 'random' ? kk : 3, quorum: q, entries };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    const body = build();
    if (!body) return;
    if (props.openRound && !confirmReplace()) {
      setConfirmReplace(true);
      return;
    }
    setBusy(true);
    try {
      const r = await openRound(props.campaign.id, { ...body, force: incomplete() !== null });
      props.onCreated(t('contest.rounds.created', { name: r.round.name, entries: fmtNumber(r.entries), assigned: fmtNumber(r.assigned) }));
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'judging_incomplete') {
        setIncomplete(err.message);
        return;
      }
      errors.fromApi(err, ['name', 'criteria', 'judgesPerEntry', 'quorum', 'entries']);
      setConfirmReplace(false);
      props.onFailed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="cs-ct-roundform" onSubmit={submit} novalidate data-testid="round-form">
      <h3>{t('contest.rounds.new')}</h3>
      <FormError message={errors.form()} />
      <TextField id="round-name" label={t('contest.rounds.name')} error={errors.fields().name} maxLength={20} value={name()} onInput={setName} />

      <fieldset class="cs-ct-fieldset">
        <legend class="tx-field-label">{t('contest.rounds.criteria')}</legend>
        <p class="tx-field-hint cs-ct-tight">{t('contest.rounds.criteriaHint')}</p>
        <div class="cs-ct-crit-head" aria-hidden="true">
          <span>{t('contest.rounds.critNameLabel')}</span>
          <span>{t('contest.rounds.critWeightLabel')}</span>
          <span>{t('contest.rounds.critMaxLabel')}</span>
          <span>{t('contest.rounds.critShare')}</span>
          <span />
        </div>
        <Index each={rows()}>
          {(row, i) => (
            <div class="cs-ct-crit" data-invalid={rowErrors()[i] ? 'true' : undefined}>
              <input
                class="tx-input"
                aria-label={t('contest.rounds.critNameN', { n: i + 1 })}
                maxLength={20}
                value={row().name}
                onInput={(e) => update(i, { name: e.currentTarget.value })}
              />
              <input
                class="tx-input tx-num"
                aria-label={t('contest.rounds.critWeightN', { n: i + 1 })}
                inputmode="decimal"
                value={row().weight}
                onInput={(e) => update(i, { weight: e.currentTarget.value })}
              />
              <input
                class="tx-input tx-num"
                aria-label={t('contest.rounds.critMaxN', { n: i + 1 })}
                inputmode="decimal"
                value={row().max}
                onInput={(e) => update(i, { max: e.currentTarget.value })}
              />
              <span class="tx-num tx-small cs-ct-share">{weightSum() > 0 ? fmtPercent((Number(row().weight) || 0) / weightSum()) : '—'}</span>
              <Button
                small
                variant="ghost"
                disabled={rows().length <= 1}
                onClick={() => setRows(rows().filter((_, j) => j !== i))}
                aria-label={t('contest.rounds.critRemove', { n: i + 1 })}
              >
                ✕
              </Button>
              <Show when={rowErrors()[i]}>
                <div class="tx-field-error cs-ct-crit-error" role="alert">
                  <Icon name="alert" />
                  <span>{rowErrors()[i]}</span>
                </div>
              </Show>
            </div>
          )}
        </Index>
        <GroupError message={errors.fields().criteria} />
        <Button small variant="secondary" disabled={rows().length >= 10} onClick={() => setRows([...rows(), { name: '', weight: '10', max: '10' }])}>
          <Icon name="plus" />
          {t('contest.rounds.critAdd')}
        </Button>
      </fieldset>

      <div class="cs-ct-two">
        <fieldset class="cs-ct-fieldset">
          <legend class="tx-field-label">{t('contest.rounds.assignment')}</legend>
          <label class="cs-radio">
            <input type="radio" name="assignment" checked={assignment() === 'all'} onChange={() => setAssignment('all')} />
            <span>
              <strong>{t('contest.rounds.assignAllLabel')}</strong>
              <span class="tx-small tx-muted">{t('contest.rounds.assignAllHint')}</span>
            </span>
          </label>
          <label class="cs-radio">
            <input type="radio" name="assignment" checked={assignment() === 'random'} onChange={() => setAssignment('random')} />
            <span>
              <strong>{t('contest.rounds.assignRandomLabel')}</strong>
              <span class="tx-small tx-muted">{t('contest.rounds.assignRandomHint')}</span>
            </span>
          </label>
          <div class="cs-form-row">
            <Show when={assignment() === 'random'}>
              <TextField id="round-k" label={t('contest.rounds.k')} error={errors.fields().judgesPerEntry} num inputmode="numeric" value={k()} onInput={setK} />
            </Show>
            <TextField
              id="round-quorum"
              label={t('contest.rounds.quorum')}
              error={errors.fields().quorum}
              hint={t('contest.rounds.quorumHint')}
              num
              inputmode="numeric"
              value={quorum()}
              onInput={setQuorum}
            />
          </div>
        </fieldset>

        <fieldset class="cs-ct-fieldset">
          <legend class="tx-field-label">{t('contest.rounds.entries')}</legend>
          <label class="cs-radio">
            <input type="radio" name="entries" checked={mode() === 'all-approved'} onChange={() => setMode('all-approved')} />
            <span>
              <strong>{t('contest.rounds.entriesAll')}</strong>
              <span class="tx-small tx-muted">{t('contest.rounds.entriesAllHint')}</span>
            </span>
          </label>
          <label class="cs-radio">
            <input type="radio" name="entries" checked={mode() === 'topN'} disabled={!props.hasRounds} onChange={() => setMode('topN')} />
            <span>
              <strong>{t('contest.rounds.entriesTop')}</strong>
              <span class="tx-small tx-muted">{props.hasRounds ? t('contest.rounds.entriesTopHint') : t('contest.rounds.entriesTopNone')}</span>
            </span>
          </label>
          <Show when={mode() === 'topN'}>
            <TextField
              id="round-top"
              label={t('contest.rounds.topN')}
              error={errors.fields().entries}
              inputClass="tx-input tx-num cs-ct-short"
              inputmode="numeric"
              value={topN()}
              onInput={setTopN}
            />
          </Show>
          <label class="cs-radio">
            <input type="radio" name="entries" checked={mode() === 'ids'} onChange={() => setMode('ids')} />
            <span>
              <strong>{t('contest.rounds.entriesPick')}</strong>
              <span class="tx-small tx-muted">{t('contest.rounds.entriesPickHint')}</span>
            </span>
          </label>
          <Show when={mode() === 'ids'}>
            <Switch>
              <Match when={approved.error}>
                <ErrorState error={approved.error} />
              </Match>
              <Match when={approved.loading}>
                <Skeleton lines={3} />
              </Match>
              <Match when={approved.latest}>
                {(list) => (
                  <div class="cs-ct-pick">
                    <div class="tx-row">
                      <span class="tx-small tx-num">{t('contest.rounds.picked', { n: fmtNumber(picked().size), total: fmtNumber(list().length) })}</span>
                      <Button small variant="ghost" onClick={() => setPicked(new Set(list().map((e) => e.id)))}>
                        {t('contest.rounds.pickAll')}
                      </Button>
                      <Button small variant="ghost" onClick={() => setPicked(new Set<string>())}>
                        {t('contest.rounds.pickNone')}
                      </Button>
                    </div>
                    <ul class="cs-ct-pick-list">
                      <For each={list()}>
                        {(e) => (
                          <li>
                            <label>
                              <input
                                type="checkbox"
                                checked={picked().has(e.id)}
                                onChange={(ev) => {
                                  const s = new Set(picked());
                                  if (ev.currentTarget.checked) s.add(e.id);
                                  else s.delete(e.id);
                                  setPicked(s);
                                }}
                              />
                              <img src={e.thumbUrl} alt="" loading="lazy" />
                              <span>
                                {e.title}
                                <span class="tx-muted tx-small"> · {e.category}</span>
                              </span>
                            </label>
                          </li>
                        )}
                      </For>
                    </ul>
                    <GroupError message={errors.fields().entries} />
                  </div>
                )}
              </Match>
            </Switch>
          </Show>
        </fieldset>
      </div>

      <Show when={confirmReplace() && props.openRound}>
        <div class="cs-confirm" role="alertdialog">
          <Icon name="alert" class="cs-confirm-icon" />
          <div>
            <h2>{t('contest.rounds.replaceTitle', { name: props.openRound!.name })}</h2>
            <p>{t('contest.rounds.replaceBody', { name: props.openRound!.name })}</p>
          </div>
        </div>
      </Show>
      <Show when={incomplete()}>
        {(msg) => (
          <div class="cs-confirm" role="alertdialog" data-testid="round-incomplete">
            <Icon name="alert" class="cs-confirm-icon" />
            <div>
              <h2>{t('contest.rounds.incompleteTitle')}</h2>
              <p>{msg()}</p>
              <p>{t('contest.rounds.incompleteBody')}</p>
            </div>
          </div>
        )}
      </Show>
      <FormActions
        class="tx-row cs-ct-actions"
        busy={busy()}
        label={incomplete() ? t('contest.rounds.incompleteConfirm') : confirmReplace() ? t('contest.rounds.replaceConfirm') : t('contest.rounds.openSubmit')}
        testid="open-round"
        onCancel={props.onCancel}
      />
    </form>
  );
}
