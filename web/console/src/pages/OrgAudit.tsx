import { createResource, createSignal, For, Show } from 'solid-js';
import { AUDIT_ACTIONS, AUDIT_GROUPS } from '@shared/audit';
import { loc } from '@ui/i18n';
import { call, qs } from '@ui/api';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime } from '@ui/format';
import { org } from '../data/org';
import { t } from '../i18n';
import { DataTable } from '../ui/DataTable';

type Item = Awaited<ReturnType<typeof page>>['items'][number];
interface Filter {
  action: string;
  actor: string;
  from: string;
  to: string;
}
const page = (id: string, f: Filter, cursor?: string) =>
  call('GET /org-units/{id}/audit', { id }, { query: { action: f.action, actor: f.actor, from: f.from, to: f.to, cursor, limit: 50 } });

/** A row's detail as short text: the JSON's keys and values, without braces and quotes. */
function detailText(d: string | null): string {
  if (!d) return '';
  try {
    return Object.entries(JSON.parse(d) as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  } catch {
    return d;
  }
}

/** 组织 → 审计: the scope's trail, filtered by action group, actor's phone and China dates, with an export. */
export default function OrgAudit() {
  const empty: Filter = { action: '', actor: '', from: '', to: '' };
  const [draft, setDraft] = createSignal<Filter>(empty);
  const [filter, setFilter] = createSignal<Filter>(empty);
  const [more, setMore] = createSignal<Item[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [first, { refetch }] = createResource(
    () => ({ id: org.scopeId(), f: filter() }),
    async ({ id, f }) => {
      if (!id) return { items: [], nextCursor: null };
      const r = await page(id, f);
      setMore([]);
      setCursor(r.nextCursor);
      return r;
    },
  );
  const rows = () => [...(first.latest?.items ?? []), ...more()];
  const exportHref = (format: 'xlsx' | 'csv') => {
    const f = filter();
    return `/api/v1/org-units/${encodeURIComponent(org.scopeId() ?? '')}/audit${qs({ action: f.action, actor: f.actor, from: f.from, to: f.to, format })}`;
  };

  async function loadMore() {
    const c = cursor();
    if (!c || !org.scopeId()) return;
    setLoadingMore(true);
    try {
      const r = await page(org.scopeId()!, filter(), c);
      setMore((m) => [...m, ...r.items]);
      setCursor(r.nextCursor);
    } finally {
      setLoadingMore(false);
    }
  }

  const set = (k: keyof Filter) => (e: Event) => setDraft({ ...draft(), [k]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section class="tx-card" aria-labelledby="audit-title">
      <div class="cs-page-head">
        <div>
          <h2 id="audit-title">{t('org.tab.audit')}</h2>
          <p class="tx-muted tx-small">{t('audit.lead', { unit: org.scope()?.name ?? '' })}</p>
        </div>
        <div class="tx-row">
          <a class="tx-btn tx-btn-secondary tx-btn-sm" href={exportHref('xlsx')} download="" data-testid="audit-xlsx">
            <Icon name="download" />
            {t('audit.export')}
          </a>
          <a class="tx-btn tx-btn-ghost tx-btn-sm" href={exportHref('csv')} download="">
            <Icon name="download" />
            {t('audit.exportCsv')}
          </a>
        </div>
      </div>
      <form
        class="tx-row cs-filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft(), actor: draft().actor.trim() });
        }}
      >
        <label class="tx-field">
          <span>{t('audit.action')}</span>
          <select class="tx-select" value={draft().action} onChange={set('action')} data-testid="audit-action">
            <option value="">{t('audit.allActions')}</option>
            <For each={Object.entries(AUDIT_GROUPS)}>{([k, label]) => <option value={k}>{loc(label)}</option>}</For>
          </select>
        </label>
        <label class="tx-field">
          <span>{t('audit.actor')}</span>
          <input class="tx-input" inputmode="tel" maxlength={11} value={draft().actor} onInput={set('actor')} data-testid="audit-actor" />
        </label>
        <label class="tx-field">
          <span>{t('audit.from')}</span>
          <input class="tx-input" type="date" value={draft().from} onInput={set('from')} />
        </label>
        <label class="tx-field">
          <span>{t('audit.to')}</span>
          <input class="tx-input" type="date" value={draft().to} onInput={set('to')} />
        </label>
        <Button type="submit" variant="primary" data-testid="audit-filter">
          {t('audit.filter')}
        </Button>
      </form>
      <Show when={!first.error} fallback={<ErrorState error={first.error} onRetry={refetch} />}>
        <Show when={first.latest} fallback={<Skeleton lines={6} />}>
          <Show when={rows().length > 0} fallback={<EmptyState icon="list" title={t('audit.empty')} />}>
            <DataTable
              testid="audit-table"
              caption={t('org.tab.audit')}
              stale={first.loading}
              head={[t('audit.at'), t('audit.who'), t('audit.what'), t('audit.where'), t('audit.detail')]}
              rows={rows()}
            >
              {(r) => (
                <tr data-action={r.action}>
                  <td class="tx-num tx-small">{fmtDateTime(r.at)}</td>
                  <td>{r.actor?.name ?? '—'}</td>
                  <td>{AUDIT_ACTIONS[r.action] ? loc(AUDIT_ACTIONS[r.action]!) : r.action}</td>
                  <td>{r.orgUnitName}</td>
                  <td class="tx-small tx-muted">{detailText(r.detail)}</td>
                </tr>
              )}
            </DataTable>
            <Show when={cursor()}>
              <Button variant="secondary" loading={loadingMore()} onClick={loadMore}>
                {t('action.loadMore')}
              </Button>
            </Show>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
