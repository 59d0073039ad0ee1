import { createSignal, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { Icon } from '@ui/icons';
import { fmtDateTime } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { listPairs, pairsExportUrl, unlinkPair, type Pair } from '../data/volunteer';
import { t } from '../i18n';
import { createAction } from '@ui/action';
import { createCursorPages, Pager } from './VolunteerPager';
import { UnitFilter } from './UnitSelect';
import { DataTable, Loaded } from './DataTable';
import { AddPair } from './VolunteerAddPair';

/** 结对: the pairs of a unit (paged), unlinking with a reason, registering on a resident's behalf, the 台账 file. */
export function VolunteerPairs(props: { campaign: Campaign; unitId: string; onChanged: () => unknown }) {
  const [unit, setUnit] = createSignal<string>(props.unitId);
  const [adding, setAdding] = createSignal(false);
  const [unlinking, setUnlinking] = createSignal<Pair | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const units = () => org.subtree(props.unitId);
  const open = () => props.campaign.status === 'published';

  const pages = createCursorPages(
    () => ({ c: props.campaign.id, u: unit() || props.unitId }),
    (k, cursor, limit) => listPairs(k.c, { orgUnitId: k.u, cursor, limit }),
  );
  const rows = () => pages.latest()?.items ?? [];

  function changed(message: string) {
    setNotice(message);
    void pages.refetch();
    void props.onChanged();
  }

  return (
    <div class="vo-stack">
      <div class="vo-toolbar">
        <UnitFilter class="vo-filter" label={t('vol.filterUnit')} rows={units()} value={unit()} onPick={setUnit} testid="pairs-unit" />
        <span class="tx-spacer" />
        <a
          class="tx-btn tx-btn-secondary tx-btn-sm"
          href={pairsExportUrl(props.campaign, unit() || props.unitId, 'xlsx')}
          download=""
          data-testid="pairs-export"
        >
          <Icon name="download" />
          {t('vol.exportPairs')}
        </a>
        <Show when={open()}>
          <Button small variant="primary" onClick={() => setAdding(!adding())} aria-expanded={adding()} aria-controls="add-pair">
            <Icon name="plus" />
            {t('vol.addPair')}
          </Button>
        </Show>
      </div>

      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>

      <Show when={adding()}>
        <AddPair campaign={props.campaign} rootUnit={props.unitId} onClose={() => setAdding(false)} onAdded={(name) => changed(t('vol.pairAdded', { name }))} />
      </Show>

      <Show when={unlinking()}>
        {(p) => (
          <Unlink
            pair={p()}
            onCancel={() => setUnlinking(null)}
            onDone={() => {
              setUnlinking(null);
              changed(t('vol.unlinked', { member: p().memberName, resident: p().residentName }));
            }}
          />
        )}
      </Show>

      <section class="tx-card vo-table-card" aria-labelledby="pairs-title">
        <div class="tx-card-title">
          <h2 id="pairs-title">{t('vol.pairsTitle')}</h2>
          <span class="tx-small tx-muted">{t('vol.pairsLead')}</span>
        </div>
        <Loaded
          error={pages.page.error}
          retry={pages.refetch}
          loading={!pages.latest()}
          lines={8}
          empty={rows().length === 0}
          emptyView={<EmptyState icon="volunteer" title={t('vol.pairsEmpty')} body={t('vol.pairsEmptyBody')} />}
        >
          <DataTable
            class="vo-table"
            stale={pages.page.loading}
            testid="pairs-table"
            caption={t('vol.pairsTitle')}
            head={[
              t('vol.colMember'),
              t('vol.colUnit'),
              t('vol.colResident'),
              t('vol.colPhone'),
              t('vol.colSource'),
              t('vol.colConsent'),
              t('vol.colState'),
              t('campaigns.colActions'),
            ]}
            rows={rows()}
          >
            {(p) => (
              <tr data-key={p.id} classList={{ 'vo-row-off': !!p.unlinkedAt }}>
                <td>
                  <strong>{p.memberName}</strong>
                </td>
                <td class="cs-nowrap">{p.memberUnitName ?? '—'}</td>
                <td>{p.residentName}</td>
                <td class="tx-num cs-nowrap">{p.residentPhone}</td>
                <td class="cs-nowrap">
                  <span class={`tx-badge ${p.source === 'invite' ? 'tx-badge-neutral' : 'vo-badge-blue'}`}>
                    {p.source === 'invite' ? t('vol.sourceInvite') : t('vol.sourceOrganizer')}
                  </span>
                </td>
                <td class="tx-num cs-nowrap tx-small">{fmtDateTime(p.consentAt)}</td>
                <td>
                  <Show when={p.unlinkedAt} fallback={<span class="tx-badge tx-badge-green">{t('vol.stateActive')}</span>}>
                    <span class="tx-badge tx-badge-neutral">{t('vol.stateUnlinked')}</span>
                    <div class="tx-small tx-muted vo-reason-cell">{p.unlinkReason}</div>
                  </Show>
                </td>
                <td class="cs-nowrap">
                  <Show when={!p.unlinkedAt && open()}>
                    <Button
                      small
                      variant="ghost"
                      onClick={() => setUnlinking(p)}
                      aria-label={t('vol.unlinkOf', { member: p.memberName, resident: p.residentName })}
                    >
                      {t('vol.unlink')}
                    </Button>
                  </Show>
                </td>
              </tr>
            )}
          </DataTable>
        </Loaded>
        <Pager id="pairs" pages={pages} />
      </section>
    </div>
  );
}

/** The confirmation of an unlink: irreversible, so a reason and a second click. */
function Unlink(props: { pair: Pair; onCancel: () => void; onDone: () => void }) {
  const [reason, setReason] = createSignal('');
  const { busy, error, setError, run } = createAction();
  async function confirm() {
    if (!reason().trim()) {
      setError(t('vol.unlinkReasonRequired'));
      document.getElementById('unlink-reason')?.focus();
      return;
    }
    await run(async () => {
      await unlinkPair(props.pair.id, reason().trim());
      props.onDone();
    });
  }
  return (
    <div class="cs-confirm" role="alertdialog" aria-labelledby="unlink-title" aria-describedby="unlink-body">
      <Icon name="alert" class="cs-confirm-icon" />
      <div class="vo-grow">
        <h2 id="unlink-title">{t('vol.unlinkTitle', { member: props.pair.memberName, resident: props.pair.residentName })}</h2>
        <p id="unlink-body">{t('vol.unlinkBody')}</p>
        <TextField
          id="unlink-reason"
          label={t('vol.unlinkReason')}
          error={error() ?? undefined}
          maxLength={200}
          placeholder={t('vol.unlinkReasonPlaceholder')}
          value={reason()}
          onInput={setReason}
        />
        <div class="tx-row">
          <Button variant="primary" class="cs-danger-solid" loading={busy()} onClick={confirm}>
            {t('vol.unlinkConfirm')}
          </Button>
          <Button disabled={busy()} onClick={props.onCancel}>
            {t('action.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}
