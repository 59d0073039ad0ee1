import { For } from 'solid-js';
import type { Localized } from '@shared/i18n';
import { loc } from '../i18n/lang';

/**
 * The <option>s of a fixed word list (kinds, statuses, the registry's 人员类别/党内职务…),
 * each labelled in the reader's language (from `labels`, or `label` for words kept in the
 * app's dictionary), the current one selected.
 */
export function LabelOptions<T extends string | number>(props: {
  ids: readonly T[];
  labels?: Record<T, Localized>;
  label?: (id: T) => string;
  selected: T | string | null | undefined;
}) {
  return (
    <For each={props.ids}>
      {(k) => (
        <option value={k} selected={k === props.selected}>
          {props.label ? props.label(k) : loc(props.labels![k])}
        </option>
      )}
    </For>
  );
}
