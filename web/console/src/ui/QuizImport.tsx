import { createSignal, Match, Show, Switch } from 'solid-js';
import { apiUpload } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import { bankImportPath, templateHref, type ImportReport } from '../data/quiz';
import { t } from '../i18n';
import { ImportCounts, RowErrors } from './ImportReport';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 5 * 1024 * 1024;

function contentTypeOf(file: File): string | null {
  const n = file.name.toLowerCase();
  if (n.endsWith('.csv')) return 'text/csv';
  if (n.endsWith('.xlsx')) return XLSX;
  return null;
}

type Step = 'idle' | 'previewing' | 'previewed' | 'importing' | 'done';

/**
 * Question import in two steps, like the roster: the file goes up with ?dryRun=true, the
 * organizer sees the counts and every bad row, and only 确认导入 writes the questions.
 */
export function QuizImport(props: { bankId: string; onImported: () => void; onClose: () => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [step, setStep] = createSignal<Step>('idle');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [report, setReport] = createSignal<ImportReport | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setError(null);
    setStep('idle');
    if (!f) return setFileError(undefined);
    if (!contentTypeOf(f)) return setFileError(t('quiz.imp.badType'));
    if (f.size > MAX_BYTES) return setFileError(t('quiz.imp.tooBig'));
    setFileError(undefined);
  }

  async function send(dryRun: boolean) {
    const f = file();
    if (!f) return setFileError(t('quiz.imp.choose'));
    const type = contentTypeOf(f);
    if (!type || fileError()) return;
    setError(null);
    setStep(dryRun ? 'previewing' : 'importing');
    setProgress(0);
    try {
      const r = await apiUpload<ImportReport>('POST', bankImportPath(props.bankId, dryRun), f, type, (p) => setProgress(p >= 1 ? null : p));
      setReport(r);
      setStep(dryRun ? 'previewed' : 'done');
      if (!dryRun) props.onImported();
    } catch (e) {
      setError(errorText(e));
      setStep(dryRun ? 'idle' : 'previewed');
    } finally {
      setProgress(null);
    }
  }

  function reset() {
    choose(null);
    if (input) input.value = '';
  }

  const busy = () => step() === 'previewing' || step() === 'importing';

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
        <Button small variant="ghost" onClick={props.onClose} disabled={busy()} aria-label={t('quiz.imp.close')}>
          <Icon name="plus" class="tx-icon qz-x" />
        </Button>
      </div>
      <p class="tx-muted tx-small">{t('quiz.imp.lead')}</p>
      <p class="tx-small qz-import-rules">{t('quiz.imp.rules')}</p>
      <Field id="qz-import-file" label={t('quiz.imp.file')} error={fileError()} hint={t('quiz.imp.fileHint')}>
        <input
          ref={input}
          id="qz-import-file"
          class="tx-input cs-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy()}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          {...fieldAria('qz-import-file', fileError(), t('quiz.imp.fileHint'))}
        />
      </Field>

      <Show when={busy()}>
        <div class="cs-gap" aria-live="polite">
          <ProgressBar value={progress()} label={t('quiz.imp.uploading', { percent: '' })} />
          <div class="tx-small tx-muted">{progress() === null ? t('quiz.imp.checking') : t('quiz.imp.uploading', { percent: fmtPercent(progress()) })}</div>
        </div>
      </Show>
      <FormError message={error()} />

      <Switch>
        <Match when={step() === 'idle' || step() === 'previewing'}>
          <Button variant="primary" loading={step() === 'previewing'} disabled={!file() || !!fileError()} onClick={() => send(true)} data-testid="import-preview">
            <Icon name="file" />
            {t('quiz.imp.preview')}
          </Button>
        </Match>
        <Match when={report()}>
          {(r) => (
            <div class="cs-report" data-testid="import-report">
              <h3>{step() === 'done' ? t('quiz.imp.doneTitle') : t('quiz.imp.previewTitle')}</h3>
              <ImportCounts counts={[{ n: r().imported, label: step() === 'done' ? t('quiz.imp.imported') : t('quiz.imp.importable') }, { n: r().duplicates, label: t('quiz.imp.duplicates') }]} errors={r().errors.length} errorsLabel={t('quiz.imp.errors')} />
              <RowErrors rows={r().errors} caption={t('quiz.imp.errors')} rowLabel={t('quiz.imp.row')} messageLabel={t('quiz.imp.message')} noErrors={t('quiz.imp.noErrors')} />
              <div class="tx-row cs-gap-top">
                <Show
                  when={step() !== 'done'}
                  fallback={
                    <Button onClick={reset}>
                      <Icon name="upload" />
                      {t('quiz.imp.again')}
                    </Button>
                  }
                >
                  <Show when={r().imported > 0} fallback={<Notice kind="warning">{t('quiz.imp.nothing')}</Notice>}>
                    <Button variant="primary" loading={step() === 'importing'} onClick={() => send(false)} data-testid="import-confirm">
                      <Icon name="check" />
                      {t('quiz.imp.confirm', { n: fmtNumber(r().imported) })}
                    </Button>
                    <span class="tx-small tx-muted">{t('quiz.imp.confirmHint')}</span>
                  </Show>
                  <Button variant="ghost" disabled={busy()} onClick={reset}>
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
