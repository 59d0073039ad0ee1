import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { checkIn, chinaTime, visitStats, type Booking } from '../data/exhibition';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import '../exhibition.css';
import { cameraAvailable, decodeImageFile, qrDecoder } from '../scan';

type Outcome =
  | { kind: 'ok'; booking: Booking; code: string }
  | { kind: 'repeat' | 'outside' | 'cancelled' | 'foreign' | 'error'; message: string; code: string };

/** Sorts a check-in failure into the banner's colours by status and message. */
function classify(e: unknown, code: string): Outcome {
  const message = errorText(e);
  if (e instanceof ApiError) {
    if (e.reason === 'other_exhibition' || e.code === 'not_found') return { kind: 'foreign', message, code };
    if (e.reason === 'already_checked_in') return { kind: 'repeat', message, code };
    if (e.reason === 'booking_cancelled') return { kind: 'cancelled', message, code };
    if (e.reason === 'outside_slot') return { kind: 'outside', message, code };
  }
  return { kind: 'error', message, code };
}

/** A ticket QR holds the code or a URL that ends with it; take the code. */
export function codeFromScan(raw: string): string {
  const s = raw.trim();
  const m = /\/bookings\/([A-Za-z0-9-]+)/.exec(s) ?? /([A-Za-z0-9-]{4,})\/?(?:\?.*)?$/.exec(s);
  return (m ? m[1]! : s).toUpperCase();
}

/** 入场核验 (/console/campaigns/:id/check-in): made for a phone at the gate. Loaded on demand. */
export default function CheckIn() {
  const params = useParams<{ id: string }>();
  const [inside, setInside] = createSignal<number | null>(null);
  createResource(
    () => params.id,
    async (id) => {
      try {
        const s = await visitStats(id);
        if (inside() === null) setInside(s.insideToday);
      } catch {
        // the count comes with the next check-in
      }
      return true;
    },
  );
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const [scanning, setScanning] = createSignal(false);
  const [scanError, setScanError] = createSignal<string | null>(null);
  // every browser with a camera scans: the native detector where there is one, else jsQR (iPhone, WeChat)
  const canScan = cameraAvailable();
  const [reading, setReading] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | null = null;
  let timer: number | undefined;

  async function verify(raw?: string) {
    const c = (raw ?? code()).trim().toUpperCase();
    if (!c || busy()) return;
    setBusy(true);
    try {
      const r = await checkIn(c, params.id);
      setOutcome({ kind: 'ok', booking: r.booking, code: c });
      setInside(r.insideToday);
    } catch (e) {
      setOutcome(classify(e, c));
    } finally {
      setBusy(false);
      setCode('');
      input?.focus();
    }
  }

  function stopScan() {
    if (timer) window.clearTimeout(timer);
    timer = undefined;
    stream?.getTracks().forEach((tr) => tr.stop());
    stream = null;
    setScanning(false);
  }
  onCleanup(stopScan);

  async function startScan() {
    setScanError(null);
    try {
      const { decode } = await qrDecoder();
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      setScanning(true);
      await Promise.resolve();
      if (!video) return stopScan();
      video.srcObject = stream;
      await video.play();
      let last = '';
      const loop = async () => {
        if (!stream || !video) return;
        try {
          const raw = video.readyState >= 2 ? await decode(video) : null;
          if (raw) {
            const c = codeFromScan(raw);
            if (c !== last || !busy()) {
              last = c;
              await verify(c);
            }
            // a moment for the banner before the next ticket
            timer = window.setTimeout(loop, 1500);
            return;
          }
        } catch {
          // a frame that could not be read; try the next
        }
        timer = window.setTimeout(loop, 250);
      };
      void loop();
    } catch {
      stopScan();
      setScanError(t('ex.scanFailed'));
      input?.focus();
    }
  }

  /** 从图片识别: a screenshot or photo of a ticket, read by the same decoder as the camera. */
  async function scanPicture(file: File | undefined) {
    if (!file) return;
    setScanError(null);
    setReading(true);
    try {
      const raw = await decodeImageFile(file);
      if (raw) await verify(codeFromScan(raw));
      else setScanError(t('ex.scanNoCode'));
    } catch {
      setScanError(t('ex.scanNoCode'));
    } finally {
      setReading(false);
    }
  }

  return (
    <CampaignModulePage
      kind="exhibition"
      icon="exhibition"
      class="ex-ci-page"
      title={(c) => (c ? `${t('ex.checkIn')} · ${c.title}` : t('ex.checkIn'))}
      notKind={(kind) => t('ex.notExhibition', { kind })}
      backPath="exhibition"
      backLabel={t('ex.title')}
      lines={3}
    >
      {(c) => (
        <>
          <div class="ex-ci-head">
            <h1>{t('ex.checkIn')}</h1>
            <div class="tx-muted tx-small">{c().title}</div>
            <div class="ex-ci-inside" data-testid="ex-inside" aria-live="polite">
              <Icon name="user" />
              <span>{t('ex.insideToday')}</span>
              <strong class="tx-num">{inside() === null ? '—' : fmtNumber(inside())}</strong>
              <span>{t('ex.peopleUnit')}</span>
            </div>
          </div>
          <form
            class="tx-card ex-ci-form"
            onSubmit={(e) => {
              e.preventDefault();
              void verify();
            }}
          >
            <label for="ex-ci-code" class="ex-ci-label">
              {t('ex.codeLabel')}
            </label>
            <input
              id="ex-ci-code"
              ref={input}
              class="tx-input ex-ci-input"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              enterkeyhint="go"
              placeholder={t('ex.codePlaceholder')}
              value={code()}
              onInput={(e) => {
                const v = e.currentTarget.value.toUpperCase();
                e.currentTarget.value = v;
                setCode(v);
              }}
              autofocus
              data-testid="ex-ci-code"
            />
            <Button type="submit" variant="primary" block loading={busy()} disabled={!code().trim()} class="ex-ci-go">
              <Icon name="check" />
              {t('ex.verify')}
            </Button>
            <Show when={canScan}>
              <Show
                when={scanning()}
                fallback={
                  <Button block onClick={startScan}>
                    <Icon name="code" />
                    {t('ex.scan')}
                  </Button>
                }
              >
                <div class="ex-ci-video">
                  <video ref={video} playsinline muted />
                </div>
                <Button block onClick={stopScan}>
                  {t('ex.stopScan')}
                </Button>
              </Show>
            </Show>
            <label class="tx-btn tx-btn-secondary tx-btn-block ex-ci-picture" aria-busy={reading()}>
              <Icon name="file" />
              {t('ex.scanPicture')}
              <input
                type="file"
                accept="image/*"
                class="tx-visually-hidden"
                data-testid="ex-ci-picture"
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  void scanPicture(f);
                }}
              />
            </label>
            <Show when={scanError()}>
              <p class="tx-field-error" data-testid="ex-ci-scan-error">
                {scanError()}
              </p>
            </Show>
          </form>
          <Show when={outcome()}>{(o) => <Banner outcome={o()} />}</Show>
        </>
      )}
    </CampaignModulePage>
  );
}

function Banner(props: { outcome: Outcome }) {
  const o = () => props.outcome;
  const tone = () => (o().kind === 'ok' ? 'ok' : o().kind === 'repeat' ? 'warn' : 'bad');
  const title = () => t(`ex.result.${o().kind}` as 'ex.result.ok');
  return (
    <div class={`ex-ci-banner ex-ci-${tone()}`} role="alert" data-testid="ex-ci-result" data-kind={o().kind}>
      <div class="ex-ci-banner-icon" aria-hidden="true">
        <Icon name={tone() === 'ok' ? 'check' : 'alert'} />
      </div>
      <div class="ex-ci-banner-text">
        <div class="ex-ci-banner-title">{title()}</div>
        <div class="ex-ci-banner-code tx-num">{o().code}</div>
        <Show
          when={o().kind === 'ok' && (o() as { booking: Booking }).booking}
          fallback={<div class="ex-ci-banner-msg">{(o() as { message: string }).message}</div>}
        >
          {(b) => (
            <div class="ex-ci-banner-msg">
              <strong>{b().name ?? b().orgUnitName ?? ''}</strong> · {t('ex.partyN', { n: String(b().partySize) })}
              <br />
              <span class="tx-num">
                {chinaTime(b().slot.startsAt)}–{chinaTime(b().slot.endsAt)}
              </span>
            </div>
          )}
        </Show>
      </div>
    </div>
  );
}
