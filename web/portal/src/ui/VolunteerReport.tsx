import { createMemo, createSignal, For, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { chinaToday, fmtHours, reportService, type MyVolunteer, type ServiceRecord } from '../data/volunteer';
import { t } from '../i18n';
import { RecordStatusBadge } from './VolunteerBits';

type ReportField = 'date' | 'hours' | 'description' | 'pairId';

export function ReportForm(props: { campaign: Campaign; data: MyVolunteer; onDone: () => unknown }) {
  const today = chinaToday();
  const startDay = createMemo(() => chinaToday(Date.parse(props.campaign.startsAt)));
  const max = () => props.data.maxHoursPerDay;
  const [date, setDate] = createSignal(today);
  const [hours, setHours] = createSignal('1');
  const [description, setDescription] = createSignal('');
  const [pairId, setPairId] = createSignal(props.data.pairs.length === 1 ? props.data.pairs[0]!.id : '');
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const errors = createFormErrors<ReportField>();
  const err = (f: ReportField) => errors.fields()[f];

  const hoursNum = () => Number(hours().replace(',', '.'));
  function step(delta: number) {
    const h = Number.isFinite(hoursNum()) ? hoursNum() : 0;
    const next = Math.min(max(), Math.max(0.5, Math.round((h + delta) * 2) / 2));
    setHours(String(next));
    errors.set('hours', undefined);
  }

  function validate(): boolean {
    const h = hoursNum();
    const d = date();
    return errors.check({
      date: !d
        ? t('form.required')
        : d > today
          ? t('vol.errFuture')
          : d < startDay()
            ? t('vol.errBeforeStart', { date: fmtDate(props.campaign.startsAt) })
            : undefined,
      hours:
        !hours().trim() || !Number.isFinite(h) || h <= 0
          ? t('vol.errHours')
          : !Number.isInteger(h * 2)
            ? t('vol.errHalf')
            : h > max()
              ? t('vol.errMaxDay', { max: max() })
              : undefined,
      description: description().trim().length < 2 ? t('vol.errDescription') : undefined,
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    setDone(null);
    if (!validate()) return;
    setSending(true);
    try {
      const r = await reportService(props.campaign.id, {
        date: date(),
        hours: hoursNum(),
        description: description().trim(),
        ...(pairId() ? { pairId: pairId() } : {}),
      });
      setDone(t('vol.reported', { n: fmtHours(r.record.hours), date: r.record.date }));
      setDescription('');
      await props.onDone();
    } catch (err) {
      errors.fromApi(err, ['date', 'hours', 'description', 'pairId']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="report-title">
      <h2 id="report-title">{t('vol.reportTitle')}</h2>
      <p class="tx-small tx-muted">{t('vol.reportLead', { max: max() })}</p>
      <Show when={done()}>
        <div class="vl-gap" data-testid="report-done">
          <Notice kind="success">{done()}</Notice>
        </div>
      </Show>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <TextField
          id="rec-date"
          label={t('vol.date')}
          error={err('date')}
          name="date"
          type="date"
          num
          max={today}
          min={startDay()}
          value={date()}
          onInput={setDate}
        />
        <Field id="rec-hours" label={t('vol.hours')} error={err('hours')} hint={t('vol.hoursHint', { max: max() })}>
          <div class="vl-stepper">
            <button type="button" class="vl-step" aria-label={t('vol.hoursLess')} onClick={() => step(-0.5)} disabled={hoursNum() <= 0.5}>
              −
            </button>
            <input
              id="rec-hours"
              name="hours"
              class="tx-input tx-num vl-step-input"
              type="number"
              inputmode="decimal"
              step="0.5"
              min="0.5"
              max={max()}
              value={hours()}
              onInput={(e) => setHours(e.currentTarget.value)}
              {...fieldAria('rec-hours', err('hours'), 'hint')}
            />
            <span class="vl-step-unit" aria-hidden="true">
              {t('vol.hoursUnit')}
            </span>
            <button type="button" class="vl-step" aria-label={t('vol.hoursMore')} onClick={() => step(0.5)} disabled={hoursNum() >= max()}>
              +
            </button>
          </div>
        </Field>
        <Field id="rec-desc" label={t('vol.description')} error={err('description')}>
          <textarea
            id="rec-desc"
            name="description"
            class="tx-textarea"
            rows={3}
            maxLength={500}
            placeholder={t('vol.descriptionPlaceholder')}
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            {...fieldAria('rec-desc', err('description'))}
          />
        </Field>
        <Show when={props.data.pairs.length > 0}>
          <Field id="rec-pair" label={t('vol.withPair')} optional error={err('pairId')}>
            <select
              id="rec-pair"
              class="tx-select"
              value={pairId()}
              onChange={(e) => setPairId(e.currentTarget.value)}
              {...fieldAria('rec-pair', err('pairId'))}
            >
              <option value="">{t('vol.noPair')}</option>
              <For each={props.data.pairs}>
                {(p) => (
                  <option value={p.id} selected={p.id === pairId()}>
                    {p.residentName}（{p.residentPhone}）
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Button type="submit" variant="primary" block loading={sending()} class="vl-big">
          {sending() ? t('state.sending') : t('vol.reportSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function Records(props: { records: ServiceRecord[] }) {
  const total = () => props.records.length;
  // newest service first, whatever order the ids give
  const sorted = createMemo(() => [...props.records].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)));
  return (
    <section class="tx-card" aria-labelledby="records-title" data-testid="my-records">
      <div class="tx-card-title">
        <h2 id="records-title">{t('vol.myRecords')}</h2>
        <span class="tx-spacer" />
        <Show when={total()}>
          <span class="tx-small tx-muted tx-num">{t('vol.recordsCount', { n: fmtNumber(total()) })}</span>
        </Show>
      </div>
      <Show when={total() > 0} fallback={<EmptyState icon="clock" title={t('vol.noRecordsTitle')} body={t('vol.noRecordsBody')} />}>
        <ul class="vl-records">
          <For each={sorted()}>
            {(r) => (
              <li class="vl-record" data-status={r.status}>
                <div class="vl-record-head">
                  <span class="vl-record-date tx-num">{r.date}</span>
                  <span class="vl-record-hours tx-num">{t('score.hours', { n: fmtHours(r.hours) })}</span>
                  <span class="tx-spacer" />
                  <Show when={r.source === 'checkin'}>
                    <span class="tx-badge tx-badge-neutral" title={t('sa.verifiedHint')}>
                      <Icon name="check" />
                      {t('sa.verified')}
                    </span>
                  </Show>
                  <RecordStatusBadge status={r.status} />
                </div>
                <p class="vl-record-desc">{r.description}</p>
                <Show when={r.status === 'rejected'}>
                  <div class="vl-reason" role="note">
                    <Icon name="alert" />
                    <span>
                      <strong>{t('vol.rejectReason')}</strong>
                      {r.reason || t('vol.noReason')}
                    </span>
                  </div>
                </Show>
                <Show when={r.reviewedAt}>
                  <span class="tx-small tx-muted tx-num">{t('vol.reviewedAt', { time: fmtDateTime(r.reviewedAt) })}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
