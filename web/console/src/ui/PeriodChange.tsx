import { Show } from 'solid-js';
import { periodChange } from '@shared/period';
import { fmtDate, fmtNumber, fmtPercent } from '@ui/format';
import { t } from '../i18n';

/**
 * A headline figure's change against the previous period of equal length: ▲ or ▼ with the
 * percentage (a rate moves in percentage points, shown as such), and a sentence for screen
 * readers, since an arrow and a colour say nothing read aloud. The period compared with is
 * named in the tooltip, so "上期" is never a guess.
 */
export function PeriodChange(props: { current: number; previous: number; rate?: boolean; from: string; to: string }) {
  const c = () => periodChange(props.current, props.previous);
  const dir = () => (c().delta > 0 ? 'up' : c().delta < 0 ? 'down' : 'same');
  // a rate's change is in points (fractions of 1 → "2.5 个百分点"); a count's as a share of the previous one
  const shown = () => {
    const d = Math.abs(c().delta);
    if (props.rate) return t('overview.changePoints', { v: fmtNumber(Math.round(d * 1000) / 10) });
    const r = c().ratio;
    return r === null ? fmtNumber(d) : fmtPercent(Math.abs(r));
  };
  const spoken = () => {
    if (dir() === 'same') return t('overview.changeSame');
    const by = props.rate
      ? shown()
      : c().ratio === null
        ? `${fmtNumber(Math.abs(c().delta))}（${t('overview.changeFrom0')}）`
        : `${shown()}（${fmtNumber(Math.abs(c().delta))}）`;
    return t(dir() === 'up' ? 'overview.changeUpSr' : 'overview.changeDownSr', { v: by });
  };
  return (
    <div
      class={`cs-change cs-change-${dir()} tx-small tx-num`}
      data-change={dir()}
      title={t('overview.changeTip', { from: fmtDate(props.from), to: fmtDate(props.to) })}
    >
      <span aria-hidden="true">
        <Show when={dir() !== 'same'} fallback={<>＝ {t('overview.changeSame')}</>}>
          {dir() === 'up' ? '▲' : '▼'} {shown()} <span class="tx-muted">{t('overview.changeVs')}</span>
        </Show>
      </span>
      <span class="tx-visually-hidden">{spoken()}</span>
    </div>
  );
}
