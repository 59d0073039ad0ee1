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
  let bubble: HTMLSpanElement | undefined;
  // Centred under its button, a bubble near the screen's edge is moved back inside it.
  const place = () => {
    if (!bubble) return;
    bubble.style.transform = '';
    const r = bubble.getBoundingClientRect();
    const shift = r.right > window.innerWidth - 8 ? window.innerWidth - 8 - r.right : r.left < 8 ? 8 - r.left : 0;
    if (shift) bubble.style.transform = `translateX(calc(-50% + ${Math.round(shift)}px))`;
  };
  return (
    <span
      class="tx-tip"
      data-open={open() ? 'true' : 'false'}
      onMouseEnter={() => requestAnimationFrame(place)}
      onFocusIn={() => requestAnimationFrame(place)}
      onMouseLeave={() => setOpen(false)}
    >
      {props.children}
      <button
        type="button"
        class="tx-tip-trigger"
        aria-label={props.label ?? kt('tip.more')}
        aria-describedby={`tip-${id}`}
        aria-expanded={open()}
        onClick={() => {
          setOpen(!open());
          requestAnimationFrame(place);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Icon name="info" />
      </button>
      <span class="tx-tip-bubble" role="tooltip" id={`tip-${id}`} ref={bubble}>
        {props.text}
      </span>
    </span>
  );
}
