import { For } from 'solid-js';

/**
 * A row of tabs over one panel (个人 / 组织). The panel is the caller's: give it
 * `id={`${props.id}-panel`}` and `role="tabpanel"`. Arrow keys move between tabs.
 */
export function Tabs<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  class?: string;
}) {
  let list: HTMLDivElement | undefined;
  function onKeyDown(e: KeyboardEvent) {
    const i = props.options.findIndex((o) => o.value === props.value);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || i < 0) return;
    e.preventDefault();
    const next = props.options[(i + step + props.options.length) % props.options.length]!;
    props.onChange(next.value);
    list?.querySelector<HTMLButtonElement>(`[data-value="${next.value}"]`)?.focus();
  }
  return (
    <div ref={list} class={`tx-tabs ${props.class ?? ''}`} role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      <For each={props.options}>
        {(o) => (
          <button
            type="button"
            role="tab"
            id={`${props.id}-tab-${o.value}`}
            data-value={o.value}
            aria-selected={o.value === props.value}
            aria-controls={`${props.id}-panel`}
            tabindex={o.value === props.value ? 0 : -1}
            onClick={() => props.onChange(o.value)}
          >
            {o.label}
          </button>
        )}
      </For>
    </div>
  );
}
