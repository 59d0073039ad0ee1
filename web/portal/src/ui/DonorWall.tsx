import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { fmtDate } from '@ui/format';
import type { Campaign } from '@ui/types';
import { fmtMoney, listDonors, type Donor } from '../data/drive';
import { t } from '../i18n';

export function DonorWall(props: { campaign: Campaign }) {
  const [items, setItems] = createSignal<Donor[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [state, setState] = createSignal<'loading' | 'idle' | 'error'>('loading');
  const [error, setError] = createSignal<unknown>(null);

  async function load(more: boolean) {
    setState('loading');
    try {
      const page = await listDonors(props.campaign.id, more ? cursor() : null);
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('idle');
    } catch (e) {
      setError(e);
      setState('error');
    }
  }
  void load(false);

  return (
    <section class="tx-card dv-wall" aria-labelledby="dv-wall-title" data-testid="donor-wall">
      <h2 id="dv-wall-title">{t('drive.wallTitle')}</h2>
      <Switch>
        <Match when={state() === 'error' && items().length === 0}>
          <ErrorState error={error()} onRetry={() => load(false)} />
        </Match>
        <Match when={state() === 'loading' && items().length === 0}>
          <Skeleton lines={4} />
        </Match>
        <Match when={items().length === 0}>
          <EmptyState icon="drive" title={t('drive.wallEmpty')} body={t('drive.wallEmptyBody')} />
        </Match>
        <Match when={items().length > 0}>
          <ul class="dv-donors">
            <For each={items()}>
              {(d) => (
                <li class="dv-donor">
                  <span class="dv-avatar" aria-hidden="true">
                    {Array.from(d.name.trim())[0] ?? '爱'}
                  </span>
                  <span class="dv-donor-main">
                    <span class="dv-donor-head">
                      <strong>{d.name}</strong>
                      <Show when={d.amount !== null}>
                        <span class="tx-num dv-donor-amount">{fmtMoney(d.amount)}</span>
                      </Show>
                      <Show when={d.verified} fallback={<span class="tx-badge tx-badge-neutral">{t('drive.badgePledged')}</span>}>
                        <span class="tx-badge tx-badge-green">{t('drive.badgeVerified')}</span>
                      </Show>
                    </span>
                    <Show when={d.message}>
                      <span class="dv-donor-msg">“{d.message}”</span>
                    </Show>
                    <span class="tx-small tx-muted tx-num">{fmtDate(d.createdAt)}</span>
                  </span>
                </li>
              )}
            </For>
          </ul>
          <Show when={state() === 'error'}>
            <p class="tx-field-error" role="alert">
              {errorText(error())}
            </p>
          </Show>
          <Show when={cursor()}>
            <Button block loading={state() === 'loading'} onClick={() => load(true)} data-testid="wall-more">
              {t('drive.wallMore')}
            </Button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
