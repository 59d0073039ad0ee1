import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { CampaignKind } from '@shared/kinds';
import { Icon, type IconName } from '@ui/icons';
import { isRanking } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';

/** Each kind's management page in the console: where an organizer does the module's work. */
const MODULE_PAGE: Partial<Record<CampaignKind, { path: string; icon: IconName; label: () => string; testId: string }>> = {
  quiz: { path: 'quiz', icon: 'quiz', label: () => t('quiz.manage.title'), testId: 'quiz-manage-link' },
  volunteer: { path: 'volunteer', icon: 'volunteer', label: () => t('vol.manage'), testId: 'vol-manage-link' },
  drive: { path: 'drive', icon: 'drive', label: () => t('drive.manage'), testId: 'drive-manage-link' },
  exhibition: { path: 'exhibition', icon: 'exhibition', label: () => t('ex.title'), testId: 'ex-manage-link' },
  training: { path: 'training', icon: 'flag', label: () => t('tr.manage'), testId: 'tr-manage-link' },
};

/** Labelled links from a campaign to its leaderboard (kinds that rank) and its module's page. */
export function CampaignModuleLinks(props: { campaign: Campaign }) {
  const base = () => `/campaigns/${encodeURIComponent(props.campaign.id)}`;
  return (
    <>
      <Show when={isRanking(props.campaign.kind)}>
        <A href={`${base()}/leaderboard`} class="tx-btn tx-btn-secondary">
          <Icon name="trophy" />
          {t('form.board')}
        </A>
      </Show>
      <For each={[MODULE_PAGE[props.campaign.kind]].filter((m) => !!m)}>
        {(m) => (
          <A href={`${base()}/${m!.path}`} class="tx-btn tx-btn-secondary" data-testid={m!.testId}>
            <Icon name={m!.icon} />
            {m!.label()}
          </A>
        )}
      </For>
    </>
  );
}
