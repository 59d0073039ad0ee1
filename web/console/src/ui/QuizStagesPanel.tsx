import { createMemo, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { lang } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { advance, listAdmissions, type Advanced, type Stage } from '../data/quiz';
import { t } from '../i18n';
import { createAction } from '@ui/action';
import { overridesText, QuizStageForm, ruleText } from './QuizStageForm';

function stagePhase(st: Stage, now = Date.now()) {
  if (now < Date.parse(st.startsAt)) return 'upcoming';
  if (now >= Date.parse(st.endsAt)) return 'ended';
  return 'ongoing';
}

// ---- stages and 入围 -----------------------------------------------------------------------

export function StagesPanel(props: { campaign: Campaign; stages: Stage[] | undefined; error: unknown; loading: boolean; refetch: () => unknown }) {
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
                    return (
                      <span class={`tx-badge ${ph === 'ongoing' ? 'tx-badge-green' : ph === 'upcoming' ? 'tx-badge-orange' : 'tx-badge-neutral'}`}>
                        {t(`quiz.phase.${ph}`)}
                      </span>
                    );
                  },
                },
                {
                  key: 'settings',
                  header: t('quiz.stage.overrides'),
                  class: 'qz-col-wrap',
                  cell: (st) => <span class="tx-small">{overridesText(st.settings)}</span>,
                },
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
            <Show when={p.kind === 'advance'} fallback={<AdmissionsCard campaign={props.campaign} stage={p.stage} onClose={() => setPanel(null)} />}>
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
function AdvanceCard(props: {
  campaign: Campaign;
  stage: Stage;
  next: Stage | undefined;
  onClose: () => void;
  onPublished: (n: number, next: Stage | undefined) => void;
}) {
  const [preview, { refetch }] = createResource(
    () => props.stage.id,
    (id) => advance(props.campaign.id, id, true),
  );
  const [confirm, setConfirm] = createSignal(false);
  const { busy, error, run } = createAction();
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
    await run(async () => {
      const r = await advance(props.campaign.id, props.stage.id, false);
      setConfirm(false);
      props.onPublished(r.advanced.length, props.next);
    });
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
      <Loaded of={preview} retry={refetch} lines={5}>
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
      </Loaded>
    </section>
  );
}

function AdmissionsCard(props: { campaign: Campaign; stage: Stage; onClose: () => void }) {
  const [list, { refetch }] = createResource(
    () => props.stage.id,
    (id) => listAdmissions(props.campaign.id, id),
  );
  return (
    <section class="tx-card" aria-labelledby="qz-adm-title" data-testid="admissions">
      <div class="tx-card-title">
        <h2 id="qz-adm-title">{t('quiz.adm.title', { name: props.stage.name })}</h2>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={props.onClose} aria-label={t('quiz.imp.close')}>
          <Icon name="plus" class="tx-icon qz-x" />
        </Button>
      </div>
      <Loaded of={list} retry={refetch} lines={4}>
        <p class="tx-small tx-muted">{t('quiz.adm.count', { n: fmtNumber(list.latest!.length) })}</p>
        <Table
          caption={t('quiz.adm.title', { name: props.stage.name })}
          rows={list.latest!}
          rowKey={(a) => a.userId}
          initialSort={{ key: 'rank', dir: 'asc' }}
          empty={<EmptyState icon="list" title={t('quiz.adm.emptyTitle')} body={t('quiz.adm.emptyBody')} />}
          columns={[
            {
              key: 'rank',
              header: t('quiz.adm.fromRank'),
              class: 'qz-col-rank tx-num',
              sortValue: (a) => a.fromRank ?? Infinity,
              cell: (a) => (a.fromRank === null ? '—' : fmtNumber(a.fromRank)),
            },
            { key: 'name', header: t('board.name'), sortValue: (a) => a.name, cell: (a) => a.name },
          ]}
        />
      </Loaded>
    </section>
  );
}

// ---- attempts review -------------------------------------------------------------------------
