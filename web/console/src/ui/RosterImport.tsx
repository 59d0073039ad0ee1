import { createSignal } from 'solid-js';
import { Field } from '@ui/components/Field';
import { Icon } from '@ui/icons';
import type { RosterReport } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { ImportCounts, RowErrors } from './ImportReport';
import { ImportFile, ImportSteps } from './ImportSteps';
import { createTableImport } from './tableImport';
import { UnitSelect } from './UnitSelect';
import { ROSTER_TEMPLATE_HEADER } from '@shared/roster';

/**
 * The template is made here, not fetched: a UTF-8 CSV with BOM so Excel opens the Chinese
 * header, with the registry columns (optional) and one example row in organizers' own words.
 */
function templateHref(): string {
  const csv = `\uFEFF${ROSTER_TEMPLATE_HEADER.join(',')}\r\n张三,13800001234,正式党员,书记、组织委员,2021/6/15,在职,1998/7/1\r\n`;
  return URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

/**
 * Roster import in two steps: the file goes up with ?dryRun=true and the organizer sees the
 * counts and every bad row; only "确认导入" sends it for real.
 */
export function RosterImport(props: { unitId: string; onUnit: (id: string) => void; onImported?: () => void }) {
  const [template] = createSignal(templateHref());
  const imp = createTableImport<RosterReport>({
    path: (dryRun) => `/org-units/${encodeURIComponent(props.unitId)}/roster${dryRun ? '?dryRun=true' : ''}`,
    messages: { badType: t('roster.badType'), tooBig: t('roster.tooBig'), choose: t('roster.chooseFile') },
    onImported: () => {
      void org.refetch();
      props.onImported?.();
    },
  });
  const importable = () => (imp.report()?.created ?? 0) + (imp.report()?.linked ?? 0) + (imp.report()?.updated ?? 0) > 0;

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
      <ImportFile
        imp={imp}
        id="roster-file"
        label={t('roster.file')}
        hint={t('roster.fileHint')}
        checking={t('roster.previewing')}
        uploading={(percent) => t('roster.uploading', { percent })}
      />
      <ImportSteps
        imp={imp}
        preview={t('roster.preview')}
        reportTestid="roster-report"
        title={(done) => (done ? t('roster.doneTitle') : t('roster.previewTitle'))}
        summary={(r) => (
          <>
            <ImportCounts
              counts={[
                { n: r.created, label: t('roster.created') },
                { n: r.linked, label: t('roster.linked') },
                { n: r.updated ?? 0, label: t('roster.updated') },
              ]}
              errors={r.errors.length}
              errorsLabel={t('roster.errors')}
            />
            <RowErrors
              rows={r.errors}
              caption={t('roster.errors')}
              rowLabel={t('roster.row')}
              messageLabel={t('roster.message')}
              noErrors={t('roster.noErrors')}
            />
          </>
        )}
        can={() => importable()}
        nothing={t('roster.nothing')}
        confirm={() => t('roster.confirm')}
        confirmHint={t('roster.confirmHint')}
        again={t('roster.again')}
      />
    </section>
  );
}
