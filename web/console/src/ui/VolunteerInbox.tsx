import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { call } from '@ui/api';
import { InlineError } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { getStats, volunteerHref, workingUnit, type VolunteerStats } from '../data/volunteer';
import { t } from '../i18n';
import '../volunteer.css';

/**
 * The published "1+1" campaigns the scope takes part in, with 带动率 and the records waiting for
 * review. It is also how organizers of a unit below a campaign's find it: the campaigns list
 * shows only campaigns they may edit. Loaded on demand; absent when there is none.
 */
export default function VolunteerInbox() {
  const [items, { refetch }] = createResource(
    () => org.scopeId() ?? false,
    async () => {
      const page = await call('GET /campaigns', {}, { query: { kind: 'volunteer', status: 'published', limit: 50 } });
      const mine = page.items
        .map((c) => ({ c, unit: workingUnit(c) }))
        .filter((x): x is { c: Campaign; unit: string } => !!x.unit)
        .slice(0, 5);
      return Promise.all(mine.map(async (x) => ({ ...x, stats: (await getStats(x.c.id, x.unit).catch(() => null)) as VolunteerStats | null })));
    },
  );
  const list = () => (items.error ? [] : (items.latest ?? []));
  return (
    <Show when={items.loading || items.error || list().length > 0}>
      <section class="tx-card vo-inbox" aria-labelledby="vo-inbox-title" data-testid="vol-inbox">
        <h2 id="vo-inbox-title">
          <Icon name="volunteer" />
          {t('vol.inboxTitle')}
        </h2>
        <Show when={!items.error} fallback={<InlineError error={items.error} onRetry={() => refetch()} />}>
          <Show when={!items.loading || items.latest} fallback={<Skeleton lines={2} />}>
            <ul class="vo-inbox-list">
              <For each={list()}>
                {(x) => (
                  <li class="vo-inbox-row">
                    <A href={volunteerHref(x.c.id)} class="vo-inbox-main">
                      <strong>{x.c.title}</strong>
                      <Show when={x.stats}>
                        {(s) => (
                          <span class="tx-small tx-muted tx-num">
                            {t('vol.inboxLine', { rate: fmtPercent(s().leadRate), residents: fmtNumber(s().residents) })}
                          </span>
                        )}
                      </Show>
                    </A>
                    <Show when={x.stats?.pendingRecords}>
                      <A href={`${volunteerHref(x.c.id)}?tab=review`} class="tx-btn tx-btn-secondary tx-btn-sm vo-inbox-pending">
                        {t('vol.inboxPending', { n: fmtNumber(x.stats!.pendingRecords!) })}
                        <Icon name="chevronRight" />
                      </A>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </section>
    </Show>
  );
}
