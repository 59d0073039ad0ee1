import { createMemo, createResource, Show, type JSX } from 'solid-js';
import { useLocation } from '@solidjs/router';
import { call } from '@ui/api';
import { org } from '../data/org';
import { session } from '../data/session';
import { t } from '../i18n';
import { NarrowFrame, NarrowHome } from './NarrowFrame';

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
  const [list, { refetch }] = createResource(
    async () => (await call('GET /campaigns', {}, { query: { kind: 'exhibition', status: 'published', limit: 100 } })).items,
  );
  const mine = createMemo(() => {
    const ids = new Set(gateUnits().flatMap((u) => org.subtree(u).map((r) => r.unit.id)));
    return (list.latest ?? []).filter((c) => ids.has(c.orgUnitId));
  });
  return (
    <NarrowHome
      testId="gate-home"
      title={t('gate.title')}
      lead={t('gate.lead')}
      emptyIcon="exhibition"
      emptyTitle={t('gate.empty')}
      list={list}
      refetch={refetch}
      mine={mine}
      subtitle={(c) => c.orgUnitName}
      open={(c) => ({ href: `/campaigns/${c.id}/check-in`, label: t('gate.open'), testId: `gate-open-${c.slug}` })}
    />
  );
}
