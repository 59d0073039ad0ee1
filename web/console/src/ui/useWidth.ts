import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';

/**
 * The pixel width of a box, kept current: charts draw in the box's own pixels so their
 * labels keep their real size on a phone instead of shrinking with a scaled viewBox.
 */
export function useWidth(initial: number, min = 280): [Accessor<number>, (el: HTMLElement) => void] {
  const [w, setW] = createSignal(initial);
  let box: HTMLElement | undefined;
  onMount(() => {
    if (!box || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => e && setW(Math.max(min, Math.round(e.contentRect.width))));
    ro.observe(box);
    onCleanup(() => ro.disconnect());
  });
  return [w, (el) => (box = el)];
}
