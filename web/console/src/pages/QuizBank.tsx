import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useParams, useSearchParams } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { answerLabel, bankExportHref, listBanks, listQuestions, retireQuestion, type Question, type QuestionType } from '../data/quiz';
import { t } from '../i18n';
import { PageHead, Crumb } from '../ui/PageHead';
import { difficultyLabel, QuizQuestionEditor } from '../ui/QuizQuestionEditor';
import { QuizImport } from '../ui/QuizImport';
import '../quiz.css';
import { Confirm } from '../ui/Confirm';

const PAGE = 50;

/** One bank (/console/quiz-banks/:id): its questions page by page, the editor drawer, import and export. */
export default function QuizBankPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ created?: string }>();
  const [banks, { refetch: refetchBanks }] = createResource(listBanks);
  const bank = () => banks.latest?.find((b) => b.id === params.id);
  createEffect(() => {
    document.title = `${bank()?.title ?? t('quiz.banks.title')} · ${t('console.name')}`;
  });

  // cursor of each page seen so far: page n starts after cursors[n]
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const [pageNo, setPageNo] = createSignal(0);
  const [page, { refetch }] = createResource(
    () => ({ bank: params.id, cursor: cursors()[pageNo()] ?? null }),
    (k) => listQuestions(k.bank, k.cursor, PAGE),
  );
  const [filter, setFilter] = createSignal('');
  const [typeFilter, setTypeFilter] = createSignal<QuestionType | ''>('');
  const [editing, setEditing] = createSignal<Question | 'new' | null>(null);
  const [importing, setImporting] = createSignal(false);
  const [retire, setRetire] = createSignal<Question | null>(null);
  const [retireBusy, setRetireBusy] = createSignal(false);
  const [retireError, setRetireError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(search.created ? t('quiz.bank.created') : null);
  if (search.created) setSearch({ created: undefined }, { replace: true });

  const words = () => ({ yes: t('quiz.judgeYes'), no: t('quiz.judgeNo') });
  const rows = createMemo(() => {
    const q = filter().trim().toLowerCase();
    return (page.latest?.items ?? []).filter(
      (x) =>
        (!typeFilter() || x.type === typeFilter()) &&
        (!q ||
          x.stem.toLowerCase().includes(q) ||
          x.tags.some((tag) => tag.toLowerCase().includes(q)) ||
          answerLabel(x.type, x.answer, words()).toLowerCase().includes(q) ||
          x.options.some((o) => o.text.toLowerCase().includes(q))),
    );
  });

  function nextPage() {
    const c = page.latest?.nextCursor;
    if (!c) return;
    const list = cursors().slice(0, pageNo() + 1);
    setCursors([...list, c]);
    setPageNo(pageNo() + 1);
  }

  async function doRetire() {
    const q = retire();
    if (!q) return;
    setRetireBusy(true);
    setRetireError(null);
    try {
      await retireQuestion(q.id);
      setRetire(null);
      setNotice(t('quiz.bank.retired'));
      void refetch();
      void refetchBanks();
    } catch (e) {
      setRetireError(errorText(e));
    } finally {
      setRetireBusy(false);
    }
  }

  const missing = () => !!banks.latest && !bank();

  return (
    <div class="cs-page qz-cs-page">
      <Crumb href="/quiz-banks">{t('quiz.bank.back')}</Crumb>
      <Switch>
        <Match when={banks.error}>
          <ErrorState error={banks.error} onRetry={refetchBanks} />
        </Match>
        <Match when={missing()}>
          <EmptyState icon="file" title={t('quiz.bank.notFound')} action={<LinkButton href="/quiz-banks">{t('quiz.bank.back')}</LinkButton>} />
        </Match>
        <Match when={!bank()}>
          <div class="tx-card">
            <Skeleton title lines={6} />
          </div>
        </Match>
        <Match when={bank()}>
          {(b) => (
            <>
              <PageHead title={b().title} lead={t('quiz.bank.meta', { unit: b().orgUnitName ?? '', n: fmtNumber(b().questionCount) })}>
                <div class="tx-row">
                  <Button variant="primary" onClick={() => setEditing('new')} data-testid="question-add">
                    <Icon name="plus" />
                    {t('quiz.bank.add')}
                  </Button>
                  <Button onClick={() => setImporting(!importing())} aria-expanded={importing()} data-testid="question-import-open">
                    <Icon name="upload" />
                    {t('quiz.bank.import')}
                  </Button>
                  <a class="tx-btn tx-btn-ghost" href={bankExportHref(b().id, 'xlsx')} download="">
                    <Icon name="download" />
                    {t('quiz.bank.exportXlsx')}
                  </a>
                  <a class="tx-btn tx-btn-ghost" href={bankExportHref(b().id, 'csv')} download="">
                    <Icon name="download" />
                    {t('quiz.bank.exportCsv')}
                  </a>
                </div>
              </PageHead>

              <Show when={notice()}>
                <div class="cs-gap">
                  <Notice kind="success">{notice()}</Notice>
                </div>
              </Show>

              <Show when={importing()}>
                <div class="cs-gap">
                  <QuizImport
                    bankId={b().id}
                    onClose={() => setImporting(false)}
                    onImported={() => {
                      setCursors([null]);
                      setPageNo(0);
                      void refetch();
                      void refetchBanks();
                    }}
                  />
                </div>
              </Show>

              <Show when={retire()}>
                {(q) => (
                  <Confirm
                    id="retire-title"
                    describedBy="retire-body"
                    testid="retire-confirm"
                    title={t('quiz.bank.retireTitle')}
                    action={t('quiz.bank.retireConfirm')}
                    actionClass="cs-danger-solid"
                    busy={retireBusy()}
                    onAction={doRetire}
                    onCancel={() => setRetire(null)}
                  >
                    <p class="qz-confirm-stem">{q().stem}</p>
                    <p id="retire-body">{t('quiz.bank.retireBody')}</p>
                    <FormError message={retireError()} />
                  </Confirm>
                )}
              </Show>

              <section class="tx-card" aria-labelledby="questions-title">
                <div class="tx-card-title qz-table-tools">
                  <h2 id="questions-title">{t('quiz.bank.questions')}</h2>
                  <span class="tx-spacer" />
                  <label class="qz-filter">
                    <span class="tx-visually-hidden">{t('quiz.bank.typeFilter')}</span>
                    <select class="tx-select" value={typeFilter()} onChange={(e) => setTypeFilter(e.currentTarget.value as QuestionType | '')}>
                      <option value="">{t('quiz.bank.allTypes')}</option>
                      <For each={['single', 'multiple', 'judge', 'blank'] as const}>{(ty) => <option value={ty}>{t(`quiz.type.${ty}`)}</option>}</For>
                    </select>
                  </label>
                  <label class="qz-search">
                    <span class="tx-visually-hidden">{t('quiz.bank.search')}</span>
                    <input
                      class="tx-input"
                      type="search"
                      placeholder={t('quiz.bank.search')}
                      value={filter()}
                      onInput={(e) => setFilter(e.currentTarget.value)}
                      data-testid="question-search"
                    />
                  </label>
                </div>
                <Loaded of={page} retry={refetch} lines={8}>
                  <div classList={{ 'cs-stale': page.loading }}>
                    <Table
                      caption={t('quiz.bank.questions')}
                      rows={rows()}
                      rowKey={(q) => q.id}
                      empty={
                        <Show
                          when={(page.latest?.items.length ?? 0) > 0}
                          fallback={
                            <EmptyState
                              icon="file"
                              title={t('quiz.bank.emptyTitle')}
                              body={t('quiz.bank.emptyBody')}
                              action={
                                <div class="tx-row qz-center-row">
                                  <Button variant="primary" onClick={() => setEditing('new')}>
                                    <Icon name="plus" />
                                    {t('quiz.bank.add')}
                                  </Button>
                                  <Button onClick={() => setImporting(true)}>
                                    <Icon name="upload" />
                                    {t('quiz.bank.import')}
                                  </Button>
                                </div>
                              }
                            />
                          }
                        >
                          <EmptyState icon="list" title={t('quiz.bank.noMatch')} body={t('quiz.bank.noMatchBody')} />
                        </Show>
                      }
                      columns={[
                        {
                          key: 'type',
                          header: t('quiz.bank.colType'),
                          class: 'cs-nowrap',
                          sortValue: (q) => q.type,
                          cell: (q) => <span class="tx-badge tx-badge-neutral">{t(`quiz.type.${q.type}`)}</span>,
                        },
                        {
                          key: 'stem',
                          header: t('quiz.bank.colStem'),
                          class: 'qz-col-stem',
                          sortValue: (q) => q.stem,
                          cell: (q) => (
                            <button type="button" class="qz-stem-link" title={q.stem} onClick={() => setEditing(q)}>
                              {q.stem}
                            </button>
                          ),
                        },
                        {
                          key: 'answer',
                          header: t('quiz.bank.colAnswer'),
                          class: 'qz-col-answer',
                          cell: (q) => <span class="qz-answer">{answerLabel(q.type, q.answer, words())}</span>,
                        },
                        {
                          key: 'tags',
                          header: t('quiz.bank.colTags'),
                          cell: (q) => (
                            <span class="qz-tags">
                              <For each={q.tags}>{(tag) => <span class="tx-badge tx-badge-neutral">{tag}</span>}</For>
                            </span>
                          ),
                        },
                        {
                          key: 'difficulty',
                          header: t('quiz.bank.colDifficulty'),
                          class: 'cs-nowrap',
                          sortValue: (q) => q.difficulty,
                          cell: (q) => difficultyLabel(q.difficulty),
                        },
                        {
                          key: 'actions',
                          header: t('campaigns.colActions'),
                          class: 'cs-nowrap',
                          cell: (q) => (
                            <div class="tx-row cs-row-actions">
                              <Button small variant="ghost" onClick={() => setEditing(q)} data-testid="question-edit">
                                <Icon name="edit" />
                                {t('quiz.bank.edit')}
                              </Button>
                              <Button
                                small
                                variant="ghost"
                                onClick={() => {
                                  setRetireError(null);
                                  setRetire(q);
                                  window.scrollTo({ top: 0, behavior: 'smooth' });
                                }}
                              >
                                {t('quiz.bank.retire')}
                              </Button>
                            </div>
                          ),
                        },
                      ]}
                    />
                    <Show when={pageNo() > 0 || page.latest?.nextCursor}>
                      <div class="cs-pager">
                        <Button small disabled={pageNo() === 0 || page.loading} onClick={() => setPageNo(pageNo() - 1)}>
                          <Icon name="chevronLeft" />
                          {t('quiz.bank.prev')}
                        </Button>
                        <span class="tx-small tx-muted tx-num">
                          {t('quiz.bank.pageOf', { page: pageNo() + 1, shown: rows().length, loaded: page.latest?.items.length ?? 0 })}
                        </span>
                        <Button small disabled={!page.latest?.nextCursor || page.loading} onClick={nextPage}>
                          {t('quiz.bank.next')}
                          <Icon name="chevronRight" />
                        </Button>
                      </div>
                    </Show>
                  </div>
                </Loaded>
              </section>

              <Show when={editing()} keyed>
                {(e) => (
                  <QuizQuestionEditor
                    bankId={b().id}
                    question={e === 'new' ? null : e}
                    onClose={() => setEditing(null)}
                    onSaved={(_q, created) => {
                      setEditing(null);
                      setNotice(created ? t('quiz.bank.added') : t('quiz.bank.saved'));
                      void refetch();
                      if (created) void refetchBanks();
                    }}
                  />
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
