import { createSignal, For, Show } from 'solid-js';
import { addDays, chinaDay } from '@shared/china-time';
import { MAX_RANGE_DAYS } from '@shared/period';
import { t } from '../i18n';

/** A period of 概览: one of the presets (days back from today, 0 = all time), or China days from–to. */
export type OverviewRange = { days: number } | { from: string; to: string };

const PRESETS = [
  { days: 7, key: 'overview.p7' },
  { days: 30, key: 'overview.p30' },
  { days: 90, key: 'overview.p90' },
  { days: 0, key: 'overview.all' },
] as const;

/** The bounds a range asks the API for: China days, so the server reads whole China days whatever this desk's zone. */
export function rangeBounds(r: OverviewRange, today = chinaDay()): { from?: string; to?: string } {
  if ('from' in r) return { from: r.from, to: r.to };
  // "近30天" = the last 30 calendar days in China, today included (a report's natural unit)
  return r.days ? { from: addDays(today, -(r.days - 1)) } : {};
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** How long a range is in days (all time: null), to pick the trend's step. */
export const rangeDays = (r: OverviewRange): number | null => ('from' in r ? daysBetween(r.from, r.to) : r.days || null);

/** The presets as a segmented control, and 自定义 with two China-date fields. */
export function RangePicker(props: { value: OverviewRange; onChange: (r: OverviewRange) => void }) {
  const custom = () => 'from' in props.value;
  const [open, setOpen] = createSignal(custom());
  const today = chinaDay();
  const [from, setFrom] = createSignal('from' in props.value ? props.value.from : addDays(today, -29));
  const [to, setTo] = createSignal('from' in props.value ? props.value.to : today);
  const [error, setError] = createSignal('');

  const apply = (e: Event) => {
    e.preventDefault();
    const f = from();
    const tt = to();
    if (!f || !tt) return setError(t('overview.rangeMissing'));
    if (f > tt) return setError(t('overview.rangeOrder'));
    if (daysBetween(f, tt) > MAX_RANGE_DAYS) return setError(t('overview.rangeLong', { days: MAX_RANGE_DAYS }));
    setError('');
    props.onChange({ from: f, to: tt });
  };

  return (
    <div class="cs-range">
      <div class="tx-segmented" role="group" aria-label={t('overview.period')}>
        <For each={PRESETS}>
          {(p) => (
            <button
              type="button"
              aria-pressed={!custom() && !open() && 'days' in props.value && props.value.days === p.days}
              onClick={() => {
                setOpen(false);
                props.onChange({ days: p.days });
              }}
            >
              {t(p.key)}
            </button>
          )}
        </For>
        <button type="button" aria-pressed={custom() || open()} aria-expanded={open()} aria-controls="ov-range" onClick={() => setOpen(true)}>
          {t('overview.custom')}
        </button>
      </div>
      <Show when={open()}>
        <form id="ov-range" class="cs-range-form" noValidate onSubmit={apply} aria-label={t('overview.customLabel')}>
          <DateEnd name="from" label={t('overview.from')} max={to() || today} value={from()} onChange={setFrom} invalid={!!error()} />
          <DateEnd name="to" label={t('overview.to')} min={from() || undefined} max={today} value={to()} onChange={setTo} invalid={!!error()} />
          <button type="submit" class="tx-btn tx-btn-secondary">
            {t('overview.apply')}
          </button>
          <Show when={error()}>
            <p id="ov-range-error" class="tx-field-error" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </Show>
    </div>
  );
}

/** One end of the custom range: a labelled date box, marked with the form's error. */
function DateEnd(props: {
  name: string;
  label: string;
  min?: string | undefined;
  max: string;
  value: string;
  invalid: boolean;
  onChange: (day: string) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        class="tx-input tx-num"
        type="date"
        name={props.name}
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        aria-invalid={props.invalid}
        aria-describedby={props.invalid ? 'ov-range-error' : undefined}
      />
    </label>
  );
}
