import { createEffect, createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { REPORT_PRESETS, type FigureGroup } from '@shared/report';
import { chinaDay } from '@shared/i18n';
import { API_BASE, call, qs } from '@ui/api';
import { Icon } from '@ui/icons';
import { Notice } from '@ui/components/Field';
import { Button } from '@ui/components/Button';
import { AsOf } from '../ui/AsOf';
import { org } from '../data/org';
import { t } from '../i18n';
import { PageHead } from '../ui/PageHead';
import { UnitSelect } from '../ui/UnitSelect';
import { Loaded } from '../ui/DataTable';
import { fmtFigure, type ReportData, type ReportFigure } from './ReportFormat';
import { ReportByUnit, ReportByYear } from './ReportTables';
import { ReportRows } from './ReportRows';
import '../report.css';

/** The period presets (label key and China-date range as of today) live beside the figures: the cron counts the root's ahead of the first tap. */
const PRESETS = REPORT_PRESETS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 报告: the seed report's figures (issue #16) for a unit's subtree and a China-date period,
 * each beside its definition, by year and by unit directly below, with drill-down to the rows
 * behind a group and the 台账/报告 downloads for the same query. Unit and period live in the
 * URL, so a report can be bookmarked or sent.
 */
export function Report() {
  const [search, setSearch] = useSearchParams<{ unit?: string; from?: string; to?: string }>();
  const today = chinaDay(Date.now());
  const preset = PRESETS[0]!.range(today);
  const from = () => (search.from && DATE.test(search.from) ? search.from : preset.from);
  const to = () => (search.to && DATE.test(search.to) ? search.to : preset.to);
  const unitId = () => (search.unit && org.scopeOptions().some((o) => o.unit.id === search.unit) ? search.unit : org.scopeId());
  const unitName = () => (unitId() ? (org.byId().get(unitId()!)?.name ?? '') : '');
  createEffect(() => {
    document.title = `${t('report.title')} · ${t('console.name')}`;
  });

  // the custom range's inputs: applied with 查看 (two dates typed one after the other are not two reports)
  const [draftFrom, setDraftFrom] = createSignal(from());
  const [draftTo, setDraftTo] = createSignal(to());
  createEffect(() => {
    setDraftFrom(from());
    setDraftTo(to());
  });
  const draftBad = () => !!draftFrom() && !!draftTo() && draftFrom() > draftTo();
  const activePreset = () =>
    PRESETS.find((p) => {
      const r = p.range(today);
      return r.from === from() && r.to === to();
    })?.key ?? 'report.custom';

  // "recount now" asks once for fresh figures (a city's root is otherwise a snapshot)
  const [fresh, setFresh] = createSignal(false);
  const [report, { refetch }] = createResource(
    () => (unitId() ? { id: unitId()!, from: from(), to: to(), fresh: fresh() } : null),
    async ({ id, from, to, fresh: now }) => {
      try {
        return (await call('GET /org-units/{id}/report', { id }, { query: { from, to, ...(now ? { fresh: '1' as const } : {}) } })) as ReportData;
      } finally {
        if (now) setFresh(false);
      }
    },
  );
  const [drill, setDrill] = createSignal<{ group: FigureGroup; label: string } | null>(null);
  // a new unit or period closes the rows of the old one
  createEffect(() => {
    void unitId();
    void from();
    void to();
    setDrill(null);
  });

  const download = (ext: 'xlsx' | 'docx') => `${API_BASE}/org-units/${encodeURIComponent(unitId() ?? '')}/report.${ext}${qs({ from: from(), to: to() })}`;
  const empty = createMemo(() => !!report.latest && report.latest.figures.every((f) => !f.value));
  const groups = createMemo(() => {
    const out = new Map<FigureGroup, ReportFigure[]>();
    for (const f of report.latest?.figures ?? []) out.set(f.group, [...(out.get(f.group) ?? []), f]);
    return [...out.entries()];
  });

  return (
    <div class="cs-page cs-report">
      <PageHead title={t('report.title')} lead={t('report.lead', { unit: unitName() })} />

      <section class="tx-card cs-report-controls" aria-label={t('report.period')}>
        <div class="cs-report-field">
          <label for="report-unit">{t('report.unit')}</label>
          <UnitSelect id="report-unit" rows={org.scopeOptions()} value={unitId()} onPick={(id) => setSearch({ unit: id })} data-testid="report-unit" />
        </div>
        <div class="cs-report-field">
          <span id="report-period-label">{t('report.period')}</span>
          <div class="tx-segmented" role="group" aria-labelledby="report-period-label">
            <For each={PRESETS}>
              {(p) => (
                <button type="button" aria-pressed={activePreset() === p.key} onClick={() => setSearch(p.range(today))}>
                  {t(p.key)}
                </button>
              )}
            </For>
          </div>
        </div>
        <form
          class="cs-report-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draftBad() && DATE.test(draftFrom()) && DATE.test(draftTo())) setSearch({ from: draftFrom(), to: draftTo() });
          }}
        >
          <label class="cs-report-field">
            <span>{t('report.from')}</span>
            <input
              class="tx-input tx-num"
              type="date"
              value={draftFrom()}
              max={draftTo() || undefined}
              onInput={(e) => setDraftFrom(e.currentTarget.value)}
              data-testid="report-from"
              required
            />
          </label>
          <label class="cs-report-field">
            <span>{t('report.to')}</span>
            <input
              class="tx-input tx-num"
              type="date"
              value={draftTo()}
              min={draftFrom() || undefined}
              onInput={(e) => setDraftTo(e.currentTarget.value)}
              data-testid="report-to"
              required
            />
          </label>
          <Button type="submit" variant="secondary" disabled={draftBad()} data-testid="report-apply">
            {t('report.apply')}
          </Button>
          <p class={draftBad() ? 'tx-field-error cs-report-note' : 'tx-small tx-muted cs-report-note'} role={draftBad() ? 'alert' : undefined}>
            {draftBad() ? t('report.rangeBad') : t('report.rangeNote')}
          </p>
        </form>
        <div class="cs-report-field">
          <span>{t('report.downloads')}</span>
          <div class="cs-actions">
            <a class="tx-btn tx-btn-secondary tx-btn-sm" href={download('xlsx')} download="" data-testid="report-xlsx">
              <Icon name="download" />
              {t('report.xlsx')}
            </a>
            <a class="tx-btn tx-btn-secondary tx-btn-sm" href={download('docx')} download="" data-testid="report-docx">
              <Icon name="download" />
              {t('report.docx')}
            </a>
          </div>
        </div>
      </section>

      <Loaded of={report} retry={refetch} lines={8} card empty={false} emptyView={null}>
        <Show when={report.latest}>
          {(r) => (
            <div class={report.loading ? 'cs-stale' : undefined} aria-busy={report.loading ? 'true' : undefined}>
              <AsOf asOf={r().asOf} busy={fresh()} onFresh={() => setFresh(true)} />
              <Show when={empty()}>
                <Notice>{t('report.empty')}</Notice>
              </Show>
              <For each={groups()}>
                {([group, figures]) => (
                  <section class="tx-card cs-report-group" data-group={group}>
                    <div class="cs-section-head">
                      <h2>{t(`report.group.${group}`)}</h2>
                      <Button small variant="ghost" onClick={() => setDrill({ group, label: t(`report.group.${group}`) })} data-testid={`report-rows-${group}`}>
                        <Icon name="list" />
                        {t('report.rows')}
                      </Button>
                    </div>
                    <ul class="cs-report-figs">
                      <For each={figures}>{(f) => <FigureRow f={f} />}</For>
                    </ul>
                    <Show when={drill()?.group === group}>
                      <ReportRows unitId={r().orgUnitId} group={group} label={drill()!.label} from={r().from} to={r().to} onClose={() => setDrill(null)} />
                    </Show>
                  </section>
                )}
              </For>
              <ReportByYear report={r()} />
              <ReportByUnit report={r()} onOpen={(id) => setSearch({ unit: id })} />
            </div>
          )}
        </Show>
      </Loaded>
    </div>
  );
}

/** One figure: its name and number, and its definition beside it (under a 口径 toggle on a phone). */
function FigureRow(props: { f: ReportFigure }) {
  const value = () => fmtFigure(props.f.id, props.f.value, props.f.unit);
  return (
    <li class="cs-report-fig" data-figure={props.f.id}>
      <div class="cs-report-fig-head">
        <span class="cs-report-fig-label">
          {props.f.label}
          <Show when={props.f.starred}>
            <span class="cs-report-star" aria-hidden="true">
              *
            </span>
          </Show>
        </span>
        <Show
          when={props.f.value !== null}
          fallback={
            <span class="cs-report-unfilled" title={t('report.unfilledNote')}>
              {t('report.unfilled')}
            </span>
          }
        >
          <span class="cs-report-value tx-num" data-testid={`figure-${props.f.id}`}>
            {value()}
          </span>
        </Show>
      </div>
      <p class="cs-report-def cs-report-def-wide tx-small tx-muted">{props.f.definition}</p>
      <details class="cs-report-def-narrow">
        <summary class="tx-small">{t('report.definition')}</summary>
        <p class="tx-small tx-muted">{props.f.definition}</p>
      </details>
    </li>
  );
}

export default Report;
