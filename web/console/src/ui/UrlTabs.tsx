import { useSearchParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { t } from '../i18n';
import { StatusBadge } from './StatusBadge';

/**
 * The tab a module page shows, kept in `?tab=` so a reload or a shared link opens the same
 * tab; the first tab is the default and leaves the parameter out.
 */
export function useUrlTab<T extends string>(tabs: readonly T[], opts: { replace?: boolean } = {}) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): T => (tabs.includes(search.tab as T) ? (search.tab as T) : tabs[0]!);
  const setTab = (k: T) => setSearch({ tab: k === tabs[0] ? undefined : k }, opts.replace ? { replace: true } : undefined);
  return [tab, setTab] as const;
}

/** A row of URL-kept tabs over its panel: `<Tabs id>` and the `${id}-panel` tabpanel labelled by the current tab. */
export function UrlTabs<T extends string>(props: {
  id: string;
  class?: string;
  panelClass: string;
  label: string;
  tabs: readonly T[];
  tab: T;
  labelOf: (k: T) => string;
  onChange: (k: T) => void;
  children: JSX.Element;
}) {
  return (
    <>
      <Tabs
        id={props.id}
        class={props.class}
        label={props.label}
        value={props.tab}
        options={props.tabs.map((k) => ({ value: k, label: props.labelOf(k) }))}
        onChange={props.onChange}
      />
      <div role="tabpanel" id={`${props.id}-panel`} aria-labelledby={`${props.id}-tab-${props.tab}`} class={props.panelClass}>
        {props.children}
      </div>
    </>
  );
}

/** The head of a campaign's module page: its title, status and more badges, the portal link once published, and the page's actions. */
export function ModuleHead(props: { campaign: Campaign; title: string; portalPath: string; badges?: JSX.Element; actions?: JSX.Element }) {
  return (
    <div class="cs-page-head">
      <div>
        <h1>{props.title}</h1>
        <div class="tx-row">
          <StatusBadge status={props.campaign.status} />
          {props.badges}
          <Show when={props.campaign.status !== 'draft'}>
            <a href={`${portalHref(props.campaign)}${props.portalPath}`} target="_blank" rel="noopener" class="tx-small">
              {t('form.viewOnPortal')}
              <Icon name="external" />
            </a>
          </Show>
        </div>
      </div>
      {props.actions}
    </div>
  );
}
