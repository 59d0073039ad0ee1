import { createEffect, createResource, For, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { chinaDay } from '@shared/china-time';
import { loc } from '@ui/i18n';
import { Button, LinkButton } from '@ui/components/Button';
import { Loaded } from '@ui/components/Loaded';
import { Icon } from '@ui/icons';
import { fmtDate } from '@ui/format';
import type { CampaignListItem } from '@ui/types';
import { listManaged } from '../data/campaigns';
import { org } from '../data/org';
import { t } from '../i18n';
import { PageHead, Crumb } from '../ui/PageHead';
import { StatusBadge } from '../ui/StatusBadge';

/** Pages read for one year at most (100 each): a year with more says so rather than spin. */
const MAX_PAGES = 5;

async function yearOf(year: number) {
  const items: CampaignListItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await listManaged({ year: String(year), cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, truncated: !!cursor };
}

/** The China-time months (1–12) of `year` a campaign runs in. */
function monthsOf(c: CampaignListItem, year: number): number[] {
  const [sy, sm] = chinaDay(c.startsAt).split('-').map(Number) as [number, number];
  const [ey, em] = chinaDay(c.endsAt).split('-').map(Number) as [number, number];
  const from = sy < year ? 1 : sm;
  const to = ey > year ? 12 : em;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** 年历: the year's campaigns under the scope, month by month; each opens its page. */
export default function CampaignCalendar() {
  const [params, setParams] = useSearchParams<{ year?: string }>();
  const year = () => {
    const y = Number(params.year);
    return Number.isInteger(y) && y >= 2000 && y <= 2099 ? y : Number(chinaDay().slice(0, 4));
  };
  createEffect(() => {
    document.title = `${t('cal.title')} ${year()} · ${t('console.name')}`;
  });
  const [data, { refetch }] = createResource(year, yearOf);
  const inScope = () => (data.latest?.items ?? []).filter((c) => org.scopeIds().has(c.orgUnitId));
  const months = () => {
    const by: CampaignListItem[][] = Array.from({ length: 12 }, () => []);
    for (const c of inScope()) for (const m of monthsOf(c, year())) by[m - 1]!.push(c);
    for (const list of by) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return by;
  };

  return (
    <div class="cs-page">
      <Crumb href="/campaigns">{t('form.backToList')}</Crumb>
      <PageHead title={t('cal.title')} lead={data.latest ? t('cal.count', { n: inScope().length }) : undefined}>
        <div class="tx-row cs-cal-nav">
          <Button onClick={() => setParams({ year: String(year() - 1) })} aria-label={t('cal.prev')}>
            <Icon name="chevronLeft" />
          </Button>
          <strong class="cs-cal-year" data-testid="cal-year">
            {t('cal.year', { year: year() })}
          </strong>
          <Button onClick={() => setParams({ year: String(year() + 1) })} aria-label={t('cal.next')}>
            <Icon name="chevronRight" />
          </Button>
          <LinkButton href="/campaigns/new" variant="primary">
            <Icon name="plus" />
            {t('campaigns.new')}
          </LinkButton>
        </div>
      </PageHead>
      <Loaded of={data} retry={refetch} card lines={8}>
        <Show when={data.latest?.truncated}>
          <p class="tx-field-error">{t('cal.truncated', { n: MAX_PAGES * 100 })}</p>
        </Show>
        <div class="cs-cal">
          <For each={months()}>
            {(list, i) => (
              <section class="tx-card cs-cal-month" aria-labelledby={`cal-m${i() + 1}`} data-testid={`cal-month-${i() + 1}`}>
                <h2 id={`cal-m${i() + 1}`}>{t('cal.month', { m: i() + 1 })}</h2>
                <Show when={list.length} fallback={<p class="tx-muted tx-small">{t('cal.empty')}</p>}>
                  <ul>
                    <For each={list}>
                      {(c) => (
                        <li data-kind={c.kind}>
                          <A href={`/campaigns/${encodeURIComponent(c.id)}`} class="cs-cal-link">
                            {c.title}
                          </A>
                          <div class="tx-small tx-muted">
                            {loc(KIND_LABEL[c.kind])} · {fmtDate(c.startsAt)} – {fmtDate(c.endsAt)}
                          </div>
                          <StatusBadge status={c.status} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </For>
        </div>
      </Loaded>
    </div>
  );
}
