import { batch, createEffect, createMemo, createResource, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { A, useLocation, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDateTime, fmtNumber } from '@ui/format';
import { contestConfig, fmtBytes, MAX_DERIVED_BYTES, MAX_IMAGE_BYTES, newUploadId, submitState, windowsOf, type Entry } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { contestHref, listMine, submitEntry } from '../data/contest';
import { loadImage, scaledJpeg, sniffFile, type ImageKind } from '../data/contestImage';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { ContestGate, ContestHead, EntryStatusBadge } from '../ui/ContestBits';

type FieldName = 'category' | 'title' | 'authorName' | 'description' | 'image';
const FIELDS: FieldName[] = ['category', 'title', 'authorName', 'description', 'image'];

interface Picked {
  file: File;
  url: string;
  img: HTMLImageElement;
  width: number;
  height: number;
  kind: ImageKind;
}

/** /c/:idOrSlug/submit — 我要投稿: one column, checks in the browser, upload with progress. */
export default function ContestSubmit() {
  const params = useParams<{ idOrSlug: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (!session.me.loading && !session.me.error && session.me() === null) {
      navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    }
  });
  return (
    <div class="pt-page ct-page ct-narrow">
      <ContestGate idOrSlug={params.idOrSlug}>
        {(c) => (
          <Show when={session.me()} fallback={<Skeleton title lines={6} />}>
            <Submit campaign={c} />
          </Show>
        )}
      </ContestGate>
    </div>
  );
}

function Submit(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  const [search] = useSearchParams<{ category?: string }>();
  usePageMeta(() => ({ title: `${t('contest.submit.title')} · ${c().title} · ${t('app.name')}` }));

  const [category, setCategory] = createSignal(cfg().categories.includes(search.category ?? '') ? search.category! : (cfg().categories[0] ?? ''));
  const [title, setTitle] = createSignal('');
  const [author, setAuthor] = createSignal(session.me()?.user.name ?? '');
  const [description, setDescription] = createSignal('');
  const [picked, setPicked] = createSignal<Picked | null>(null);
  const [reading, setReading] = createSignal(false);
  const [phase, setPhase] = createSignal<'idle' | 'preparing' | 'uploading'>('idle');
  const [progress, setProgress] = createSignal(0);
  const [networkFailed, setNetworkFailed] = createSignal(false);
  const [done, setDone] = createSignal<{ entry: Entry; preview: string } | null>(null);
  const errors = createFormErrors<FieldName>();
  let fileInput: HTMLInputElement | undefined;

  // one id per attempt: a retry of the same attempt keeps it, any change starts a new attempt
  let uploadId: string | null = null;
  let attemptKey = '';

  const [mine, { refetch: refetchMine }] = createResource(() => c().id, listMine);
  const usedIn = (cat: string) => (mine.latest ?? []).filter((e) => e.category === cat && e.status !== 'rejected').length;
  const quotaFull = () => !!mine.latest && usedIn(category()) >= cfg().entriesPerPerson;
  const minEdge = () => cfg().minLongEdge[category()] ?? 0;

  onCleanup(() => {
    const p = picked();
    if (p) URL.revokeObjectURL(p.url);
  });

  /** What is wrong with the chosen image for the chosen category, if anything. */
  function imageProblem(p: Picked | null): string | undefined {
    if (!p) return t('contest.submit.imageRequired');
    if (p.width * p.height > cfg().maxPixels) return t('contest.submit.tooManyPixels', { w: p.width, h: p.height });
    const edge = Math.max(p.width, p.height);
    if (minEdge() && edge < minEdge()) return t('contest.submit.tooSmall', { category: category(), px: fmtNumber(minEdge()), actual: fmtNumber(edge) });
    return undefined;
  }

  // the long-edge rule depends on the category: check again when it changes
  createEffect(
    on(
      category,
      () => {
        const p = picked();
        if (p) errors.set('image', imageProblem(p));
      },
      { defer: true },
    ),
  );

  async function choose(file: File | undefined) {
    errors.set('image', undefined);
    if (!file) return;
    setReading(true);
    try {
      const kind = await sniffFile(file);
      // the content decides, as on the server (a renamed .jpg that is really a PDF is refused)
      if (!kind) {
        errors.set('image', t('contest.submit.badType'));
        return;
      }
      if (file.size > MAX_IMAGE_BYTES) {
        errors.set('image', t('contest.submit.tooBig', { size: fmtBytes(file.size) }));
        return;
      }
      const url = URL.createObjectURL(file);
      let img: HTMLImageElement;
      try {
        img = await loadImage(url);
      } catch {
        URL.revokeObjectURL(url);
        errors.set('image', t('contest.submit.unreadable'));
        return;
      }
      const old = picked();
      if (old) URL.revokeObjectURL(old.url);
      const p: Picked = { file, url, img, width: img.naturalWidth, height: img.naturalHeight, kind };
      setPicked(p);
      errors.set('image', imageProblem(p));
    } finally {
      setReading(false);
      if (fileInput) fileInput.value = '';
    }
  }

  function validate(): boolean {
    return errors.check({
      category: !category() ? t('form.required') : undefined,
      title: !title().trim() ? t('form.required') : title().trim().length > 60 ? t('contest.submit.tooLong', { n: 60 }) : undefined,
      authorName: !author().trim() ? t('form.required') : author().trim().length > 40 ? t('contest.submit.tooLong', { n: 40 }) : undefined,
      description: description().length > 1000 ? t('contest.submit.tooLong', { n: 1000 }) : undefined,
      image: imageProblem(picked()),
    });
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    setNetworkFailed(false);
    if (!validate()) {
      errors.setForm(t('form.fixErrors'));
      return;
    }
    const p = picked()!;
    const key = JSON.stringify([category(), title().trim(), author().trim(), description().trim(), p.file.name, p.file.size, p.file.lastModified]);
    if (!uploadId || key !== attemptKey) {
      uploadId = newUploadId();
      attemptKey = key;
    }
    setPhase('preparing');
    setProgress(0);
    try {
      const display = await scaledJpeg(p.img, 1600);
      const thumb = await scaledJpeg(p.img, 480);
      const fd = new FormData();
      fd.append('title', title().trim());
      fd.append('category', category());
      fd.append('authorName', author().trim());
      fd.append('description', description().trim());
      fd.append('uploadId', uploadId);
      fd.append('image', p.file, p.file.name || `work.${p.kind === 'jpeg' ? 'jpg' : p.kind}`);
      if (display && display.size <= MAX_DERIVED_BYTES) fd.append('display', display, 'display.jpg');
      if (thumb && thumb.size <= MAX_DERIVED_BYTES) fd.append('thumb', thumb, 'thumb.jpg');
      setPhase('uploading');
      const r = await submitEntry(c().id, fd, setProgress);
      batch(() => {
        setDone({ entry: r.entry, preview: thumb ? URL.createObjectURL(thumb) : p.url });
        setPhase('idle');
      });
      uploadId = null;
      void refetchMine();
      window.scrollTo({ top: 0 });
    } catch (err) {
      setPhase('idle');
      errors.fromApi(err, FIELDS);
      if (err instanceof ApiError) {
        if (err.code === 'network') setNetworkFailed(true);
        // the image's own problems (type, size, pixels, long edge) belong under the picker
        else if ([413, 415, 422].includes(err.status) && !Object.keys(err.fields).length) {
          errors.set('image', errors.form() ?? undefined);
          errors.setForm(null);
        }
      }
    }
  }

  function another() {
    const d = done();
    if (d && d.preview !== picked()?.url) URL.revokeObjectURL(d.preview);
    const p = picked();
    if (p) URL.revokeObjectURL(p.url);
    batch(() => {
      setDone(null);
      setPicked(null);
      setTitle('');
      setDescription('');
      errors.clear();
    });
    window.scrollTo({ top: 0 });
  }

  const busy = () => phase() !== 'idle';
  const w = () => windowsOf(c());
  const counter = (n: number, max: number) => t('contest.submit.count', { n: fmtNumber(n), max: fmtNumber(max) });
  const authorHint = createMemo(() => t('contest.submit.authorHint'));

  return (
    <>
      <ContestHead campaign={c()} title={t('contest.submit.title')} />
      <Switch>
        <Match when={done()}>
          {(d) => (
            <section class="tx-card ct-done" data-testid="submit-done" aria-live="polite">
              <div class="ct-done-head">
                <span class="ct-done-icon">
                  <Icon name="check" />
                </span>
                <div>
                  <h2>{t('contest.submit.doneTitle')}</h2>
                  <p class="tx-muted">{t('contest.submit.doneBody')}</p>
                </div>
              </div>
              <div class="ct-done-work">
                <img src={d().preview} alt="" />
                <div>
                  <strong>{d().entry.title}</strong>
                  <div class="tx-small tx-muted">
                    {d().entry.category} · {d().entry.authorName}
                  </div>
                  <EntryStatusBadge status={d().entry.status} />
                </div>
              </div>
              <div class="ct-done-actions">
                <LinkButton href={`${contestHref(c(), 'contest')}#mine`} variant="primary" block>
                  {t('contest.submit.seeMine')}
                </LinkButton>
                <Show when={submitState(c()) === 'open'}>
                  <Button block onClick={another}>
                    <Icon name="plus" />
                    {t('contest.submit.another')}
                  </Button>
                </Show>
                <LinkButton href={contestHref(c(), 'gallery')} variant="ghost" block>
                  {t('contest.hub.gallery')}
                </LinkButton>
              </div>
            </section>
          )}
        </Match>
        <Match when={submitState(c()) !== 'open'}>
          <Notice kind="warning" icon="clock">
            {submitState(c()) === 'before' ? t('contest.hub.submitSoon', { date: fmtDateTime(w().submitFrom) }) : t('contest.hub.submitClosed')}
          </Notice>
          <p class="ct-back">
            <A href={contestHref(c(), 'gallery')}>{t('contest.hub.gallery')}</A>
          </p>
        </Match>
        <Match when={true}>
          <p class="tx-muted ct-lead">{t('contest.submit.lead', { n: fmtNumber(cfg().entriesPerPerson), date: fmtDateTime(w().submitUntil) })}</p>
          <form class="tx-card ct-form" onSubmit={submit} novalidate>
            <FormError message={errors.form()} />

            <fieldset class="ct-fieldset" aria-describedby={errors.fields().category ? 'category-error' : undefined}>
              <legend class="tx-field-label">{t('contest.submit.category')}</legend>
              <div class="ct-radio-chips" role="radiogroup">
                <For each={cfg().categories}>
                  {(cat) => (
                    <label class="ct-radio-chip">
                      <input type="radio" name="category" value={cat} checked={category() === cat} disabled={busy()} onChange={() => setCategory(cat)} />
                      <span>{cat}</span>
                    </label>
                  )}
                </For>
              </div>
              <div class="tx-field-hint">
                <Show when={mine.latest} fallback={'\u00a0'}>
                  {t('contest.submit.quota', { category: category(), n: fmtNumber(usedIn(category())), max: fmtNumber(cfg().entriesPerPerson) })}
                </Show>
                <Show when={minEdge() > 0}> {t('contest.rules.minEdge', { category: category(), px: fmtNumber(minEdge()) })}</Show>
              </div>
              <Show when={errors.fields().category}>
                <div class="tx-field-error" id="category-error" role="alert">
                  <Icon name="alert" />
                  <span>{errors.fields().category}</span>
                </div>
              </Show>
            </fieldset>
            <Show when={quotaFull()}>
              <div class="ct-gap">
                <Notice kind="warning">{t('contest.submit.quotaFull', { category: category(), max: fmtNumber(cfg().entriesPerPerson) })}</Notice>
              </div>
            </Show>

            <Field id="image" label={t('contest.submit.image')} error={errors.fields().image} hint={t('contest.submit.imageHint')}>
              <div class={`ct-picker ${picked() ? 'has-image' : ''}`} data-invalid={errors.fields().image ? 'true' : undefined}>
                <input
                  ref={fileInput}
                  id="image"
                  type="file"
                  class="ct-picker-input"
                  accept="image/jpeg,image/png,image/webp"
                  disabled={busy()}
                  onChange={(e) => void choose(e.currentTarget.files?.[0])}
                  {...fieldAria('image', errors.fields().image, 'hint')}
                />
                <Show
                  when={picked()}
                  fallback={
                    <label for="image" class="ct-picker-empty">
                      <Show when={reading()} fallback={<Icon name="upload" class="ct-picker-icon" />}>
                        <span class="tx-skeleton ct-picker-icon" />
                      </Show>
                      <strong>{t('contest.submit.choose')}</strong>
                      <span class="tx-small tx-muted">{t('contest.submit.chooseHint')}</span>
                    </label>
                  }
                >
                  {(p) => (
                    <div class="ct-preview">
                      <div class="ct-preview-box" style={{ 'aspect-ratio': `${p().width} / ${p().height}` }}>
                        <img src={p().url} alt={t('contest.submit.previewAlt')} />
                      </div>
                      <div class="ct-preview-info">
                        <span class="ct-preview-name">{p().file.name}</span>
                        <span class="tx-small tx-muted tx-num">
                          {t('contest.submit.dims', { w: fmtNumber(p().width), h: fmtNumber(p().height) })} · {fmtBytes(p().file.size)}
                        </span>
                        <label for="image" class="tx-btn tx-btn-secondary tx-btn-sm ct-preview-change">
                          {t('contest.submit.change')}
                        </label>
                      </div>
                    </div>
                  )}
                </Show>
              </div>
            </Field>

            <TextField
              id="title"
              label={t('contest.submit.workTitle')}
              error={errors.fields().title}
              hint={counter(title().length, 60)}
              maxLength={60}
              value={title()}
              disabled={busy()}
              placeholder={t('contest.submit.workTitlePh')}
              onInput={setTitle}
            />
            <TextField
              id="authorName"
              label={t('contest.submit.author')}
              error={errors.fields().authorName}
              hint={authorHint()}
              maxLength={40}
              autocomplete="name"
              value={author()}
              disabled={busy()}
              onInput={setAuthor}
            />
            <Field
              id="description"
              label={t('contest.submit.description')}
              optional
              error={errors.fields().description}
              hint={counter(description().length, 1000)}
            >
              <textarea
                id="description"
                class="tx-textarea"
                rows={4}
                maxLength={1000}
                value={description()}
                disabled={busy()}
                placeholder={t('contest.submit.descriptionPh')}
                onInput={(e) => setDescription(e.currentTarget.value)}
                {...fieldAria('description', errors.fields().description, 'hint')}
              />
            </Field>

            <Show when={busy()}>
              <div class="ct-progress" aria-live="polite">
                <ProgressBar value={phase() === 'preparing' ? null : progress()} label={t('contest.submit.uploading', { percent: '' })} />
                <span class="tx-small tx-muted tx-num">
                  {phase() === 'preparing' ? t('contest.submit.preparing') : t('contest.submit.uploading', { percent: `${Math.round(progress() * 100)}%` })}
                </span>
              </div>
            </Show>
            <Show when={networkFailed()}>
              <div class="ct-gap">
                <Notice kind="warning">{t('contest.submit.networkRetry')}</Notice>
              </div>
            </Show>
            <Button type="submit" variant="primary" block loading={busy()} disabled={reading() || quotaFull()} data-testid="submit-entry">
              {busy() ? t('state.sending') : networkFailed() ? t('contest.submit.retry') : t('contest.submit.submit')}
            </Button>
            <p class="tx-small tx-muted ct-privacy">{t('contest.submit.privacy')}</p>
          </form>
        </Match>
      </Switch>
    </>
  );
}
