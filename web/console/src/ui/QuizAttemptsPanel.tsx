import { createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { answerLabel, getAttemptDetail, listAttempts, reviewAttempt, type AttemptRow, type Stage } from '../data/quiz';
import { t } from '../i18n';
import { createCursorList } from '@ui/paging';
import { LoadMore } from './DataTable';

export function AttemptsPanel(props: { campaign: Campaign; stages: Stage[] }) {
  const [flagged, setFlagged] = createSignal(true);
  const list = createCursorList<AttemptRow>((cursor) => listAttempts(props.campaign.id, flagged(), cursor));
  const [open, setOpen] = createSignal<AttemptRow | null>(null);
  // rows reviewed in the drawer, shown as reviewed until the list is read again
  const [reviewed, setReviewed] = createSignal<Record<string, AttemptRow>>({});
  const [page, { refetch }] = createResource(
    () => ({ id: props.campaign.id, flagged: flagged() }),
    async (k) => {
      const first = list.first(await listAttempts(k.id, k.flagged, null));
      setReviewed({});
      return first;
    },
  );
  const rows = () => [...(page.latest?.items ?? []), ...list.extra()].map((r) => reviewed()[r.id] ?? r);
  const stageName = (id: string) => (id === 'main' ? '—' : (props.stages.find((s) => s.id === id)?.name ?? id));
  const minMs = () => Number((props.campaign.settings as Record<string, unknown>)?.minAnswerMs ?? 1000);

  return (
    <div class="qz-stack">
      <section class="tx-card" aria-labelledby="qz-att-title">
        <div class="tx-card-title">
          <h2 id="qz-att-title">{t('quiz.att.title')}</h2>
          <span class="tx-spacer" />
          <div class="tx-segmented" role="group" aria-label={t('quiz.att.filter')}>
            <button type="button" aria-pressed={flagged()} onClick={() => setFlagged(true)} data-testid="attempts-flagged">
              {t('quiz.att.flagged')}
            </button>
            <button type="button" aria-pressed={!flagged()} onClick={() => setFlagged(false)} data-testid="attempts-all">
              {t('quiz.att.all')}
            </button>
          </div>
        </div>
        <p class="tx-small tx-muted">{t('quiz.att.lead', { ms: fmtNumber(minMs()) })}</p>
        <Loaded of={page} retry={refetch} lines={6}>
          <div classList={{ 'cs-stale': page.loading }}>
            <Table
              caption={t('quiz.att.title')}
              rows={rows()}
              rowKey={(a) => a.id}
              empty={
                <EmptyState
                  icon="check"
                  title={flagged() ? t('quiz.att.emptyFlagged') : t('quiz.att.empty')}
                  body={flagged() ? t('quiz.att.emptyFlaggedBody') : undefined}
                />
              }
              columns={[
                { key: 'name', header: t('board.name'), sortValue: (a) => a.name, cell: (a) => <strong>{a.name}</strong> },
                { key: 'stage', header: t('quiz.att.stage'), cell: (a) => stageName(a.stageId) },
                {
                  key: 'status',
                  header: t('quiz.att.status'),
                  class: 'cs-nowrap',
                  cell: (a) => (
                    <span class={`tx-badge ${a.status === 'finished' ? 'tx-badge-neutral' : 'tx-badge-orange'}`}>
                      {a.status === 'finished' ? t('quiz.att.finished') : t('quiz.att.active')}
                    </span>
                  ),
                },
                {
                  key: 'correct',
                  header: t('quiz.att.correct'),
                  numeric: true,
                  sortValue: (a) => a.correct,
                  cell: (a) => `${fmtNumber(a.correct)} / ${fmtNumber(a.total)}`,
                },
                {
                  key: 'time',
                  header: t('quiz.att.time'),
                  numeric: true,
                  sortValue: (a) => a.msUsed,
                  cell: (a) => t('quiz.att.seconds', { s: fmtNumber(Math.round(a.msUsed / 100) / 10) }),
                },
                { key: 'points', header: t('quiz.att.points'), numeric: true, sortValue: (a) => a.points, cell: (a) => fmtNumber(a.points) },
                {
                  key: 'flags',
                  header: t('quiz.att.flags'),
                  numeric: true,
                  sortValue: (a) => a.flags,
                  cell: (a) =>
                    a.flags > 0 ? (
                      <span
                        class={`tx-badge ${a.review === 'cleared' ? 'tx-badge-green' : a.review === 'disqualified' ? 'tx-badge-neutral' : 'tx-badge-orange'}`}
                        data-review={a.review ?? 'open'}
                      >
                        {a.review ? t(`quiz.rev.${a.review}`) : t('quiz.att.flagCount', { n: a.flags })}
                      </span>
                    ) : (
                      '—'
                    ),
                },
                {
                  key: 'startedAt',
                  header: t('quiz.att.startedAt'),
                  class: 'tx-num cs-nowrap',
                  sortValue: (a) => Date.parse(a.startedAt),
                  cell: (a) => fmtDateTime(a.startedAt),
                },
                {
                  key: 'actions',
                  header: t('campaigns.colActions'),
                  class: 'cs-nowrap',
                  cell: (a) => (
                    <Button small variant="ghost" onClick={() => setOpen(a)} data-testid="attempt-open">
                      {t('quiz.att.view')}
                    </Button>
                  ),
                },
              ]}
            />
            <LoadMore error={list.more.state().error} busy={list.more.state().busy} more={list.cursor()} onMore={list.more.run} />
          </div>
        </Loaded>
      </section>
      <Show when={open()} keyed>
        {(a) => (
          <AttemptDrawer
            row={a}
            stageName={stageName(a.stageId)}
            onClose={() => setOpen(null)}
            onReviewed={(review, reason) => {
              const mark = (r: AttemptRow) => (r.id === a.id ? { ...r, review, reviewReason: reason } : r);
              setReviewed({ ...reviewed(), [a.id]: mark(a) });
              setOpen(mark(a));
              void refetch();
            }}
          />
        )}
      </Show>
    </div>
  );
}

/** 复核: clear a flagged attempt, or cancel its result with a reason (once; confirmed first). */
function ReviewBox(props: { row: AttemptRow; onReviewed: (review: 'cleared' | 'disqualified', reason: string | null) => void }) {
  const [mode, setMode] = createSignal<'idle' | 'disqualify'>('idle');
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal<'cleared' | 'disqualified' | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  async function decide(decision: 'cleared' | 'disqualified') {
    setBusy(decision);
    setError(null);
    try {
      await reviewAttempt(props.row.id, decision, decision === 'disqualified' ? reason().trim() : undefined);
      props.onReviewed(decision, decision === 'disqualified' ? reason().trim() : null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <Switch>
      <Match when={props.row.review}>
        {(r) => (
          <Notice kind={r() === 'cleared' ? 'success' : 'info'}>
            <strong>{t(`quiz.rev.${r()}`)}</strong>
            <Show when={props.row.reviewReason}>
              <br />
              {t('quiz.rev.reasonWas', { reason: props.row.reviewReason! })}
            </Show>
          </Notice>
        )}
      </Match>
      <Match when={props.row.status === 'finished'}>
        <section class="qz-review" aria-labelledby="qz-review-title" data-testid="attempt-review">
          <h3 id="qz-review-title">{t('quiz.rev.title')}</h3>
          <p class="tx-small tx-muted">{t('quiz.rev.lead')}</p>
          <Show
            when={mode() === 'disqualify'}
            fallback={
              <div class="tx-row">
                <Button small variant="primary" loading={busy() === 'cleared'} onClick={() => void decide('cleared')}>
                  <Icon name="check" />
                  {t('quiz.rev.clear')}
                </Button>
                <Button small variant="danger" onClick={() => setMode('disqualify')}>
                  {t('quiz.rev.disqualify')}
                </Button>
              </div>
            }
          >
            <div class="qz-review-confirm" role="alertdialog" aria-labelledby="qz-review-confirm-title">
              <p id="qz-review-confirm-title">
                <strong>{t('quiz.rev.confirmTitle', { name: props.row.name })}</strong>
                <br />
                <span class="tx-small">{t('quiz.rev.confirmBody')}</span>
              </p>
              <label class="tx-field-label" for="qz-review-reason">
                {t('quiz.rev.reason')}
              </label>
              <textarea id="qz-review-reason" class="tx-input" rows="2" maxLength={200} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
              <div class="tx-row">
                <Button small variant="danger" loading={busy() === 'disqualified'} disabled={!reason().trim()} onClick={() => void decide('disqualified')}>
                  {t('quiz.rev.confirm')}
                </Button>
                <Button small onClick={() => setMode('idle')}>
                  {t('action.cancel')}
                </Button>
              </div>
            </div>
          </Show>
          <Show when={error()}>
            <p class="tx-field-error" role="alert">
              {error()}
            </p>
          </Show>
        </section>
      </Match>
    </Switch>
  );
}

function AttemptDrawer(props: {
  row: AttemptRow;
  stageName: string;
  onClose: () => void;
  onReviewed: (review: 'cleared' | 'disqualified', reason: string | null) => void;
}) {
  const [detail, { refetch }] = createResource(() => props.row.id, getAttemptDetail);
  const words = () => ({ yes: t('quiz.judgeYes'), no: t('quiz.judgeNo') });
  const fmtAnswer = (type: Parameters<typeof answerLabel>[0], a: unknown) =>
    a === null || a === undefined ? t('quiz.att.noAnswer') : answerLabel(type, a, words()) || t('quiz.att.noAnswer');
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <div class="qz-drawer-wrap">
      <div class="qz-drawer-backdrop" onClick={props.onClose} aria-hidden="true" />
      <div class="qz-drawer qz-drawer-narrow" role="dialog" aria-modal="true" aria-labelledby="qz-att-detail-title" data-testid="attempt-detail">
        <div class="qz-drawer-head">
          <h2 id="qz-att-detail-title">{t('quiz.att.detailTitle', { name: props.row.name })}</h2>
          <span class="tx-spacer" />
          <Button variant="ghost" small onClick={props.onClose} aria-label={t('quiz.q.close')}>
            <Icon name="plus" class="tx-icon qz-x" />
          </Button>
        </div>
        <div class="qz-drawer-body qz-drawer-single">
          <div class="qz-editor-form">
            <dl class="qz-att-facts">
              <div>
                <dt>{t('quiz.att.stage')}</dt>
                <dd>{props.stageName}</dd>
              </div>
              <div>
                <dt>{t('quiz.att.correct')}</dt>
                <dd class="tx-num">
                  {fmtNumber(props.row.correct)} / {fmtNumber(props.row.total)}
                </dd>
              </div>
              <div>
                <dt>{t('quiz.att.time')}</dt>
                <dd class="tx-num">{t('quiz.att.seconds', { s: fmtNumber(Math.round(props.row.msUsed / 100) / 10) })}</dd>
              </div>
              <div>
                <dt>{t('quiz.att.flags')}</dt>
                <dd class="tx-num">{props.row.flags > 0 ? t('quiz.att.flagCount', { n: props.row.flags }) : '—'}</dd>
              </div>
              <div>
                <dt>{t('quiz.att.startedAt')}</dt>
                <dd class="tx-num">{fmtDateTime(props.row.startedAt)}</dd>
              </div>
            </dl>
            <Show when={props.row.flags > 0}>
              <Show when={!props.row.review}>
                <Notice kind="warning">{t('quiz.att.flagNote')}</Notice>
              </Show>
              <ReviewBox row={props.row} onReviewed={props.onReviewed} />
            </Show>
            <Switch>
              <Match when={detail.error}>
                <ErrorState error={detail.error} onRetry={refetch} />
              </Match>
              <Match when={detail.loading}>
                <Skeleton lines={6} />
              </Match>
              <Match when={detail.latest && !detail.latest.result}>
                <Notice>{t('quiz.att.inProgress')}</Notice>
              </Match>
              <Match when={detail.latest?.result}>
                {(r) => (
                  <ol class="qz-att-questions">
                    <For each={r().questions}>
                      {(q, i) => (
                        <li classList={{ 'is-right': q.correct, 'is-wrong': !q.correct }}>
                          <div class="tx-row">
                            <span class="tx-small tx-muted tx-num">{t('quiz.qn', { n: i() + 1 })}</span>
                            <span class="tx-badge tx-badge-neutral">{t(`quiz.type.${q.type}`)}</span>
                            <span class="tx-spacer" />
                            <span class={`tx-badge ${q.correct ? 'tx-badge-green' : 'tx-badge-orange'}`}>
                              {q.correct ? t('quiz.att.right') : q.late ? t('quiz.att.late') : t('quiz.att.wrong')}
                            </span>
                          </div>
                          <p class="qz-att-stem">{q.stem}</p>
                          <div class="tx-small">
                            {t('quiz.att.their')}
                            <strong>{q.late ? t('quiz.att.late') : fmtAnswer(q.type, q.yourAnswer)}</strong>
                            <Show when={q.correctAnswer !== undefined}>
                              <span class="tx-muted"> · {t('quiz.att.rightAnswer')}</span>
                              <strong>{fmtAnswer(q.type, q.correctAnswer)}</strong>
                            </Show>
                          </div>
                        </li>
                      )}
                    </For>
                  </ol>
                )}
              </Match>
            </Switch>
          </div>
        </div>
      </div>
    </div>
  );
}

// ---- statistics --------------------------------------------------------------------------
