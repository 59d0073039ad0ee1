import { createResource, createSignal, For, Show } from 'solid-js';
import type { FigureGroup } from '@shared/report';
import { call } from '@ui/api';
import type { ResponseOf } from '@ui/operations';
import { errorText } from '@ui/components/ErrorState';
import { Button } from '@ui/components/Button';
import { fmtNumber } from '@ui/format';
import { t } from '../i18n';
import { DataTable, Loaded, LoadMore } from '../ui/DataTable';

/** A page of the rows behind a group's figures (the 台账's rows as JSON). */
type RowsPage = ResponseOf<'GET /org-units/{id}/report/rows'>;

const cell = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? fmtNumber(v) : String(v));

/**
 * 明细: the records behind one group's figures for the report's unit and period, read in pages
 * by cursor. Whatever the server answers is shown as it is — an error in the envelope too.
 */
export function ReportRows(props: { unitId: string; group: FigureGroup; label: string; from: string; to: string; onClose: () => void }) {
  const read = (q: { id: string; group: FigureGroup; from: string; to: string }, cursor?: string) =>
    call('GET /org-units/{id}/report/rows', { id: q.id }, { query: { group: q.group, from: q.from, to: q.to, cursor } });
  const [first, { refetch }] = createResource(
    () => ({ id: props.unitId, group: props.group, from: props.from, to: props.to }),
    (q) => read(q),
  );
  const [more, setMore] = createSignal<RowsPage[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string | null>(null);
  const pages = () => (first.latest ? [first.latest, ...more()] : []);
  const rows = () => pages().flatMap((p) => p.rows);
  const next = () => pages().at(-1)?.nextCursor ?? null;
  async function loadMore() {
    const c = next();
    if (!c) return;
    setBusy(true);
    setMoreError(null);
    try {
      const p = await read({ id: props.unitId, group: props.group, from: props.from, to: props.to }, c);
      setMore([...more(), p]);
    } catch (e) {
      setMoreError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="cs-report-rows" role="region" aria-label={t('report.rowsOf', { label: props.label })} data-testid={`report-rows-panel-${props.group}`}>
      <div class="cs-section-head">
        <div>
          <h3>{t('report.rowsOf', { label: props.label })}</h3>
          <p class="tx-small tx-muted">{t('report.rowsLead', { group: props.label, from: props.from, to: props.to })}</p>
        </div>
        <Button small variant="ghost" onClick={() => props.onClose()}>
          {t('report.close')}
        </Button>
      </div>
      <Loaded
        error={first.error}
        retry={refetch}
        loading={first.loading}
        empty={rows().length === 0}
        emptyView={<p class="tx-muted">{t('report.rowsEmpty')}</p>}
      >
        <DataTable caption={t('report.rowsOf', { label: props.label })} head={first.latest?.columns.map((c) => c.label) ?? []} rows={rows()} stale={busy()}>
          {(r) => (
            <tr>
              <For each={first.latest?.columns ?? []}>{(c) => <td>{cell(r[c.key])}</td>}</For>
            </tr>
          )}
        </DataTable>
        <LoadMore error={moreError()} busy={busy()} more={next()} onMore={loadMore}>
          <Show when={rows().length}>
            <span class="tx-small tx-muted">{t('report.shown', { n: rows().length })}</span>
          </Show>
        </LoadMore>
      </Loaded>
    </div>
  );
}
