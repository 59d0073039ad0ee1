import { createSignal, onCleanup, Show } from 'solid-js';
import { API_BASE, qs } from '../api';
import { kt } from '../i18n/kit';
import { Icon } from '../icons';
import { drawPoster } from '../poster';
import { Button } from './Button';
import { Notice } from './Field';

/**
 * 分享: the page's link to copy (or send with the phone's share sheet), its QR, and a poster
 * made on the phone to save, forward or print. It opens in place, under its button.
 */
export function SharePanel(props: {
  /** a portal page: /c/{slug}[/page] or /works/{id} */
  path: string;
  title: string;
  /** the poster's line under the title (kind and dates, say) */
  subtitle: string;
  /** a file name for downloads, without extension */
  fileName: string;
  /** what the poster asks people to do (default: 长按识别二维码，立即参加) */
  caption?: string;
  small?: boolean;
}) {
  const [open, setOpen] = createSignal(false);
  const [copy, setCopy] = createSignal<'done' | 'failed' | null>(null);
  const [poster, setPoster] = createSignal<{ url: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const url = () => new URL(props.path, location.origin).toString();
  const qrSrc = () => `${API_BASE}/qr.svg${qs({ path: props.path })}`;
  const id = `share-${props.fileName.replace(/[^a-z0-9-]/gi, '')}`;
  onCleanup(() => poster() && URL.revokeObjectURL(poster()!.url));

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url());
      setCopy('done');
    } catch {
      setCopy('failed');
    }
  }

  async function makePoster() {
    setBusy(true);
    setFailed(false);
    try {
      const png = await drawPoster(qrSrc(), {
        brand: `${kt('app.name')} · ${kt('app.tagline')}`,
        title: props.title,
        subtitle: props.subtitle,
        caption: props.caption ?? kt('share.posterCaption'),
        footer: location.host,
      });
      if (poster()) URL.revokeObjectURL(poster()!.url);
      setPoster({ url: URL.createObjectURL(png) });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="tx-share">
      <Button small={props.small} aria-expanded={open()} aria-controls={id} onClick={() => setOpen(!open())}>
        <Icon name="share" />
        {open() ? kt('share.close') : kt('share.open')}
      </Button>
      <Show when={open()}>
        <section id={id} class="tx-card tx-share-panel" aria-label={kt('share.title')}>
          <h2 class="tx-share-title">{kt('share.title')}</h2>
          <p class="tx-small tx-muted">{kt('share.lead')}</p>
          <div class="tx-share-grid">
            <img class="tx-share-qr" src={qrSrc()} width="160" height="160" alt={kt('share.qrAlt', { title: props.title })} />
            <div class="tx-share-side">
              <label class="tx-small tx-muted" for={`${id}-link`}>
                {kt('share.link')}
              </label>
              <input id={`${id}-link`} class="tx-input tx-share-link" readOnly value={url()} onFocus={(e) => e.currentTarget.select()} />
              <div class="tx-share-actions">
                <Button small variant="primary" onClick={() => void copyLink()}>
                  {kt('share.copy')}
                </Button>
                <Show when={typeof navigator !== 'undefined' && 'share' in navigator}>
                  <Button small onClick={() => void navigator.share({ title: props.title, url: url() }).catch(() => undefined)}>
                    {kt('share.native')}
                  </Button>
                </Show>
                <a class="tx-btn tx-btn-secondary tx-btn-sm" href={qrSrc()} download={`${props.fileName}-qr.svg`}>
                  <Icon name="download" />
                  {kt('share.downloadQr')}
                </a>
              </div>
              <Show when={copy()}>
                <p class="tx-small" role="status">
                  {copy() === 'done' ? kt('share.copied') : kt('share.copyFail')}
                </p>
              </Show>
            </div>
          </div>
          <Button onClick={() => void makePoster()} loading={busy()} block>
            {busy() ? kt('share.posterBusy') : kt('share.poster')}
          </Button>
          <Show when={failed()}>
            <Notice kind="warning">{kt('share.posterFail')}</Notice>
          </Show>
          <Show when={poster()}>
            {(p) => (
              <figure class="tx-share-poster">
                <img src={p().url} alt={kt('share.posterAlt', { title: props.title })} />
                <figcaption class="tx-small tx-muted">{kt('share.posterHint')}</figcaption>
                <a class="tx-btn tx-btn-secondary tx-btn-sm" href={p().url} download={`${props.fileName}-poster.png`}>
                  <Icon name="download" />
                  {kt('share.download')}
                </a>
              </figure>
            )}
          </Show>
        </section>
      </Show>
    </div>
  );
}
