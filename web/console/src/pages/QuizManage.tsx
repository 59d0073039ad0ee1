import { createMemo, createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { lang } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Tabs } from '@ui/components/Tabs';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import {
  advance,
  answerLabel,
  attemptsExportHref,
  getAttemptDetail,
  listAdmissions,
  listAttempts,
  listStages,
  reviewAttempt,
  quizStats,
  type Advanced,
  type AttemptRow,
  type Stage,
} from '../data/quiz';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import { modeName, overridesText, QuizStageForm, ruleText } from '../ui/QuizStageForm';
import '../quiz.css';

type Tab = 'stages' | 'attempts' | 'stats';
const LOW_RATE = 0.3;

/** 答题管理 of one quiz (/console/campaigns/:id/quiz): stages and 入围名单, flagged attempts, question statistics, export. */
export default function QuizManage() {
  return (
    <CampaignModulePage
      kind="quiz"
      icon="quiz"
      class="qz-cs-page qz-manage"
      title={(c) => (c ? t('quiz.manage.pageTitle', { title: c.title }) : t('quiz.manage.title'))}
      notKind={(kind) => t('quiz.manage.notQuiz', { kind })}
      backLabel={t('quiz.manage.back')}
      hidden={(c) => c.canManage === false}
    >
      {(c) => <Manage campaign={c} />}
    </CampaignModulePage>
  );
}

function Manage(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (search.tab === 'attempts' || search.tab === 'stats' ? search.tab : 'stages');
  const [stages, { refetch: refetchStages }] = createResource(() => props.campaign.id, listStages);
  const s = () => (props.campaign.settings ?? {}) as Record<string, unknown>;

  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('quiz.manage.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <span class="tx-muted tx-small">{modeName(String(s().mode ?? 'daily'))}</span>
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}/quiz`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
        <div class="tx-row">
          <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/leaderboard`} class="tx-btn tx-btn-secondary">
            <Icon name="trophy" />
            {t('form.board')}
          </A>
          <a class="tx-btn tx-btn-secondary" href={attemptsExportHref(props.campaign.id, 'xlsx')} download="" data-testid="attempts-export">
            <Icon name="download" />
            {t('quiz.manage.exportXlsx')}
          </a>
          <a class="tx-btn tx-btn-ghost" href={attemptsExportHref(props.campaign.id, 'csv')} download="">
            <Icon name="download" />
            {t('quiz.manage.exportCsv')}
          </a>
        </div>
      </div>

      <Tabs
        id="qz-tab"
        label={t('quiz.manage.title')}
        value={tab()}
        options={[
          { value: 'stages', label: t('quiz.manage.tabStages') },
          { value: 'attempts', label: t('quiz.manage.tabAttempts') },
          { value: 'stats', label: t('quiz.manage.tabStats') },
        ]}
        onChange={(v) => setSearch({ tab: v === 'stages' ? undefined : v }, { replace: true })}
      />
      <div role="tabpanel" id="qz-tab-panel" aria-labelledby={`qz-tab-tab-${tab()}`} class="qz-tab-panel">
        <Switch>
          <Match when={tab() === 'stages'}>
            <StagesPanel campaign={props.campaign} stages={stages.error ? undefined : stages.latest} error={stages.error} loading={stages.loading} refetch={refetchStages} />
          </Match>
          <Match when={tab() === 'attempts'}>
            <AttemptsPanel campaign={props.campaign} stages={stages.latest ?? []} />
          </Match>
          <Match when={tab() === 'stats'}>
            <StatsPanel campaign={props.campaign} />
          </Match>
        </Switch>
      </div>
    </>
  );
}

function stagePhase(st: Stage, now = Date.now()) {
  if (now < Date.parse(st.startsAt)) return 'upcoming';
  if (now >= Date.parse(st.endsAt)) return 'ended';
  return 'ongoing';
}

// ---- stages and 入围 -----------------------------------------------------------------------

function StagesPanel(props: { campaign: Campaign; stages: Stage[] | undefined; error: unknown; loading: boolean; refetch: () => unknown }) {
  const [editing, setEditing] = createSignal<Stage | 'new' | null>(null);
  const [panel, setPanel] = createSignal<{ kind: 'advance' | 'admissions'; stage: Stage } | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const sorted = () => [...(props.stages ?? [])].sort((a, b) => a.ord - b.ord);
  const nextOf = (st: Stage) => sorted().find((x) => x.ord > st.ord);
  const closed = () => props.campaign.status === 'closed';

  function open(kind: 'advance' | 'admissions', stage: Stage) {
    setNotice(null);
    setPanel({ kind, stage });
    requestAnimationFrame(() => document.getElementById('qz-stage-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  return (
    <div class="qz-stack">
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
      <section class="tx-card" aria-labelledby="qz-stages-title">
        <div class="tx-card-title">
          <h2 id="qz-stages-title">{t('quiz.stage.title')}</h2>
          <span class="tx-spacer" />
          <Show when={!closed()}>
            <Button variant="primary" small onClick={() => setEditing('new')} data-testid="stage-add">
              <Icon name="plus" />
              {t('quiz.stage.add')}
            </Button>
          </Show>
        </div>
        <Switch>
          <Match when={props.error}>
            <ErrorState error={props.error} onRetry={props.refetch} />
          </Match>
          <Match when={props.loading && !props.stages}>
            <Skeleton lines={4} />
          </Match>
          <Match when={props.stages}>
            <Table
              caption={t('quiz.stage.title')}
              rows={sorted()}
              rowKey={(st) => st.id}
              empty={<EmptyState icon="flag" title={t('quiz.stage.emptyTitle')} body={t('quiz.stage.emptyBody')} />}
              columns={[
                { key: 'ord', header: t('quiz.stage.ord'), numeric: true, cell: (st) => String(st.ord) },
                { key: 'name', header: t('quiz.stage.name'), cell: (st) => <strong>{st.name}</strong> },
                {
                  key: 'time',
                  header: t('quiz.stage.time'),
                  class: 'tx-num',
                  cell: (st) => (
                    <span class="qz-when">
                      {fmtDateTime(st.startsAt)} –<br />
                      {fmtDateTime(st.endsAt)}
                    </span>
                  ),
                },
                {
                  key: 'phase',
                  header: t('quiz.stage.phase'),
                  class: 'cs-nowrap',
                  cell: (st) => {
                    const ph = stagePhase(st);
                    return <span class={`tx-badge ${ph === 'ongoing' ? 'tx-badge-green' : ph === 'upcoming' ? 'tx-badge-orange' : 'tx-badge-neutral'}`}>{t(`quiz.phase.${ph}`)}</span>;
                  },
                },
                { key: 'settings', header: t('quiz.stage.overrides'), class: 'qz-col-wrap', cell: (st) => <span class="tx-small">{overridesText(st.settings)}</span> },
                {
                  key: 'rule',
                  header: t('quiz.adv.title'),
                  class: 'qz-col-wrap',
                  cell: (st) => (
                    <span class="tx-small">
                      {nextOf(st) ? ruleText(st.advancement) : t('quiz.adv.last')}
                      <Show when={st.advancedAt}>
                        <br />
                        <span class="tx-badge tx-badge-green">{t('quiz.adv.published', { time: fmtDateTime(st.advancedAt) })}</span>
                      </Show>
                    </span>
                  ),
                },
                {
                  key: 'actions',
                  header: t('campaigns.colActions'),
                  class: 'cs-nowrap',
                  cell: (st) => (
                    <div class="tx-row cs-row-actions">
                      <Show when={!closed()}>
                        <Button small variant="ghost" onClick={() => setEditing(st)} data-testid="stage-edit">
                          <Icon name="edit" />
                          {t('quiz.bank.edit')}
                        </Button>
                      </Show>
                      <Show when={nextOf(st) && st.advancement}>
                        <Button small variant="ghost" onClick={() => open('advance', st)} data-testid="stage-preview">
                          <Icon name="flag" />
                          {t('quiz.adv.preview')}
                        </Button>
                      </Show>
                      <Show when={st.ord > 1}>
                        <Button small variant="ghost" onClick={() => open('admissions', st)} data-testid="stage-admissions">
                          <Icon name="list" />
                          {t('quiz.adm.open')}
                        </Button>
                      </Show>
                    </div>
                  ),
                },
              ]}
            />
          </Match>
        </Switch>
      </section>

      <Show when={panel()} keyed>
        {(p) => (
          <div id="qz-stage-panel">
            <Show
              when={p.kind === 'advance'}
              fallback={<AdmissionsCard campaign={props.campaign} stage={p.stage} onClose={() => setPanel(null)} />}
            >
              <AdvanceCard
                campaign={props.campaign}
                stage={p.stage}
                next={nextOf(p.stage)}
                onClose={() => setPanel(null)}
                onPublished={(n, next) => {
                  setNotice(t('quiz.adv.done', { n, next: next?.name ?? '' }));
                  void props.refetch();
                  setPanel(next ? { kind: 'admissions', stage: next } : null);
                }}
              />
            </Show>
          </div>
        )}
      </Show>

      <Show when={editing()} keyed>
        {(e) => (
          <QuizStageForm
            campaign={props.campaign}
            stage={e === 'new' ? null : e}
            last={sorted()[sorted().length - 1]}
            onClose={() => setEditing(null)}
            onSaved={(st) => {
              setEditing(null);
              setNotice(e === 'new' ? t('quiz.stage.created', { name: st.name }) : t('quiz.stage.saved', { name: st.name }));
              void props.refetch();
            }}
          />
        )}
      </Show>
    </div>
  );
}

/** 入围预览: who the rule lets through (ties at the cut all advance), then 发布入围名单 after a confirmation. */
function AdvanceCard(props: { campaign: Campaign; stage: Stage; next: Stage | undefined; onClose: () => void; onPublished: (n: number, next: Stage | undefined) => void }) {
  const [preview, { refetch }] = createResource(() => props.stage.id, (id) => advance(props.campaign.id, id, true));
  const [confirm, setConfirm] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const list = () => preview.latest?.advanced ?? [];
  const rankCount = createMemo(() => {
    const m = new Map<number, number>();
    for (const a of list()) m.set(a.rank, (m.get(a.rank) ?? 0) + 1);
    return m;
  });
  const tied = (a: Advanced) => (rankCount().get(a.rank) ?? 0) > 1;
  const lastRank = () => list().reduce((m, a) => Math.max(m, a.rank), 0);
  const extra = () => {
    const adv = props.stage.advancement;
    return adv?.rule === 'top' && list().length > adv.n ? list().length - adv.n : 0;
  };

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const r = await advance(props.campaign.id, props.stage.id, false);
      setConfirm(false);
      props.onPublished(r.advanced.length, props.next);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="qz-adv-title" data-testid="advance-preview">
      <div class="tx-card-title">
        <h2 id="qz-adv-title">{t('quiz.adv.previewTitle', { from: props.stage.name, next: props.next?.name ?? '' })}</h2>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={() => void refetch()} disabled={preview.loading}>
          <Icon name="refresh" />
          {t('quiz.adv.refresh')}
        </Button>
        <Button small variant="ghost" onClick={props.onClose} aria-label={t('quiz.imp.close')}>
          <Icon name="plus" class="tx-icon qz-x" />
        </Button>
      </div>
      <p class="tx-small tx-muted">
        {t('quiz.adv.ruleIs', { rule: ruleText(props.stage.advancement) })}
        {lang() === 'en' ? ' ' : ''}
        {t('quiz.adv.previewHint')}
      </p>
      <Show when={stagePhase(props.stage) !== 'ended'}>
        <div class="cs-gap">
          <Notice kind="warning">{t('quiz.adv.notEnded', { name: props.stage.name, time: fmtDateTime(props.stage.endsAt) })}</Notice>
        </div>
      </Show>
      <Switch>
        <Match when={preview.error}>
          <ErrorState error={preview.error} onRetry={refetch} />
        </Match>
        <Match when={preview.loading && !preview.latest}>
          <Skeleton lines={5} />
        </Match>
        <Match when={preview.latest}>
          <div class="qz-adv-summary">
            <strong class="tx-num">{t('quiz.adv.count', { n: fmtNumber(list().length) })}</strong>
            <Show when={extra() > 0}>
              <span class="tx-badge tx-badge-gold">{t('quiz.adv.tieExtra', { rank: lastRank(), n: extra() })}</span>
            </Show>
            <Show when={props.stage.advancedAt}>
              <span class="tx-badge tx-badge-orange">{t('quiz.adv.republish', { time: fmtDateTime(props.stage.advancedAt) })}</span>
            </Show>
          </div>
          <Table
            caption={t('quiz.adv.previewTitle', { from: props.stage.name, next: props.next?.name ?? '' })}
            rows={list()}
            rowKey={(a) => a.userId}
            rowClass={(a) => (tied(a) && a.rank === lastRank() ? 'qz-row-tie' : undefined)}
            empty={<EmptyState icon="trophy" title={t('quiz.adv.emptyTitle')} body={t('quiz.adv.emptyBody')} />}
            columns={[
              {
                key: 'rank',
                header: t('board.rank'),
                class: 'qz-col-rank',
                cell: (a) => (
                  <span class="tx-row qz-rank-cell">
                    <span class={`tx-rank ${a.rank <= 3 ? 'tx-rank-top' : ''}`}>{a.rank}</span>
                    <Show when={tied(a)}>
                      <span class="tx-badge tx-badge-gold" title={t('quiz.adv.tieHint')}>
                        {t('quiz.adv.tie')}
                      </span>
                    </Show>
                  </span>
                ),
              },
              { key: 'name', header: t('board.name'), cell: (a) => a.name },
              { key: 'unit', header: t('board.unit'), cell: (a) => a.orgUnitName ?? '—' },
              { key: 'score', header: t('board.score'), numeric: true, cell: (a) => fmtNumber(a.score) },
            ]}
          />
          <FormError message={error()} />
          <Show
            when={confirm()}
            fallback={
              <div class="tx-row cs-gap-top">
                <Button variant="primary" disabled={list().length === 0} onClick={() => setConfirm(true)} data-testid="advance-publish">
                  <Icon name="check" />
                  {t('quiz.adv.publish')}
                </Button>
              </div>
            }
          >
            <div class="cs-confirm cs-gap-top" role="alertdialog" aria-labelledby="qz-adv-confirm-title" aria-describedby="qz-adv-confirm-body">
              <Icon name="alert" class="cs-confirm-icon" />
              <div>
                <h2 id="qz-adv-confirm-title">{t('quiz.adv.confirmTitle', { next: props.next?.name ?? '', n: fmtNumber(list().length) })}</h2>
                <p id="qz-adv-confirm-body">{t('quiz.adv.confirmBody', { next: props.next?.name ?? '' })}</p>
                <div class="tx-row">
                  <Button variant="primary" loading={busy()} onClick={publish} data-testid="advance-confirm">
                    {t('quiz.adv.confirm')}
                  </Button>
                  <Button disabled={busy()} onClick={() => setConfirm(false)}>
                    {t('action.cancel')}
                  </Button>
                </div>
              </div>
            </div>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}

function AdmissionsCard(props: { campaign: Campaign; stage: Stage; onClose: () => void }) {
  const [list, { refetch }] = createResource(() => props.stage.id, (id) => listAdmissions(props.campaign.id, id));
  return (
    <section class="tx-card" aria-labelledby="qz-adm-title" data-testid="admissions">
      <div class="tx-card-title">
        <h2 id="qz-adm-title">{t('quiz.adm.title', { name: props.stage.name })}</h2>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={props.onClose} aria-label={t('quiz.imp.close')}>
          <Icon name="plus" class="tx-icon qz-x" />
        </Button>
      </div>
      <Switch>
        <Match when={list.error}>
          <ErrorState error={list.error} onRetry={refetch} />
        </Match>
        <Match when={list.loading && !list.latest}>
          <Skeleton lines={4} />
        </Match>
        <Match when={list.latest}>
          <p class="tx-small tx-muted">{t('quiz.adm.count', { n: fmtNumber(list.latest!.length) })}</p>
          <Table
            caption={t('quiz.adm.title', { name: props.stage.name })}
            rows={list.latest!}
            rowKey={(a) => a.userId}
            initialSort={{ key: 'rank', dir: 'asc' }}
            empty={<EmptyState icon="list" title={t('quiz.adm.emptyTitle')} body={t('quiz.adm.emptyBody')} />}
            columns={[
              { key: 'rank', header: t('quiz.adm.fromRank'), class: 'qz-col-rank tx-num', sortValue: (a) => a.fromRank ?? Infinity, cell: (a) => (a.fromRank === null ? '—' : fmtNumber(a.fromRank)) },
              { key: 'name', header: t('board.name'), sortValue: (a) => a.name, cell: (a) => a.name },
            ]}
          />
        </Match>
      </Switch>
    </section>
  );
}

// ---- attempts review -------------------------------------------------------------------------

function AttemptsPanel(props: { campaign: Campaign; stages: Stage[] }) {
  const [flagged, setFlagged] = createSignal(true);
  const [extra, setExtra] = createSignal<AttemptRow[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [open, setOpen] = createSignal<AttemptRow | null>(null);
  const [page, { refetch }] = createResource(
    () => ({ id: props.campaign.id, flagged: flagged() }),
    async (k) => {
      const p = await listAttempts(k.id, k.flagged, null);
      setExtra([]);
      setCursor(p.nextCursor);
      return p;
    },
  );
  const rows = () => [...(page.latest?.items ?? []), ...extra()];
  const stageName = (id: string) => (id === 'main' ? '—' : props.stages.find((s) => s.id === id)?.name ?? id);
  const minMs = () => Number((props.campaign.settings as Record<string, unknown>)?.minAnswerMs ?? 1000);

  async function loadMore() {
    setMore({ busy: true, error: null });
    try {
      const p = await listAttempts(props.campaign.id, flagged(), cursor());
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  }

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
        <Switch>
          <Match when={page.error}>
            <ErrorState error={page.error} onRetry={refetch} />
          </Match>
          <Match when={page.loading && !page.latest}>
            <Skeleton lines={6} />
          </Match>
          <Match when={page.latest}>
            <div classList={{ 'cs-stale': page.loading }}>
              <Table
                caption={t('quiz.att.title')}
                rows={rows()}
                rowKey={(a) => a.id}
                empty={<EmptyState icon="check" title={flagged() ? t('quiz.att.emptyFlagged') : t('quiz.att.empty')} body={flagged() ? t('quiz.att.emptyFlaggedBody') : undefined} />}
                columns={[
                  { key: 'name', header: t('board.name'), sortValue: (a) => a.name, cell: (a) => <strong>{a.name}</strong> },
                  { key: 'stage', header: t('quiz.att.stage'), cell: (a) => stageName(a.stageId) },
                  { key: 'status', header: t('quiz.att.status'), class: 'cs-nowrap', cell: (a) => <span class={`tx-badge ${a.status === 'finished' ? 'tx-badge-neutral' : 'tx-badge-orange'}`}>{a.status === 'finished' ? t('quiz.att.finished') : t('quiz.att.active')}</span> },
                  { key: 'correct', header: t('quiz.att.correct'), numeric: true, sortValue: (a) => a.correct, cell: (a) => `${fmtNumber(a.correct)} / ${fmtNumber(a.total)}` },
                  { key: 'time', header: t('quiz.att.time'), numeric: true, sortValue: (a) => a.msUsed, cell: (a) => t('quiz.att.seconds', { s: fmtNumber(Math.round(a.msUsed / 100) / 10) }) },
                  { key: 'points', header: t('quiz.att.points'), numeric: true, sortValue: (a) => a.points, cell: (a) => fmtNumber(a.points) },
                  {
                    key: 'flags',
                    header: t('quiz.att.flags'),
                    numeric: true,
                    sortValue: (a) => a.flags,
                    cell: (a) =>
                      a.flags > 0 ? (
                        <span class={`tx-badge ${a.review === 'cleared' ? 'tx-badge-green' : a.review === 'disqualified' ? 'tx-badge-neutral' : 'tx-badge-orange'}`} data-review={a.review ?? 'open'}>
                          {a.review ? t(`quiz.rev.${a.review}`) : t('quiz.att.flagCount', { n: a.flags })}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                  { key: 'startedAt', header: t('quiz.att.startedAt'), class: 'tx-num cs-nowrap', sortValue: (a) => Date.parse(a.startedAt), cell: (a) => fmtDateTime(a.startedAt) },
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
              <Show when={cursor()}>
                <div class="cs-more">
                  <Show when={more().error}>
                    <p class="tx-field-error">{more().error}</p>
                  </Show>
                  <Button loading={more().busy} onClick={loadMore}>
                    {t('action.loadMore')}
                  </Button>
                </div>
              </Show>
            </div>
          </Match>
        </Switch>
      </section>
      <Show when={open()} keyed>
        {(a) => (
          <AttemptDrawer
            row={a}
            stageName={stageName(a.stageId)}
            onClose={() => setOpen(null)}
            onReviewed={(review, reason) => {
              const mark = (r: AttemptRow) => (r.id === a.id ? { ...r, review, reviewReason: reason } : r);
              setExtra(extra().map(mark));
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

function AttemptDrawer(props: { row: AttemptRow; stageName: string; onClose: () => void; onReviewed: (review: 'cleared' | 'disqualified', reason: string | null) => void }) {
  const [detail, { refetch }] = createResource(() => props.row.id, getAttemptDetail);
  const words = () => ({ yes: t('quiz.judgeYes'), no: t('quiz.judgeNo') });
  const fmtAnswer = (type: Parameters<typeof answerLabel>[0], a: unknown) => (a === null || a === undefined ? t('quiz.att.noAnswer') : answerLabel(type, a, words()) || t('quiz.att.noAnswer'));
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
                            <span class={`tx-badge ${q.correct ? 'tx-badge-green' : 'tx-badge-orange'}`}>{q.correct ? t('quiz.att.right') : q.late ? t('quiz.att.late') : t('quiz.att.wrong')}</span>
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

function StatsPanel(props: { campaign: Campaign }) {
  const [stats, { refetch }] = createResource(() => props.campaign.id, quizStats);
  const low = () => (stats.latest ?? []).filter((s) => s.answered > 0 && s.correctRate < LOW_RATE).length;
  return (
    <section class="tx-card" aria-labelledby="qz-stats-title">
      <div class="tx-card-title">
        <h2 id="qz-stats-title">{t('quiz.stats.title')}</h2>
        <Tooltip text={t('quiz.stats.tip')} />
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={() => void refetch()} disabled={stats.loading}>
          <Icon name="refresh" />
          {t('quiz.adv.refresh')}
        </Button>
      </div>
      <Switch>
        <Match when={stats.error}>
          <ErrorState error={stats.error} onRetry={refetch} />
        </Match>
        <Match when={stats.loading && !stats.latest}>
          <Skeleton lines={6} />
        </Match>
        <Match when={stats.latest}>
          <Show when={low() > 0}>
            <div class="cs-gap">
              <Notice kind="warning">{t('quiz.stats.lowNote', { n: low(), pct: fmtPercent(LOW_RATE) })}</Notice>
            </div>
          </Show>
          <Table
            caption={t('quiz.stats.title')}
            rows={stats.latest!}
            rowKey={(s) => s.id}
            initialSort={{ key: 'rate', dir: 'asc' }}
            rowClass={(s) => (s.answered > 0 && s.correctRate < LOW_RATE ? 'qz-row-low' : undefined)}
            empty={<EmptyState icon="chart" title={t('quiz.stats.emptyTitle')} body={t('quiz.stats.emptyBody')} />}
            columns={[
              {
                key: 'stem',
                header: t('quiz.bank.colStem'),
                class: 'qz-col-stem',
                sortValue: (s) => s.stem,
                cell: (s) => (
                  <span class="qz-stat-stem">
                    <span class="qz-clamp" title={s.stem}>
                      {s.stem}
                    </span>
                    <Show when={s.answered > 0 && s.correctRate < LOW_RATE}>
                      <span class="tx-badge tx-badge-orange">
                        <Icon name="alert" />
                        {t('quiz.stats.suspect')}
                      </span>
                    </Show>
                  </span>
                ),
              },
              { key: 'type', header: t('quiz.bank.colType'), class: 'cs-nowrap', sortValue: (s) => s.type, cell: (s) => t(`quiz.type.${s.type}`) },
              { key: 'answered', header: t('quiz.stats.answered'), numeric: true, sortValue: (s) => s.answered, cell: (s) => fmtNumber(s.answered) },
              {
                key: 'rate',
                header: t('quiz.stats.rate'),
                class: 'qz-col-rate',
                sortValue: (s) => s.correctRate,
                cell: (s) => (
                  <span class="qz-rate" classList={{ 'is-low': s.correctRate < LOW_RATE }}>
                    <span class="qz-rate-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(s.correctRate * 100)}%` }} />
                    </span>
                    <span class="tx-num">{fmtPercent(s.correctRate)}</span>
                  </span>
                ),
              },
              { key: 'avg', header: t('quiz.stats.avg'), numeric: true, sortValue: (s) => s.avgSeconds, cell: (s) => t('quiz.att.seconds', { s: fmtNumber(s.avgSeconds) }) },
            ]}
          />
        </Match>
      </Switch>
    </section>
  );
}
