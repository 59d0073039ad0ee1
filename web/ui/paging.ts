import { createSignal } from 'solid-js';
import { errorText } from './components/ErrorState';

/** The state of a "load more" button: busy while the next page loads, the error if it failed. */
export interface MoreState {
  busy: boolean;
  error: string | null;
}

/**
 * Runs `load` as the "load more" action of a list and keeps its state, so a failed page shows
 * its error under the list instead of replacing what is already loaded.
 */
export function createLoadMore(load: () => Promise<void>) {
  const [state, setState] = createSignal<MoreState>({ busy: false, error: null });
  async function run(): Promise<void> {
    setState({ busy: true, error: null });
    try {
      await load();
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: errorText(e) });
    }
  }
  return { state, run, clear: () => setState({ busy: false, error: null }) };
}

/**
 * A cursor-paged list whose first page comes from a resource: pass each first page through
 * `first` (it forgets the pages loaded after the old one), show `[...firstItems, ...extra()]`,
 * and `more.run` appends the next page.
 */
export function createCursorList<T>(next: (cursor: string) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const [extra, setExtra] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const more = createLoadMore(async () => {
    const c = cursor();
    if (!c) return;
    const p = await next(c);
    setExtra([...extra(), ...p.items]);
    setCursor(p.nextCursor);
  });
  function first<P extends { nextCursor: string | null }>(p: P): P {
    setExtra([]);
    setCursor(p.nextCursor);
    return p;
  }
  return { extra, cursor, more, first };
}
