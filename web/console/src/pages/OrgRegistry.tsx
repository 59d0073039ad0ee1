import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { API_BASE, call, qs } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Icon } from '@ui/icons';
import { loc } from '@ui/i18n';
import { fmtNumber } from '@ui/format';
import { createCursorList } from '@ui/paging';
import {
  CATEGORY_LABEL,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  PARTY_POSTS,
  POST_LABEL,
  STATUS_LABEL,
  type MemberCategory,
  type MemberStatus,
  type PartyPost,
} from '@shared/people';
import type { ResponseOf } from '@ui/operations';
import { org } from '../data/org';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { DataTable, Loaded, LoadMore } from '../ui/DataTable';
import { UnitFilter } from '../ui/UnitSelect';
import { RosterImport } from '../ui/RosterImport';
import { MemberDrawer } from './OrgMemberDrawer';
import '../registry.css';

export type Member = ResponseOf<'GET /org-units/{id}/members'>['items'][number];
interface Filters {
  unit: string;
  category: MemberCategory | '';
  post: PartyPost | '';
  status: MemberStatus | '';
  q: string;
}

const query = (f: Filters) => ({ category: f.category || undefined, post: f.post || undefined, status: f.status || undefined, q: f.q || undefined });

/** 名册: the registry of the scoped subtree — counts by category and post, filters, the table, edits and transfers in a drawer, import and export. */
export function OrgRegistry(props: { rootId: string }) {
  const [unit, setUnit] = createSignal('');
  const [category, setCategory] = createSignal<MemberCategory | ''>('');
  const [post, setPost] = createSignal<PartyPost | ''>('');
  const [status, setStatus] = createSignal<MemberStatus | ''>('');
  const [q, setQ] = createSignal('');
  const [typed, setTyped] = createSignal('');
  const [open, setOpen] = createSignal<{ member: Member; mode: 'edit' | 'transfer' } | null>(null);
  const [importing, setImporting] = createSignal(false);
  // the import's unit is its own choice: picking where a sheet goes does not filter the list
  const [importUnit, setImportUnit] = createSignal('');
  const [notice, setNotice] = createSignal<string | null>(null);

  const filters = createMemo<Filters>(() => ({ unit: unit() || props.rootId, category: category(), post: post(), status: status(), q: q() }));
  const list = createCursorList<Member>((cursor) =>
    call('GET /org-units/{id}/members', { id: filters().unit }, { query: { ...query(filters()), cursor, limit: 50 } }),
  );
  const [page, { refetch }] = createResource(filters, async (f) =>
    list.first(await call('GET /org-units/{id}/members', { id: f.unit }, { query: { ...query(f), limit: 50 } })),
  );
  const [counts, { refetch: recount }] = createResource(
    () => filters().unit,
    (id) => call('GET /org-units/{id}/members/counts', { id }),
  );
  const rows = () => [...(page.latest?.items ?? []), ...list.extra()];
  const exportHref = () => `${API_BASE}/org-units/${encodeURIComponent(filters().unit)}/members/export${qs({ ...query(filters()), format: 'xlsx' })}`;

  let timer: ReturnType<typeof setTimeout> | undefined;
  function search(v: string) {
    setTyped(v);
    clearTimeout(timer);
    // wait for a pause in typing: one request per search, not per key
    timer = setTimeout(() => setQ(v.trim()), 350);
  }

  function changed(message: string) {
    setNotice(message);
    void refetch();
    void recount();
    void org.refetch();
  }

  return (
    <div class="rg-stack">
      <Show when={counts()}>
        {(c) => (
          <section class="tx-card rg-counts" aria-label={t('reg.total', { n: c().total, r: c().registered })}>
            <p class="tx-small tx-muted" data-testid="registry-total">
              {t('reg.total', { n: fmtNumber(c().total), r: fmtNumber(c().registered) })}
            </p>
            <div class="rg-chip-row">
              <span class="tx-small rg-chip-label">{t('reg.countsCategory')}</span>
              <div class="tx-chips">
                <For each={MEMBER_CATEGORIES.filter((k) => c().byCategory[k])}>
                  {(k) => (
                    <button type="button" class="tx-chip" aria-pressed={category() === k} onClick={() => setCategory(category() === k ? '' : k)}>
                      {t('reg.chip', { label: loc(CATEGORY_LABEL[k]), n: fmtNumber(c().byCategory[k]) })}
                    </button>
                  )}
                </For>
              </div>
            </div>
            <div class="rg-chip-row">
              <span class="tx-small rg-chip-label">{t('reg.countsPost')}</span>
              <div class="tx-chips" data-testid="post-chips">
                <For each={PARTY_POSTS.filter((k) => c().byPost[k])}>
                  {(k) => (
                    <button type="button" class="tx-chip" aria-pressed={post() === k} onClick={() => setPost(post() === k ? '' : k)}>
                      {t('reg.chip', { label: loc(POST_LABEL[k]), n: fmtNumber(c().byPost[k]) })}
                    </button>
                  )}
                </For>
              </div>
            </div>
          </section>
        )}
      </Show>

      <div class="rg-toolbar">
        <UnitFilter
          class="rg-filter"
          label={t('reg.filterUnit')}
          rows={org.subtree(props.rootId)}
          value={unit() || props.rootId}
          onPick={setUnit}
          testid="registry-unit"
        />
        <Pick
          label={t('reg.filterCategory')}
          value={category()}
          ids={MEMBER_CATEGORIES}
          labels={CATEGORY_LABEL}
          onPick={setCategory}
          testid="filter-category"
        />
        <Pick label={t('reg.filterPost')} value={post()} ids={PARTY_POSTS} labels={POST_LABEL} onPick={setPost} testid="filter-post" />
        <Pick label={t('reg.filterStatus')} value={status()} ids={MEMBER_STATUSES} labels={STATUS_LABEL} onPick={setStatus} testid="filter-status" />
        <label class="rg-filter rg-search">
          <span>{t('reg.searchLabel')}</span>
          <input
            class="tx-input"
            type="search"
            maxLength={40}
            placeholder={t('reg.search')}
            value={typed()}
            onInput={(e) => search(e.currentTarget.value)}
            data-testid="registry-search"
          />
        </label>
        <span class="tx-spacer" />
        <Button small onClick={() => setImporting(!importing())} aria-expanded={importing()} aria-controls="roster">
          <Icon name="upload" />
          {t('reg.import')}
        </Button>
        <a class="tx-btn tx-btn-secondary tx-btn-sm" href={exportHref()} download="" data-testid="registry-export">
          <Icon name="download" />
          {t('reg.export')}
        </a>
      </div>

      <Show when={importing()}>
        <RosterImport unitId={importUnit() || unit() || props.rootId} onUnit={setImportUnit} onImported={() => changed(t('roster.doneTitle'))} />
      </Show>
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>

      <section class="tx-card rg-table-card" aria-labelledby="registry-title">
        <h2 id="registry-title" class="tx-visually-hidden">
          {t('reg.tabRegistry')}
        </h2>
        <Loaded
          error={page.error}
          retry={refetch}
          loading={!page.latest}
          lines={8}
          empty={rows().length === 0}
          emptyView={<EmptyState icon="user" title={t('reg.empty')} body={t('reg.emptyBody')} />}
        >
          <DataTable
            class="rg-table"
            stale={page.loading}
            testid="registry-table"
            caption={t('reg.tabRegistry')}
            head={[
              t('reg.colName'),
              t('reg.colUnit'),
              t('reg.colCategory'),
              t('reg.colPosts'),
              t('reg.colStatus'),
              t('reg.colJoined'),
              t('reg.colPhone'),
              t('reg.colActions'),
            ]}
            rows={rows()}
          >
            {(m) => (
              <tr data-key={m.rosterId}>
                <td class="cs-nowrap">
                  <strong>{m.name}</strong>
                  <Show when={!m.registered}>
                    <span class="tx-badge tx-badge-neutral rg-unreg">{t('reg.unregistered')}</span>
                  </Show>
                </td>
                <td>{m.orgUnitName}</td>
                <td class="cs-nowrap">{loc(CATEGORY_LABEL[m.category])}</td>
                <td>{m.posts.map((p) => loc(POST_LABEL[p])).join('、') || '—'}</td>
                <td class="cs-nowrap">{loc(STATUS_LABEL[m.status])}</td>
                <td class="tx-num cs-nowrap">{m.joinedPartyOn ?? '—'}</td>
                <td class="tx-num cs-nowrap">{m.phone}</td>
                <td class="cs-nowrap">
                  <Button small variant="ghost" onClick={() => setOpen({ member: m, mode: 'edit' })} aria-label={t('reg.editOf', { name: m.name })}>
                    <Icon name="edit" />
                    {t('reg.edit')}
                  </Button>
                  <Button small variant="ghost" onClick={() => setOpen({ member: m, mode: 'transfer' })} aria-label={t('reg.transferOf', { name: m.name })}>
                    {t('reg.transfer')}
                  </Button>
                </td>
              </tr>
            )}
          </DataTable>
          <LoadMore error={list.more.state().error} busy={list.more.state().busy} more={list.cursor()} onMore={list.more.run}>
            <span class="tx-small tx-muted">{t('reg.shown', { n: fmtNumber(rows().length) })}</span>
          </LoadMore>
        </Loaded>
      </section>

      <Show when={open()}>
        {(o) => (
          <MemberDrawer
            member={o().member}
            mode={o().mode}
            rootId={props.rootId}
            onMode={(mode) => setOpen({ member: o().member, mode })}
            onClose={() => setOpen(null)}
            onDone={(message) => {
              setOpen(null);
              changed(message);
            }}
          />
        )}
      </Show>
    </div>
  );
}

function Pick<T extends string>(props: {
  label: string;
  value: T | '';
  ids: readonly T[];
  labels: Record<T, { 'zh-CN': string; en: string }>;
  onPick: (v: T | '') => void;
  testid: string;
}) {
  return (
    <label class="rg-filter">
      <span>{props.label}</span>
      <select class="tx-select" value={props.value} onChange={(e) => props.onPick(e.currentTarget.value as T | '')} data-testid={props.testid}>
        <option value="">{t('reg.any')}</option>
        <LabelOptions ids={props.ids} labels={props.labels} selected={props.value} />
      </select>
    </label>
  );
}
