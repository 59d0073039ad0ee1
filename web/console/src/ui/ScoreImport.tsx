import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError, call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { ProgressBar } from '@ui/components/ProgressBar';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import {
  checkRows,
  CHUNK,
  FIELDS,
  kindOf,
  mapHeader,
  MAX_ROWS,
  parseFieldPath,
  readTable,
  templateCsv,
  TEMPLATE_HEADER,
  type CheckedRow,
  type ScoreField,
  type ScoreMode,
} from '../data/scores';
import { org } from '../data/org';
import { t } from '../i18n';

const MAX_BYTES = 5 * 1024 * 1024;
const SHOW = 100;

type Stage = 'idle' | 'reading' | 'checked' | 'sending' | 'done' | 'failed';

/** A field as the file's header may name it: 编号/key, 姓名/name, … */
const headerName = (f: ScoreField) => `${TEMPLATE_HEADER[FIELDS.indexOf(f)]}/${f}`;

/** A field's label in the page's language. */
function fieldLabel(f: string): string {
  switch (f) {
    case 'key':
      return t('lb.key');
    case 'name':
      return t('board.name');
    case 'orgUnitId':
      return t('imp.colUnit');
    case 'score':
      return t('board.score');
    case 'tiebreak':
      return t('imp.colTiebreak');
    default:
      return f;
  }
}

/**
 * 导入线下成绩: a CSV or .xlsx file is read and checked in the browser, shown as a table
 * with each row's problems, and only then sent in batches of ≤1000 with a progress bar.
 * A batch the server refuses names its bad entries (`entries.3.score`), shown on their rows.
 */
export function ScoreImport(props: { campaign: Campaign }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [mode, setMode] = createSignal<ScoreMode>('set');
  const [stage, setStage] = createSignal<Stage>('idle');
  const [table, setTable] = createSignal<string[][] | null>(null);
  const [onlyBad, setOnlyBad] = createSignal(false);
  const [sent, setSent] = createSignal(0);
  const [serverErrors, setServerErrors] = createSignal<Record<number, string[]>>({});
  /** rows the server has taken: a retry after a refused batch sends only the rest (累加 must not count twice) */
  const [accepted, setAccepted] = createSignal<ReadonlySet<number>>(new Set());
  const [error, setError] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [template] = createSignal(URL.createObjectURL(new Blob([templateCsv(t('imp.templateName'))], { type: 'text/csv;charset=utf-8' })));
  let input: HTMLInputElement | undefined;

  const closed = () => props.campaign.status === 'closed';

  /** Units a row may name: the campaign's organizing unit and everything below it. */
  const unitIds = createMemo(() => new Set(org.subtree(props.campaign.orgUnitId).map((r) => r.unit.id)));

  const header = createMemo(() => {
    const tb = table();
    return tb?.length ? mapHeader(tb[0]!) : null;
  });

  /** Re-checked when the mode changes (duplicates matter only when replacing). */
  const rows = createMemo<CheckedRow[]>(() => {
    const tb = table();
    const h = header();
    if (!tb || !h || h.missing.length) return [];
    const ids = unitIds();
    return checkRows(tb, h.index, mode(), ids.size ? (id) => ids.has(id) : null, {
      key: t('imp.errKey'),
      name: t('imp.errName'),
      score: t('imp.errScore'),
      tiebreak: t('imp.errTiebreak'),
      unit: t('imp.errUnit'),
      duplicate: (row) => t('imp.errDuplicate', { row }),
    });
  });
  const good = () => rows().filter((r) => r.entry);
  const pending = () => good().filter((r) => !accepted().has(r.row) && !serverErrors()[r.row]);
  const problemsOf = (r: CheckedRow) => [...r.errors, ...(serverErrors()[r.row] ?? [])];
  const bad = () => rows().filter((r) => problemsOf(r).length > 0);
  const shown = () => (onlyBad() ? bad() : rows()).slice(0, SHOW);

  const tableProblem = (): string | null => {
    const tb = table();
    const h = header();
    if (!tb || !h) return null;
    if (h.missing.length) return t('imp.missingColumns', { cols: h.missing.map(headerName).join('、') });
    if (!rows().length) return t('imp.empty');
    if (rows().length > MAX_ROWS) return t('imp.tooMany', { max: fmtNumber(MAX_ROWS) });
    return null;
  };

  async function choose(f: File | null) {
    setFile(f);
    setTable(null);
    setError(null);
    setFailure(null);
    setServerErrors({});
    setAccepted(new Set<number>());
    setOnlyBad(false);
    setSent(0);
    setStage('idle');
    if (!f) return setFileError(undefined);
    if (!kindOf(f)) return setFileError(t('imp.badType'));
    if (f.size > MAX_BYTES) return setFileError(t('imp.tooBig'));
    setFileError(undefined);
    setStage('reading');
    try {
      const tb = await readTable(f);
      if (file() !== f) return;
      setTable(tb);
      setStage('checked');
      if (bad().length) setOnlyBad(true);
    } catch {
      if (file() !== f) return;
      setFileError(t('imp.unreadable'));
      setStage('idle');
    }
  }

  async function send() {
    const list = pending();
    if (!list.length || tableProblem()) return;
    setTotal(list.length);
    setStage('sending');
    setError(null);
    setFailure(null);
    setSent(0);
    let done = 0;
    for (let i = 0; i < list.length; i += CHUNK) {
      const batch = list.slice(i, i + CHUNK);
      try {
        await call('POST /campaigns/{id}/leaderboard/scores', { id: props.campaign.id }, { body: { mode: mode(), entries: batch.map((b) => b.entry!) } });
        done += batch.length;
        setSent(done);
        setAccepted(new Set([...accepted(), ...batch.map((b) => b.row)]));
      } catch (e) {
        const byRow: Record<number, string[]> = {};
        if (e instanceof ApiError) {
          for (const [path, message] of Object.entries(e.fields)) {
            const p = parseFieldPath(path);
            const row = p ? batch[p.index]?.row : undefined;
            if (row === undefined) continue;
            const text = t('imp.serverError', { message: p!.field ? `${fieldLabel(p!.field)}：${message}` : message });
            (byRow[row] ??= []).push(text);
          }
        }
        setServerErrors({ ...serverErrors(), ...byRow });
        if (Object.keys(byRow).length) setOnlyBad(true);
        setError(errorText(e));
        setFailure(t('imp.failed', { from: batch[0]!.row, to: batch[batch.length - 1]!.row, done: fmtNumber(done), rest: fmtNumber(list.length - done) }));
        setStage('failed');
        return;
      }
    }
    setStage('done');
  }

  function reset() {
    void choose(null);
    if (input) input.value = '';
  }

  const busy = () => stage() === 'reading' || stage() === 'sending';
  /** rows in the sending now under way (the progress bar's 100%) */
  const [total, setTotal] = createSignal(0);

  return (
    <section class="tx-card cs-lb-card" id="import" aria-labelledby="import-title">
      <div class="tx-card-title">
        <h2 id="import-title">{t('imp.title')}</h2>
        <span class="tx-spacer" />
        <a href={template()} download="scores-template.csv" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="download" />
          {t('imp.template')}
        </a>
      </div>
      <p class="tx-muted tx-small">{t('imp.lead')}</p>
      <p class="tx-muted tx-small">{t('imp.keyHint')}</p>
      <Show when={props.campaign.kind === 'drive'}>
        <div class="cs-gap">
          <Notice kind="highlight">{t('imp.fenHint')}</Notice>
        </div>
      </Show>
      <UnitIds rootId={props.campaign.orgUnitId} />

      <Show when={!closed()} fallback={<Notice kind="warning">{t('imp.closed')}</Notice>}>
        <div class="cs-imp-controls">
          <Field id="score-file" label={t('imp.file')} error={fileError()} hint={t('imp.fileHint')}>
            <input
              ref={input}
              id="score-file"
              class="tx-input cs-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy()}
              onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)}
              {...fieldAria('score-file', fileError(), t('imp.fileHint'))}
            />
          </Field>
          <fieldset class="cs-imp-mode" disabled={busy()}>
            <legend class="tx-field-label">{t('imp.mode')}</legend>
            <For each={['set', 'add'] as const}>
              {(m) => (
                <label class="cs-radio">
                  <input type="radio" name="score-mode" value={m} checked={mode() === m} onChange={() => setMode(m)} />
                  <span>
                    <strong>{m === 'set' ? t('imp.modeSet') : t('imp.modeAdd')}</strong>
                    <span class="tx-small tx-muted">{m === 'set' ? t('imp.modeSetHint') : t('imp.modeAddHint')}</span>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </div>

        <Show when={stage() === 'reading'}>
          <div class="cs-gap" aria-live="polite">
            <ProgressBar value={null} label={t('imp.reading')} />
            <div class="tx-small tx-muted">{t('imp.reading')}</div>
          </div>
        </Show>

        <Show when={tableProblem()}>
          <FormError message={tableProblem()} />
        </Show>

        <Show when={table() && !tableProblem()}>
          <div class="cs-report" data-testid="score-preview">
            <Show when={stage() === 'done'} fallback={<h3>{t('imp.previewTitle')}</h3>}>
              <div class="cs-gap" data-testid="import-done">
                <Notice kind="success">{t('imp.done', { n: fmtNumber(accepted().size) })}</Notice>
              </div>
            </Show>
            <div class="cs-report-counts cs-report-counts-2">
              <div>
                <div class="cs-report-num tx-num">{fmtNumber(good().filter((r) => !serverErrors()[r.row]).length)}</div>
                <div class="tx-small tx-muted">{t('imp.rowsOk')}</div>
              </div>
              <div>
                <div class={`cs-report-num tx-num ${bad().length ? 'cs-report-bad' : ''}`}>{fmtNumber(bad().length)}</div>
                <div class="tx-small tx-muted">{t('imp.rowsBad')}</div>
              </div>
            </div>

            <div class="tx-row cs-imp-filter">
              <div class="tx-segmented" role="group" aria-label={t('imp.previewTitle')}>
                <button type="button" aria-pressed={!onlyBad()} onClick={() => setOnlyBad(false)}>
                  {t('imp.rowsAll')} ({fmtNumber(rows().length)})
                </button>
                <button type="button" aria-pressed={onlyBad()} onClick={() => setOnlyBad(true)}>
                  {t('imp.onlyBad')} ({fmtNumber(bad().length)})
                </button>
              </div>
              <Show when={(onlyBad() ? bad() : rows()).length > SHOW}>
                <span class="tx-small tx-muted">{t('imp.showing', { n: SHOW, total: fmtNumber((onlyBad() ? bad() : rows()).length) })}</span>
              </Show>
            </div>

            <div class="tx-table-wrap">
              <table class="tx-table cs-imp-table">
                <caption class="tx-visually-hidden">{t('imp.previewTitle')}</caption>
                <thead>
                  <tr>
                    <th class="num" scope="col">
                      {t('imp.row')}
                    </th>
                    <th scope="col">{fieldLabel('key')}</th>
                    <th scope="col">{fieldLabel('name')}</th>
                    <th scope="col">{fieldLabel('orgUnitId')}</th>
                    <th class="num" scope="col">
                      {fieldLabel('score')}
                    </th>
                    <th class="num" scope="col">
                      {fieldLabel('tiebreak')}
                    </th>
                    <th scope="col">{t('imp.check')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(r) => (
                      <tr class={problemsOf(r).length ? 'cs-imp-bad' : ''} data-row={r.row}>
                        <td class="num">{r.row}</td>
                        <td>{r.cells.key}</td>
                        <td>{r.cells.name}</td>
                        <td>{r.cells.orgUnitId}</td>
                        <td class="num">{r.cells.score}</td>
                        <td class="num">{r.cells.tiebreak}</td>
                        <td>
                          <Show
                            when={problemsOf(r).length}
                            fallback={
                              <span class="cs-imp-ok">
                                <Icon name="check" />
                                {t('imp.ok')}
                              </span>
                            }
                          >
                            <ul class="cs-imp-errors">
                              <For each={problemsOf(r)}>{(m) => <li>{m}</li>}</For>
                            </ul>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>

            <Show when={stage() === 'sending'}>
              <div class="cs-gap" aria-live="polite">
                <ProgressBar value={total() ? sent() / total() : null} label={t('imp.sending', { done: sent(), total: total() })} />
                <div class="tx-small tx-muted tx-num">{t('imp.sending', { done: fmtNumber(sent()), total: fmtNumber(total()) })}</div>
              </div>
            </Show>
            <Show when={failure()}>
              <FormError message={`${failure()} ${error() ?? ''}`} />
            </Show>

            <div class="tx-row cs-gap-top">
              <Switch>
                <Match when={stage() === 'done'}>
                  <Button onClick={reset}>
                    <Icon name="upload" />
                    {t('imp.again')}
                  </Button>
                </Match>
                <Match when={true}>
                  <Button variant="primary" loading={stage() === 'sending'} disabled={!pending().length || busy()} onClick={() => void send()}>
                    <Icon name="check" />
                    {accepted().size ? t('imp.submitRest', { n: fmtNumber(pending().length) }) : t('imp.submit', { n: fmtNumber(pending().length) })}
                  </Button>
                  <span class="tx-small tx-muted">{t('imp.submitHint')}</span>
                  <Button variant="ghost" disabled={busy()} onClick={reset}>
                    {t('action.cancel')}
                  </Button>
                </Match>
              </Switch>
            </div>
          </div>
        </Show>
      </Show>
    </section>
  );
}

/** 查看单位编号: the ids an import may name in 单位编号, for the campaign's units. */
function UnitIds(props: { rootId: string }) {
  const rows = () => org.subtree(props.rootId);
  return (
    <Show when={rows().length > 0}>
      <details class="cs-unit-ids">
        <summary>{t('imp.units')}</summary>
        <table class="tx-table">
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <td style={{ 'padding-left': `${0.75 + r.depth * 1.25}rem` }}>{r.unit.name}</td>
                  <td>
                    <code>{r.unit.id}</code>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </Show>
  );
}
