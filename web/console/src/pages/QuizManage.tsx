import { createResource, Match, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { attemptsExportHref, listStages } from '../data/quiz';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { ModuleHead, UrlTabs, useUrlTab } from '../ui/UrlTabs';
import { modeName } from '../ui/QuizStageForm';
import { StagesPanel } from '../ui/QuizStagesPanel';
import { AttemptsPanel } from '../ui/QuizAttemptsPanel';
import { StatsPanel } from '../ui/QuizStatsPanel';
import { LivePanel } from '../ui/QuizLivePanel';
import '../quiz.css';

type Tab = 'stages' | 'attempts' | 'stats' | 'live';
const TABS: readonly Tab[] = ['stages', 'attempts', 'stats', 'live'];
const TAB_LABEL = { stages: 'quiz.manage.tabStages', attempts: 'quiz.manage.tabAttempts', stats: 'quiz.manage.tabStats', live: 'live.tab' } as const;

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
      {(c) => <Manage campaign={c()} />}
    </CampaignModulePage>
  );
}

function Manage(props: { campaign: Campaign }) {
  const [tab, setTab] = useUrlTab(TABS, { replace: true });
  const [stages, { refetch: refetchStages }] = createResource(() => props.campaign.id, listStages);
  const s = () => (props.campaign.settings ?? {}) as Record<string, unknown>;

  return (
    <>
      <ModuleHead
        campaign={props.campaign}
        title={t('quiz.manage.pageTitle', { title: props.campaign.title })}
        portalPath="/quiz"
        badges={<span class="tx-muted tx-small">{modeName(String(s().mode ?? 'daily'))}</span>}
        actions={
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
        }
      />

      <UrlTabs id="qz-tab" panelClass="qz-tab-panel" label={t('quiz.manage.title')} tabs={TABS} tab={tab()} labelOf={(k) => t(TAB_LABEL[k])} onChange={setTab}>
        <Switch>
          <Match when={tab() === 'stages'}>
            <StagesPanel
              campaign={props.campaign}
              stages={stages.error ? undefined : stages.latest}
              error={stages.error}
              loading={stages.loading}
              refetch={refetchStages}
            />
          </Match>
          <Match when={tab() === 'attempts'}>
            <AttemptsPanel campaign={props.campaign} stages={stages.latest ?? []} />
          </Match>
          <Match when={tab() === 'stats'}>
            <StatsPanel campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'live'}>
            <LivePanel campaign={props.campaign} />
          </Match>
        </Switch>
      </UrlTabs>
    </>
  );
}
