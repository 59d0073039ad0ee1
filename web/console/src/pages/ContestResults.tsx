import { batch, createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import { byRank, contestConfig, fmtScore100, resultsPublic, type ResultItem } from '@ui/contest';
import { ApiError } from '@ui/api';
import type { Campaign } from '@ui/types';
import { autoAwards, entriesFileUrl, getResults, manualAwards, publishResults, resultsFileUrl } from '../data/contest';
import { portalHref } from '../data/campaigns';
import { t } from '../i18n';
import { ContestPage } from '../ui/ContestNav';
import { DataTable, Loaded } from '../ui/DataTable';
import { Confirm } from '../ui/Confirm';

/** 结果与奖项 (/console/campaigns/:id/results): the combined table, awards, publishing, CSV. */
export default function ContestResultsPage() {
  return (
    <ContestPage title={t('contest.results.title')} wide>
      {(c, mutate) => <ResultsTable campaign={c} onChange={mutate} />}
    </ContestPage>
  );
}

function ResultsTable(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  const [results, { refetch, mutate }] = createResource(() => c().id, getResults);
  const [edits, setEdits] = createSignal<Record<string, string | null>>({});
  const [category, setCategory] = createSignal('');
  const [busy, setBusy] = createSignal<'auto' | 'save' | 'publish' | null>(null);
  const [confirmAuto, setConfirmAuto] = createSignal(false);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);

  const items = () => results.latest?.items ?? [];
  const awardOf = (it: ResultItem) => (it.entryId in edits() ? edits()[it.entryId]! : it.award);
  const dirty = () => Object.entries(edits()).some(([id, a]) => items().find((x) => x.entryId === id)?.award !== a);
  const rows = createMemo(() =>
    items()
      .filter((it) => !category() || it.category === category())
      .sort(byRank),
  );
  const [incomplete, setIncomplete] = createSignal<string | null>(null);
  const perCategory = () => Object.entries(cfg().awardsByCategory);
  /** the award lists in play: the category's own when prizes go per category */
  const awardLists = () =>
    perCategory().length
      ? perCategory()
          .filter(([cat]) => !category() || cat === category())
          .flatMap(([, list]) => list)
      : cfg().awards;
  const awardNames = createMemo(() => {
    const names = [...new Set(awardLists().map((a) => a.name))];
    for (const it of items()) if (it.award && !names.includes(it.award)) names.push(it.award);
    return names;
  });
  const usage = createMemo(() => awardLists().map((a) => ({ ...a, used: items().filter((it) => awardOf(it) === a.name).length })));

  async function runAuto() {
    setBusy('auto');
    setNotice(null);
    try {
      const r = await autoAwards(c().id);
      batch(() => {
        mutate({ ...results.latest!, items: r.items });
        setEdits({});
        setConfirmAuto(false);
        setNotice({ kind: 'success', text: t('contest.awards.autoDone', { n: fmtNumber(r.items.filter((x) => x.award).length) }) });
      });
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy('save');
    setNotice(null);
    try {
      // the manual mode replaces every award of the contest: send the whole table
      const r = await manualAwards(
        c().id,
        items().map((it) => ({ entryId: it.entryId, award: awardOf(it) || null })),
      );
      batch(() => {
        mutate({ ...results.latest!, items: r.items });
        setEdits({});
        setNotice({ kind: 'success', text: t('contest.awards.saved') });
      });
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  async function togglePublish(force = false) {
    setBusy('publish');
    setNotice(null);
    try {
      const next = !cfg().resultsPublished;
      await publishResults(c().id, next, force);
      setIncomplete(null);
      props.onChange({ ...c(), settings: { ...(c().settings as Record<string, unknown>), resultsPublished: next } });
      setNotice({ kind: 'success', text: next ? t('contest.awards.publishedDone') : t('contest.awards.unpublishedDone') });
      void refetch();
    } catch (e) {
      // works not fully scored: say so, and publish only on purpose
      if (e instanceof ApiError && e.reason === 'judging_incomplete') setIncomplete(e.message);
      else setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div class="cs-ct-results-top">
        <div class={`cs-ct-publish ${resultsPublic(c()) ? 'is-public' : ''}`}>
          <Icon name={resultsPublic(c()) ? 'globe' : 'clock'} />
          <div class="tx-spacer">
            <strong>{resultsPublic(c()) ? t('contest.awards.public') : t('contest.awards.private')}</strong>
            <span class="tx-small">
              {c().status === 'closed'
                ? t('contest.awards.closedPublic')
                : resultsPublic(c())
                  ? t('contest.awards.publicBody')
                  : t('contest.awards.privateBody')}
            </span>
          </div>
          <Show when={c().status !== 'closed'}>
            <Button
              variant={cfg().resultsPublished ? 'secondary' : 'primary'}
              loading={busy() === 'publish'}
              onClick={() => togglePublish()}
              data-testid="publish-results"
            >
              {cfg().resultsPublished ? t('contest.awards.unpublish') : t('contest.awards.publish')}
            </Button>
          </Show>
          <a class="tx-btn tx-btn-ghost" href={`${portalHref(c())}/results`} target="_blank" rel="noopener">
            {t('contest.awards.viewPortal')}
            <Icon name="external" />
          </a>
        </div>
      </div>

      <p class="tx-small tx-muted">
        {t('contest.awards.formula', {
          judges: fmtPercent(results.latest?.judgeWeight ?? cfg().judgeWeight),
          public: fmtPercent(1 - (results.latest?.judgeWeight ?? cfg().judgeWeight)),
        })}
      </p>

      <Show when={incomplete()}>
        {(msg) => (
          <Confirm
            id="incomplete-title"
            title={t('contest.awards.incompleteTitle')}
            action={t('contest.awards.incompleteConfirm')}
            actionTestid="publish-anyway"
            busy={busy() === 'publish'}
            onAction={() => togglePublish(true)}
            onCancel={() => setIncomplete(null)}
          >
            <p>{msg()}</p>
          </Confirm>
        )}
      </Show>
      <Show when={(results.latest?.unfinished ?? 0) > 0}>
        <p class="tx-small cs-ct-unfinished-note" data-testid="unfinished-note">
          {t('contest.res.unfinishedNote', { n: fmtNumber(results.latest!.unfinished) })}
        </p>
      </Show>

      <Show when={notice()}>
        {(n) => (
          <div class="cs-gap">
            <Notice kind={n().kind}>{n().text}</Notice>
          </div>
        )}
      </Show>

      <div class="cs-filters cs-ct-filters">
        <label>
          <span>{t('contest.entries.category')}</span>
          <select class="tx-select" value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('campaigns.all')}</option>
            <For each={cfg().categories}>{(cat) => <option value={cat}>{cat}</option>}</For>
          </select>
        </label>
        <div class="cs-ct-usage">
          <For each={usage()}>
            {(u) => (
              <span class={`tx-badge ${u.used > u.count ? 'tx-badge-orange' : 'tx-badge-neutral'} tx-num`}>
                {t('contest.awards.usage', { name: u.name, used: fmtNumber(u.used), count: fmtNumber(u.count) })}
              </span>
            )}
          </For>
        </div>
        <span class="tx-spacer" />
        <a class="tx-btn tx-btn-secondary tx-btn-sm" href={resultsFileUrl(c().id)} download="" data-testid="export-results">
          <Icon name="download" />
          {t('contest.awards.exportResults')}
        </a>
        <a class="tx-btn tx-btn-secondary tx-btn-sm" href={entriesFileUrl(c().id)} download="" data-testid="export-entries">
          <Icon name="download" />
          {t('contest.awards.exportEntries')}
        </a>
        <Button small variant="secondary" disabled={!items().length || busy() !== null} onClick={() => setConfirmAuto(true)}>
          <Icon name="star" />
          {t('contest.awards.auto')}
        </Button>
        <Button small variant="primary" disabled={!dirty()} loading={busy() === 'save'} onClick={save} data-testid="save-awards">
          <Icon name="check" />
          {t('contest.awards.save')}
        </Button>
      </div>

      <Show when={confirmAuto()}>
        <Confirm
          id="auto-title"
          title={t('contest.awards.autoTitle')}
          action={t('contest.awards.autoConfirm')}
          busy={busy() === 'auto'}
          onAction={runAuto}
          onCancel={() => setConfirmAuto(false)}
        >
          <p>
            {perCategory().length
              ? t('contest.awards.perCategory', {
                  list: perCategory()
                    .map(([cat, list]) => `${cat}：${list.map((a) => t('contest.awards.slot', { name: a.name, n: fmtNumber(a.count) })).join('、')}`)
                    .join('；'),
                })
              : t('contest.awards.autoBody', {
                  list:
                    cfg()
                      .awards.map((a) => t('contest.awards.slot', { name: a.name, n: fmtNumber(a.count) }))
                      .join('、') || '—',
                })}
          </p>
        </Confirm>
      </Show>

      <Loaded
        of={results}
        retry={refetch}
        lines={8}
        card
        empty={items().length === 0}
        emptyView={<EmptyState icon="trophy" title={t('contest.awards.emptyTitle')} body={t('contest.awards.emptyBody')} />}
      >
        <DataTable
          class="cs-ct-results"
          testid="results"
          head={[
            { label: t('contest.res.rank'), class: 'num' },
            ...(results.latest?.awardsPerCategory ? [{ label: t('contest.res.categoryRank'), class: 'num' }] : []),
            { label: t('contest.res.number'), class: 'num' },
            t('contest.res.work'),
            t('contest.res.author'),
            t('contest.res.category'),
            { label: t('contest.res.judge'), class: 'num' },
            { label: t('contest.res.votes'), class: 'num' },
            { label: t('contest.res.public'), class: 'num' },
            { label: t('contest.res.score'), class: 'num' },
            t('contest.res.award'),
          ]}
          rows={rows()}
        >
          {(it) => (
            <tr classList={{ 'cs-ct-edited': it.entryId in edits() && edits()[it.entryId] !== it.award }}>
              <td class="num">
                <Show
                  when={it.rank !== null}
                  fallback={
                    <span
                      class="tx-badge tx-badge-orange"
                      title={t('contest.res.unfinishedCount', { got: fmtNumber(it.judgeCount), quorum: fmtNumber(it.quorum ?? 0) })}
                    >
                      {t('contest.res.unfinished')}
                    </span>
                  }
                >
                  <span class={`tx-rank ${(it.rank ?? 99) <= 3 ? 'tx-rank-top' : ''}`}>{it.rank}</span>
                </Show>
              </td>
              <Show when={results.latest?.awardsPerCategory}>
                <td class="num">{it.categoryRank ?? '—'}</td>
              </Show>
              <td class="num tx-num">{it.number ?? '—'}</td>
              <td>
                <div class="cs-ct-workcell">
                  <img src={it.thumbUrl} alt="" loading="lazy" />
                  <strong>{it.title}</strong>
                </div>
              </td>
              <td>{it.authorName}</td>
              <td>{it.category}</td>
              <td class="num">{it.judge === null ? <span class="tx-muted">{t('contest.res.noJudge')}</span> : fmtScore100(it.judge)}</td>
              <td class="num">{fmtNumber(it.votes)}</td>
              <td class="num">{fmtScore100(it.publicScore)}</td>
              <td class="num cs-ct-score">
                {it.score === null ? (
                  <span class="tx-muted">{t('contest.res.unfinishedCount', { got: fmtNumber(it.judgeCount), quorum: fmtNumber(it.quorum ?? 0) })}</span>
                ) : (
                  fmtScore100(it.score)
                )}
              </td>
              <td>
                <select
                  class="tx-select cs-ct-award-select"
                  aria-label={t('contest.res.awardFor', { title: it.title })}
                  value={awardOf(it) ?? ''}
                  onChange={(e) => setEdits({ ...edits(), [it.entryId]: e.currentTarget.value || null })}
                >
                  <option value="">{t('contest.res.noAward')}</option>
                  <For each={awardNames()}>
                    {(n) => (
                      <option value={n} selected={n === awardOf(it)}>
                        {n}
                      </option>
                    )}
                  </For>
                </select>
              </td>
            </tr>
          )}
        </DataTable>
        <Show when={dirty()}>
          <div class="cs-form-actions">
            <Button variant="primary" loading={busy() === 'save'} onClick={save}>
              {t('contest.awards.save')}
            </Button>
            <Button variant="secondary" onClick={() => setEdits({})}>
              {t('contest.awards.discard')}
            </Button>
            <span class="tx-small tx-muted">{t('contest.awards.unsaved')}</span>
          </div>
        </Show>
      </Loaded>
    </>
  );
}
