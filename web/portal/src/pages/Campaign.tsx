import { createResource, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { KIND_ACTION, KIND_LABEL, STATUS_LABEL } from '@shared/kinds';
import { safeHttpUrl } from '@shared/links';
import { SharePanel } from '@ui/components/SharePanel';
import { loc } from '@ui/i18n';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate, fmtDateTime, fmtYuan, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { isRanking } from '@ui/leaderboard';
import { boardHref, campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { ClosedNotice } from '../ui/ClosedNotice';
import { PhaseBadge } from '../ui/CampaignCard';
import { KindBadge, KindCover } from '../ui/KindCover';
import { VolunteerCta } from '../ui/VolunteerCta';
import { ContestCta } from '../ui/ContestCta';
import { DriveCta } from '../ui/DriveCta';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The public page of one campaign: what, when, who organizes it, and what a visitor can do now. */
export function CampaignPage() {
  const params = useParams<{ idOrSlug: string }>();
  const [campaign, { refetch }] = createResource(() => params.idOrSlug, getCampaign);

  usePageMeta(() => {
    const c = campaign.latest;
    return c ? { title: `${c.title} · ${t('app.name')}`, description: c.summary || loc(KIND_ACTION[c.kind]) } : { title: t('app.name') };
  });

  const notFound = () => campaign.error instanceof ApiError && campaign.error.status === 404;

  return (
    <div class="pt-page pt-detail">
      <Switch>
        <Match when={notFound()}>
          <EmptyState
            icon="flag"
            title={t('campaign.notFoundTitle')}
            body={t('campaign.notFoundBody')}
            action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>}
          />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={campaign.loading && !campaign.latest}>
          <div class="pt-cover pt-cover-lg tx-skeleton" />
          <Skeleton title lines={5} />
        </Match>
        <Match when={campaign.latest}>{(c) => <Detail campaign={c()} />}</Match>
      </Switch>
    </div>
  );
}

function Detail(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const s = () => c().settings as Record<string, unknown>;
  const charity = () => (s().charity && typeof s().charity === 'object' ? (s().charity as Record<string, unknown>) : null);
  const action = () => loc(KIND_ACTION[c().kind]);
  const phase = () => phaseOf(c());

  return (
    <article>
      <KindCover kind={c().kind} large src={c().coverUrl} />
      <div class="tx-row pt-detail-badges">
        <KindBadge kind={c().kind} />
        <PhaseBadge campaign={c()} />
      </div>
      <h1 class="pt-detail-title">{c().title}</h1>
      <Show when={c().summary}>
        <p class="pt-lead">{c().summary}</p>
      </Show>

      <dl class="pt-facts">
        <div>
          <dt>
            <Icon name="calendar" />
            {t('campaign.period')}
          </dt>
          <dd class="tx-num">
            {fmtDateTime(c().startsAt)} – {fmtDateTime(c().endsAt)}
          </dd>
        </div>
        <div>
          <dt>
            <Icon name="building" />
            {t('campaign.unit')}
          </dt>
          <dd>{c().orgUnitName}</dd>
        </div>
        <div>
          <dt>
            <Icon name="flag" />
            {t('campaign.status')}
          </dt>
          <dd>{loc(STATUS_LABEL[c().status])}</dd>
        </div>
        <Show when={c().kind === 'exhibition' && str(s().venue)}>
          <div>
            <dt>
              <Icon name="mapPin" />
              {t('campaign.venue')}
            </dt>
            <dd>
              {str(s().venue)}
              <Show when={str(s().address)}>
                <br />
                <span class="tx-muted">{str(s().address)}</span>
              </Show>
            </dd>
          </div>
        </Show>
        <Show when={c().kind === 'exhibition' && str(s().openingHours)}>
          <div>
            <dt>
              <Icon name="clock" />
              {t('campaign.openingHours')}
            </dt>
            <dd>{str(s().openingHours)}</dd>
          </div>
        </Show>
        <Show when={c().kind === 'drive' && typeof s().goal === 'number'}>
          <div>
            <dt>
              <Icon name="star" />
              {t('campaign.goal')}
            </dt>
            <dd class="tx-num pt-key-figure">{fmtYuan(s().goal as number)}</dd>
          </div>
        </Show>
        <Show when={c().kind === 'drive' && charity()}>
          {(ch) => (
            <div>
              <dt>
                <Icon name="drive" />
                {t('campaign.charity')}
              </dt>
              <dd>
                {str(ch().name)}
                <br />
                <span class="tx-muted tx-small">{t('campaign.charityLicense', { no: str(ch().licenseNo) })}</span>
                <Show when={safeHttpUrl(ch().projectUrl)}>
                  {(href) => (
                    <>
                      <br />
                      <a href={href()} target="_blank" rel="noopener noreferrer">
                        {t('campaign.charityLink')}
                        <Icon name="external" />
                      </a>
                    </>
                  )}
                </Show>
              </dd>
            </div>
          )}
        </Show>
      </dl>

      <section class="pt-cta" aria-live="polite">
        <Switch>
          <Match when={c().status === 'draft'}>
            <Notice kind="warning">{t('campaign.draftNote')}</Notice>
          </Match>
          <Match when={c().kind === 'contest'}>
            <ContestCta campaign={c()} />
          </Match>
          <Match when={c().kind === 'volunteer'}>
            <VolunteerCta campaign={c()} />
          </Match>
          <Match when={c().kind === 'drive'}>
            <DriveCta campaign={c()} />
          </Match>
          <Match when={c().kind === 'training'}>
            <LinkButton href={`${campaignHref(c())}/training`} variant={phase() === 'ended' ? 'secondary' : 'primary'} block>
              <Icon name="flag" />
              {t('tr.cta')}
            </LinkButton>
          </Match>
          <Match when={c().kind === 'exhibition' && phase() !== 'ended'}>
            <LinkButton href={`${campaignHref(c())}/visit`} variant="primary" block>
              <Icon name="exhibition" />
              {action()}
            </LinkButton>
          </Match>
          <Match when={phase() === 'ended'}>
            <ClosedNotice />
          </Match>
          <Match when={c().kind === 'quiz'}>
            <LinkButton href={`${campaignHref(c())}/quiz`} variant="primary" block>
              <Icon name="quiz" />
              {action()}
            </LinkButton>
            {/* an open quiz is also played against others: 双人对战 / 四人赛 (issue 17) */}
            <LinkButton href={`${campaignHref(c())}/match`} block>
              <Icon name="trophy" />
              {t('live.matchEntry')}
            </LinkButton>
          </Match>
          <Match when={session.me.loading}>
            <Skeleton lines={1} />
          </Match>
          <Match when={!session.me()}>
            <LinkButton href={`/login?next=${encodeURIComponent(campaignHref(c()))}`} variant="primary" block>
              {t('campaign.signInTo', { action: action() })}
            </LinkButton>
          </Match>
          <Match when={session.me()}>
            <Notice kind="highlight" icon="clock">
              <strong>{t('campaign.soonTitle', { action: action() })}</strong>
              <br />
              {t('campaign.soonBody')}
              <Show when={phase() === 'upcoming'}>
                <br />
                {t('campaign.upcomingNote', { date: fmtDate(c().startsAt) })}
              </Show>
            </Notice>
          </Match>
        </Switch>
        <Show when={isRanking(c().kind) && (c().status !== 'draft' || c().canManage)}>
          <LinkButton href={boardHref(c())} block>
            <Icon name="trophy" />
            {t('campaign.viewBoard')}
          </LinkButton>
        </Show>
        <Show when={c().status !== 'draft'}>
          <SharePanel
            path={campaignHref(c())}
            title={c().title}
            subtitle={`${loc(KIND_LABEL[c().kind])} · ${fmtDate(c().startsAt)} – ${fmtDate(c().endsAt)} · ${c().orgUnitName ?? ''}`}
            fileName={c().slug}
          />
        </Show>
        <Show when={c().canManage}>
          <a class="pt-manage" href={`/console/campaigns/${encodeURIComponent(c().id)}`}>
            <Icon name="edit" />
            {t('campaign.manage')}
          </a>
        </Show>
      </section>

      <section class="pt-about">
        <h2>{t('campaign.about')}</h2>
        <Show when={c().description} fallback={<p class="tx-muted">{t('campaign.noDescription')}</p>}>
          <div class="tx-pre">{c().description}</div>
        </Show>
      </section>
      <p class="pt-back">
        <A href="/campaigns">
          <Icon name="chevronLeft" />
          {t('nav.campaigns')}
        </A>
      </p>
    </article>
  );
}
