import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Notice } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { boardHref } from '../data/campaigns';
import { charityOf, fmtMoney, getProgress, myPledgesHref, safeUrl, type Charity, type Progress } from '../data/drive';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import '../drive.css';
import { PledgeSection } from '../ui/DrivePledgeForm';
import { DonorWall } from '../ui/DonorWall';
import { CampaignGate } from '../ui/CampaignGate';

/**
 * 公益募捐 (/c/:idOrSlug/drive): the charity and its licence, the link to give on the designated
 * platform, verified and pledged progress, the donor wall and 我要认捐. Loaded on demand.
 */
export default function DrivePage() {
  return (
    <CampaignGate
      kind="drive"
      class="dv-page"
      backClass="dv-back"
      backLabel={t('drive.backToCampaign')}
      meta={(c) => (c ? { title: `${c.title} · ${t('app.name')}`, description: c.summary || t('drive.title') } : { title: t('app.name') })}
      notKind={t('drive.notDrive')}
      skeleton={() => <DriveSkeleton />}
    >
      {(c) => <Drive campaign={c} />}
    </CampaignGate>
  );
}

export function DriveSkeleton() {
  return (
    <>
      <div class="tx-card">
        <Skeleton title lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton block lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton title lines={4} />
      </div>
    </>
  );
}

function Drive(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const charity = () => charityOf(c());
  const [fresh, setFresh] = createSignal(0);
  const [progress] = createResource(
    () => ({ id: c().id, fresh: fresh() }),
    (k) => getProgress(k.id, k.fresh > 0),
  );
  const refetchProgress = () => setFresh((n) => n + 1);
  const [wallKey, setWallKey] = createSignal(0);

  return (
    <>
      <header class="dv-head">
        <KindBadge kind="drive" />
        <h1 class="dv-title">{c().title}</h1>
        <Show when={c().summary}>
          <p class="tx-muted dv-lead">{c().summary}</p>
        </Show>
        <p class="tx-small tx-muted tx-num">
          <Icon name="calendar" /> {fmtDate(c().startsAt)} – {fmtDate(c().endsAt)} · {c().orgUnitName}
        </p>
      </header>

      <ProgressCard progress={progress} retry={refetchProgress} />

      <CharityCard charity={charity()} />

      <PledgeSection
        campaign={c()}
        charity={charity()}
        onDone={() => {
          void refetchProgress();
          setWallKey((k) => k + 1);
        }}
      />

      <Show when={c().description}>
        <section class="tx-card dv-story" aria-labelledby="dv-story-title">
          <h2 id="dv-story-title">{t('drive.story')}</h2>
          <div class="tx-pre">{c().description}</div>
        </section>
      </Show>

      <Show when={`wall-${wallKey()}`} keyed>
        <DonorWall campaign={c()} />
      </Show>

      <nav class="dv-links" aria-label={t('drive.moreLinks')}>
        <A href={myPledgesHref(c())}>
          <Icon name="file" />
          {t('drive.myPledges')}
        </A>
        <A href={boardHref(c(), 'org')}>
          <Icon name="trophy" />
          {t('drive.unitBoard')}
        </A>
      </nav>
    </>
  );
}

/** The bar: verified (solid) inside pledged (light), both against the goal, with a legend. */
export function DriveProgressBar(props: { progress: Progress }) {
  const p = () => props.progress;
  const base = () => Math.max(p().goal, p().pledged, 1);
  const w = (n: number) => `${Math.min(100, (n / base()) * 100).toFixed(2)}%`;
  return (
    <div class="dv-bar-wrap">
      <div
        class="dv-bar"
        role="img"
        aria-label={t('drive.barLabel', {
          verified: fmtPercent(p().goal ? p().verified / p().goal : 0),
          pledged: fmtPercent(p().goal ? p().pledged / p().goal : 0),
        })}
      >
        <span class="dv-bar-pledged" style={{ width: w(p().pledged) }} />
        <span class="dv-bar-verified" style={{ width: w(p().verified) }} />
      </div>
      <ul class="dv-legend">
        <li>
          <span class="dv-swatch dv-swatch-verified" aria-hidden="true" />
          {t('drive.legendVerified')}
        </li>
        <li>
          <span class="dv-swatch dv-swatch-pledged" aria-hidden="true" />
          {t('drive.legendPledged')}
        </li>
      </ul>
    </div>
  );
}

function ProgressCard(props: { progress: ReturnType<typeof createResource<Progress, string>>[0]; retry: () => unknown }) {
  const p = () => (props.progress.error ? undefined : props.progress.latest);
  return (
    <section class="tx-card dv-progress" aria-labelledby="dv-progress-title" data-testid="drive-progress">
      <h2 id="dv-progress-title" class="tx-visually-hidden">
        {t('drive.progressTitle')}
      </h2>
      <Switch>
        <Match when={props.progress.error}>
          <ErrorState error={props.progress.error} onRetry={props.retry} />
        </Match>
        <Match when={!p()}>
          <Skeleton block lines={2} />
        </Match>
        <Match when={p()}>
          {(pr) => (
            <>
              <div class="dv-figures">
                <Show
                  when={pr().showAmounts}
                  fallback={
                    <div class="dv-figure dv-figure-key">
                      <span class="dv-figure-label">{t('drive.percentVerified')}</span>
                      <span class="dv-figure-value tx-num">{fmtPercent(pr().goal ? pr().verified / pr().goal : 0)}</span>
                    </div>
                  }
                >
                  <div class="dv-figure dv-figure-key">
                    <span class="dv-figure-label">{t('drive.verified')}</span>
                    <span class="dv-figure-value tx-num" data-testid="drive-verified" data-fen={pr().verified}>
                      {fmtMoney(pr().verified)}
                    </span>
                  </div>
                  <div class="dv-figure">
                    <span class="dv-figure-label">{t('drive.pledged')}</span>
                    <span class="dv-figure-value tx-num" data-testid="drive-pledged">
                      {fmtMoney(pr().pledged)}
                    </span>
                  </div>
                </Show>
                <div class="dv-figure">
                  <span class="dv-figure-label">{t('drive.donors')}</span>
                  <span class="dv-figure-value tx-num">{fmtNumber(pr().donors)}</span>
                </div>
              </div>
              <DriveProgressBar progress={pr()} />
              <p class="tx-small tx-muted tx-num dv-goal">
                <Show when={pr().showAmounts && pr().goal > 0}>
                  {t('drive.goalLine', { goal: fmtMoney(pr().goal), pct: fmtPercent(pr().verified / pr().goal) })}
                </Show>
                <Show when={pr().updatedAt}> · {t('drive.updatedAt', { time: fmtDateTime(pr().updatedAt) })}</Show>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function CharityCard(props: { charity: Charity | null }) {
  return (
    <section class="tx-card dv-charity" aria-labelledby="dv-charity-title">
      <h2 id="dv-charity-title">{t('drive.charityTitle')}</h2>
      <Show when={props.charity} fallback={<Notice kind="warning">{t('drive.noCharity')}</Notice>}>
        {(ch) => (
          <>
            <dl class="dv-charity-facts">
              <div>
                <dt>{t('drive.charityName')}</dt>
                <dd data-testid="charity-name">{ch().name || '—'}</dd>
              </div>
              <div>
                <dt>{t('drive.licenseNo')}</dt>
                <dd class="tx-num">{ch().licenseNo || '—'}</dd>
              </div>
            </dl>
            <Notice icon="info">{t('drive.noMoneyNote')}</Notice>
            <Show when={safeUrl(ch().projectUrl)} fallback={<p class="tx-field-error">{t('drive.noProjectUrl')}</p>}>
              {(u) => (
                <>
                  <a class="tx-btn tx-btn-primary tx-btn-block dv-give" href={u()} target="_blank" rel="noopener noreferrer" data-testid="give-link">
                    <Icon name="external" />
                    {t('drive.give')}
                  </a>
                  <p class="tx-small tx-muted dv-give-host">{t('drive.giveHost', { host: hostOf(u()) })}</p>
                </>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function hostOf(u: string): string {
  try {
    return new URL(u).host;
  } catch {
    return u;
  }
}
