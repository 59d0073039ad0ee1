import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { apiUpload } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtPercent } from '@ui/format';
import type { RosterReport } from '@ui/types';
import { org } from '../data/org';
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

/** The template is made here, not fetched: a UTF-8 CSV with BOM so Excel opens the Chinese header. */
function templateHref(): string {
  const csv = '\uFEFF姓名,手机号\r\n';
  return URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

type Stage = 'idle' | 'previewing' | 'previewed' | 'importing' | 'done';

/**
 * Roster import in two steps: the file goes up with ?dryRun=true and the organizer sees the
 * counts and every bad row; only "确认导入" sends it for real.
 */
export function RosterImport(props: { unitId: string; onUnit: (id: string) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [stage, setStage] = createSignal<Stage>('idle');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [report, setReport] = createSignal<RosterReport | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [template] = createSignal(templateHref());
  let input: HTMLInputElement | undefined;

  function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setError(null);
    setStage('idle');
    if (!f) return setFileError(undefined);
    if (!contentTypeOf(f)) return setFileError(t('roster.badType'));
    if (f.size > MAX_BYTES) return setFileError(t('roster.tooBig'));
    setFileError(undefined);
  }

  async function send(dryRun: boolean) {
    const f = file();
    if (!f) return setFileError(t('roster.chooseFile'));
    const type = contentTypeOf(f);
    if (!type || fileError()) return;
    setError(null);
    setStage(dryRun ? 'previewing' : 'importing');
    setProgress(0);
    try {
      const path = `/org-units/${encodeURIComponent(props.unitId)}/roster${dryRun ? '?dryRun=true' : ''}`;
      const r = await apiUpload<RosterReport>('POST', path, f, type, (p) => setProgress(p >= 1 ? null : p));
      setReport(r);
      setStage(dryRun ? 'previewed' : 'done');
      if (!dryRun) void org.refetch();
    } catch (e) {
      setError(errorText(e));
      setStage(dryRun ? 'idle' : 'previewed');
    } finally {
      setProgress(null);
    }
  }

  function reset() {
    choose(null);
    if (input) input.value = '';
  }

  const busy = () => stage() === 'previewing' || stage() === 'importing';
  const importable = () => (report()?.created ?? 0) + (report()?.linked ?? 0) > 0;

  return (
    <section class="tx-card" id="roster" aria-labelledby="roster-title">
      <div class="tx-card-title">
        <h2 id="roster-title">{t('roster.title')}</h2>
        <span class="tx-spacer" />
        <a href={template()} download="roster-template.csv" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="download" />
          {t('roster.template')}
        </a>
      </div>
      <p class="tx-muted tx-small">{t('roster.lead')}</p>
      <Field id="roster-first" label={t('roster.unit')}>
        <select
          id="roster-first"
          class="tx-select"
          value={props.unitId}
          disabled={busy()}
          onChange={(e) => {
            props.onUnit(e.currentTarget.value);
            setReport(null);
            setStage('idle');
          }}
        >
          <For each={org.scopeTree()}>
            {(o) => (
              <option value={o.unit.id} selected={o.unit.id === props.unitId}>
                {'\u3000'.repeat(o.depth)}
                {o.unit.name}
              </option>
            )}
          </For>
        </select>
      </Field>
      <Field id="roster-file" label={t('roster.file')} error={fileError()} hint={t('roster.fileHint')}>
        <input
          ref={input}
          id="roster-file"
          class="tx-input cs-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy()}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          {...fieldAria('roster-file', fileError(), t('roster.fileHint'))}
        />
      </Field>

      <Show when={busy()}>
        <div class="cs-gap" aria-live="polite">
          <ProgressBar value={progress()} label={t('roster.uploading', { percent: '' })} />
          <div class="tx-small tx-muted">
            {progress() === null ? t('roster.previewing') : t('roster.uploading', { percent: fmtPercent(progress()) })}
          </div>
        </div>
      </Show>
      <FormError message={error()} />

      <Switch>
        <Match when={stage() === 'idle' || stage() === 'previewing'}>
          <Button variant="primary" loading={stage() === 'previewing'} disabled={!file() || !!fileError()} onClick={() => send(true)}>
            <Icon name="file" />
            {t('roster.preview')}
          </Button>
        </Match>
        <Match when={report()}>
          {(r) => (
            <div class="cs-report" data-testid="roster-report">
              <h3>{stage() === 'done' ? t('roster.doneTitle') : t('roster.previewTitle')}</h3>
              <ImportCounts counts={[{ n: r().created, label: t('roster.created') }, { n: r().linked, label: t('roster.linked') }]} errors={r().errors.length} errorsLabel={t('roster.errors')} />
              <RowErrors rows={r().errors} caption={t('roster.errors')} rowLabel={t('roster.row')} messageLabel={t('roster.message')} noErrors={t('roster.noErrors')} />
              <div class="tx-row cs-gap-top">
                <Show
                  when={stage() !== 'done'}
                  fallback={
                    <Button onClick={reset}>
                      <Icon name="upload" />
                      {t('roster.again')}
                    </Button>
                  }
                >
                  <Show when={importable()} fallback={<Notice kind="warning">{t('roster.nothing')}</Notice>}>
                    <Button variant="primary" loading={stage() === 'importing'} onClick={() => send(false)}>
                      <Icon name="check" />
                      {t('roster.confirm')}
                    </Button>
                    <span class="tx-small tx-muted">{t('roster.confirmHint')}</span>
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
