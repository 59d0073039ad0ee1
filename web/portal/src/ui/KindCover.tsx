import type { CampaignKind } from '@shared/kinds';
import { KIND_LABEL } from '@shared/kinds';
import { Icon, type IconName } from '@ui/icons';
import { loc } from '@ui/i18n';

export const KIND_ICON: Record<CampaignKind, IconName> = {
  quiz: 'quiz',
  contest: 'contest',
  volunteer: 'volunteer',
  drive: 'drive',
  exhibition: 'exhibition',
  training: 'flag',
};

/** A campaign's cover: a calm tint of its kind with the kind's icon (no image request). */
export function KindCover(props: { kind: CampaignKind; large?: boolean }) {
  return (
    <div class={`pt-cover pt-kind-${props.kind} ${props.large ? 'pt-cover-lg' : ''}`} aria-hidden="true">
      <Icon name={KIND_ICON[props.kind]} class="pt-cover-icon" />
    </div>
  );
}

export function KindBadge(props: { kind: CampaignKind }) {
  return <span class={`tx-badge pt-badge-${props.kind}`}>{loc(KIND_LABEL[props.kind])}</span>;
}
