import { batch, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { listRounds } from '../data/contest';
import { t } from '../i18n';
import { ContestPage } from '../ui/ContestNav';
import { JudgeInvitesPanel } from './JudgeInvitesPanel';
import { JudgePanel } from './JudgePanel';
import { RoundCard } from './RoundCard';
import { RoundForm } from './RoundForm';

/** 评审 of one contest (/console/campaigns/:id/judging): the panel, rounds, progress, closing. */
export default function ContestJudgingPage() {
  return <ContestPage title={t('contest.judging.title')}>{(c) => <Judging campaign={c} />}</ContestPage>;
}

function Judging(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const [rounds, { refetch: refetchRounds }] = createResource(() => c().id, listRounds);
  const openOne = () => (rounds.latest ?? []).find((r) => r.status === 'open');
  const [creating, setCreating] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);

  return (
    <div class="cs-ct-stack">
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
      <JudgePanel campaign={c()} />
      <JudgeInvitesPanel campaign={c()} />

      <section class="tx-card" aria-labelledby="rounds-title">
        <div class="tx-card-title">
          <h2 id="rounds-title">{t('contest.rounds.title')}</h2>
          <span class="tx-spacer" />
          <Button small variant="ghost" onClick={() => void refetchRounds()} loading={rounds.loading && !!rounds.latest}>
            <Icon name="refresh" />
            {t('contest.refresh')}
          </Button>
          <Show when={!creating() && c().status !== 'closed'}>
            <Button small variant="primary" onClick={() => setCreating(true)} data-testid="new-round">
              <Icon name="plus" />
              {t('contest.rounds.new')}
            </Button>
          </Show>
        </div>
        <Show when={creating()}>
          <RoundForm
            campaign={c()}
            hasRounds={(rounds.latest ?? []).length > 0}
            openRound={openOne()}
            onCancel={() => setCreating(false)}
            onFailed={() => void refetchRounds()}
            onCreated={(msg) => {
              batch(() => {
                setCreating(false);
                setNotice(msg);
              });
              void refetchRounds();
            }}
          />
        </Show>
        <Switch>
          <Match when={rounds.error}>
            <ErrorState error={rounds.error} onRetry={refetchRounds} />
          </Match>
          <Match when={rounds.loading && !rounds.latest}>
            <Skeleton lines={5} />
          </Match>
          <Match when={(rounds.latest ?? []).length === 0 && !creating()}>
            <EmptyState
              icon="edit"
              title={t('contest.rounds.emptyTitle')}
              body={t('contest.rounds.emptyBody')}
              action={
                <Button variant="primary" onClick={() => setCreating(true)}>
                  <Icon name="plus" />
                  {t('contest.rounds.new')}
                </Button>
              }
            />
          </Match>
          <Match when={rounds.latest}>
            {(list) => (
              <div class="cs-ct-rounds">
                <For each={[...list()].sort((a, b) => b.ord - a.ord)}>{(r) => <RoundCard round={r} onClosed={() => void refetchRounds()} />}</For>
              </div>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}
