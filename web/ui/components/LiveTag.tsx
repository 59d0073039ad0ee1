import { Show } from 'solid-js';
import { kt } from '../i18n/kit';
import { fmtUpdated } from '../leaderboard';
import type { LiveBoard } from '../live-board';

/** ● 实时 while the socket is open; 每 20 秒刷新 after it closed; and when the board last changed. */
export function LiveTag(props: { board: LiveBoard; class: string }) {
  return (
    <span class={props.class}>
      <span class="tx-live" data-state={props.board.live()} data-testid="live-state">
        {props.board.live() === 'live' ? kt('board.live') : props.board.live() === 'polling' ? kt('board.polling') : kt('board.connecting')}
      </span>
      <Show when={props.board.meta()}>{(m) => <span class="tx-small tx-muted tx-num">{kt('board.updatedAt', { time: fmtUpdated(m().updatedAt) })}</span>}</Show>
    </span>
  );
}
