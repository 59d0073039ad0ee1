import { createSignal, Show } from 'solid-js';
import { call } from '@ui/api';
import type { ResponseOf } from '@ui/operations';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';

/**
 * 封面图片 of a campaign (PUT/DELETE /campaigns/{id}/cover): upload, replace, or back to the
 * kind's default. The server checks the bytes and strips metadata; a refusal says why.
 */
export function CoverField(props: { campaign: Campaign; onChange?: (c: Campaign) => void }) {
  const [url, setUrl] = createSignal<string | null>(props.campaign.coverUrl);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  let input!: HTMLInputElement;

  async function send(file: File | null) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      let r: ResponseOf<'PUT /campaigns/{id}/cover'>;
      if (file) {
        const f = new FormData();
        f.set('image', file);
        r = await call('PUT /campaigns/{id}/cover', { id: props.campaign.id }, { body: f });
      } else {
        r = await call('DELETE /campaigns/{id}/cover', { id: props.campaign.id });
      }
      setUrl(r.coverUrl);
      setNotice(t('cover.saved'));
      props.onChange?.({ ...props.campaign, coverUrl: r.coverUrl });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <section class="tx-card cs-gap" aria-labelledby="cs-cover-title" data-testid="cover-field">
      <h2 id="cs-cover-title">{t('cover.title')}</h2>
      <p class="tx-small tx-muted">{t('cover.lead')}</p>
      <Show when={url()} fallback={<p class="tx-small">{t('cover.default')}</p>}>
        <img
          src={url()!}
          alt={t('cover.alt', { title: props.campaign.title })}
          style={{ 'max-width': '24rem', width: '100%', 'aspect-ratio': '16 / 9', 'object-fit': 'cover', 'border-radius': '0.5rem' }}
        />
      </Show>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        class="tx-visually-hidden"
        id="cs-cover-file"
        aria-label={t('cover.choose')}
        tabIndex={-1}
        onChange={(e) => void send(e.currentTarget.files?.[0] ?? null)}
        disabled={busy()}
      />
      <div class="tx-row cs-gap">
        <Button variant="secondary" loading={busy()} onClick={() => input.click()}>
          {busy() ? t('cover.uploading') : url() ? t('cover.replace') : t('cover.choose')}
        </Button>
        <Show when={url() && !busy()}>
          <Button variant="ghost" onClick={() => void send(null)}>
            {t('cover.remove')}
          </Button>
        </Show>
      </div>
      <p class="tx-small tx-muted">{t('cover.hint')}</p>
      <FormError message={error()} />
      <Show when={notice()}>
        <Notice kind="success">{notice()}</Notice>
      </Show>
    </section>
  );
}
