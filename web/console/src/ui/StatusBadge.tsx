import { STATUS_LABEL, type CampaignStatus } from '@shared/kinds';
import { loc } from '@ui/i18n';

export function StatusBadge(props: { status: CampaignStatus }) {
  const cls = () => (props.status === 'published' ? 'tx-badge-green' : props.status === 'draft' ? 'tx-badge-orange' : 'tx-badge-neutral');
  return <span class={`tx-badge ${cls()}`}>{loc(STATUS_LABEL[props.status])}</span>;
}
