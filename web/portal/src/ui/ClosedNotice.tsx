import { Notice } from '@ui/components/Field';
import { t } from '../i18n';

/** "This campaign has ended" and what that means here (by default: the campaign's generic line). */
export function ClosedNotice(props: { body?: string }) {
  return (
    <Notice>
      <strong>{t('campaign.closedTitle')}</strong>
      <br />
      {props.body ?? t('campaign.closedBody')}
    </Notice>
  );
}
