import type { JSX } from 'solid-js';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { t } from '../i18n';

/** A campaign that is not there (or not public): said the same on every page that loads one, with a way on (home by default). */
export function CampaignNotFound(props: { action?: JSX.Element }) {
  return (
    <EmptyState
      icon="flag"
      title={t('campaign.notFoundTitle')}
      body={t('campaign.notFoundBody')}
      action={props.action ?? <LinkButton href="/">{t('campaign.backHome')}</LinkButton>}
    />
  );
}
