/** Progress of long work (uploads, imports): `value` in 0..1, or indeterminate when null. */
export function ProgressBar(props: { value: number | null; label: string }) {
  const pct = () => (props.value === null ? undefined : Math.round(Math.max(0, Math.min(1, props.value)) * 100));
  return (
    <div
      class={`tx-progress ${props.value === null ? 'tx-progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow={pct()}
    >
      <div class="tx-progress-bar" style={{ width: props.value === null ? undefined : `${pct()}%` }} />
    </div>
  );
}
