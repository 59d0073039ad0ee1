import { Show } from 'solid-js';
import { LinkButton } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref } from '../data/campaigns';
import { t } from '../i18n';
import { ClosedNotice } from './ClosedNotice';

/**
 * The call to action of a charity drive's campaign page: into the drive page (我要认捐) and 我的捐赠.
 * Small on purpose: it ships with the first page.
 */
export function DriveCta(props: { campaign: Campaign }) {
  const ended = () => phaseOf(props.campaign) === 'ended';
  const base = () => campaignHref(props.campaign);
  return (
    <>
      <Show when={ended()}>
        <ClosedNotice body={t('drive.ctaEnded')} />
      </Show>
      <LinkButton href={`${base()}/drive`} variant={ended() ? 'secondary' : 'primary'} block>
        <Icon name="drive" />
        {ended() ? t('drive.ctaProgress') : t('drive.cta')}
      </LinkButton>
      <LinkButton href={`${base()}/my-pledges`} block>
        <Icon name="file" />
        {t('drive.myPledges')}
      </LinkButton>
    </>
  );
}
