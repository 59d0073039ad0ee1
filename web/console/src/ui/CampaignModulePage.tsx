import { createEffect, createResource, Match, Switch, type Accessor, type JSX } from 'solid-js';
import { useParams } from '@solidjs/router';
import { KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import type { IconName } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { getCampaign } from '../data/campaigns';
import { t } from '../i18n';
import { Crumb } from './PageHead';

/**
 * The frame of a campaign's module page (/console/campaigns/:id/<module>): loads the
 * campaign, sets the document title, and answers not found, errors, loading and the wrong
 * kind the same way on every module; the module renders only a campaign of its kind.
 */
export function CampaignModulePage(props: {
  /** the kind the module serves, or a test of the kinds it serves */
  kind: CampaignKind | ((kind: CampaignKind) => boolean);
  icon: IconName;
  class: string;
  /** the page title (a campaign once loaded) */
  title: (c: Campaign | undefined) => string;
  notKind: (kindLabel: string) => string;
  /** the crumb back; by default to the campaign's edit page */
  back?: (c: Campaign | undefined, id: string) => JSX.Element;
  backLabel?: string;
  /** the crumb's path below the campaign (e.g. `exhibition`) when it is not the edit page */
  backPath?: string;
  /** the skeleton's lines while the campaign loads */
  lines?: number;
  /** more reasons to treat a loaded campaign as not found */
  hidden?: (c: Campaign) => boolean;
  /** the campaign (an accessor: it changes when the module replaces it), and how to replace it once the module has saved a change */
  children: (c: Accessor<Campaign>, mutate: (next: Campaign) => void) => JSX.Element;
}) {
  const params = useParams<{ id: string }>();
  const [campaign, { refetch, mutate }] = createResource(() => params.id, getCampaign);
  const ofKind = (k: CampaignKind) => (typeof props.kind === 'function' ? props.kind(k) : k === props.kind);
  const current = () => (campaign.error ? undefined : campaign.latest);
  createEffect(() => {
    document.title = `${props.title(current())} · ${t('console.name')}`;
  });
  const missing = () =>
    (campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 403)) || (!!current() && !!props.hidden?.(current()!));
  return (
    <div class={`cs-page ${props.class}`}>
      {props.back ? (
        <p class="cs-crumb">{props.back(current(), params.id)}</p>
      ) : (
        <Crumb href={`/campaigns/${encodeURIComponent(params.id)}${props.backPath ? `/${props.backPath}` : ''}`}>{props.backLabel ?? t('lb.back')}</Crumb>
      )}
      <Switch>
        <Match when={missing()}>
          <CampaignNotFound />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={!current()}>
          <div class="tx-card">
            <Skeleton title lines={props.lines ?? 8} />
          </div>
        </Match>
        <Match when={!ofKind(current()!.kind)}>
          <EmptyState icon={props.icon} title={props.notKind(loc(KIND_LABEL[current()!.kind]))} />
        </Match>
        <Match when={current()}>{(c) => props.children(c, (next) => mutate(next))}</Match>
      </Switch>
    </div>
  );
}

/** A campaign the viewer cannot see (gone, or outside their scope): said once, with the way back to the list. */
export function CampaignNotFound() {
  return <EmptyState icon="flag" title={t('form.notFound')} action={<LinkButton href="/campaigns">{t('form.backToList')}</LinkButton>} />;
}
