import { Button } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { bankImportPath, templateHref, type ImportReport } from '../data/quiz';
import { t } from '../i18n';
import { ImportCounts, RowErrors } from './ImportReport';
import { ImportFile, ImportSteps } from './ImportSteps';
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
      <ImportFile
        imp={imp}
        id="qz-import-file"
        label={t('quiz.imp.file')}
        hint={t('quiz.imp.fileHint')}
        checking={t('quiz.imp.checking')}
        uploading={(percent) => t('quiz.imp.uploading', { percent })}
      />
      <ImportSteps
        imp={imp}
        preview={t('quiz.imp.preview')}
        previewTestid="import-preview"
        reportTestid="import-report"
        title={(done) => (done ? t('quiz.imp.doneTitle') : t('quiz.imp.previewTitle'))}
        summary={(r) => (
          <>
            <ImportCounts
              counts={[
                { n: r.imported, label: imp.step() === 'done' ? t('quiz.imp.imported') : t('quiz.imp.importable') },
                { n: r.duplicates, label: t('quiz.imp.duplicates') },
              ]}
              errors={r.errors.length}
              errorsLabel={t('quiz.imp.errors')}
            />
            <RowErrors
              rows={r.errors}
              caption={t('quiz.imp.errors')}
              rowLabel={t('quiz.imp.row')}
              messageLabel={t('quiz.imp.message')}
              noErrors={t('quiz.imp.noErrors')}
            />
          </>
        )}
        can={(r) => r.imported > 0}
        nothing={t('quiz.imp.nothing')}
        confirm={(r) => t('quiz.imp.confirm', { n: fmtNumber(r.imported) })}
        confirmTestid="import-confirm"
        confirmHint={t('quiz.imp.confirmHint')}
        again={t('quiz.imp.again')}
      />
    </section>
  );
}
