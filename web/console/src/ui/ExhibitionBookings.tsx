import { createResource, createSignal, For, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { UnitSelect } from './UnitSelect';
import {
  addDays,
  BOOKING_STATUSES,
  chinaDay,
  chinaMidnight,
  chinaTime,
  exportUrl,
  groupBooking,
  listBookings,
  listSlots,
  type Booking,
  type Slot,
} from '../data/exhibition';
import { t } from '../i18n';
import { createCursorList } from '@ui/paging';
import { LoadMore } from './DataTable';
import { createAction } from '@ui/action';

export function Bookings(props: { campaign: Campaign }) {
  const [day, setDay] = createSignal('');
  const [status, setStatus] = createSignal('');
  const list = createCursorList<Booking>((cursor) => listBookings(props.campaign.id, { day: day(), status: status(), cursor }));
  const [page, { refetch }] = createResource(
    () => ({ day: day(), status: status() }),
    async (f) => list.first(await listBookings(props.campaign.id, f)),
  );
  const rows = () => [...(page.error ? [] : (page.latest?.items ?? [])), ...list.extra()];
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
        <Loaded error={page.error} retry={refetch} loading={!page.latest} lines={8}>
          <div class={page.loading ? 'cs-stale' : ''}>
            <Table<Booking>
              rows={rows()}
              rowKey={(b) => b.id}
              caption={t('ex.bookingsTitle')}
              empty={<EmptyState icon="inbox" title={t('ex.noBookings')} body={t('ex.noBookingsBody')} />}
              columns={[
                { key: 'code', header: t('ex.colCode'), cell: (b) => <code class="tx-num">{b.code}</code> },
                {
                  key: 'slot',
                  header: t('ex.colSlot'),
                  sortValue: (b) => b.slot.startsAt,
                  cell: (b) => <span class="tx-num cs-nowrap">{`${b.day} ${chinaTime(b.slot.startsAt)}–${chinaTime(b.slot.endsAt)}`}</span>,
                },
                {
                  key: 'name',
                  header: t('ex.colName'),
                  cell: (b) => (
                    <>
                      {b.group ? <span class="tx-badge tx-badge-gold">{t('ex.group')}</span> : null}
                      {b.fromWaitlist ? <span class="tx-badge tx-badge-green">{t('ex.fromWaitlist')}</span> : null} {b.name ?? b.orgUnitName ?? ''}
                    </>
                  ),
                },
                { key: 'phone', header: t('ex.colPhone'), cell: (b) => <span class="tx-num">{b.phone ?? ''}</span> },
                { key: 'party', header: t('ex.colParty'), numeric: true, sortValue: (b) => b.partySize, cell: (b) => fmtNumber(b.partySize) },
                { key: 'unit', header: t('ex.colUnit'), cell: (b) => b.orgUnitName ?? '—' },
                {
                  key: 'status',
                  header: t('ex.colStatus'),
                  sortValue: (b) => b.status,
                  cell: (b) => <span class={`tx-badge ${badge(b.status)}`}>{statusLabel(b.status)}</span>,
                },
              ]}
            />
            <LoadMore error={list.more.state().error} busy={list.more.state().busy} more={list.cursor()} onMore={list.more.run} />
          </div>
        </Loaded>
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
  const { busy, error, setError, run } = createAction();
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
    await run(async () => {
      const r = await groupBooking(props.campaign.id, {
        slotId: slotId(),
        orgUnitId: unit(),
        size: n,
        contactName: contact().trim() || undefined,
        contactPhone: phone().trim() || undefined,
      });
      setDone(t('ex.grpDone', { code: r.booking.code }));
      void props.onDone();
    });
  }

  return (
    <section class="tx-card" aria-labelledby="ex-grp-h">
      <h2 id="ex-grp-h">{t('ex.grpTitle')}</h2>
      <p class="tx-small tx-muted">{t('ex.grpLead')}</p>
      <form class="ex-gen" onSubmit={submit} novalidate>
        <TextField
          id="ex-grp-day"
          label={t('ex.grpDay')}
          type="date"
          value={day()}
          onInput={(v) => {
            setDay(v);
            setSlotId('');
          }}
        />
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
          <UnitSelect id="ex-grp-unit" rows={units()} value={unit()} onPick={setUnit} any={t('ex.grpPickUnit')} />
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
