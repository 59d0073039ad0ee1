import { batch, createEffect, createMemo, createResource, createSignal, For, Match, on, onCleanup, onMount, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import { fmtScore100, type Assignment, type Criterion } from '@ui/contest';
import { getCampaign } from '../data/campaigns';
import { declareConflict, judging, scoreEntry } from '../data/contest';
import { t } from '../i18n';
import { PageHead } from '../ui/PageHead';
import '../pages/contest.css';

interface RoundGroup {
  roundId: string;
  roundName: string;
  campaignId: string;
  criteria: Criterion[];
  items: Assignment[];
}

/** The judges' weighted total, 0–100, as the API computes it (shared/contest.ts judgeScore). */
function totalOf(criteria: Criterion[], given: Record<string, number>): number {
  const wsum = criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const total = criteria.reduce((s, c) => s + (c.weight / wsum) * ((given[c.name] ?? 0) / c.max), 0);
  return Math.round(total * 10000) / 100;
}

const done = (a: Assignment) => a.conflict || a.scoredAt !== null;

/**
 * 评审打分 (/console/judging): one work at a time, large and blind (no author, no unit),
 * a number per criterion; Enter saves and moves on, ←/→ move between works.
 */
export default function JudgingScorePage() {
  createEffect(() => {
    document.title = `${t('contest.score.title')} · ${t('console.name')}`;
  });
  const a = judging.assignments;
  const groups = createMemo<RoundGroup[]>(() => {
    const m = new Map<string, RoundGroup>();
    for (const x of judging.open()) {
      const g = m.get(x.roundId) ?? { roundId: x.roundId, roundName: x.roundName, campaignId: x.campaignId, criteria: x.criteria, items: [] };
      g.items.push(x);
      m.set(x.roundId, g);
    }
    return [...m.values()];
  });
  const closedCount = () => new Set((a.latest ?? []).filter((x) => x.roundStatus !== 'open').map((x) => x.roundId)).size;
  const [titles] = createResource(
    () => [...new Set(groups().map((g) => g.campaignId))].join(','),
    async (ids) =>
      new Map(
        await Promise.all(
          ids
            .split(',')
            .filter(Boolean)
            .map(
              async (id) =>
                [
                  id,
                  await getCampaign(id)
                    .then((c) => c.title)
                    .catch(() => id),
                ] as const,
            ),
        ),
      ),
  );
  const [roundId, setRoundId] = createSignal<string | null>(null);
  const current = () => groups().find((g) => g.roundId === roundId()) ?? groups()[0];

  return (
    <div class="cs-page cs-ct-page cs-judge-page">
      <PageHead title={t('contest.score.title')} lead={t('contest.score.lead')}>
        <Show when={groups().length > 1}>
          <label class="cs-ct-roundpick">
            <span>{t('contest.score.round')}</span>
            <select class="tx-select" value={current()?.roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
              <For each={groups()}>{(g) => <option value={g.roundId}>{(titles.latest?.get(g.campaignId) ?? '…') + ' · ' + g.roundName}</option>}</For>
            </select>
          </label>
        </Show>
      </PageHead>
      <Switch>
        <Match when={a.error}>
          <ErrorState error={a.error} onRetry={judging.refetch} />
        </Match>
        <Match when={a.loading && !a.latest}>
          <div class="cs-judge">
            <div class="cs-judge-stage tx-skeleton" />
            <div class="tx-card">
              <Skeleton title lines={6} />
            </div>
          </div>
        </Match>
        <Match when={!current()}>
          <div class="tx-card">
            <EmptyState
              icon="edit"
              title={t('contest.score.emptyTitle')}
              body={closedCount() > 0 ? t('contest.score.emptyClosed', { n: fmtNumber(closedCount()) }) : t('contest.score.emptyBody')}
            />
          </div>
        </Match>
        <Match when={current()}>{(g) => <Scorer group={g()} campaignTitle={titles.latest?.get(g().campaignId) ?? ''} />}</Match>
      </Switch>
    </div>
  );
}

function Scorer(props: { group: RoundGroup; campaignTitle: string }) {
  const items = () => props.group.items;
  const firstOpen = () =>
    Math.max(
      0,
      items().findIndex((x) => !done(x)),
    );
  const [idx, setIdx] = createSignal(firstOpen());
  // a memo, so a new group object for the same round (after each score) does not reset the position
  const roundId = createMemo(() => props.group.roundId);
  createEffect(on(roundId, () => setIdx(firstOpen()), { defer: true }));
  const item = () => items()[Math.min(idx(), items().length - 1)]!;
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [errs, setErrs] = createSignal<Record<string, string>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<'score' | 'conflict' | null>(null);
  const [confirmConflict, setConfirmConflict] = createSignal(false);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [imgSrc, setImgSrc] = createSignal('');
  let firstInput: HTMLInputElement | undefined;
  /** after Enter saves (or a conflict), typing goes on in the next work's first criterion */
  let focusNext = true;

  const scored = () => items().filter((x) => !x.conflict && x.scoredAt !== null).length;
  const countable = () => items().filter((x) => !x.conflict).length;
  const remaining = () => items().filter((x) => !done(x)).length;

  // a new work: its saved scores (or empty inputs), its image, focus on the first criterion
  createEffect(
    on(
      () => item()?.entryId,
      () => {
        const it = item();
        if (!it) return;
        batch(() => {
          setValues(Object.fromEntries(props.group.criteria.map((c) => [c.name, it.given?.[c.name] !== undefined ? String(it.given[c.name]) : ''])));
          setErrs({});
          setFormError(null);
          setConfirmConflict(false);
          setImgSrc(it.imageUrl);
        });
        if (focusNext) requestAnimationFrame(() => firstInput?.focus({ preventScroll: true }));
        focusNext = false;
      },
    ),
  );

  const numbers = () => Object.fromEntries(props.group.criteria.map((c) => [c.name, Number(values()[c.name])]));
  const preview = () => {
    const all = props.group.criteria.every((c) => values()[c.name]?.trim() && Number.isFinite(Number(values()[c.name])));
    return all ? totalOf(props.group.criteria, numbers()) : null;
  };

  function move(step: number) {
    const n = items().length;
    setIdx((i) => Math.max(0, Math.min(n - 1, i + step)));
    setSaved(null);
  }

  /** The next work still to score after the current one (wrapping), or the next one. */
  function nextOpen(from: number): number {
    const n = items().length;
    for (let k = 1; k <= n; k++) {
      const j = (from + k) % n;
      if (!done(items()[j]!)) return j;
    }
    return Math.min(n - 1, from + 1);
  }

  function patch(entryId: string, p: Partial<Assignment>) {
    judging.mutate((list) => (list ?? []).map((x) => (x.roundId === props.group.roundId && x.entryId === entryId ? { ...x, ...p } : x)));
  }

  async function submit(e?: Event) {
    e?.preventDefault();
    const it = item();
    if (it.conflict || busy()) return;
    const found: Record<string, string> = {};
    for (const c of props.group.criteria) {
      const raw = (values()[c.name] ?? '').trim();
      const v = Number(raw);
      if (!raw) found[c.name] = t('form.required');
      else if (!Number.isFinite(v) || v < 0 || v > c.max) found[c.name] = t('contest.score.range', { max: fmtNumber(c.max) });
    }
    setErrs(found);
    setFormError(null);
    if (Object.keys(found).length) {
      document.getElementById(`crit-${props.group.criteria.findIndex((c) => found[c.name])}`)?.focus();
      return;
    }
    setBusy('score');
    try {
      const r = await scoreEntry(it.entryId, numbers());
      patch(it.entryId, { given: numbers(), total: r.total, scoredAt: new Date().toISOString() });
      setSaved(t('contest.score.saved', { title: it.title, total: fmtScore100(r.total) }));
      focusNext = true;
      setIdx(nextOpen(idx()));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const f: Record<string, string> = {};
        for (const [k, m] of Object.entries(err.fields)) f[k.replace(/^criteria\./, '')] = m;
        setErrs(f);
      } else setFormError(errorText(err));
      if (err instanceof ApiError && err.reason === 'judge_conflict') patch(it.entryId, { conflict: true });
    } finally {
      setBusy(null);
    }
  }

  async function conflict() {
    const it = item();
    setBusy('conflict');
    setFormError(null);
    try {
      await declareConflict(it.entryId);
      patch(it.entryId, { conflict: true, given: null, total: null, scoredAt: null });
      setSaved(t('contest.score.conflictDone', { title: it.title }));
      setConfirmConflict(false);
      focusNext = true;
      setIdx(nextOpen(idx()));
    } catch (err) {
      setFormError(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    // in a score field ←/→ move the caret; Alt+←/→ moves between works from anywhere
    if ((el.closest('input, textarea, select') && !e.altKey) || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight') move(1);
    else if (e.key === 'ArrowLeft') move(-1);
    else return;
    e.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <>
      <div class="cs-judge-progress">
        <div>
          <strong>{props.campaignTitle}</strong> · {props.group.roundName}
        </div>
        <span class="tx-num cs-judge-count" data-testid="judge-progress">
          {t('contest.score.progress', { done: fmtNumber(scored()), total: fmtNumber(countable()) })}
        </span>
        <ProgressBar value={countable() ? scored() / countable() : 1} label={t('contest.score.progressLabel')} />
      </div>
      <Show when={remaining() === 0}>
        <Notice kind="success">{t('contest.score.allDone')}</Notice>
      </Show>

      <div class="cs-judge">
        <section class="cs-judge-stage" aria-label={t('contest.score.image')}>
          <img
            src={imgSrc()}
            alt={item().title}
            onError={() => {
              // works without a display copy are served from the original
              if (imgSrc() !== item().originalUrl) setImgSrc(item().originalUrl);
            }}
          />
          <a class="cs-judge-original" href={item().originalUrl} target="_blank" rel="noopener">
            {t('contest.score.original')}
            <Icon name="external" />
          </a>
        </section>

        <form class="tx-card cs-judge-panel" onSubmit={submit} novalidate data-testid="score-form">
          <div class="cs-judge-nav">
            <Button small variant="secondary" disabled={idx() === 0} onClick={() => move(-1)} aria-label={t('contest.score.prev')}>
              <Icon name="chevronLeft" />
            </Button>
            <span class="tx-num">{t('contest.score.position', { i: fmtNumber(idx() + 1), n: fmtNumber(items().length) })}</span>
            <Button small variant="secondary" disabled={idx() >= items().length - 1} onClick={() => move(1)} aria-label={t('contest.score.next')}>
              <Icon name="chevronRight" />
            </Button>
          </div>
          <h2 class="cs-judge-title">{item().title}</h2>
          <div class="tx-row tx-small tx-muted">
            <span class="tx-badge tx-badge-neutral">{item().category}</span>
            <span class="tx-num">
              {fmtNumber(item().width)} × {fmtNumber(item().height)}
            </span>
            <Switch>
              <Match when={item().conflict}>
                <span class="tx-badge tx-badge-orange">{t('contest.score.conflicted')}</span>
              </Match>
              <Match when={item().scoredAt}>
                <span class="tx-badge tx-badge-green">{t('contest.score.scoredBadge', { total: fmtScore100(item().total) })}</span>
              </Match>
            </Switch>
          </div>
          <Show when={item().description}>
            <p class="cs-judge-desc">{item().description}</p>
          </Show>
          <p class="tx-small tx-muted cs-judge-blind">
            <Icon name="info" />
            {t('contest.score.blind')}
          </p>

          <Show when={saved()}>
            <p class="cs-ok tx-small" role="status">
              <Icon name="check" />
              {saved()}
            </p>
          </Show>
          <Show when={formError()}>
            <div class="tx-form-error" role="alert">
              <Icon name="alert" />
              <span>{formError()}</span>
            </div>
          </Show>

          <fieldset class="cs-judge-criteria" disabled={item().conflict || busy() !== null}>
            <legend class="tx-visually-hidden">{t('contest.score.criteria')}</legend>
            <For each={props.group.criteria}>
              {(c, i) => (
                <div class="cs-judge-crit">
                  <label for={`crit-${i()}`}>
                    <span class="cs-judge-crit-name">{c.name}</span>
                    <span class="tx-small tx-muted">
                      {t('contest.score.critHint', {
                        weight: fmtPercent(c.weight / (props.group.criteria.reduce((s, x) => s + x.weight, 0) || 1)),
                        max: fmtNumber(c.max),
                      })}
                    </span>
                  </label>
                  <input
                    ref={(el) => i() === 0 && (firstInput = el)}
                    id={`crit-${i()}`}
                    class="tx-input tx-num cs-judge-input"
                    type="number"
                    inputmode="decimal"
                    min="0"
                    max={c.max}
                    step="0.5"
                    value={values()[c.name] ?? ''}
                    onInput={(e) => setValues({ ...values(), [c.name]: e.currentTarget.value })}
                    aria-invalid={errs()[c.name] ? 'true' : undefined}
                    aria-describedby={errs()[c.name] ? `crit-${i()}-error` : undefined}
                    data-criterion={c.name}
                  />
                  <Show when={errs()[c.name]}>
                    <div class="tx-field-error" id={`crit-${i()}-error`} role="alert">
                      <Icon name="alert" />
                      <span>{errs()[c.name]}</span>
                    </div>
                  </Show>
                </div>
              )}
            </For>
          </fieldset>
          <div class="cs-judge-total">
            <span>{t('contest.score.total')}</span>
            <strong class="tx-num">{preview() === null ? '—' : fmtScore100(preview())}</strong>
            <span class="tx-small tx-muted">/ 100</span>
          </div>
          <Button type="submit" variant="primary" block loading={busy() === 'score'} disabled={item().conflict} data-testid="save-score">
            {item().scoredAt ? t('contest.score.update') : t('contest.score.saveNext')}
          </Button>
          <p class="tx-small tx-muted cs-judge-keys">{t('contest.score.keys')}</p>

          <Show
            when={confirmConflict()}
            fallback={
              <Button variant="ghost" small disabled={item().conflict || busy() !== null} onClick={() => setConfirmConflict(true)}>
                <Icon name="flag" />
                {t('contest.score.conflict')}
              </Button>
            }
          >
            <div class="cs-ct-confirm-inline" role="alertdialog" aria-labelledby="conflict-title">
              <div class="tx-spacer">
                <strong id="conflict-title">{t('contest.score.conflictTitle')}</strong>
                <p class="tx-small">{t('contest.score.conflictBody')}</p>
              </div>
              <Button small variant="primary" class="cs-ct-danger" loading={busy() === 'conflict'} onClick={conflict}>
                {t('contest.score.conflictConfirm')}
              </Button>
              <Button small variant="secondary" onClick={() => setConfirmConflict(false)}>
                {t('action.cancel')}
              </Button>
            </div>
          </Show>
        </form>
      </div>

      <nav class="cs-judge-strip" aria-label={t('contest.score.all')}>
        <For each={items()}>
          {(x, i) => (
            <button
              type="button"
              class="cs-judge-chip"
              classList={{ 'is-current': i() === idx(), 'is-done': !x.conflict && x.scoredAt !== null, 'is-conflict': x.conflict }}
              aria-current={i() === idx() ? 'true' : undefined}
              aria-label={`${i() + 1} ${x.title} ${x.conflict ? t('contest.score.conflicted') : x.scoredAt ? t('contest.score.done') : t('contest.score.todo')}`}
              onClick={() => {
                setIdx(i());
                setSaved(null);
              }}
            >
              {i() + 1}
            </button>
          )}
        </For>
      </nav>
    </>
  );
}
