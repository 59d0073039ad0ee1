import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { CampaignKind } from '@shared/kinds';
import { Icon, type IconName } from '@ui/icons';
import { isRanking } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';

interface ModuleLink {
  path: string;
  icon: IconName;
  label: () => string;
  testId: string;
}

/** Each kind's management page in the console: where an organizer does the module's work. */
const MODULE_PAGE: Partial<Record<CampaignKind, ModuleLink>> = {
  quiz: { path: 'quiz', icon: 'quiz', label: () => t('quiz.manage.title'), testId: 'quiz-manage-link' },
  volunteer: { path: 'volunteer', icon: 'volunteer', label: () => t('vol.manage'), testId: 'vol-manage-link' },
  drive: { path: 'drive', icon: 'drive', label: () => t('drive.manage'), testId: 'drive-manage-link' },
  exhibition: { path: 'exhibition', icon: 'exhibition', label: () => t('ex.title'), testId: 'ex-manage-link' },
  training: { path: 'training', icon: 'flag', label: () => t('tr.manage'), testId: 'tr-manage-link' },
};

/** A contest's edit page has its own tabs; the list names its two daily jobs instead. */
const CONTEST_LINKS: ModuleLink[] = [
  { path: 'entries', icon: 'inbox', label: () => t('list.entries'), testId: 'contest-entries-link' },
  { path: 'judging', icon: 'edit', label: () => t('list.judging'), testId: 'contest-judging-link' },
];

/** Where a campaign's pending work (the list's 待处理 count) is done. */
export function pendingPath(c: Pick<Campaign, 'id' | 'kind'>): string | null {
  const path = c.kind === 'contest' ? 'entries' : MODULE_PAGE[c.kind]?.path;
  return path ? `/campaigns/${encodeURIComponent(c.id)}/${path}` : null;
}

/**
 * Labelled links from a campaign to its leaderboard (kinds that rank) and its module's page.
 * `compact`: the list's small buttons, with a contest's 作品审核 and 评审 too.
 */
export function CampaignModuleLinks(props: { campaign: Campaign; compact?: boolean }) {
  const base = () => `/campaigns/${encodeURIComponent(props.campaign.id)}`;
  const cls = () => `tx-btn ${props.compact ? 'tx-btn-ghost tx-btn-sm' : 'tx-btn-secondary'}`;
  const links = () => {
    const own = MODULE_PAGE[props.campaign.kind];
    return [...(own ? [own] : []), ...(props.compact && props.campaign.kind === 'contest' ? CONTEST_LINKS : [])];
  };
  return (
    <>
      <For each={links()}>
        {(m) => (
          // the list's ids drop "-link" (quiz-manage, contest-entries …), as its icon buttons had
          <A href={`${base()}/${m.path}`} class={cls()} data-testid={props.compact ? m.testId.replace(/-link$/, '') : m.testId}>
            <Icon name={m.icon} />
            {m.label()}
          </A>
        )}
      </For>
      <Show when={isRanking(props.campaign.kind)}>
        <A href={`${base()}/leaderboard`} class={cls()} data-testid="board-link">
          <Icon name="trophy" />
          {t('form.board')}
        </A>
      </Show>
    </>
  );
}
