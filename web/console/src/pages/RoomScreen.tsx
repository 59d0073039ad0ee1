import { Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { createLiveRoom } from '@ui/live-room';
import { roomLivePath } from '../data/live';
import { LiveStage } from '../ui/LiveStage';
import { t } from '../i18n';
import '../live.css';

/**
 * The 大屏 of a live room (/console/rooms/:id/screen), full screen at 1920×1080 for a hall:
 * joins as a screen (anyone may), big type readable from the back.
 */
export default function RoomScreen() {
  const params = useParams<{ id: string }>();
  const room = createLiveRoom(() => roomLivePath(params.id), 'screen');
  return (
    <main class="lv-screen" data-testid="room-screen">
      <Show when={room.state()} fallback={<p class="lv-screen-wait">{t('live.connecting')}</p>}>
        {(s) => <LiveStage state={s()} serverNow={room.serverNow()} big />}
      </Show>
      <Show when={room.state() && !room.connected()}>
        <p class="lv-screen-offline">{t('live.offline')}</p>
      </Show>
    </main>
  );
}
