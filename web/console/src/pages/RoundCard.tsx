import { createSignal, For, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import type { Criterion, Round } from '@ui/contest';
import { closeRound } from '../data/contest';
import { t } from '../i18n';
import { DataTable } from '../ui/DataTable';
import { Confirm } from '../ui/Confirm';

function criteriaText(cs: Criterion[]): string {
  const sum = cs.reduce((s, x) => s + x.weight, 0) || 1;
  return cs.map((x) => t('contest.rounds.criterion', { name: x.name, weight: fmtPercent(x.weight / sum), max: fmtNumber(x.max) })).join(' · ');
}

/** One round: its rules, each judge's progress, reminders and closing with a confirmation. */
export function RoundCard(props: { round: Round; onClosed: () => void }) {
  const r = () => props.round;
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const unfinished = () => r().progress.filter((p) => p.scored < p.assigned);
  const totals = () => r().progress.reduce((s, p) => ({ assigned: s.assigned + p.assigned, scored: s.scored + p.scored }), { assigned: 0, scored: 0 });
  const nameOf = (id: string) => r().progress.find((p) => p.judgeId === id)?.name ?? id;

  async function close() {
    setBusy(true);
    setError(null);
    try {
      await closeRound(r().id);
      setConfirming(false);
      props.onClosed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class={`cs-ct-round ${r().status === 'open' ? 'is-open' : ''}`} data-round={r().id}>
      <header class="cs-ct-round-head">
        <div>
          <h3>
            {r().name}
            <span class={`tx-badge ${r().status === 'open' ? 'tx-badge-green' : 'tx-badge-neutral'}`}>
              {r().status === 'open' ? t('contest.rounds.open') : t('contest.rounds.closed')}
            </span>
          </h3>
          <p class="tx-small tx-muted">
            {criteriaText(r().criteria)}
            <br />
            {r().assignment === 'all' ? t('contest.rounds.assignAll') : t('contest.rounds.assignRandom', { k: fmtNumber(r().judgesPerEntry) })} ·{' '}
            {t('contest.rounds.quorumText', { n: fmtNumber(r().quorum) })} · {t('contest.rounds.openedAt', { time: fmtDateTime(r().createdAt) })}
            <Show when={r().closedAt}> · {t('contest.rounds.closedAt', { time: fmtDateTime(r().closedAt) })}</Show>
          </p>
        </div>
        <Show when={r().status === 'open' && !confirming()}>
          <Button small variant="danger" onClick={() => setConfirming(true)} data-testid="close-round">
            {t('contest.rounds.close')}
          </Button>
        </Show>
      </header>

      <div class="cs-ct-round-total">
        <span class="tx-num">{t('contest.rounds.totalProgress', { scored: fmtNumber(totals().scored), assigned: fmtNumber(totals().assigned) })}</span>
        <ProgressBar value={totals().assigned ? totals().scored / totals().assigned : 0} label={t('contest.rounds.progress')} />
      </div>

      <Show when={r().status === 'open' && unfinished().length > 0}>
        <Notice kind="warning" icon="clock">
          <strong>{t('contest.rounds.remind', { n: fmtNumber(unfinished().length) })}</strong>
          <br />
          {unfinished()
            .map((p) => t('contest.rounds.remaining', { name: p.name, n: fmtNumber(p.assigned - p.scored) }))
            .join(t('contest.rounds.sep'))}
        </Notice>
      </Show>
      <Show when={r().status === 'closed' && (r().unfinished?.length ?? 0) > 0}>
        <Notice kind="warning">
          {t('contest.rounds.closedUnfinished')}
          {r()
            .unfinished!.map((u) => t('contest.rounds.remaining', { name: nameOf(u.judgeId), n: fmtNumber(u.missing) }))
            .join(t('contest.rounds.sep'))}
        </Notice>
      </Show>

      <Show when={confirming()}>
        <Confirm
          id={`close-${r().id}`}
          title={t('contest.rounds.closeTitle', { name: r().name })}
          action={t('contest.rounds.closeConfirm')}
          actionClass="cs-ct-danger"
          actionTestid="close-round-confirm"
          busy={busy()}
          onAction={close}
          onCancel={() => setConfirming(false)}
        >
          <Show when={unfinished().length > 0} fallback={<p>{t('contest.rounds.closeAllDone')}</p>}>
            <p>{t('contest.rounds.closeUnfinished', { n: fmtNumber(unfinished().length) })}</p>
            <ul class="cs-ct-unfinished">
              <For each={unfinished()}>
                {(p) => (
                  <li>
                    <strong>{p.name}</strong> {t('contest.rounds.scoredOf', { scored: fmtNumber(p.scored), assigned: fmtNumber(p.assigned) })}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <p class="tx-small">{t('contest.rounds.closeNote')}</p>
          <Show when={error()}>
            <ErrorState error={error()} />
          </Show>
        </Confirm>
      </Show>

      <Show when={r().progress.length > 0} fallback={<p class="tx-muted tx-small">{t('contest.rounds.noAssignments')}</p>}>
        <DataTable
          class="cs-ct-progress"
          head={[
            t('contest.panel.name'),
            { label: t('contest.rounds.assigned'), class: 'num' },
            { label: t('contest.rounds.scored'), class: 'num' },
            { label: t('contest.rounds.conflicts'), class: 'num' },
            t('contest.rounds.progress'),
          ]}
          rows={r().progress}
        >
          {(p) => (
            <tr classList={{ 'cs-ct-behind': r().status === 'open' && p.scored < p.assigned }}>
              <td>{p.name}</td>
              <td class="num">{fmtNumber(p.assigned)}</td>
              <td class="num">{fmtNumber(p.scored)}</td>
              <td class="num">{fmtNumber(p.conflicts)}</td>
              <td class="cs-ct-barcell">
                <ProgressBar value={p.assigned ? p.scored / p.assigned : 1} label={p.name} />
                <span class="tx-small tx-num">{p.assigned ? fmtPercent(p.scored / p.assigned) : '—'}</span>
              </td>
            </tr>
          )}
        </DataTable>
      </Show>
    </article>
  );
}
