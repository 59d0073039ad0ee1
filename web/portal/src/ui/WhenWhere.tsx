import { lang } from '@ui/i18n';
import { Icon } from '@ui/icons';
import { whenText, type ServiceActivity } from '../data/service-activities';

/** A service activity's time and place, as the list and the check-in page show them. */
export function WhenWhere(props: { activity: ServiceActivity }) {
  return (
    <>
      <p class="sa-meta">
        <Icon name="clock" />
        <span class="tx-num">{whenText(props.activity, lang())}</span>
      </p>
      <p class="sa-meta">
        <Icon name="mapPin" />
        <span>{props.activity.place}</span>
      </p>
    </>
  );
}
