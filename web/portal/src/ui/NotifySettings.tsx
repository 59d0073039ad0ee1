import { createResource, createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { call } from '@ui/api';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { nt } from '@ui/i18n/notifications';
import { unread } from '@ui/notifications';

/**
 * 我的 → 通知设置: the way to 消息中心 (with the unread count) and the consent to texts for
 * 候补成功 and review results — off until the person turns it on (PUT /me/preferences).
 */
export function NotifySettings() {
  const [prefs, { mutate }] = createResource(() => call('GET /me/preferences', {}));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  void unread.refresh(true);

  async function toggle() {
    const next = !prefs()?.smsNotify;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      mutate(await call('PUT /me/preferences', {}, { body: { smsNotify: next } }));
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tx-card pt-settings" aria-labelledby="notify-settings">
      <h2 id="notify-settings">{nt('notify.settingsTitle')}</h2>
      <A href="/messages" class="pt-setting pt-notify-link">
        <span class="pt-setting-label">
          <Icon name="bell" /> {nt('notify.title')}
        </span>
        <Show when={unread.count() > 0}>
          <span class="tx-badge">{nt('notify.unreadCount', { n: unread.count() })}</span>
        </Show>
      </A>
      <div class="pt-setting">
        <div>
          <label class="pt-setting-label" for="sms-notify">
            {nt('notify.sms')}
          </label>
          <div class="tx-small tx-muted">{nt('notify.smsHint')}</div>
          <Show when={error()}>
            <p class="tx-field-error" role="alert">
              {error()}
            </p>
          </Show>
          <Show when={saved()}>
            <p class="tx-small tx-muted" role="status">
              {nt('notify.smsSaved')}
            </p>
          </Show>
        </div>
        <button
          type="button"
          id="sms-notify"
          class="tx-switch"
          role="switch"
          aria-checked={prefs()?.smsNotify ?? false}
          disabled={busy() || prefs.loading}
          onClick={() => void toggle()}
          data-testid="sms-notify"
        />
      </div>
    </section>
  );
}
