import { createMemo, createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { call } from '@ui/api';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, } from '@ui/icons';
import { org } from '../data/org';
import { session } from '../data/session';
import { t } from '../i18n';
import { NarrowFrame } from './NarrowFrame';

/** The check-in page of an exhibition: the one console page a 检票员 works on. */
const isCheckInPath = (p: string) => /^\/console\/campaigns\/[^/]+\/check-in\/?$/.test(p);

/** Units where the signed-in user is 检票员 (gate_staff). */
export const gateUnits = () => (session.me()?.memberships ?? []).filter((m) => m.role === 'gate_staff').map((m) => m.orgUnitId);

/**
 * What a 检票员 who organizes nothing sees of the console: the check-in page, or a list of the
 * running exhibitions of their units to pick from, in a frame with a way out — nothing else.
 * Anyone else gets `fallback`.
 */
export function GateGate(props: { fallback: JSX.Element; children: JSX.Element }) {
  const location = useLocation();
  return (
    <Show when={gateUnits().length > 0} fallback={props.fallback}>
      <NarrowFrame title={t('gate.title')}>
        <Show when={isCheckInPath(location.pathname)} fallback={<GateHome />}>
          {props.children}
        </Show>
      </NarrowFrame>
    </Show>
  );
}

/** The running exhibitions of the 检票员's units (and below), each a link to its check-in page. */
function GateHome() {
  const [list, { refetch }] = createResource(async () => (await call('GET /campaigns', {}, { query: { kind: 'exhibition', status: 'published', limit: 100 } })).items);
  const mine = createMemo(() => {
    const ids = new Set(gateUnits().flatMap((u) => org.subtree(u).map((r) => r.unit.id)));
    return (list.latest ?? []).filter((c) => ids.has(c.orgUnitId));
  });
  return (
    <div class="cs-page" data-testid="gate-home">
      <h1>{t('gate.title')}</h1>
      <p class="tx-muted">{t('gate.lead')}</p>
      <Switch>
        <Match when={list.error}>
          <ErrorState error={list.error} onRetry={refetch} />
        </Match>
        <Match when={!list.latest}>
          <Skeleton lines={3} />
        </Match>
        <Match when={mine().length === 0}>
          <EmptyState icon="exhibition" title={t('gate.empty')} />
        </Match>
        <Match when={true}>
          <ul class="tx-stack">
            <For each={mine()}>
              {(c) => (
                <li class="tx-card tx-row">
                  <div>
                    <strong>{c.title}</strong>
                    <div class="tx-small tx-muted">{c.orgUnitName}</div>
                  </div>
                  <span class="tx-spacer" />
                  <A class="tx-btn tx-btn-primary" href={`/campaigns/${c.id}/check-in`} data-testid={`gate-open-${c.slug}`}>
                    <Icon name="check" />
                    {t('gate.open')}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
