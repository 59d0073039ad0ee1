import { createSignal, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtPercent } from '@ui/format';
import type { RosterReport } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { ImportCounts, RowErrors } from './ImportReport';
import { createTableImport } from './tableImport';
import { UnitSelect } from './UnitSelect';

/** The template is made here, not fetched: a UTF-8 CSV with BOM so Excel opens the Chinese header. */
function templateHref(): string {
  const csv = '\uFEFF姓名,手机号\r\n';
  return URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

/**
 * Roster import in two steps: the file goes up with ?dryRun=true and the organizer sees the
 * counts and every bad row; only "确认导入" sends it for real.
 */
export function RosterImport(props: { unitId: string; onUnit: (id: string) => void }) {
  const [template] = createSignal(templateHref());
  const imp = createTableImport<RosterReport>({
    path: (dryRun) => `/org-units/${encodeURIComponent(props.unitId)}/roster${dryRun ? '?dryRun=true' : ''}`,
    messages: { badType: t('roster.badType'), tooBig: t('roster.tooBig'), choose: t('roster.chooseFile') },
    onImported: () => void org.refetch(),
  });
  const importable = () => (imp.report()?.created ?? 0) + (imp.report()?.linked ?? 0) > 0;

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
        <UnitSelect
          id="roster-first"
          rows={org.scopeTree()}
          value={props.unitId}
          disabled={imp.busy()}
          onPick={(id) => {
            props.onUnit(id);
            // another unit: the preview no longer holds (the file stays chosen)
            imp.choose(imp.file());
          }}
        />
      </Field>
      <Field id="roster-file" label={t('roster.file')} error={imp.fileError()} hint={t('roster.fileHint')}>
        <input
          ref={imp.bindInput}
          id="roster-file"
          class="tx-input cs-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={imp.busy()}
          onChange={(e) => imp.choose(e.currentTarget.files?.[0] ?? null)}
          {...fieldAria('roster-file', imp.fileError(), t('roster.fileHint'))}
        />
      </Field>

      <Show when={imp.busy()}>
        <div class="cs-gap" aria-live="polite">
          <ProgressBar value={imp.progress()} label={t('roster.uploading', { percent: '' })} />
          <div class="tx-small tx-muted">
            {imp.progress() === null ? t('roster.previewing') : t('roster.uploading', { percent: fmtPercent(imp.progress()) })}
          </div>
        </div>
      </Show>
      <FormError message={imp.error()} />

      <Switch>
        <Match when={imp.step() === 'idle' || imp.step() === 'previewing'}>
          <Button variant="primary" loading={imp.step() === 'previewing'} disabled={!imp.file() || !!imp.fileError()} onClick={() => imp.send(true)}>
            <Icon name="file" />
            {t('roster.preview')}
          </Button>
        </Match>
        <Match when={imp.report()}>
          {(r) => (
            <div class="cs-report" data-testid="roster-report">
              <h3>{imp.step() === 'done' ? t('roster.doneTitle') : t('roster.previewTitle')}</h3>
              <ImportCounts counts={[{ n: r().created, label: t('roster.created') }, { n: r().linked, label: t('roster.linked') }]} errors={r().errors.length} errorsLabel={t('roster.errors')} />
              <RowErrors rows={r().errors} caption={t('roster.errors')} rowLabel={t('roster.row')} messageLabel={t('roster.message')} noErrors={t('roster.noErrors')} />
              <div class="tx-row cs-gap-top">
                <Show
                  when={imp.step() !== 'done'}
                  fallback={
                    <Button onClick={imp.reset}>
                      <Icon name="upload" />
                      {t('roster.again')}
                    </Button>
                  }
                >
                  <Show when={importable()} fallback={<Notice kind="warning">{t('roster.nothing')}</Notice>}>
                    <Button variant="primary" loading={imp.step() === 'importing'} onClick={() => imp.send(false)}>
                      <Icon name="check" />
                      {t('roster.confirm')}
                    </Button>
                    <span class="tx-small tx-muted">{t('roster.confirmHint')}</span>
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
