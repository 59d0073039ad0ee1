import { Show } from 'solid-js';
import { LinkButton } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref } from '../data/campaigns';
import { t } from '../i18n';
import { ClosedNotice } from './ClosedNotice';

/**
 * The call to action of a "1+1" campaign page: into 我的1+1 (invite, pairs, hours, records).
 * After the campaign ends it still leads there, for the hours and the certificate.
 * Small on purpose: it ships with the first page.
 */
export function VolunteerCta(props: { campaign: Campaign }) {
  const ended = () => phaseOf(props.campaign) === 'ended';
  return (
    <>
      <Show when={ended()}>
        <ClosedNotice body={t('vol.ctaEnded')} />
      </Show>
      <LinkButton href={`${campaignHref(props.campaign)}/volunteer`} variant={ended() ? 'secondary' : 'primary'} block>
        <Icon name="volunteer" />
        {ended() ? t('vol.ctaMineEnded') : t('vol.ctaMine')}
      </LinkButton>
    </>
  );
}
