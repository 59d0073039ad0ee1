import { createMemo, createResource, createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import {
  addDays,
  chinaDay,
  chinaMidnight,
  chinaTime,
  generateSlots,
  listSlots,
  patchSlot,
  slotWaitlist,
  weekday,
  type Slot,
  type WaitlistEntry,
} from '../data/exhibition';
import { t } from '../i18n';
import { createAction } from '@ui/action';

const wd = (n: number) => t(`date.wd${n}` as 'date.wd1');

export function Slots(props: { campaign: Campaign }) {
  const [start, setStart] = createSignal(chinaDay());
  const range = () => ({ from: new Date(chinaMidnight(start())).toISOString(), to: new Date(chinaMidnight(addDays(start(), 14))).toISOString() });
  const [slots, { refetch, mutate }] = createResource(range, (r) => listSlots(props.campaign.id, r.from, r.to));
  const byDay = createMemo(() => {
    const m = new Map<string, Slot[]>();
    for (const s of [...(slots.error ? [] : (slots.latest ?? []))].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
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
        <Loaded
          error={slots.error}
          retry={refetch}
          loading={!slots.latest}
          lines={8}
          empty={byDay().length === 0}
          emptyView={<EmptyState icon="calendar" title={t('ex.noSlots')} body={t('ex.noSlotsBody')} />}
        >
          <div class={slots.loading ? 'cs-stale' : ''} data-testid="ex-slot-days">
            <For each={byDay()}>
              {([day, list]) => (
                <div class="ex-slot-day">
                  <h3 class="ex-slot-day-h tx-num">
                    {day} {wd(weekday(day))}
                    <span class="tx-muted tx-small">
                      {t('ex.dayTotals', {
                        booked: fmtNumber(list.reduce((n, s) => n + s.booked, 0)),
                        cap: fmtNumber(list.reduce((n, s) => n + s.capacity, 0)),
                      })}
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
        </Loaded>
      </section>
      <Generator campaign={props.campaign} onDone={refetch} />
    </div>
  );
}

function SlotRow(props: { slot: Slot; onSaved: (s: Slot) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [cap, setCap] = createSignal(String(props.slot.capacity));
  const { busy, error, setError, run } = createAction();
  const [note, setNote] = createSignal<string | null>(null);
  const [open, setOpen] = createSignal(false);
  const [waitRev, setWaitRev] = createSignal(0);
  const s = () => props.slot;
  async function save(body: { capacity?: number; closed?: boolean }) {
    setNote(null);
    await run(async () => {
      const r = await patchSlot(s().id, body);
      const next = r && (r as { slot?: Slot }).slot ? (r as { slot: Slot }).slot : { ...s(), ...body };
      const capacity = next.capacity ?? s().capacity;
      props.onSaved({ ...s(), ...next, remaining: Math.max(0, capacity - (next.booked ?? s().booked)) });
      // seats the change freed went to the people waiting, in order
      if (r?.promoted) setNote(t('ex.promoted', { n: fmtNumber(r.promoted) }));
      setWaitRev(waitRev() + 1);
      setEditing(false);
    });
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
            <span class="ex-wait-chev" classList={{ 'is-open': open() }}>
              <Icon name="chevronDown" />
            </span>
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
            <input
              class="tx-input ex-cap-input tx-num"
              type="number"
              min="1"
              aria-label={t('ex.capacity')}
              value={cap()}
              onInput={(e) => setCap(e.currentTarget.value)}
            />
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
        <span class="ex-slot-error tx-small ex-slot-note" role="status">
          {note()}
        </span>
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
  const [list, { refetch }] = createResource(
    () => ({ id: props.slotId, rev: props.rev }),
    (k) => slotWaitlist(k.id),
  );
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
  const { busy, error, setError, run } = createAction();
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
    await run(async () => {
      const r = await generateSlots(props.campaign.id, { from: from(), to: to(), weekdays: days(), times: times(), capacity });
      setDone(t('ex.genDone', { created: fmtNumber(r.created), requested: fmtNumber(r.requested) }));
      void props.onDone();
    });
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
                <input
                  class="tx-input tx-num"
                  type="time"
                  aria-label={t('ex.genStart')}
                  value={x().start}
                  onInput={(e) => setTime(i, 'start', e.currentTarget.value)}
                />
                <span aria-hidden="true">–</span>
                <input
                  class="tx-input tx-num"
                  type="time"
                  aria-label={t('ex.genEnd')}
                  value={x().end}
                  onInput={(e) => setTime(i, 'end', e.currentTarget.value)}
                />
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
