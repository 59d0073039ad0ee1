import { createMemo, createResource, createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Tabs } from '@ui/components/Tabs';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { org } from '../data/org';
import {
  addDays,
  BOOKING_STATUSES,
  chinaDay,
  chinaMidnight,
  chinaTime,
  exportUrl,
  generateSlots,
  groupBooking,
  listBookings,
  listSlots,
  patchSlot,
  slotWaitlist,
  visitStats,
  weekday,
  type Booking,
  type Slot,
  type VisitStats,
  type WaitlistEntry,
} from '../data/exhibition';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import '../exhibition.css';

type Tab = 'slots' | 'bookings' | 'stats';
const TABS: readonly Tab[] = ['slots', 'bookings', 'stats'];
const wd = (n: number) => t(`ex.wd${n}` as 'ex.wd1');

/** 展览 of one exhibition (/console/campaigns/:id/exhibition): 时段 · 预约 · 统计, and the way to 入场核验. Loaded on demand. */
export default function ExhibitionPage() {
  return (
    <CampaignModulePage
      kind="exhibition"
      icon="exhibition"
      class="ex-page"
      title={(c) => (c ? `${t('ex.title')} · ${c.title}` : t('ex.title'))}
      notKind={(kind) => t('ex.notExhibition', { kind })}
    >
      {(c) => <Exhibition campaign={c} />}
    </CampaignModulePage>
  );
}

function Exhibition(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS.includes(search.tab as Tab) ? (search.tab as Tab) : 'slots');
  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('ex.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}/visit`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
        <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/check-in`} class="tx-btn tx-btn-primary" data-testid="ex-checkin-link">
          <Icon name="check" />
          {t('ex.checkIn')}
        </A>
      </div>
      <Show when={props.campaign.status === 'draft'}>
        <Notice kind="warning">{t('ex.draftNote')}</Notice>
      </Show>
      <Tabs id="ex-tab" label={t('ex.title')} value={tab()} options={TABS.map((k) => ({ value: k, label: t(`ex.tab.${k}` as 'ex.tab.slots') }))} onChange={(k) => setSearch({ tab: k === 'slots' ? undefined : k })} />
      <div role="tabpanel" id="ex-tab-panel" aria-labelledby={`ex-tab-tab-${tab()}`} class="ex-panel">
        <Switch>
          <Match when={tab() === 'slots'}>
            <Slots campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'bookings'}>
            <Bookings campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'stats'}>
            <Stats campaign={props.campaign} />
          </Match>
        </Switch>
      </div>
    </>
  );
}

/* ---------- 时段 ---------- */

function Slots(props: { campaign: Campaign }) {
  const [start, setStart] = createSignal(chinaDay());
  const range = () => ({ from: new Date(chinaMidnight(start())).toISOString(), to: new Date(chinaMidnight(addDays(start(), 14))).toISOString() });
  const [slots, { refetch, mutate }] = createResource(range, (r) => listSlots(props.campaign.id, r.from, r.to));
  const byDay = createMemo(() => {
    const m = new Map<string, Slot[]>();
    for (const s of [...(slots.error ? [] : slots.latest ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const d = chinaDay(s.startsAt);
      m.set(d, [...(m.get(d) ?? []), s]);
    }
    return [...m.entries()];
  });
  const replace = (s: Slot) => mutate((list) => list?.map((x) => (x.id === s.id ? s : x)));

  return (
    <div class="ex-two">
      <section class="tx-card" aria-labelledby="ex-slots-h">
        <div class="ex-section-head">
          <h2 id="ex-slots-h">{t('ex.slotsTitle')}</h2>
          <div class="tx-row">
            <Button small onClick={() => setStart(addDays(start(), -14))} aria-label={t('ex.prevWeeks')}>
              <Icon name="chevronLeft" />
            </Button>
            <span class="tx-num tx-small">
              {start()} – {addDays(start(), 13)}
            </span>
            <Button small onClick={() => setStart(addDays(start(), 14))} aria-label={t('ex.nextWeeks')}>
              <Icon name="chevronRight" />
            </Button>
          </div>
        </div>
        <Switch>
          <Match when={slots.error}>
            <ErrorState error={slots.error} onRetry={refetch} />
          </Match>
          <Match when={!slots.latest}>
            <Skeleton lines={8} />
          </Match>
          <Match when={byDay().length === 0}>
            <EmptyState icon="calendar" title={t('ex.noSlots')} body={t('ex.noSlotsBody')} />
          </Match>
          <Match when={true}>
            <div class={slots.loading ? 'cs-stale' : ''} data-testid="ex-slot-days">
              <For each={byDay()}>
                {([day, list]) => (
                  <div class="ex-slot-day">
                    <h3 class="ex-slot-day-h tx-num">
                      {day} {wd(weekday(day))}
                      <span class="tx-muted tx-small">
                        {t('ex.dayTotals', { booked: fmtNumber(list.reduce((n, s) => n + s.booked, 0)), cap: fmtNumber(list.reduce((n, s) => n + s.capacity, 0)) })}
                        <Show when={list.some((s) => (s.waiting ?? 0) > 0)}>
                          {' · '}
                          {t('ex.dayWaiting', { n: fmtNumber(list.reduce((n, s) => n + (s.waiting ?? 0), 0)) })}
                        </Show>
                      </span>
                    </h3>
                    <ul class="ex-slot-list">
                      <For each={list}>{(s) => <SlotRow slot={s} onSaved={replace} />}</For>
                    </ul>
                  </div>
                )}
              </For>
            </div>
          </Match>
        </Switch>
      </section>
      <Generator campaign={props.campaign} onDone={refetch} />
    </div>
  );
}

function SlotRow(props: { slot: Slot; onSaved: (s: Slot) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [cap, setCap] = createSignal(String(props.slot.capacity));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [open, setOpen] = createSignal(false);
  const [waitRev, setWaitRev] = createSignal(0);
  const s = () => props.slot;
  async function save(body: { capacity?: number; closed?: boolean }) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const r = await patchSlot(s().id, body);
      const next = r && (r as { slot?: Slot }).slot ? (r as { slot: Slot }).slot : { ...s(), ...body };
      const capacity = next.capacity ?? s().capacity;
      props.onSaved({ ...s(), ...next, remaining: Math.max(0, capacity - (next.booked ?? s().booked)) });
      // seats the change freed went to the people waiting, in order
      if (r?.promoted) setNote(t('ex.promoted', { n: fmtNumber(r.promoted) }));
      setWaitRev(waitRev() + 1);
      setEditing(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const pct = () => (s().capacity ? Math.min(1, s().booked / s().capacity) : 0);
  return (
    <li class="ex-slot-row" classList={{ 'is-closed': s().closed }} data-slot={s().id}>
      <span class="ex-slot-time tx-num">
        {chinaTime(s().startsAt)}–{chinaTime(s().endsAt)}
      </span>
      <span class="ex-slot-bar" aria-hidden="true">
        <span style={{ width: `${pct() * 100}%` }} />
      </span>
      <span class="ex-slot-num tx-num">{t('ex.bookedOf', { booked: fmtNumber(s().booked), cap: fmtNumber(s().capacity) })}</span>
      <span class="ex-slot-state">
        <Show when={s().closed} fallback={<span class="tx-badge tx-badge-green">{t('ex.remainingN', { n: fmtNumber(s().remaining) })}</span>}>
          <span class="tx-badge tx-badge-neutral">{t('ex.closed')}</span>
        </Show>
        <Show when={(s().waiting ?? 0) > 0 || open()}>
          <button
            type="button"
            class="ex-wait-toggle tx-badge tx-badge-orange"
            aria-expanded={open()}
            aria-controls={`ex-wait-${s().id}`}
            aria-label={t('ex.waitingShow', { time: `${chinaTime(s().startsAt)}–${chinaTime(s().endsAt)}` })}
            data-testid="ex-wait-toggle"
            onClick={() => setOpen(!open())}
          >
            {t('ex.waitingN', { n: fmtNumber(s().waiting ?? 0) })}
            <span class="ex-wait-chev" classList={{ 'is-open': open() }}><Icon name="chevronDown" /></span>
          </button>
        </Show>
      </span>
      <span class="ex-slot-actions">
        <Show
          when={editing()}
          fallback={
            <>
              <Button small variant="ghost" onClick={() => setEditing(true)}>
                {t('ex.editCapacity')}
              </Button>
              <Button small variant="ghost" loading={busy()} onClick={() => save({ closed: !s().closed })}>
                {s().closed ? t('ex.reopen') : t('ex.close')}
              </Button>
            </>
          }
        >
          <form
            class="tx-row"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(cap());
              if (!Number.isInteger(n) || n < 1) return setError(t('ex.capacityInvalid'));
              void save({ capacity: n });
            }}
          >
            <input class="tx-input ex-cap-input tx-num" type="number" min="1" aria-label={t('ex.capacity')} value={cap()} onInput={(e) => setCap(e.currentTarget.value)} />
            <Button small type="submit" variant="primary" loading={busy()}>
              {t('action.save')}
            </Button>
            <Button small onClick={() => setEditing(false)}>
              {t('action.cancel')}
            </Button>
          </form>
        </Show>
      </span>
      <Show when={error()}>
        <span class="tx-field-error ex-slot-error">{error()}</span>
      </Show>
      <Show when={note()}>
        <span class="ex-slot-error tx-small ex-slot-note" role="status">{note()}</span>
      </Show>
      <Show when={open()}>
        <div class="ex-wait-panel" id={`ex-wait-${s().id}`}>
          <SlotWaitlist slotId={s().id} rev={waitRev()} />
        </div>
      </Show>
    </li>
  );
}

/** A slot's waiting list (候补) in the order people joined: place, name, phone, party, outcome. */
function SlotWaitlist(props: { slotId: string; rev: number }) {
  const [list, { refetch }] = createResource(() => ({ id: props.slotId, rev: props.rev }), (k) => slotWaitlist(k.id));
  const label = (st: string) => t(`ex.wl.${st}` as 'ex.wl.waiting');
  const badge = (st: string) => (st === 'waiting' ? 'tx-badge-orange' : st === 'booked' ? 'tx-badge-green' : 'tx-badge-neutral');
  const joinedAt = (iso: string) => `${chinaDay(iso).slice(5)} ${chinaTime(iso)}`;
  return (
    <section aria-label={t('ex.waitListTitle')} data-testid="ex-wait-list">
      <h4 class="ex-wait-h">{t('ex.waitListTitle')}</h4>
      <p class="tx-small tx-muted ex-wait-lead">{t('ex.waitLead')}</p>
      <Switch>
        <Match when={list.error}>
          <ErrorState error={list.error} onRetry={refetch} />
        </Match>
        <Match when={!list.latest}>
          <Skeleton lines={3} />
        </Match>
        <Match when={list.latest}>
          {(l) => (
            <Table<WaitlistEntry>
              rows={l().items}
              rowKey={(e) => e.id}
              caption={t('ex.waitListTitle')}
              empty={<EmptyState icon="inbox" title={t('ex.waitEmpty')} body={t('ex.waitEmptyBody')} />}
              columns={[
                { key: 'position', header: t('ex.colPosition'), numeric: true, cell: (e) => (e.position ? fmtNumber(e.position) : '—') },
                { key: 'name', header: t('ex.colName'), cell: (e) => e.name },
                { key: 'phone', header: t('ex.colPhone'), cell: (e) => <span class="tx-num">{e.phone}</span> },
                { key: 'party', header: t('ex.colParty'), numeric: true, cell: (e) => fmtNumber(e.partySize) },
                { key: 'joined', header: t('ex.colJoined'), cell: (e) => <span class="tx-num cs-nowrap">{joinedAt(e.createdAt)}</span> },
                {
                  key: 'status',
                  header: t('ex.colStatus'),
                  cell: (e) => (
                    <>
                      <span class={`tx-badge ${badge(e.status)}`}>{label(e.status)}</span>
                      <Show when={e.booking}>{(b) => <code class="tx-num ex-wait-code">{b().code}</code>}</Show>
                    </>
                  ),
                },
              ]}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}

function Generator(props: { campaign: Campaign; onDone: () => unknown }) {
  const today = chinaDay();
  const [from, setFrom] = createSignal(today);
  const [to, setTo] = createSignal(addDays(today, 27));
  const [days, setDays] = createSignal<number[]>([2, 3, 4, 5, 6, 7]);
  const [times, setTimes] = createSignal([
    { start: '09:00', end: '11:00' },
    { start: '11:00', end: '13:00' },
    { start: '13:00', end: '15:00' },
    { start: '15:00', end: '17:00' },
  ]);
  const [cap, setCap] = createSignal('50');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const toggle = (d: number) => setDays(days().includes(d) ? days().filter((x) => x !== d) : [...days(), d].sort());
  const setTime = (i: number, k: 'start' | 'end', v: string) => setTimes(times().map((x, j) => (j === i ? { ...x, [k]: v } : x)));

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const capacity = Number(cap());
    if (!from() || !to() || to() < from()) return setError(t('ex.genRangeInvalid'));
    if (!days().length) return setError(t('ex.genDaysInvalid'));
    if (!times().length || times().some((x) => !x.start || !x.end || x.end <= x.start)) return setError(t('ex.genTimesInvalid'));
    if (!Number.isInteger(capacity) || capacity < 1) return setError(t('ex.capacityInvalid'));
    setBusy(true);
    try {
      const r = await generateSlots(props.campaign.id, { from: from(), to: to(), weekdays: days(), times: times(), capacity });
      setDone(t('ex.genDone', { created: fmtNumber(r.created), requested: fmtNumber(r.requested) }));
      void props.onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="ex-gen-h">
      <h2 id="ex-gen-h">{t('ex.genTitle')}</h2>
      <p class="tx-small tx-muted">{t('ex.genLead')}</p>
      <form class="ex-gen" onSubmit={submit} novalidate>
        <div class="ex-gen-range">
          <Field id="ex-gen-from" label={t('ex.genFrom')}>
            <input id="ex-gen-from" class="tx-input" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field id="ex-gen-to" label={t('ex.genTo')}>
            <input id="ex-gen-to" class="tx-input" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </Field>
        </div>
        <fieldset class="ex-fieldset">
          <legend>{t('ex.genWeekdays')}</legend>
          <div class="ex-wds">
            <For each={[1, 2, 3, 4, 5, 6, 7]}>
              {(d) => (
                <label class="ex-wd" classList={{ 'is-on': days().includes(d) }}>
                  <input type="checkbox" checked={days().includes(d)} onChange={() => toggle(d)} />
                  {wd(d)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <fieldset class="ex-fieldset">
          <legend>{t('ex.genTimes')}</legend>
          <Index each={times()}>
            {(x, i) => (
              <div class="ex-time-row">
                <input class="tx-input tx-num" type="time" aria-label={t('ex.genStart')} value={x().start} onInput={(e) => setTime(i, 'start', e.currentTarget.value)} />
                <span aria-hidden="true">–</span>
                <input class="tx-input tx-num" type="time" aria-label={t('ex.genEnd')} value={x().end} onInput={(e) => setTime(i, 'end', e.currentTarget.value)} />
                <Button small variant="ghost" aria-label={t('ex.genRemoveTime')} onClick={() => setTimes(times().filter((_, j) => j !== i))}>
                  ×
                </Button>
              </div>
            )}
          </Index>
          <Button small onClick={() => setTimes([...times(), { start: '', end: '' }])}>
            <Icon name="plus" />
            {t('ex.genAddTime')}
          </Button>
        </fieldset>
        <Field id="ex-gen-cap" label={t('ex.capacity')} hint={t('ex.capacityHint')}>
          <input id="ex-gen-cap" class="tx-input tx-num" type="number" min="1" value={cap()} onInput={(e) => setCap(e.currentTarget.value)} />
        </Field>
        <FormError message={error()} />
        <Show when={done()}>
          <Notice kind="success">{done()}</Notice>
        </Show>
        <Button type="submit" variant="primary" loading={busy()}>
          <Icon name="calendar" />
          {t('ex.genSubmit')}
        </Button>
      </form>
    </section>
  );
}

/* ---------- 预约 ---------- */

function Bookings(props: { campaign: Campaign }) {
  const [day, setDay] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [extra, setExtra] = createSignal<Booking[]>([]);
  const [moreBusy, setMoreBusy] = createSignal(false);
  const [page, { refetch }] = createResource(
    () => ({ day: day(), status: status() }),
    async (f) => {
      const p = await listBookings(props.campaign.id, f);
      setExtra([]);
      setCursor(p.nextCursor);
      return p;
    },
  );
  async function more() {
    setMoreBusy(true);
    try {
      const p = await listBookings(props.campaign.id, { day: day(), status: status(), cursor: cursor() });
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
    } finally {
      setMoreBusy(false);
    }
  }
  const rows = () => [...(page.error ? [] : page.latest?.items ?? []), ...extra()];
  const statusLabel = (s: string) => t(`ex.status.${s}` as 'ex.status.booked');
  const badge = (s: string) => (s === 'checked_in' ? 'tx-badge-green' : s === 'no_show' ? 'tx-badge-orange' : s === 'booked' ? '' : 'tx-badge-neutral');

  return (
    <div class="ex-two">
      <section class="tx-card" aria-labelledby="ex-bk-h">
        <div class="ex-section-head">
          <h2 id="ex-bk-h">{t('ex.bookingsTitle')}</h2>
          <a class="tx-btn tx-btn-secondary tx-btn-sm" href={exportUrl(props.campaign.id, { day: day(), status: status() })} download="">
            <Icon name="download" />
            {t('ex.export')}
          </a>
        </div>
        <div class="cs-filters ex-filters">
          <Field id="ex-f-day" label={t('ex.filterDay')}>
            <input id="ex-f-day" class="tx-input" type="date" value={day()} onInput={(e) => setDay(e.currentTarget.value)} />
          </Field>
          <Field id="ex-f-status" label={t('ex.filterStatus')}>
            <select id="ex-f-status" class="tx-select" value={status()} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">{t('ex.allStatuses')}</option>
              <For each={BOOKING_STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
            </select>
          </Field>
        </div>
        <Switch>
          <Match when={page.error}>
            <ErrorState error={page.error} onRetry={refetch} />
          </Match>
          <Match when={!page.latest}>
            <Skeleton lines={8} />
          </Match>
          <Match when={true}>
            <div class={page.loading ? 'cs-stale' : ''}>
              <Table<Booking>
                rows={rows()}
                rowKey={(b) => b.id}
                caption={t('ex.bookingsTitle')}
                empty={<EmptyState icon="inbox" title={t('ex.noBookings')} body={t('ex.noBookingsBody')} />}
                columns={[
                  { key: 'code', header: t('ex.colCode'), cell: (b) => <code class="tx-num">{b.code}</code> },
                  { key: 'slot', header: t('ex.colSlot'), sortValue: (b) => b.slot.startsAt, cell: (b) => <span class="tx-num cs-nowrap">{`${b.day} ${chinaTime(b.slot.startsAt)}–${chinaTime(b.slot.endsAt)}`}</span> },
                  { key: 'name', header: t('ex.colName'), cell: (b) => <>{b.group ? <span class="tx-badge tx-badge-gold">{t('ex.group')}</span> : null}{b.fromWaitlist ? <span class="tx-badge tx-badge-green">{t('ex.fromWaitlist')}</span> : null} {b.name ?? b.orgUnitName ?? ''}</> },
                  { key: 'phone', header: t('ex.colPhone'), cell: (b) => <span class="tx-num">{b.phone ?? ''}</span> },
                  { key: 'party', header: t('ex.colParty'), numeric: true, sortValue: (b) => b.partySize, cell: (b) => fmtNumber(b.partySize) },
                  { key: 'unit', header: t('ex.colUnit'), cell: (b) => b.orgUnitName ?? '—' },
                  { key: 'status', header: t('ex.colStatus'), sortValue: (b) => b.status, cell: (b) => <span class={`tx-badge ${badge(b.status)}`}>{statusLabel(b.status)}</span> },
                ]}
              />
              <Show when={cursor()}>
                <div class="cs-more">
                  <Button loading={moreBusy()} onClick={more}>
                    {t('action.loadMore')}
                  </Button>
                </div>
              </Show>
            </div>
          </Match>
        </Switch>
      </section>
      <GroupForm campaign={props.campaign} onDone={refetch} />
    </div>
  );
}

function GroupForm(props: { campaign: Campaign; onDone: () => unknown }) {
  const [day, setDay] = createSignal(chinaDay());
  const [slots] = createResource(day, (d) =>
    listSlots(props.campaign.id, new Date(chinaMidnight(d)).toISOString(), new Date(chinaMidnight(addDays(d, 1))).toISOString()).catch(() => [] as Slot[]),
  );
  const [slotId, setSlotId] = createSignal('');
  const [unit, setUnit] = createSignal('');
  const [size, setSize] = createSignal('10');
  const [contact, setContact] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const units = () => org.scopeOptions();

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const n = Number(size());
    if (!slotId()) return setError(t('ex.grpSlotRequired'));
    if (!unit()) return setError(t('ex.grpUnitRequired'));
    if (!Number.isInteger(n) || n < 1) return setError(t('ex.grpSizeInvalid'));
    setBusy(true);
    try {
      const r = await groupBooking(props.campaign.id, { slotId: slotId(), orgUnitId: unit(), size: n, contactName: contact().trim() || undefined, contactPhone: phone().trim() || undefined });
      setDone(t('ex.grpDone', { code: r.booking.code }));
      void props.onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="ex-grp-h">
      <h2 id="ex-grp-h">{t('ex.grpTitle')}</h2>
      <p class="tx-small tx-muted">{t('ex.grpLead')}</p>
      <form class="ex-gen" onSubmit={submit} novalidate>
        <Field id="ex-grp-day" label={t('ex.grpDay')}>
          <input id="ex-grp-day" class="tx-input" type="date" value={day()} onInput={(e) => { setDay(e.currentTarget.value); setSlotId(''); }} />
        </Field>
        <Field id="ex-grp-slot" label={t('ex.grpSlot')}>
          <select id="ex-grp-slot" class="tx-select" value={slotId()} onChange={(e) => setSlotId(e.currentTarget.value)}>
            <option value="">{slots.loading ? t('state.loading') : (slots() ?? []).length ? t('ex.grpPickSlot') : t('ex.grpNoSlot')}</option>
            <For each={slots() ?? []}>
              {(s) => (
                <option value={s.id} disabled={s.closed || s.remaining < 1}>
                  {`${chinaTime(s.startsAt)}–${chinaTime(s.endsAt)} · ${t('ex.remainingN', { n: fmtNumber(s.remaining) })}`}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Field id="ex-grp-unit" label={t('ex.grpUnit')}>
          <select id="ex-grp-unit" class="tx-select" value={unit()} onChange={(e) => setUnit(e.currentTarget.value)}>
            <option value="">{t('ex.grpPickUnit')}</option>
            <For each={units()}>{(r) => <option value={r.unit.id}>{`${'　'.repeat(r.depth)}${r.unit.name}`}</option>}</For>
          </select>
        </Field>
        <Field id="ex-grp-size" label={t('ex.grpSize')}>
          <input id="ex-grp-size" class="tx-input tx-num" type="number" min="1" value={size()} onInput={(e) => setSize(e.currentTarget.value)} />
        </Field>
        <Field id="ex-grp-contact" label={t('ex.grpContact')} optional>
          <input id="ex-grp-contact" class="tx-input" value={contact()} onInput={(e) => setContact(e.currentTarget.value)} />
        </Field>
        <Field id="ex-grp-phone" label={t('ex.grpPhone')} optional>
          <input id="ex-grp-phone" class="tx-input tx-num" type="tel" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
        </Field>
        <FormError message={error()} />
        <Show when={done()}>
          <Notice kind="success">{done()}</Notice>
        </Show>
        <Button type="submit" variant="primary" loading={busy()}>
          {t('ex.grpSubmit')}
        </Button>
      </form>
    </section>
  );
}

/* ---------- 统计 ---------- */

function Stats(props: { campaign: Campaign }) {
  const [stats, { refetch }] = createResource(() => props.campaign.id, visitStats);
  const s = () => (stats.error ? undefined : stats.latest);
  return (
    <Switch>
      <Match when={stats.error}>
        <ErrorState error={stats.error} onRetry={refetch} />
      </Match>
      <Match when={!s()}>
        <div class="cs-metrics">
          <For each={[0, 1, 2, 3, 4]}>
            {() => (
              <div class="tx-card">
                <Skeleton lines={2} />
              </div>
            )}
          </For>
        </div>
        <div class="tx-card">
          <Skeleton title lines={6} />
        </div>
      </Match>
      <Match when={s()}>{(st) => <StatsView stats={st()} />}</Match>
    </Switch>
  );
}

function Metric(props: { id: string; label: string; tip: string; value: number; sub?: string }) {
  return (
    <div class="tx-card cs-metric" data-metric={props.id}>
      <div class="cs-metric-label">
        <span>{props.label}</span>
        <Tooltip text={props.tip} label={props.label} />
      </div>
      <div class="cs-metric-value tx-num">{fmtNumber(props.value)}</div>
      <Show when={props.sub}>
        <div class="tx-small tx-muted tx-num">{props.sub}</div>
      </Show>
    </div>
  );
}

function StatsView(props: { stats: VisitStats }) {
  const st = () => props.stats;
  const rate = () => (st().booked ? st().checkedIn / st().booked : null);
  return (
    <>
      <div class="cs-metrics ex-metrics" data-testid="ex-stats">
        <Metric id="booked" label={t('ex.mBooked')} tip={t('ex.mBookedTip')} value={st().booked} />
        <Metric id="checkedIn" label={t('ex.mCheckedIn')} tip={t('ex.mCheckedInTip')} value={st().checkedIn} sub={t('ex.mRate', { rate: fmtPercent(rate()) })} />
        <Metric id="noShows" label={t('ex.mNoShows')} tip={t('ex.mNoShowsTip')} value={st().noShows} />
        <Metric id="cancelled" label={t('ex.mCancelled')} tip={t('ex.mCancelledTip')} value={st().cancelled} />
        <Metric id="insideToday" label={t('ex.mInside')} tip={t('ex.mInsideTip')} value={st().insideToday} />
      </div>
      <div class="ex-two ex-two-even">
        <section class="tx-card">
          <h2>{t('ex.byDay')}</h2>
          <DayChart rows={st().byDay} />
        </section>
        <section class="tx-card">
          <h2>{t('ex.byUnit')}</h2>
          <Table
            rows={st().byOrgUnit}
            rowKey={(r) => r.orgUnitId ?? '-'}
            caption={t('ex.byUnit')}
            initialSort={{ key: 'booked', dir: 'desc' }}
            empty={<EmptyState icon="building" title={t('ex.noUnits')} body={t('ex.noUnitsBody')} />}
            columns={[
              { key: 'name', header: t('ex.colUnit'), sortValue: (r) => r.name ?? '', cell: (r) => r.name ?? t('ex.noUnit') },
              { key: 'booked', header: t('ex.mBooked'), numeric: true, sortValue: (r) => r.booked, cell: (r) => fmtNumber(r.booked) },
              { key: 'checkedIn', header: t('ex.mCheckedIn'), numeric: true, sortValue: (r) => r.checkedIn, cell: (r) => fmtNumber(r.checkedIn) },
              { key: 'rate', header: t('ex.colRate'), numeric: true, sortValue: (r) => (r.booked ? r.checkedIn / r.booked : 0), cell: (r) => fmtPercent(r.booked ? r.checkedIn / r.booked : null) },
            ]}
          />
        </section>
      </div>
    </>
  );
}

/** Booked and checked-in people per day as grouped bars, in plain SVG. */
function DayChart(props: { rows: VisitStats['byDay'] }) {
  const rows = () => props.rows.slice(-21);
  const max = () => Math.max(1, ...rows().map((r) => r.booked));
  const W = 640;
  const H = 220;
  const pad = { l: 36, r: 8, t: 12, b: 40 };
  const bw = () => (W - pad.l - pad.r) / Math.max(1, rows().length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max());
  return (
    <Show when={rows().length} fallback={<EmptyState icon="chart" title={t('ex.noDays')} />}>
      <figure class="ex-chart-fig">
        <svg class="cs-chart ex-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('ex.byDayAria')}>
          <line x1={pad.l} x2={W - pad.r} y1={y(0)} y2={y(0)} class="ex-axis" />
          <text x={pad.l - 6} y={y(max()) + 4} text-anchor="end" class="cs-chart-label">
            {fmtNumber(max())}
          </text>
          <text x={pad.l - 6} y={y(0) + 4} text-anchor="end" class="cs-chart-label">
            0
          </text>
          <For each={rows()}>
            {(r, i) => {
              const x = () => pad.l + i() * bw();
              const w = () => Math.max(2, bw() / 2 - 2);
              return (
                <g>
                  <title>{`${r.day}: ${t('ex.mBooked')} ${r.booked} · ${t('ex.mCheckedIn')} ${r.checkedIn} · ${t('ex.mNoShows')} ${r.noShows}`}</title>
                  <rect x={x() + 1} y={y(r.booked)} width={w()} height={y(0) - y(r.booked)} class="ex-bar-booked" />
                  <rect x={x() + 1 + w()} y={y(r.checkedIn)} width={w()} height={y(0) - y(r.checkedIn)} class="ex-bar-in" />
                  <Show when={rows().length <= 14 || i() % 2 === 0}>
                    <text x={x() + bw() / 2} y={H - pad.b + 16} text-anchor="middle" class="cs-chart-label ex-chart-day">
                      {r.day.slice(5)}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </svg>
        <figcaption class="ex-legend tx-small">
          <span>
            <i class="ex-key ex-key-booked" />
            {t('ex.mBooked')}
          </span>
          <span>
            <i class="ex-key ex-key-in" />
            {t('ex.mCheckedIn')}
          </span>
        </figcaption>
      </figure>
    </Show>
  );
}
