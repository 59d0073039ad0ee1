import { createEffect, createSignal, For, Show } from 'solid-js';
import { API_BASE } from '@ui/api';
import { Field } from '@ui/components/Field';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { lang } from '@ui/i18n';
import { fmtNumber, fmtYuan } from '@ui/format';
import { HISTORY_COLUMNS, HISTORY_KIND_LABEL, HISTORY_KINDS, type HistoryKind } from '@shared/history';
import { TRAINING_CATEGORY_LABEL, ATTENDANCE_LABEL, type TrainingCategory, type AttendanceStatus } from '@shared/training';
import type { HistoryImportResultDto } from '@shared/contracts/history';
import { org } from '../data/org';
import { t } from '../i18n';
import { PageHead } from '../ui/PageHead';
import { ImportCounts, RowErrors } from '../ui/ImportReport';
import { ImportFile, ImportSteps } from '../ui/ImportSteps';
import { createTableImport } from '../ui/tableImport';
import { UnitSelect } from '../ui/UnitSelect';

type Result = HistoryImportResultDto;
type PreviewRow = Extract<Result, { dryRun: true }>['preview'][number];

/** One preview row's record in words: visitors, hours, an amount, points, the work… */
function detail(kind: HistoryKind, r: PreviewRow): string {
  const l = lang();
  switch (kind) {
    case 'exhibition':
      return t('hist.detail.visitors', { n: fmtNumber(r.visitors ?? 0) }) + (r.walkIn ? t('hist.detail.walkIn') : '');
    case 'volunteer':
      return `${r.name ?? ''} · ${t('hist.detail.hours', { n: r.hours ?? 0 })}${r.activity ? ` · ${r.activity}` : ''}`;
    case 'drive':
      return `${r.name ?? ''} · ${fmtYuan(r.amount ?? 0)}`;
    case 'quiz':
      return `${r.name ?? ''} · ${t('hist.detail.points', { n: fmtNumber(r.points ?? 0) })}`;
    case 'contest':
      return `《${r.work ?? ''}》 ${r.name ?? ''} · ${r.category ?? ''}`;
    case 'training': {
      const cat = TRAINING_CATEGORY_LABEL[r.category as TrainingCategory]?.[l] ?? r.category ?? '';
      const status = ATTENDANCE_LABEL[r.status as AttendanceStatus]?.[l] ?? r.status ?? '';
      return `${r.name ?? ''} · ${cat} · ${t('hist.detail.hours', { n: r.hours ?? 0 })} · ${status}`;
    }
  }
}

/**
 * 历史数据导入: choose the kind of records and the unit, download the kind's template, upload
 * the filled-in sheet, see the preview with every bad row, then import (issue #16 part 5).
 */
export default function HistoryImport() {
  createEffect(() => {
    document.title = `${t('hist.title')} · ${t('console.name')}`;
  });
  const [kind, setKind] = createSignal<HistoryKind>('training');
  const [picked, setPicked] = createSignal<string | null>(null);
  const unitId = () => picked() ?? org.scopeId() ?? '';
  const imp = createTableImport<Result>({
    path: (dryRun) => `/org-units/${encodeURIComponent(unitId())}/history/import?kind=${kind()}${dryRun ? '&dryRun=1' : ''}`,
    messages: { badType: t('hist.badType'), tooBig: t('hist.tooBig'), choose: t('hist.choose') },
    onImported: () => {},
  });
  // another kind or unit: the preview no longer holds (the file stays chosen)
  const again = () => imp.choose(imp.file());

  return (
    <div class="cs-page" data-testid="history-page">
      <PageHead title={t('hist.title')} lead={t('hist.lead')} />
      <section class="tx-card" aria-labelledby="hist-kind-title">
        <div class="cs-two">
          <Field id="hist-kind" label={t('hist.kind')}>
            <select
              id="hist-kind"
              class="tx-select"
              value={kind()}
              disabled={imp.busy()}
              onChange={(e) => {
                setKind(e.currentTarget.value as HistoryKind);
                again();
              }}
            >
              <For each={HISTORY_KINDS}>{(k) => <option value={k}>{HISTORY_KIND_LABEL[k][lang()]}</option>}</For>
            </select>
          </Field>
          <Field id="hist-unit" label={t('hist.unit')} hint={t('hist.unitHint')}>
            <UnitSelect
              id="hist-unit"
              rows={org.scopeTree()}
              value={unitId()}
              disabled={imp.busy()}
              onPick={(id) => {
                setPicked(id);
                again();
              }}
            />
          </Field>
        </div>
        <div class="tx-card-title cs-gap-top">
          <h2 id="hist-kind-title">{t('hist.columns')}</h2>
          <span class="tx-spacer" />
          <a href={`${API_BASE}/history/templates/${kind()}.xlsx`} download="" class="tx-btn tx-btn-ghost tx-btn-sm" data-testid="history-template">
            <Icon name="download" />
            {t('hist.template')}
          </a>
        </div>
        <Table
          caption={t('hist.columns')}
          rows={HISTORY_COLUMNS[kind()]}
          rowKey={(c) => c.field}
          columns={[
            // required or not beside the name: a third column wraps a character a line on a phone
            {
              key: 'header',
              header: t('hist.column'),
              cell: (c) => t('hist.columnName', { name: c.header, req: c.required ? t('hist.required') : t('hist.optional') }),
            },
            { key: 'note', header: t('hist.meaning'), cell: (c) => c.note[lang()] },
          ]}
        />
      </section>
      <section class="tx-card cs-gap-top">
        <ImportFile
          imp={imp}
          id="history-file"
          label={t('hist.file')}
          hint={t('hist.fileHint')}
          checking={t('hist.previewing')}
          uploading={(percent) => t('hist.uploading', { percent })}
        />
        <ImportSteps
          imp={imp}
          preview={t('hist.preview')}
          previewTestid="history-preview"
          reportTestid="history-report"
          confirmTestid="history-confirm"
          title={(done) => (done ? t('hist.doneTitle') : t('hist.previewTitle'))}
          summary={(r) => (
            <>
              <ImportCounts
                counts={
                  r.dryRun
                    ? [{ n: r.valid, label: t('hist.valid') }]
                    : [
                        { n: r.imported, label: t('hist.imported') },
                        { n: r.skipped, label: t('hist.skipped') },
                      ]
                }
                errors={r.errors.length}
                errorsLabel={t('hist.errors')}
              />
              <Show when={r.dryRun && r.preview.length ? r.preview : null}>
                {(rows) => (
                  <Table
                    caption={t('hist.firstRows', { n: rows().length })}
                    rows={rows()}
                    rowKey={(p) => String(p.row)}
                    columns={[
                      { key: 'row', header: t('hist.row'), numeric: true, cell: (p) => String(p.row) },
                      { key: 'unit', header: t('hist.colUnit'), cell: (p) => p.unit },
                      { key: 'title', header: t('hist.colTitle'), cell: (p) => (p.newCampaign ? `${p.title}（${t('hist.newCampaign')}）` : p.title) },
                      { key: 'date', header: t('hist.colDate'), cell: (p) => p.date },
                      { key: 'detail', header: t('hist.colDetail'), cell: (p) => detail(kind(), p) },
                    ]}
                  />
                )}
              </Show>
              <RowErrors rows={r.errors} caption={t('hist.errors')} rowLabel={t('hist.row')} messageLabel={t('hist.message')} noErrors={t('hist.noErrors')} />
            </>
          )}
          can={(r) => r.dryRun && r.valid > 0}
          nothing={t('hist.nothing')}
          confirm={(r) => t('hist.confirm', { n: fmtNumber(r.dryRun ? r.valid : 0) })}
          confirmHint={t('hist.confirmHint')}
          again={t('hist.again')}
        />
      </section>
    </div>
  );
}
