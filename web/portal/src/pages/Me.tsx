import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { maskPhone } from '@shared/mask';
import { loc } from '@ui/i18n';
import { call } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { LoadMore } from '@ui/components/LoadMore';
import { createCursorList } from '@ui/paging';
import { LangSwitch, LargeToggle } from '@ui/components/Prefs';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { ActivityItem, Me as MeDto } from '@ui/types';
import { ACTIVITY_TYPES, foldAnswers } from '@shared/metrics';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { lazy, Suspense } from 'solid-js';
import { MyDataCard, MyRegistryCard } from '../ui/MyDataCard';

// the 每日答题 card is loaded on demand, so 我的 stays in the small first bundle
const QuizDailyCard = lazy(() => import('../ui/QuizDailyCard'));
// 我的作品 of art contests (and a judge's scoring tasks), loaded on demand as well
const MyContestWork = lazy(() => import('./ContestMine'));

// 我的1+1 of published "1+1" volunteer campaigns, loaded on demand
const VolunteerMeCard = lazy(() => import('../ui/VolunteerMeCard'));
// 我的捐赠 of published charity drives, loaded on demand
const DriveMeCard = lazy(() => import('../ui/DriveMeCard'));
// 我的预约: the next visit and any 候补 of published exhibitions, loaded on demand
const ExhibitionMeCard = lazy(() => import('../ui/ExhibitionMeCard'));
// 通知设置 (消息中心 and the consent to texts), loaded on demand
const NotifySettings = lazy(() => import('../ui/Notify').then((m) => ({ default: m.NotifySettings })));

// every type the modules record has its words (shared/metrics.ts is the list)
const ACTIVITY_KEYS = new Set<string>(ACTIVITY_TYPES);

function activityLabel(type: string): string {
  return ACTIVITY_KEYS.has(type) ? t(`activity.${type}` as 'activity.register') : t('activity.other');
}

/** 我的: who I am, my units, my points and activity, and this device's settings. */
export function Me() {
  usePageMeta(() => ({ title: `${t('me.title')} · ${t('app.name')}` }));
  const navigate = useNavigate();

  createEffect(() => {
    if (!session.me.loading && !session.me.error && session.me() === null) navigate('/login?next=%2Fme', { replace: true });
  });

  return (
    <div class="pt-page pt-me">
      <h1 class="tx-visually-hidden">{t('me.title')}</h1>
      <Switch>
        <Match when={session.me.error}>
          <ErrorState error={session.me.error} onRetry={session.refetch} />
        </Match>
        <Match when={session.me.loading}>
          <div class="tx-card">
            <Skeleton title lines={2} />
          </div>
          <div class="tx-card">
            <Skeleton lines={4} />
          </div>
        </Match>
        <Match when={session.me()}>{(me) => <Profile me={me()} />}</Match>
      </Switch>
      <Settings />
    </div>
  );
}

function Profile(props: { me: MeDto }) {
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = createSignal(false);
  const list = createCursorList<ActivityItem>((cursor) => call('GET /me/activity', {}, { query: { limit: 20, cursor } }));
  const [activity, { refetch }] = createResource(async () => list.first(await call('GET /me/activity', {}, { query: { limit: 20 } })));

  async function signOut() {
    setSigningOut(true);
    try {
      await session.signOut();
      navigate('/', { replace: true });
    } finally {
      setSigningOut(false);
    }
  }

  // the console has a place for organizers and 检票员 (a reviewer-only console is not built yet)
  const organizes = () => props.me.memberships.some((m) => m.role === 'organizer' || m.role === 'admin' || m.role === 'gate_staff');
  const items = () => foldAnswers([...(activity.latest?.items ?? []), ...list.extra()]);

  return (
    <>
      <section class="tx-card pt-profile">
        <div class="pt-avatar" aria-hidden="true">
          {Array.from(props.me.user.name.trim())[0] ?? '?'}
        </div>
        <div class="pt-profile-text">
          <h2 class="pt-profile-name">{props.me.user.name}</h2>
          <div class="tx-muted tx-num">{maskPhone(props.me.user.phone)}</div>
        </div>
        <div class="pt-points">
          <div class="tx-small tx-muted">{t('me.points')}</div>
          <Show when={activity.latest} fallback={<span class="tx-skeleton pt-points-skel" />}>
            {(a) => (
              <>
                <div class="pt-key-figure tx-num" data-testid="points">
                  {fmtNumber(a().totals.points)}
                </div>
                <div class="tx-small tx-muted">{t('me.events', { n: fmtNumber(a().totals.events) })}</div>
              </>
            )}
          </Show>
        </div>
      </section>

      <Suspense>
        <QuizDailyCard />
      </Suspense>

      <Suspense>
        <MyContestWork />
      </Suspense>

      <Suspense>
        <VolunteerMeCard />
      </Suspense>

      <Suspense>
        <DriveMeCard />
      </Suspense>

      <Suspense>
        <ExhibitionMeCard />
      </Suspense>

      <Suspense>
        <NotifySettings />
      </Suspense>

      <MyRegistryCard />

      <section class="tx-card">
        <h2>{t('me.memberships')}</h2>
        <Show when={props.me.memberships.length > 0} fallback={<p class="tx-muted">{t('me.noMemberships')}</p>}>
          <ul class="pt-list">
            <For each={props.me.memberships}>
              {(m) => (
                <li class="pt-list-row">
                  <Icon name="building" />
                  <span class="tx-spacer">{m.orgUnitName}</span>
                  <span class={`tx-badge ${m.role === 'member' ? 'tx-badge-neutral' : ''}`}>{t(`role.${m.role}`)}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={organizes()}>
          <LinkButton href="/console/" external small>
            <Icon name="chart" />
            {t('me.console')}
          </LinkButton>
        </Show>
      </section>

      <section class="tx-card">
        <h2>{t('me.activity')}</h2>
        <Switch>
          <Match when={activity.error}>
            <ErrorState error={activity.error} onRetry={refetch} />
          </Match>
          <Match when={activity.loading}>
            <Skeleton lines={4} />
          </Match>
          <Match when={items().length === 0}>
            <EmptyState
              icon="star"
              title={t('me.noActivityTitle')}
              body={t('me.noActivityBody')}
              action={<LinkButton href="/campaigns">{t('me.noActivityAction')}</LinkButton>}
            />
          </Match>
          <Match when={items().length > 0}>
            <ul class="pt-list">
              <For each={items()}>
                {(a) => (
                  <li class="pt-activity">
                    <div class="pt-activity-main">
                      <strong>{a.count > 1 ? t('activity.quiz_answers', { n: a.count }) : activityLabel(a.type)}</strong>
                      <Show when={a.campaignTitle}>
                        <A href={`/c/${encodeURIComponent(a.campaignId ?? '')}`} class="pt-activity-campaign">
                          {a.campaignTitle}
                        </A>
                      </Show>
                      <span class="tx-small tx-muted tx-num">
                        {fmtDateTime(a.occurredAt)}
                        <Show when={a.campaignKind}>{(k) => <> · {loc(KIND_LABEL[k()])}</>}</Show>
                      </span>
                    </div>
                    <Show when={a.points}>
                      <span class="pt-activity-points tx-num">{t('me.pointsDelta', { n: fmtNumber(a.points) })}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={list.cursor()}>
              <LoadMore class="pt-more" state={list.more.state()} hasMore onLoad={list.more.run} />
            </Show>
          </Match>
        </Switch>
      </section>

      <MyDataCard />

      <Button variant="danger" block loading={signingOut()} onClick={signOut}>
        <Icon name="logout" />
        {signingOut() ? t('me.signingOut') : t('me.signOut')}
      </Button>
    </>
  );
}

/** Device settings work signed in or not. */
function Settings() {
  return (
    <section class="tx-card pt-settings">
      <h2>{t('me.settings')}</h2>
      <div class="pt-setting">
        <div>
          <div class="pt-setting-label">{t('pref.language')}</div>
        </div>
        <LangSwitch />
      </div>
      <div class="pt-setting">
        <div>
          <label class="pt-setting-label" for="large-toggle">
            {t('pref.large')}
          </label>
          <div class="tx-small tx-muted">{t('pref.largeHint')}</div>
        </div>
        <LargeToggle id="large-toggle" />
      </div>
    </section>
  );
}
