import { Match, Show, Switch, type JSX } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtPercent } from '@ui/format';
import { t } from '../i18n';
import type { createTableImport } from './tableImport';

type TableImport<R> = ReturnType<typeof createTableImport<R>>;

const SHEETS = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file of a sheet import: the chooser, the progress while the file is checked or sent, the failure. */
export function ImportFile<R>(props: {
  imp: TableImport<R>;
  id: string;
  label: string;
  hint: string;
  checking: string;
  uploading: (percent: string) => string;
}) {
  const imp = props.imp;
  return (
    <>
      <Field id={props.id} label={props.label} error={imp.fileError()} hint={props.hint}>
        <input
          ref={imp.bindInput}
          id={props.id}
          class="tx-input cs-file"
          type="file"
          accept={SHEETS}
          disabled={imp.busy()}
          onChange={(e) => imp.choose(e.currentTarget.files?.[0] ?? null)}
          {...fieldAria(props.id, imp.fileError(), props.hint)}
        />
      </Field>
      <Show when={imp.busy()}>
        <div class="cs-gap" aria-live="polite">
          <ProgressBar value={imp.progress()} label={props.uploading('')} />
          <div class="tx-small tx-muted">{imp.progress() === null ? props.checking : props.uploading(fmtPercent(imp.progress()))}</div>
        </div>
      </Show>
      <FormError message={imp.error()} />
    </>
  );
}

/**
 * The two steps of a sheet import after the file: 预览 (a dry run), then the report (counts
 * and bad rows, drawn by `summary`) with 确认导入 while there is something to write, and
 * 再导入 once it is done.
 */
export function ImportSteps<R>(props: {
  imp: TableImport<R>;
  preview: string;
  previewTestid?: string;
  reportTestid: string;
  title: (done: boolean) => string;
  summary: (r: R) => JSX.Element;
  can: (r: R) => boolean;
  nothing: string;
  confirm: (r: R) => string;
  confirmTestid?: string;
  confirmHint: string;
  again: string;
}) {
  const imp = props.imp;
  return (
    <Switch>
      <Match when={imp.step() === 'idle' || imp.step() === 'previewing'}>
        <Button
          variant="primary"
          loading={imp.step() === 'previewing'}
          disabled={!imp.file() || !!imp.fileError()}
          onClick={() => imp.send(true)}
          data-testid={props.previewTestid}
        >
          <Icon name="file" />
          {props.preview}
        </Button>
      </Match>
      <Match when={imp.report()}>
        {(r) => (
          <div class="cs-report" data-testid={props.reportTestid}>
            <h3>{props.title(imp.step() === 'done')}</h3>
            {props.summary(r())}
            <div class="tx-row cs-gap-top">
              <Show
                when={imp.step() !== 'done'}
                fallback={
                  <Button onClick={imp.reset}>
                    <Icon name="upload" />
                    {props.again}
                  </Button>
                }
              >
                <Show when={props.can(r())} fallback={<Notice kind="warning">{props.nothing}</Notice>}>
                  <Button variant="primary" loading={imp.step() === 'importing'} onClick={() => imp.send(false)} data-testid={props.confirmTestid}>
                    <Icon name="check" />
                    {props.confirm(r())}
                  </Button>
                  <span class="tx-small tx-muted">{props.confirmHint}</span>
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
  );
}
