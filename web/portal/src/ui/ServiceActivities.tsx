import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { Button, LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ActionError } from '@ui/components/Field';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { cancelSignup, checkHref, listServiceActivities, phaseOf, signUp, type ServiceActivity } from '../data/service-activities';
import { t } from '../i18n';
import { WhenWhere } from './WhenWhere';

/**
 * 服务活动 on 我的1+1: upcoming on-site services of the campaign with places left; sign up or
 * cancel; once signed up, the way to the check-in page (the code is at the place).
 */
export function ServiceActivities(props: { campaignId: string; open: boolean }) {
  const [items, { refetch, mutate }] = createResource(() => props.campaignId, listServiceActivities);
  const list = () => (items.error ? [] : (items.latest ?? []));
  const replace = (a: ServiceActivity) => mutate((xs) => xs?.map((x) => (x.id === a.id ? a : x)));

  return (
    <section class="tx-card" aria-labelledby="sa-title" data-testid="service-activities">
      <div class="tx-card-title">
        <h2 id="sa-title">{t('sa.title')}</h2>
      </div>
      <p class="tx-small tx-muted">{t('sa.lead')}</p>
      <Switch>
        <Match when={items.error}>
          <ErrorState error={items.error} onRetry={refetch} />
        </Match>
        <Match when={!items.latest}>
          <Skeleton lines={3} />
        </Match>
        <Match when={list().length === 0}>
          <EmptyState icon="calendar" title={t('sa.emptyTitle')} body={t('sa.emptyBody')} />
        </Match>
        <Match when={list().length > 0}>
          <ul class="sa-list">
            <For each={list()}>{(a) => <Item a={a} open={props.open} onChange={replace} />}</For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

function Item(props: { a: ServiceActivity; open: boolean; onChange: (a: ServiceActivity) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const a = () => props.a;
  const signed = () => a().mine?.status === 'signed_up';
  const phase = () => phaseOf(a());

  async function run(fn: () => Promise<ServiceActivity>) {
    setBusy(true);
    setError(null);
    try {
      props.onChange(await fn());
      setConfirming(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="sa-item" data-testid="sa-item" data-id={a().id} classList={{ 'sa-item-mine': signed() }}>
      <div class="sa-item-head">
        <h3 class="sa-item-title">{a().title}</h3>
        <Show
          when={a().status === 'cancelled'}
          fallback={
            <Show when={signed()}>
              <span class="tx-badge tx-badge-green">
                <Icon name="check" />
                {t('sa.signedUp')}
              </span>
            </Show>
          }
        >
          <span class="tx-badge tx-badge-neutral">{t('sa.cancelled')}</span>
        </Show>
      </div>
      <WhenWhere activity={a()} />
      <Show when={a().description}>
        <p class="tx-small sa-desc">{a().description}</p>
      </Show>
      <div class="sa-seats tx-small tx-num" aria-label={t('sa.seatsAria', { left: a().seatsLeft, cap: a().capacity })}>
        <span class="sa-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (a().signedUp / Math.max(1, a().capacity)) * 100)}%` }} />
        </span>
        <span>{a().seatsLeft > 0 ? t('sa.seatsLeft', { n: a().seatsLeft, cap: a().capacity }) : t('sa.seatsFull', { cap: a().capacity })}</span>
      </div>
      <ActionError message={error()} />
      <Show when={a().status === 'open' && props.open}>
        <div class="sa-actions">
          <Switch>
            <Match when={signed() && a().mine?.checkedOutAt}>
              <LinkButton href={checkHref(a().id)} block>
                {t('sa.viewRecord')}
              </LinkButton>
            </Match>
            <Match when={signed()}>
              <LinkButton href={checkHref(a().id)} variant={phase() === 'before' ? 'secondary' : 'primary'} block>
                <Icon name="check" />
                {a().mine?.checkedInAt ? t('sa.goCheckOut') : t('sa.goCheckIn')}
              </LinkButton>
              <Show when={!a().mine?.checkedInAt}>
                <Show
                  when={confirming()}
                  fallback={
                    <Button variant="ghost" block onClick={() => setConfirming(true)}>
                      {t('sa.cancelSignup')}
                    </Button>
                  }
                >
                  <div class="sa-confirm" role="group" aria-label={t('sa.cancelConfirm')}>
                    <span class="tx-small">{t('sa.cancelConfirm')}</span>
                    <Button small variant="danger" loading={busy()} onClick={() => run(() => cancelSignup(a().id))}>
                      {t('sa.cancelYes')}
                    </Button>
                    <Button small disabled={busy()} onClick={() => setConfirming(false)}>
                      {t('sa.cancelNo')}
                    </Button>
                  </div>
                </Show>
              </Show>
            </Match>
            <Match when={phase() === 'check_out' || phase() === 'over'}>
              <span class="tx-small tx-muted">{t('sa.ended')}</span>
            </Match>
            <Match when={a().seatsLeft > 0}>
              <Button variant="primary" block loading={busy()} onClick={() => run(() => signUp(a().id))}>
                {busy() ? t('state.sending') : t('sa.signUp')}
              </Button>
            </Match>
            <Match when={true}>
              <Button block disabled>
                {t('sa.full')}
              </Button>
            </Match>
          </Switch>
        </div>
      </Show>
    </li>
  );
}
