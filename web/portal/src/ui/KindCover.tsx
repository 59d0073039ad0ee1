import { Show } from 'solid-js';
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

/**
 * A campaign's cover: the image its organizers uploaded (coverUrl), or else the kind's designed
 * default — a calm tint of its kind with the kind's icon (no image request).
 */
export function KindCover(props: { kind: CampaignKind; large?: boolean; src?: string | null }) {
  return (
    <div class={`pt-cover pt-kind-${props.kind} ${props.large ? 'pt-cover-lg' : ''} ${props.src ? 'pt-cover-img' : ''}`} aria-hidden="true">
      <Show when={props.src} fallback={<Icon name={KIND_ICON[props.kind]} class="pt-cover-icon" />}>
        <img src={props.src!} alt="" loading="lazy" decoding="async" />
      </Show>
    </div>
  );
}

export function KindBadge(props: { kind: CampaignKind }) {
  return <span class={`tx-badge pt-badge-${props.kind}`}>{loc(KIND_LABEL[props.kind])}</span>;
}
