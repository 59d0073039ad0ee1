import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { fmtMoney, myPledges, myPledgesHref, type Pledge } from '../data/drive';
import { t } from '../i18n';

/** Published drives (at most three) with what I pledged in each. */
async function load(): Promise<Array<{ campaign: Campaign; mine: Pledge[] | null }>> {
  const page = await listCampaigns({ kind: 'drive', status: 'published', limit: 20 });
  return Promise.all(
    page.items.slice(0, 3).map(async (campaign) => ({ campaign, mine: await myPledges(campaign.id).then((p) => p.items).catch(() => null) })),
  );
}

/** 我的捐赠 on 我的: an entry per published drive. Loaded on demand; absent when there is none. */
export default function DriveMeCard() {
  const [items, { refetch }] = createResource(load);
  return (
    <Show when={items.loading || items.error || (items.latest?.length ?? 0) > 0}>
      <section class="tx-card" aria-labelledby="drive-me-title" data-testid="drive-me">
        <h2 id="drive-me-title" class="tx-row">
          <Icon name="drive" />
          {t('drive.myPledges')}
        </h2>
        <Switch>
          <Match when={items.error}>
            <div class="tx-row">
              <span class="tx-field-error">{errorText(items.error)}</span>
              <Button small onClick={() => void refetch()}>
                {t('action.retry')}
              </Button>
            </div>
          </Match>
          <Match when={items.loading}>
            <Skeleton lines={2} />
          </Match>
          <Match when={items.latest}>
            <ul class="pt-list">
              <For each={items.latest}>
                {(it) => (
                  <li>
                    <A href={myPledgesHref(it.campaign)} class="pt-list-row" style={{ 'text-decoration': 'none', color: 'inherit' }}>
                      <span class="tx-spacer">
                        <strong>{it.campaign.title}</strong>
                        <br />
                        <span class="tx-small tx-muted tx-num">
                          {it.mine && it.mine.length
                            ? t('drive.meSummary', {
                                n: it.mine.length,
                                amount: fmtMoney(it.mine.reduce((a, p) => a + p.amount, 0)),
                                todo: it.mine.filter((p) => p.status === 'pledged' || p.status === 'rejected').length,
                              })
                            : t('drive.meNone')}
                        </span>
                      </span>
                      <Icon name="chevronRight" />
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
    </Show>
  );
}
