import { Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import { bankImportPath, templateHref, type ImportReport } from '../data/quiz';
import { t } from '../i18n';
import { ImportCounts, RowErrors } from './ImportReport';
import { createTableImport } from './tableImport';

/**
 * Question import in two steps, like the roster: the file goes up with ?dryRun=true, the
 * organizer sees the counts and every bad row, and only 确认导入 writes the questions.
 */
export function QuizImport(props: { bankId: string; onImported: () => void; onClose: () => void }) {
  const imp = createTableImport<ImportReport>({
    path: (dryRun) => bankImportPath(props.bankId, dryRun),
    messages: { badType: t('quiz.imp.badType'), tooBig: t('quiz.imp.tooBig'), choose: t('quiz.imp.choose') },
    onImported: () => props.onImported(),
  });

  return (
    <section class="tx-card qz-import" aria-labelledby="qz-import-title" data-testid="question-import">
      <div class="tx-card-title">
        <h2 id="qz-import-title">{t('quiz.imp.title')}</h2>
        <span class="tx-spacer" />
        <a href={templateHref('xlsx')} download="" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="download" />
          {t('quiz.tpl.xlsx')}
        </a>
        <a href={templateHref('csv')} download="" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="download" />
          {t('quiz.tpl.csv')}
        </a>
        <Button small variant="ghost" onClick={props.onClose} disabled={imp.busy()} aria-label={t('quiz.imp.close')}>
          <Icon name="plus" class="tx-icon qz-x" />
        </Button>
      </div>
      <p class="tx-muted tx-small">{t('quiz.imp.lead')}</p>
      <p class="tx-small qz-import-rules">{t('quiz.imp.rules')}</p>
      <Field id="qz-import-file" label={t('quiz.imp.file')} error={imp.fileError()} hint={t('quiz.imp.fileHint')}>
        <input
          ref={imp.bindInput}
          id="qz-import-file"
          class="tx-input cs-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={imp.busy()}
          onChange={(e) => imp.choose(e.currentTarget.files?.[0] ?? null)}
          {...fieldAria('qz-import-file', imp.fileError(), t('quiz.imp.fileHint'))}
        />
      </Field>

      <Show when={imp.busy()}>
        <div class="cs-gap" aria-live="polite">
          <ProgressBar value={imp.progress()} label={t('quiz.imp.uploading', { percent: '' })} />
          <div class="tx-small tx-muted">{imp.progress() === null ? t('quiz.imp.checking') : t('quiz.imp.uploading', { percent: fmtPercent(imp.progress()) })}</div>
        </div>
      </Show>
      <FormError message={imp.error()} />

      <Switch>
        <Match when={imp.step() === 'idle' || imp.step() === 'previewing'}>
          <Button variant="primary" loading={imp.step() === 'previewing'} disabled={!imp.file() || !!imp.fileError()} onClick={() => imp.send(true)} data-testid="import-preview">
            <Icon name="file" />
            {t('quiz.imp.preview')}
          </Button>
        </Match>
        <Match when={imp.report()}>
          {(r) => (
            <div class="cs-report" data-testid="import-report">
              <h3>{imp.step() === 'done' ? t('quiz.imp.doneTitle') : t('quiz.imp.previewTitle')}</h3>
              <ImportCounts counts={[{ n: r().imported, label: imp.step() === 'done' ? t('quiz.imp.imported') : t('quiz.imp.importable') }, { n: r().duplicates, label: t('quiz.imp.duplicates') }]} errors={r().errors.length} errorsLabel={t('quiz.imp.errors')} />
              <RowErrors rows={r().errors} caption={t('quiz.imp.errors')} rowLabel={t('quiz.imp.row')} messageLabel={t('quiz.imp.message')} noErrors={t('quiz.imp.noErrors')} />
              <div class="tx-row cs-gap-top">
                <Show
                  when={imp.step() !== 'done'}
                  fallback={
                    <Button onClick={imp.reset}>
                      <Icon name="upload" />
                      {t('quiz.imp.again')}
                    </Button>
                  }
                >
                  <Show when={r().imported > 0} fallback={<Notice kind="warning">{t('quiz.imp.nothing')}</Notice>}>
                    <Button variant="primary" loading={imp.step() === 'importing'} onClick={() => imp.send(false)} data-testid="import-confirm">
                      <Icon name="check" />
                      {t('quiz.imp.confirm', { n: fmtNumber(r().imported) })}
                    </Button>
                    <span class="tx-small tx-muted">{t('quiz.imp.confirmHint')}</span>
                  </Show>
                  <Button variant="ghost" disabled={imp.busy()} onClick={imp.reset}>
                    {t('action.cancel')}
                  </Button>
                </Show>
              </div>
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}
