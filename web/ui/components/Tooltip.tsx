import { createSignal, createUniqueId, type JSX } from 'solid-js';
import { Icon } from '../icons';
import { kt } from '../i18n/kit';

/**
 * An ⓘ button whose bubble explains something (a metric's definition). Opens on hover,
 * on keyboard focus and on tap, so it works on a tablet too.
 */
export function Tooltip(props: { text: string; label?: string; children?: JSX.Element }) {
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  return (
    <span class="tx-tip" data-open={open() ? 'true' : 'false'} onMouseLeave={() => setOpen(false)}>
      {props.children}
      <button
        type="button"
        class="tx-tip-trigger"
        aria-label={props.label ?? kt('tip.more')}
        aria-describedby={`tip-${id}`}
        aria-expanded={open()}
        onClick={() => setOpen(!open())}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Icon name="info" />
      </button>
      <span class="tx-tip-bubble" role="tooltip" id={`tip-${id}`}>
        {props.text}
      </span>
    </span>
  );
}
