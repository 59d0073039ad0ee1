import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { call } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import { submitState, type Assignment, type Entry } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { contestHref, listMine, workHref } from '../data/contest';
import { SharePanel } from '@ui/components/SharePanel';
import { session } from '../data/session';
import { t } from '../i18n';
import { EntryStatusBadge, votesText } from '../ui/ContestBits';

/** 我的作品 of one contest: every entry in every status, with the reason of a rejection. */
export function MineList(props: { campaign: Campaign; compact?: boolean }) {
  const [mine, { refetch }] = createResource(() => props.campaign.id, listMine);
  return (
    <Switch>
      <Match when={mine.error}>
        <ErrorState error={mine.error} onRetry={refetch} />
      </Match>
      <Match when={mine.loading && !mine.latest}>
        <Skeleton lines={3} />
      </Match>
      <Match when={mine.latest && mine.latest.length === 0}>
        <EmptyState
          icon="contest"
          title={t('contest.mine.emptyTitle')}
          body={submitState(props.campaign) === 'open' ? t('contest.mine.emptyBody') : undefined}
          action={
            submitState(props.campaign) === 'open' ? (
              <LinkButton href={contestHref(props.campaign, 'submit')} variant="primary">
                <Icon name="upload" />
                {t('contest.hub.submit')}
              </LinkButton>
            ) : undefined
          }
        />
      </Match>
      <Match when={mine.latest}>{(list) => <EntryRows entries={list()} />}</Match>
    </Switch>
  );
}

function EntryRows(props: { entries: Entry[] }) {
  return (
    <ul class="ct-mine" data-testid="my-entries">
      <For each={props.entries}>
        {(e) => (
          <li class="ct-mine-row" data-entry={e.id}>
            <Show
              when={e.status === 'approved'}
              fallback={
                <span class="ct-mine-thumb">
                  <img src={e.thumbUrl} alt="" loading="lazy" decoding="async" />
                </span>
              }
            >
              <A href={workHref(e.id)} class="ct-mine-thumb" aria-label={e.title}>
                <img src={e.thumbUrl} alt="" loading="lazy" decoding="async" />
              </A>
            </Show>
            <div class="ct-mine-main">
              <div class="ct-mine-line">
                <strong class="ct-mine-title">{e.title}</strong>
                <EntryStatusBadge status={e.status} />
              </div>
              <span class="tx-small tx-muted">
                {e.category}
                <Show when={e.createdAt}> · {fmtDateTime(e.createdAt)}</Show>
                <Show when={e.status === 'approved' && e.votes !== null}> · {votesText(e.votes)}</Show>
              </span>
              <Show when={e.award}>
                <span class="tx-badge tx-badge-gold ct-mine-award">
                  <Icon name="trophy" />
                  {e.award}
                </span>
              </Show>
              <Show when={e.status === 'rejected'}>
                <p class="ct-reason" role="note">
                  <Icon name="info" />
                  <span>
                    {t('contest.mine.reason')}
                    {e.reason || t('contest.mine.noReason')}
                  </span>
                </p>
              </Show>
              <Show when={e.status === 'pending'}>
                <span class="tx-small tx-muted">{t('contest.mine.pendingNote')}</span>
              </Show>
              <Show when={e.status === 'approved'}>
                <div class="ct-mine-share">
                  <SharePanel
                    small
                    path={workHref(e.id)}
                    title={e.title}
                    subtitle={`${e.authorName} · ${e.category}`}
                    fileName={`work-${e.id}`}
                    caption={t('contest.mine.shareCaption')}
                  />
                </div>
              </Show>
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * 我的作品 on 我的: my entries in every contest, and for judges a way to their scoring
 * page. Loaded on demand so the first page stays small; shows nothing when there is nothing.
 */
export default function MyContestWork() {
  const [data, { refetch }] = createResource(
    () => session.me()?.user.id,
    async () => {
      const [campaigns, assignments] = await Promise.all([
        listCampaigns({ kind: 'contest', limit: 20 }),
        call('GET /judging/assignments', {}).catch(() => ({ items: [] as Assignment[] })),
      ]);
      const mine = await Promise.all(campaigns.items.map(async (c) => ({ campaign: c, entries: await listMine(c.id) })));
      return { groups: mine.filter((g) => g.entries.length > 0), assignments: assignments.items };
    },
  );
  const todo = () => (data.latest?.assignments ?? []).filter((a) => a.roundStatus === 'open' && !a.conflict && a.scoredAt === null).length;
  const judging = () => (data.latest?.assignments ?? []).some((a) => a.roundStatus === 'open');

  return (
    <>
      <Show when={judging()}>
        <section class="tx-card ct-judge-card">
          <Icon name="edit" class="ct-judge-icon" />
          <div class="tx-spacer">
            <h2>{t('contest.me.judgeTitle')}</h2>
            <p class="tx-small tx-muted">{todo() > 0 ? t('contest.me.judgeTodo', { n: fmtNumber(todo()) }) : t('contest.me.judgeDone')}</p>
          </div>
          <LinkButton href="/console/judging" external small variant={todo() > 0 ? 'primary' : 'secondary'}>
            {t('contest.me.judgeGo')}
          </LinkButton>
        </section>
      </Show>
      <Switch>
        <Match when={data.error}>
          <section class="tx-card">
            <h2>{t('contest.mine.title')}</h2>
            <ErrorState error={data.error} onRetry={refetch} />
          </section>
        </Match>
        <Match when={data.loading && !data.latest}>
          <section class="tx-card">
            <h2>{t('contest.mine.title')}</h2>
            <Skeleton lines={2} />
          </section>
        </Match>
        <Match when={data.latest && data.latest.groups.length > 0}>
          <section class="tx-card" data-testid="me-works">
            <h2>{t('contest.mine.title')}</h2>
            <For each={data.latest!.groups}>
              {(g) => (
                <div class="ct-mine-group">
                  <A href={contestHref(g.campaign, 'contest')} class="ct-mine-campaign">
                    {g.campaign.title}
                    <Icon name="chevronRight" />
                  </A>
                  <EntryRows entries={g.entries} />
                </div>
              )}
            </For>
          </section>
        </Match>
      </Switch>
    </>
  );
}
