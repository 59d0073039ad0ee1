import { createSignal, onCleanup, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { allRecords, boardExportUrl, chinaToday, pairsExportUrl, type RecordStatus, type ServiceRecord } from '../data/volunteer';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { UnitSelect } from './UnitSelect';

type StatusFilter = RecordStatus | 'all';
const STATUSES: readonly StatusFilter[] = ['all', 'pending', 'approved', 'rejected'];

/** 导出: the 台账 of pairs (the API's file), the service records (read page by page, saved here) and the hours board. */
export function VolunteerExport(props: { campaign: Campaign; unitId: string }) {
  const units = () => org.subtree(props.unitId);
  const [pairUnit, setPairUnit] = createSignal(props.unitId);
  const [recUnit, setRecUnit] = createSignal(props.unitId);
  const [status, setStatus] = createSignal<StatusFilter>('approved');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal<'xlsx' | 'csv' | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const cancel = { cancelled: false };
  onCleanup(() => (cancel.cancelled = true));

  const unitName = (id: string) => org.byId().get(id)?.name ?? '';
  const STATUS_TEXT: Record<ServiceRecord['status'], string> = {
    pending: t('vol.status.pending'),
    approved: t('vol.status.approved'),
    rejected: t('vol.status.rejected'),
  };

  async function exportRecords(format: 'xlsx' | 'csv') {
    setBusy(format);
    setError(null);
    setDone(null);
    setProgress(0);
    cancel.cancelled = false;
    try {
      const { rows, truncated } = await allRecords(
        props.campaign.id,
        { status: status() === 'all' ? '' : (status() as RecordStatus), orgUnitId: recUnit(), from: from() || undefined, to: to() || undefined },
        (n) => setProgress(n),
        cancel,
      );
      if (cancel.cancelled) return;
      const header = [
        t('vol.xNo'),
        t('vol.colMember'),
        t('vol.colUnit'),
        t('vol.colDate'),
        t('vol.colHours'),
        t('vol.colWhat'),
        t('vol.colState'),
        t('vol.xReason'),
        t('vol.xReviewedAt'),
        t('vol.xCreatedAt'),
        t('vol.xPair'),
      ];
      const table: (string | number)[][] = [header];
      rows.forEach((r, i) =>
        table.push([
          i + 1,
          r.name,
          r.orgUnitName ?? '',
          r.date,
          r.hours,
          r.description,
          STATUS_TEXT[r.status] ?? r.status,
          r.reason ?? '',
          r.reviewedAt ?? '',
          r.createdAt,
          r.pairId ?? '',
        ]),
      );
      const name = `${props.campaign.slug || props.campaign.id}-records-${chinaToday()}`;
      if (format === 'csv') saveCsv(table, `${name}.csv`);
      else {
        const XLSX = await import('@e965/xlsx');
        const ws = XLSX.utils.aoa_to_sheet(table);
        ws['!cols'] = [
          { wch: 6 },
          { wch: 10 },
          { wch: 18 },
          { wch: 12 },
          { wch: 8 },
          { wch: 40 },
          { wch: 8 },
          { wch: 30 },
          { wch: 22 },
          { wch: 22 },
          { wch: 12 },
        ];
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, ws, t('vol.xSheet'));
        XLSX.writeFile(wb, `${name}.xlsx`);
      }
      setDone(truncated ? t('vol.exportTruncated', { n: fmtNumber(rows.length) }) : t('vol.exportDone', { n: fmtNumber(rows.length) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const UnitPick = (p: { id: string; value: string; onChange: (v: string) => void }) => (
    <UnitSelect id={p.id} rows={units()} value={p.value} onPick={p.onChange} />
  );

  return (
    <div class="vo-export-grid">
      <section class="tx-card" aria-labelledby="x-pairs">
        <h2 id="x-pairs">
          <Icon name="volunteer" />
          {t('vol.xPairsTitle')}
        </h2>
        <p class="tx-small tx-muted">{t('vol.xPairsLead')}</p>
        <div class="tx-field">
          <label for="x-pairs-unit">{t('vol.filterUnit')}</label>
          <UnitPick id="x-pairs-unit" value={pairUnit()} onChange={setPairUnit} />
        </div>
        <div class="tx-row">
          <a class="tx-btn tx-btn-primary" href={pairsExportUrl(props.campaign, pairUnit(), 'xlsx')} download="" data-testid="x-pairs-xlsx">
            <Icon name="download" />
            {t('vol.xExcel')}
          </a>
          <a class="tx-btn tx-btn-secondary" href={pairsExportUrl(props.campaign, pairUnit(), 'csv')} download="">
            <Icon name="download" />
            CSV
          </a>
        </div>
        <p class="tx-small tx-muted vo-note">{t('vol.xPrivacy', { unit: unitName(pairUnit()) })}</p>
      </section>

      <section class="tx-card" aria-labelledby="x-records">
        <h2 id="x-records">
          <Icon name="clock" />
          {t('vol.xRecordsTitle')}
        </h2>
        <p class="tx-small tx-muted">{t('vol.xRecordsLead')}</p>
        <div class="vo-x-form">
          <div class="tx-field">
            <label for="x-rec-unit">{t('vol.filterUnit')}</label>
            <UnitPick id="x-rec-unit" value={recUnit()} onChange={setRecUnit} />
          </div>
          <div class="tx-field">
            <label for="x-rec-status">{t('vol.filterStatus')}</label>
            <select id="x-rec-status" class="tx-select" value={status()} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
              <LabelOptions ids={STATUSES} label={(s) => t(`vol.statusFilter.${s}` as 'vol.statusFilter.all')} selected={status()} />
            </select>
          </div>
          <div class="tx-field">
            <label for="x-rec-from">{t('vol.filterFrom')}</label>
            <input
              id="x-rec-from"
              class="tx-input tx-num"
              type="date"
              max={to() || chinaToday()}
              value={from()}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div class="tx-field">
            <label for="x-rec-to">{t('vol.filterTo')}</label>
            <input
              id="x-rec-to"
              class="tx-input tx-num"
              type="date"
              min={from() || undefined}
              max={chinaToday()}
              value={to()}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </div>
        </div>
        <FormError message={error()} />
        <Show when={progress() !== null}>
          <div class="vo-x-progress">
            <ProgressBar value={null} label={t('vol.exportReading', { n: fmtNumber(progress() ?? 0) })} />
            <span class="tx-small tx-muted tx-num">{t('vol.exportReading', { n: fmtNumber(progress() ?? 0) })}</span>
          </div>
        </Show>
        <Show when={done()}>
          <div class="vo-x-done">
            <Notice kind="success">{done()}</Notice>
          </div>
        </Show>
        <div class="tx-row">
          <Button variant="primary" loading={busy() === 'xlsx'} disabled={!!busy()} onClick={() => exportRecords('xlsx')} data-testid="x-records-xlsx">
            <Icon name="download" />
            {t('vol.xExcel')}
          </Button>
          <Button loading={busy() === 'csv'} disabled={!!busy()} onClick={() => exportRecords('csv')}>
            <Icon name="download" />
            CSV
          </Button>
          <Show when={busy()}>
            <Button variant="ghost" onClick={() => (cancel.cancelled = true)}>
              {t('action.cancel')}
            </Button>
          </Show>
        </div>
      </section>

      <section class="tx-card" aria-labelledby="x-board">
        <h2 id="x-board">
          <Icon name="trophy" />
          {t('vol.xBoardTitle')}
        </h2>
        <p class="tx-small tx-muted">{t('vol.xBoardLead')}</p>
        <div class="tx-row">
          <a class="tx-btn tx-btn-secondary" href={boardExportUrl(props.campaign, 'xlsx', 'individual')} download="">
            <Icon name="download" />
            {t('vol.xBoardPeople')}
          </a>
          <a class="tx-btn tx-btn-secondary" href={boardExportUrl(props.campaign, 'xlsx', 'org')} download="">
            <Icon name="download" />
            {t('vol.xBoardUnits')}
          </a>
        </div>
      </section>
    </div>
  );
}

/** A UTF-8 CSV with BOM (Excel on Chinese Windows opens it right), saved through a link. */
function saveCsv(rows: (string | number)[][], filename: string): void {
  const cell = (v: string | number) => {
    const s = String(v);
    // a leading = + - @ would run as a formula in Excel
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const text = '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
