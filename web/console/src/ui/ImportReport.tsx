import { For } from 'solid-js';
import { Notice } from '@ui/components/Field';
import { Table } from '@ui/components/Table';
import { fmtNumber } from '@ui/format';

/** The counts at the top of an import report (rows that would go in, linked, skipped…) and the errors. */
export function ImportCounts(props: { counts: Array<{ n: number; label: string }>; errors: number; errorsLabel: string }) {
  return (
    <div class="cs-report-counts">
      <For each={props.counts}>
        {(c) => (
          <div>
            <div class="cs-report-num tx-num">{fmtNumber(c.n)}</div>
            <div class="tx-small tx-muted">{c.label}</div>
          </div>
        )}
      </For>
      <div>
        <div class={`cs-report-num tx-num ${props.errors ? 'cs-report-bad' : ''}`}>{fmtNumber(props.errors)}</div>
        <div class="tx-small tx-muted">{props.errorsLabel}</div>
      </div>
    </div>
  );
}

/** The per-row error table of an import (spreadsheet row numbers, what to fix). */
export function RowErrors(props: { rows: Array<{ row: number; message: string }>; caption: string; rowLabel: string; messageLabel: string; noErrors: string }) {
  return (
    <Table
      caption={props.caption}
      rowKey={(e) => `${e.row}-${e.message}`}
      rows={props.rows}
      initialSort={{ key: 'row', dir: 'asc' }}
      columns={[
        { key: 'row', header: props.rowLabel, numeric: true, sortValue: (e) => e.row, cell: (e) => String(e.row) },
        { key: 'message', header: props.messageLabel },
      ]}
      empty={<Notice kind="success">{props.noErrors}</Notice>}
    />
  );
}
