import { batch, createEffect, createMemo, createResource, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import { A, useLocation, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { ErrorState } from '@ui/components/ErrorState';
import { Spinner } from '@ui/components/Spinner';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { contestConfig, voteState, type Entry } from '@ui/contest';
import { getCampaign } from '../data/campaigns';
import { contestHref, galleryList, getEntry, listGallery, recordView, setGalleryList, workHref } from '../data/contest';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { createToast, VoteButton, VotesLeftNote, votesText } from '../ui/ContestBits';

const MAX_SCALE = 5;
const SWIPE_PX = 60;

function CloseIcon() {
  return (
    <svg class="tx-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}

function setOgImage(url: string | null): void {
  let el = document.head.querySelector<HTMLMetaElement>('meta[property="og:image"]');
  if (!url) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('meta');
    el.setAttribute('property', 'og:image');
    document.head.appendChild(el);
  }
  el.content = new URL(url, location.origin).href;
}

/**
 * /works/:entryId — one work full screen: swipe (or ←/→) to the next work of the gallery,
 * pinch, wheel or double-tap to zoom, 投票 at the bottom. Counts a view when opened.
 */
export default function GalleryViewer() {
  const params = useParams<{ entryId: string }>();
  const [search] = useSearchParams<{ category?: string }>();
  const navigate = useNavigate();
  const location = useLocation<{ from?: string }>();
  const toast = createToast();

  const [data, { refetch }] = createResource(() => params.entryId, getEntry);
  const [campaign] = createResource(() => data.latest?.campaign.id, getCampaign);
  const category = () => search.category ?? null;

  // the works to swipe through: the gallery's list when it holds this work, else fetched once
  createEffect(
    on(
      () => data.latest?.entry,
      (e) => {
        if (e?.status !== 'approved') return;
        const g = galleryList();
        if (g && g.campaignId === e.campaignId && g.items.some((x) => x.id === e.id)) return;
        listGallery(e.campaignId, { category: category(), limit: 100 })
          .then((p) => setGalleryList({ campaignId: e.campaignId, category: category(), items: p.items }))
          .catch(() => undefined);
      },
    ),
  );

  const list = () => {
    const g = galleryList();
    const e = data.latest?.entry;
    return g && e && g.campaignId === e.campaignId ? g.items : [];
  };
  const index = createMemo(() => list().findIndex((x) => x.id === params.entryId));
  const entry = (): Entry | undefined =>
    (index() >= 0 ? list()[index()] : undefined) ?? (data.latest?.entry.id === params.entryId ? data.latest.entry : undefined);

  const galleryHref = () => {
    const c = data.latest?.campaign;
    return c ? `${contestHref(c, 'gallery')}${category() ? `?category=${encodeURIComponent(category()!)}` : ''}` : '/campaigns';
  };

  usePageMeta(() => {
    const d = data.latest;
    const e = entry();
    return d && e
      ? {
          title: `${e.title} · ${d.campaign.title} · ${t('app.name')}`,
          description: [`${e.authorName} · ${e.category}`, e.description].filter(Boolean).join(' — '),
        }
      : { title: `${t('contest.viewer.title')} · ${t('app.name')}` };
  });
  createEffect(() => setOgImage(entry()?.imageUrl ?? null));
  onCleanup(() => setOgImage(null));

  createEffect(
    on(
      () => entry()?.id,
      (id) => {
        if (id && entry()?.status === 'approved') recordView(id);
      },
    ),
  );

  function go(step: -1 | 1) {
    const i = index();
    const next = i >= 0 ? list()[i + step] : undefined;
    if (!next) return;
    navigate(`${workHref(next.id)}${location.search}`, { replace: true, state: location.state ?? undefined });
  }

  function close() {
    if (location.state?.from) navigate(-1);
    else navigate(galleryHref());
  }

  // the page behind the viewer does not scroll while it is open
  onMount(() => {
    const prev = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    onCleanup(() => (document.body.style.overflow = prev));
  });

  /* ---- zoom and swipe ------------------------------------------------------------- */
  const [scale, setScale] = createSignal(1);
  const [tx, setTx] = createSignal(0);
  const [ty, setTy] = createSignal(0);
  const [dragX, setDragX] = createSignal(0);
  const [dragging, setDragging] = createSignal(false);
  const [chrome, setChrome] = createSignal(true);
  const [expanded, setExpanded] = createSignal(false);
  const [imgLoaded, setImgLoaded] = createSignal(false);
  let stage: HTMLDivElement | undefined;
  let closeBtn: HTMLButtonElement | undefined;

  const pointers = new Map<number, { x: number; y: number }>();
  let start = { x: 0, y: 0, tx: 0, ty: 0, scale: 1, dist: 0, midX: 0, midY: 0, time: 0, moved: false };
  let lastTap = { time: 0, x: 0, y: 0 };
  let tapTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(tapTimer));

  createEffect(
    on(
      () => params.entryId,
      () => {
        batch(() => {
          setScale(1);
          setTx(0);
          setTy(0);
          setDragX(0);
          setExpanded(false);
          setImgLoaded(false);
        });
      },
    ),
  );

  function clampPan(x: number, y: number, s: number): [number, number] {
    const r = stage?.getBoundingClientRect();
    if (!r) return [x, y];
    const mx = ((s - 1) * r.width) / 2;
    const my = ((s - 1) * r.height) / 2;
    return [Math.max(-mx, Math.min(mx, x)), Math.max(-my, Math.min(my, y))];
  }

  function zoomAt(s: number, clientX: number, clientY: number) {
    const r = stage!.getBoundingClientRect();
    const px = clientX - (r.left + r.width / 2);
    const py = clientY - (r.top + r.height / 2);
    const next = Math.max(1, Math.min(MAX_SCALE, s));
    // keep the point under the finger where it is
    const [x, y] = clampPan(-px * (next - 1), -py * (next - 1), next);
    batch(() => {
      setScale(next);
      setTx(next === 1 ? 0 : x);
      setTy(next === 1 ? 0 : y);
    });
  }

  function onPointerDown(e: PointerEvent) {
    if ((e.target as HTMLElement).closest('button, a')) return;
    stage!.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.values()];
    if (pts.length === 1) {
      start = { ...start, x: e.clientX, y: e.clientY, tx: tx(), ty: ty(), scale: scale(), time: Date.now(), moved: false };
    } else if (pts.length === 2) {
      const [a, b] = pts as [{ x: number; y: number }, { x: number; y: number }];
      start = {
        ...start,
        dist: Math.hypot(a.x - b.x, a.y - b.y),
        scale: scale(),
        tx: tx(),
        ty: ty(),
        midX: (a.x + b.x) / 2,
        midY: (a.y + b.y) / 2,
        moved: true,
      };
      setDragX(0);
    }
    setDragging(true);
  }

  function onPointerMove(e: PointerEvent) {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.values()];
    if (pts.length >= 2) {
      const [a, b] = pts as [{ x: number; y: number }, { x: number; y: number }];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const s = Math.max(1, Math.min(MAX_SCALE, (start.scale * d) / (start.dist || d)));
      const midX = (a.x + b.x) / 2;
      const midY = (a.y + b.y) / 2;
      const [x, y] = clampPan(start.tx + (midX - start.midX), start.ty + (midY - start.midY), s);
      batch(() => {
        setScale(s);
        setTx(x);
        setTy(y);
      });
      return;
    }
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) > 6 || Math.abs(dy) > 6) start.moved = true;
    if (scale() > 1) {
      const [x, y] = clampPan(start.tx + dx, start.ty + dy, scale());
      batch(() => {
        setTx(x);
        setTy(y);
      });
    } else if (Math.abs(dx) > Math.abs(dy)) setDragX(dx);
  }

  function onPointerUp(e: PointerEvent) {
    if (!pointers.has(e.pointerId)) return;
    pointers.delete(e.pointerId);
    if (pointers.size > 0) {
      // one finger left after a pinch: continue as a pan from here
      const [p] = [...pointers.values()] as [{ x: number; y: number }];
      start = { ...start, x: p.x, y: p.y, tx: tx(), ty: ty() };
      return;
    }
    setDragging(false);
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (scale() <= 1.01 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy) * 1.2) {
      setDragX(0);
      go(dx < 0 ? 1 : -1);
      return;
    }
    setDragX(0);
    if (start.moved || Date.now() - start.time > 300) return;
    // a tap: two quick ones zoom, a single one shows or hides the captions
    const now = Date.now();
    if (now - lastTap.time < 320 && Math.hypot(e.clientX - lastTap.x, e.clientY - lastTap.y) < 40) {
      clearTimeout(tapTimer);
      lastTap = { time: 0, x: 0, y: 0 };
      if (scale() > 1) zoomAt(1, e.clientX, e.clientY);
      else zoomAt(2.5, e.clientX, e.clientY);
      return;
    }
    lastTap = { time: now, x: e.clientX, y: e.clientY };
    clearTimeout(tapTimer);
    tapTimer = setTimeout(() => setChrome(!chrome()), 330);
  }

  function onWheel(e: WheelEvent) {
    e.preventDefault();
    zoomAt(scale() * Math.exp(-e.deltaY / 400), e.clientX, e.clientY);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else if (e.key === 'Escape') close();
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
    else return;
    e.preventDefault();
  }
  function zoomBy(f: number) {
    const r = stage?.getBoundingClientRect();
    if (r) zoomAt(scale() * f, r.left + r.width / 2, r.top + r.height / 2);
  }
  onMount(() => {
    document.addEventListener('keydown', onKeyDown);
    onCleanup(() => document.removeEventListener('keydown', onKeyDown));
    closeBtn?.focus();
  });

  const missing = () => data.error instanceof ApiError && data.error.status === 404;
  const c = () => (campaign.error ? undefined : campaign.latest);

  return (
    <div
      class="ct-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={entry()?.title ?? t('contest.viewer.title')}
      data-testid="viewer"
      data-chrome={chrome() ? 'on' : 'off'}
    >
      <div class="ct-viewer-top">
        <button ref={closeBtn} type="button" class="ct-viewer-btn" onClick={close} aria-label={t('contest.viewer.close')}>
          <CloseIcon />
        </button>
        <span class="ct-viewer-count tx-num" aria-live="polite">
          <Show when={index() >= 0 && list().length > 1}>{t('contest.viewer.count', { i: fmtNumber(index() + 1), n: fmtNumber(list().length) })}</Show>
        </span>
        <Show when={scale() > 1}>
          <button type="button" class="ct-viewer-btn ct-viewer-reset" onClick={() => zoomBy(0)}>
            {t('contest.viewer.reset')}
          </button>
        </Show>
      </div>

      <Show
        when={!missing()}
        fallback={
          <div class="ct-viewer-state">
            <p>{t('contest.viewer.missing')}</p>
            <A href="/campaigns" class="tx-btn tx-btn-secondary">
              {t('nav.campaigns')}
            </A>
          </div>
        }
      >
        <Show
          when={!data.error}
          fallback={
            <div class="ct-viewer-state">
              <ErrorState error={data.error} onRetry={refetch} />
            </div>
          }
        >
          <div
            ref={stage}
            class="ct-viewer-stage"
            classList={{ 'is-dragging': dragging() }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onWheel={onWheel}
          >
            <Show when={entry()} fallback={<Spinner class="ct-viewer-spinner" label={t('state.loading')} />}>
              {(e) => (
                <>
                  <Show when={!imgLoaded()}>
                    <img class="ct-viewer-img ct-viewer-low" src={e().thumbUrl} alt="" aria-hidden="true" style={{ transform: `translateX(${dragX()}px)` }} />
                  </Show>
                  <img
                    class="ct-viewer-img"
                    src={e().imageUrl}
                    alt={e().title}
                    draggable={false}
                    onLoad={() => setImgLoaded(true)}
                    style={{
                      transform: `translate(${tx() + dragX()}px, ${ty()}px) scale(${scale()})`,
                      opacity: imgLoaded() ? 1 : 0,
                    }}
                  />
                </>
              )}
            </Show>
            <Show when={index() > 0}>
              <button type="button" class="ct-viewer-nav ct-viewer-prev" onClick={() => go(-1)} aria-label={t('contest.viewer.prev')}>
                <Icon name="chevronLeft" />
              </button>
            </Show>
            <Show when={index() >= 0 && index() < list().length - 1}>
              <button type="button" class="ct-viewer-nav ct-viewer-next" onClick={() => go(1)} aria-label={t('contest.viewer.next')}>
                <Icon name="chevronRight" />
              </button>
            </Show>
          </div>

          <Show when={entry()}>
            {(e) => (
              <div class="ct-viewer-info">
                <div class="ct-viewer-caption">
                  <div class="ct-viewer-titleline">
                    <h1 class="ct-viewer-title">{e().title}</h1>
                    <Show when={e().award}>
                      <span class="tx-badge tx-badge-gold">{e().award}</span>
                    </Show>
                  </div>
                  <div class="ct-viewer-meta">
                    {e().authorName} · {e().category}
                    <span class="tx-num"> · {t('contest.viewer.views', { n: fmtNumber(e().views) })}</span>
                    <Show when={e().votes !== null}>
                      <span class="tx-num" data-testid="viewer-votes">
                        {' '}
                        · {votesText(e().votes)}
                      </span>
                    </Show>
                  </div>
                  <Show when={e().description}>
                    <p class={`ct-viewer-desc ${expanded() ? 'is-open' : ''}`} onClick={() => setExpanded(!expanded())}>
                      {e().description}
                    </p>
                  </Show>
                </div>
                <Show when={c()}>
                  {(camp) => (
                    <Show when={voteState(camp()) === 'open'}>
                      <div class="ct-viewer-vote">
                        <VotesLeftNote campaign={camp()} perDay={contestConfig(camp()).votesPerDay} />
                        <VoteButton campaign={camp()} entry={e()} notify={toast.show} />
                      </div>
                    </Show>
                  )}
                </Show>
              </div>
            )}
          </Show>
        </Show>
      </Show>
      <toast.View dark />
    </div>
  );
}
