import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { fmtHours, myVolunteer, volunteerHref, type MyVolunteer } from '../data/volunteer';
import { t } from '../i18n';
import '../volunteer.css';

/** Published "1+1" campaigns (at most three) with my hours and pairs in each. */
async function load(): Promise<Array<{ campaign: Campaign; mine: MyVolunteer | null }>> {
  const page = await listCampaigns({ kind: 'volunteer', status: 'published', limit: 20 });
  const open = page.items.slice(0, 3);
  // a summary that fails still leaves the link
  return Promise.all(open.map(async (campaign) => ({ campaign, mine: await myVolunteer(campaign.id).catch(() => null) })));
}

/** 我的1+1 on 我的: an entry per published volunteer campaign. Loaded on demand; absent when there is none. */
export default function VolunteerMeCard() {
  const [items, { refetch }] = createResource(load);
  return (
    <Show when={items.loading || items.error || (items.latest?.length ?? 0) > 0}>
      <section class="tx-card" aria-labelledby="vol-me-title" data-testid="volunteer-me">
        <h2 id="vol-me-title" class="vl-me-title">
          <Icon name="volunteer" />
          {t('vol.mineTitle')}
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
            <ul class="pt-list vl-me-list">
              <For each={items.latest}>
                {(it) => (
                  <li>
                    <A href={volunteerHref(it.campaign)} class="vl-me-row">
                      <span class="vl-me-main">
                        <strong>{it.campaign.title}</strong>
                        <Show when={it.mine}>
                          {(m) => (
                            <span class="tx-small tx-muted tx-num">
                              {t('vol.meSummary', { hours: fmtHours(m().approvedHours), pairs: m().pairs.length, cap: m().pairCap })}
                              <Show when={m().pendingHours > 0}> · {t('vol.mePending', { n: fmtHours(m().pendingHours) })}</Show>
                            </span>
                          )}
                        </Show>
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
