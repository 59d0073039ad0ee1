import { createResource, Match, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { attemptsExportHref, listStages } from '../data/quiz';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import { modeName } from '../ui/QuizStageForm';
import { StagesPanel } from '../ui/QuizStagesPanel';
import { AttemptsPanel } from '../ui/QuizAttemptsPanel';
import { StatsPanel } from '../ui/QuizStatsPanel';
import '../quiz.css';

type Tab = 'stages' | 'attempts' | 'stats';

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

