import { Show } from 'solid-js';
import { LinkButton } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref } from '../data/campaigns';
import { t } from '../i18n';

/**
 * The call to action of a contest's campaign page: into the contest (rules, 我要投稿,
 * 我的作品) and straight to the gallery. Small on purpose: it ships with the first page.
 */
export function ContestCta(props: { campaign: Campaign }) {
  const base = () => campaignHref(props.campaign);
  const ended = () => phaseOf(props.campaign) === 'ended';
  return (
    <>
      <LinkButton href={`${base()}/contest`} variant="primary" block>
        <Icon name="contest" />
        {ended() ? t('contest.cta.ended') : t('contest.cta.enter')}
      </LinkButton>
      <LinkButton href={`${base()}/gallery`} block>
        <Icon name="exhibition" />
        {t('contest.cta.gallery')}
      </LinkButton>
      <Show when={ended()}>
        <LinkButton href={`${base()}/results`} block>
          <Icon name="star" />
          {t('contest.cta.results')}
        </LinkButton>
      </Show>
    </>
  );
}
