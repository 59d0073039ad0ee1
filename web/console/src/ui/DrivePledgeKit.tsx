import { createEffect, createSignal, on } from 'solid-js';
import type { Campaign, Page } from '@ui/types';
import { org } from '../data/org';
import { UnitFilter } from './UnitSelect';
import type { OrgPledge, PledgeStatus } from '../data/drive';
import { t } from '../i18n';

/** A list read page by page with a cursor, "load more" at the bottom; reset when the key changes. */
export function createList<K>(key: () => K, fetch: (k: K, cursor: string | null) => Promise<Page<OrgPledge>>) {
  const [items, setItems] = createSignal<OrgPledge[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [state, setState] = createSignal<'loading' | 'idle' | 'error'>('loading');
  const [error, setError] = createSignal<unknown>(null);
  let seq = 0;
  async function load(more: boolean) {
    const my = ++seq;
    setState('loading');
    try {
      const page = await fetch(key(), more ? cursor() : null);
      if (my !== seq) return;
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('idle');
    } catch (e) {
      if (my !== seq) return;
      setError(e);
      setState('error');
    }
  }
  createEffect(
    on(
      () => JSON.stringify(key()),
      () => void load(false),
    ),
  );
  return {
    items,
    setItems,
    state,
    error,
    hasMore: () => !!cursor(),
    more: () => load(true),
    reload: () => load(false),
  };
}

export function PledgeStatusBadge(props: { status: PledgeStatus }) {
  const cls: Record<PledgeStatus, string> = {
    pledged: 'tx-badge-neutral',
    receipt_submitted: 'tx-badge-orange',
    verified: 'tx-badge-green',
    rejected: 'dr-badge-rejected',
  };
  return <span class={`tx-badge ${cls[props.status] ?? 'tx-badge-neutral'}`}>{t(`drive.status.${props.status}` as 'drive.status.pledged')}</span>;
}

export function UnitSelect(props: { campaign: Campaign; value: string; onChange: (v: string) => void; id: string }) {
  const units = () => org.subtree(props.campaign.orgUnitId);
  return (
    <UnitFilter
      class="dr-filter"
      label={t('drive.filterUnit')}
      rows={units()}
      value={props.value}
      onPick={props.onChange}
      testid={props.id}
      any={t('drive.allUnits')}
    />
  );
}
