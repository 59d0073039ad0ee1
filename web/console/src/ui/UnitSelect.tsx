import { For, Show, splitProps, type JSX } from 'solid-js';
import type { OrgUnit } from '@ui/types';
import type { TreeRow } from '../data/org';

/** The units of a subtree as <option>s, indented by depth with full-width spaces (the one way every unit list reads). */
export function UnitOptions(props: { rows: TreeRow[]; selected?: string | null; label?: (u: OrgUnit) => string }) {
  return (
    <For each={props.rows}>
      {(o) => (
        <option value={o.unit.id} selected={o.unit.id === props.selected}>
          {'\u3000'.repeat(o.depth)}
          {props.label ? props.label(o.unit) : o.unit.name}
        </option>
      )}
    </For>
  );
}

type SelectAttrs = Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'class'>;

/**
 * The org-unit picker: a select over `rows` (a subtree or the organizer's scope). `any` adds a
 * leading empty option ("all units" / "pick a unit"); `before` adds options ahead of the tree.
 * Other attributes (id, data-testid, aria-*) go to the <select>.
 */
export function UnitSelect(
  props: SelectAttrs & { rows: TreeRow[]; value: string | null | undefined; onPick: (id: string) => void; any?: string; before?: JSX.Element },
) {
  const [own, rest] = splitProps(props, ['rows', 'value', 'onPick', 'any', 'before']);
  return (
    <select class="tx-select" value={own.value ?? ''} onChange={(e) => own.onPick(e.currentTarget.value)} {...rest}>
      <Show when={own.any !== undefined}>
        <option value="">{own.any}</option>
      </Show>
      {own.before}
      <UnitOptions rows={own.rows} selected={own.value} />
    </select>
  );
}

/** A list's unit filter: the caption and the picker in one label (the filter bars of volunteer and drive lists). */
export function UnitFilter(props: {
  class: string;
  label: string;
  rows: TreeRow[];
  value: string;
  onPick: (id: string) => void;
  any?: string;
  testid: string;
}) {
  return (
    <label class={props.class}>
      <span>{props.label}</span>
      <select class="tx-select" value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)} data-testid={props.testid}>
        <Show when={props.any !== undefined}>
          <option value="">{props.any}</option>
        </Show>
        <UnitOptions rows={props.rows} selected={props.value} />
      </select>
    </label>
  );
}
