import { createResource, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { Table } from '@ui/components/Table';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { quizStats } from '../data/quiz';
import { t } from '../i18n';
import { QUESTION_FLAG } from '@shared/quiz';

/* 可能有问题 is the server's verdict (shared/quiz questionSuspect): a low correct rate over enough answers. */
const LOW_RATE = QUESTION_FLAG.lowRate;

export function StatsPanel(props: { campaign: Campaign }) {
  const [stats, { refetch }] = createResource(() => props.campaign.id, quizStats);
  const low = () => (stats.latest ?? []).filter((s) => s.suspect).length;
  const few = () => (stats.latest ?? []).filter((s) => !s.suspect && s.answered < QUESTION_FLAG.minAnswers).length;
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
      <Loaded of={stats} retry={refetch} lines={6}>
        <Show when={low() > 0}>
          <div class="cs-gap">
            <Notice kind="warning">{t('quiz.stats.lowNote', { n: low(), pct: fmtPercent(LOW_RATE), min: QUESTION_FLAG.minAnswers })}</Notice>
          </div>
        </Show>
        <Show when={few() > 0}>
          <p class="tx-small tx-muted cs-gap" data-testid="quiz-stats-few">
            {t('quiz.stats.fewNote', { n: few(), min: QUESTION_FLAG.minAnswers })}
          </p>
        </Show>
        <Table
          caption={t('quiz.stats.title')}
          rows={stats.latest!}
          rowKey={(s) => s.id}
          initialSort={{ key: 'rate', dir: 'asc' }}
          rowClass={(s) => (s.suspect ? 'qz-row-low' : undefined)}
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
                  <Show when={s.suspect}>
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
                <span class="qz-rate" classList={{ 'is-low': s.suspect }}>
                  <span class="qz-rate-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(s.correctRate * 100)}%` }} />
                  </span>
                  <span class="tx-num">{fmtPercent(s.correctRate)}</span>
                </span>
              ),
            },
            {
              key: 'avg',
              header: t('quiz.stats.avg'),
              numeric: true,
              sortValue: (s) => s.avgSeconds,
              cell: (s) => t('quiz.att.seconds', { s: fmtNumber(s.avgSeconds) }),
            },
          ]}
        />
      </Loaded>
    </section>
  );
}
