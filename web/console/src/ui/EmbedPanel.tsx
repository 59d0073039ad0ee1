import { createEffect, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { lang } from '@ui/i18n';
import { call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { allowedOriginsOf, type Scope } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';

type Theme = 'light' | 'dark' | 'red';
type Lang = 'zh-CN' | 'en';

const WIDGET = '/embed/v1/leaderboard.js';
/** What the embed page accepts as a frame ancestor (workers/api/routes/embeds frameAncestors). */
const ORIGIN_RE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
const MAX_ORIGINS = 20;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A pasted address → its origin (https://a.example/path → https://a.example), or null. */
export function toOrigin(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  let candidate = s.replace(/\/+$/, '');
  try {
    const u = new URL(s);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password) candidate = u.origin;
  } catch {
    // not a URL at all: the check below says so
  }
  return ORIGIN_RE.test(candidate) ? candidate.toLowerCase() : null;
}

/** Loads the partner widget once, the same file partners use. */
function ensureWidget(): void {
  if (customElements.get('tongxin-leaderboard') || document.querySelector(`script[src="${WIDGET}"]`)) return;
  const s = document.createElement('script');
  s.src = WIDGET;
  s.async = true;
  document.head.appendChild(s);
}

/**
 * 嵌入与大屏: the widget's options, the two snippets to paste (script + element, iframe),
 * a live preview of the real widget, the 大屏 link, and which sites may frame the pages.
 */
export function EmbedPanel(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const [scope, setScope] = createSignal<Scope>('individual');
  const [rows, setRows] = createSignal('10');
  const [theme, setTheme] = createSignal<Theme>('light');
  const [lng, setLng] = createSignal<Lang>(lang());
  const [live, setLive] = createSignal(true);
  const [copied, setCopied] = createSignal<string | null>(null);
  const [copyFailed, setCopyFailed] = createSignal(false);

  const id = () => props.campaign.id;
  const rowsOk = () => /^\d{1,3}$/.test(rows().trim()) && Number(rows()) >= 1 && Number(rows()) <= 100;
  const rowsN = () => (rowsOk() ? Number(rows()) : 10);
  const origin = location.origin;
  const frameId = () => `tongxin-board-${id().replace(/[^A-Za-z0-9_-]/g, '')}`;

  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ scope: scope(), rows: String(rowsN()), theme: theme(), lang: lng(), ...extra }).toString();
  const scriptSnippet = () =>
    `<script src="${origin}${WIDGET}" async></script>\n` +
    `<tongxin-leaderboard campaign="${attr(id())}" scope="${scope()}" rows="${rowsN()}" theme="${theme()}" lang="${lng()}"${live() ? ' live' : ''}></tongxin-leaderboard>`;
  const iframeSnippet = () =>
    `<iframe id="${frameId()}" src="${origin}/embed/v1/leaderboard/${encodeURIComponent(id())}?${query()}" title="${attr(props.campaign.title)}" style="width:100%;max-width:640px;border:0" height="480" loading="lazy"></iframe>\n` +
    `<script>addEventListener("message",function(e){var f=document.getElementById("${frameId()}");if(f&&e.origin==="${origin}"&&e.source===f.contentWindow&&e.data&&e.data.type==="tongxin:resize"){f.height=e.data.height}});</script>`;
  const screenHref = () => `/embed/v1/leaderboard/${encodeURIComponent(id())}?${new URLSearchParams({ mode: 'screen', scope: scope(), lang: lng() })}`;

  let copyTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(copyTimer));
  async function copy(which: string, text: string, area: HTMLTextAreaElement | undefined) {
    setCopyFailed(false);
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      if (area) {
        area.focus();
        area.select();
        try {
          ok = document.execCommand('copy');
        } catch {
          ok = false;
        }
      }
    }
    if (!ok) {
      setCopyFailed(true);
      return;
    }
    setCopied(which);
    clearTimeout(copyTimer);
    copyTimer = setTimeout(() => setCopied(null), 2000);
  }

  // the preview is the real widget, in Shadow DOM, exactly as a partner page gets it
  let previewHost: HTMLDivElement | undefined;
  onMount(() => {
    ensureWidget();
    const el = document.createElement('tongxin-leaderboard');
    el.setAttribute('data-testid', 'embed-preview');
    previewHost!.appendChild(el);
    const set = (k: string, v: string | null) => {
      if (v === null) {
        if (el.hasAttribute(k)) el.removeAttribute(k);
      } else if (el.getAttribute(k) !== v) el.setAttribute(k, v);
    };
    // No `live` here: the widget's socket would carry this organizer's cookie and show the
    // organizers' view (full names, unfrozen); without it the preview is exactly the public one.
    createEffect(() => {
      set('campaign', id());
      set('scope', scope());
      set('rows', String(rowsN()));
      set('theme', theme());
      set('lang', lng());
    });
    onCleanup(() => el.remove());
  });

  let scriptArea: HTMLTextAreaElement | undefined;
  let frameArea: HTMLTextAreaElement | undefined;

  return (
    <section class="tx-card cs-lb-card" id="embed" aria-labelledby="embed-title">
      <div class="tx-card-title">
        <h2 id="embed-title">{t('emb.title')}</h2>
        <span class="tx-spacer" />
        <a class="tx-btn tx-btn-secondary tx-btn-sm" href={screenHref()} target="_blank" rel="noopener" data-testid="screen-link">
          <Icon name="external" />
          {t('emb.screen')}
        </a>
      </div>
      <p class="tx-muted tx-small">
        {t('emb.lead')} {t('emb.screenHint')}
      </p>

      <div class="cs-embed-grid">
        <div class="cs-embed-left">
          <fieldset class="cs-embed-options">
            <legend class="tx-visually-hidden">{t('emb.options')}</legend>
            <Field id="emb-scope" label={t('board.scopeLabel')}>
              <select id="emb-scope" class="tx-select" value={scope()} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
                <option value="individual" selected={scope() === 'individual'}>
                  {t('board.individual')}
                </option>
                <option value="org" selected={scope() === 'org'}>
                  {t('board.org')}
                </option>
              </select>
            </Field>
            <Field id="emb-rows" label={t('emb.rows')} error={rowsOk() ? undefined : t('emb.rowsInvalid')}>
              <input
                id="emb-rows"
                class="tx-input tx-num"
                inputmode="numeric"
                value={rows()}
                onInput={(e) => setRows(e.currentTarget.value)}
                {...fieldAria('emb-rows', rowsOk() ? undefined : t('emb.rowsInvalid'))}
              />
            </Field>
            <Field id="emb-theme" label={t('emb.theme')}>
              <select id="emb-theme" class="tx-select" value={theme()} onChange={(e) => setTheme(e.currentTarget.value as Theme)}>
                <For each={['light', 'dark', 'red'] as const}>
                  {(th) => (
                    <option value={th} selected={theme() === th}>
                      {t(th === 'light' ? 'emb.themeLight' : th === 'dark' ? 'emb.themeDark' : 'emb.themeRed')}
                    </option>
                  )}
                </For>
              </select>
            </Field>
            <Field id="emb-lang" label={t('emb.lang')}>
              <select id="emb-lang" class="tx-select" value={lng()} onChange={(e) => setLng(e.currentTarget.value as Lang)}>
                <option value="zh-CN" selected={lng() === 'zh-CN'} lang="zh-CN">
                  中文
                </option>
                <option value="en" selected={lng() === 'en'} lang="en">
                  English
                </option>
              </select>
            </Field>
            <label class="cs-check">
              <input type="checkbox" checked={live()} onChange={(e) => setLive(e.currentTarget.checked)} />
              {t('emb.live')}
            </label>
          </fieldset>

          <div class="cs-snippet">
            <div class="cs-snippet-head">
              <h3 id="snip-script">{t('emb.script')}</h3>
              <Button small variant="secondary" onClick={() => void copy('script', scriptSnippet(), scriptArea)} data-testid="copy-script">
                <Icon name={copied() === 'script' ? 'check' : 'file'} />
                {copied() === 'script' ? t('emb.copied') : t('emb.copy')}
              </Button>
            </div>
            <p class="tx-small tx-muted">{t('emb.scriptHint')}</p>
            <textarea
              ref={scriptArea}
              class="tx-textarea cs-code"
              readonly
              rows={4}
              aria-labelledby="snip-script"
              value={scriptSnippet()}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="script-snippet"
            />
          </div>
          <div class="cs-snippet">
            <div class="cs-snippet-head">
              <h3 id="snip-frame">{t('emb.iframe')}</h3>
              <Button small variant="secondary" onClick={() => void copy('iframe', iframeSnippet(), frameArea)}>
                <Icon name={copied() === 'iframe' ? 'check' : 'file'} />
                {copied() === 'iframe' ? t('emb.copied') : t('emb.copy')}
              </Button>
            </div>
            <p class="tx-small tx-muted">{t('emb.iframeHint')}</p>
            <textarea
              ref={frameArea}
              class="tx-textarea cs-code"
              readonly
              rows={9}
              aria-labelledby="snip-frame"
              value={iframeSnippet()}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <Show when={copyFailed()}>
            <p class="tx-field-error" role="alert">
              {t('emb.copyFailed')}
            </p>
          </Show>
        </div>

        <div class="cs-embed-right">
          <h3>{t('emb.preview')}</h3>
          <p class="tx-small tx-muted">{t('emb.previewHint')}</p>
          <div ref={previewHost} class="cs-embed-preview" data-theme={theme()} />
        </div>
      </div>

      <Origins campaign={props.campaign} onChange={props.onChange} />
    </section>
  );
}

/** 允许嵌入的网站: settings.embed.allowedOrigins, edited as a list and saved with PATCH. */
function Origins(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const stored = () => allowedOriginsOf(props.campaign);
  const [list, setList] = createSignal<string[]>(stored());
  const [draft, setDraft] = createSignal('');
  const [draftError, setDraftError] = createSignal<string | undefined>();
  const [itemErrors, setItemErrors] = createSignal<Record<number, string>>({});
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const dirty = () => JSON.stringify(list()) !== JSON.stringify(stored());

  function add(e: SubmitEvent) {
    e.preventDefault();
    setSaved(false);
    const o = toOrigin(draft());
    if (!o) return setDraftError(t('emb.originInvalid'));
    if (list().includes(o)) return setDraftError(t('emb.originDuplicate'));
    if (list().length >= MAX_ORIGINS) return setDraftError(t('emb.originsTooMany'));
    setDraftError(undefined);
    setList([...list(), o]);
    setDraft('');
  }

  function remove(i: number) {
    setSaved(false);
    setItemErrors({});
    setList(list().filter((_, j) => j !== i));
  }

  async function save() {
    setSaving(true);
    setSaved(false);
    setError(null);
    setItemErrors({});
    try {
      const { campaign: updated } = await call(
        'PATCH /campaigns/{id}',
        { id: props.campaign.id },
        { body: { settings: { embed: { allowedOrigins: list() } } } },
      );
      props.onChange(updated);
      setList(allowedOriginsOf(updated));
      setSaved(true);
    } catch (e) {
      const byIndex: Record<number, string> = {};
      const fields = (e as { fields?: Record<string, string> }).fields ?? {};
      for (const [path, message] of Object.entries(fields)) {
        const m = /allowedOrigins\.(\d+)/.exec(path);
        if (m) byIndex[Number(m[1])] = message;
      }
      setItemErrors(byIndex);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="cs-origins" data-testid="origins">
      <h3>{t('emb.origins')}</h3>
      <p class="tx-small tx-muted">{t('emb.originsHint')}</p>
      <Show when={list().length > 0} fallback={<Notice>{t('emb.originsEmpty')}</Notice>}>
        <ul class="cs-origin-list">
          <For each={list()}>
            {(o, i) => (
              <li>
                <code>{o}</code>
                <Show when={itemErrors()[i()]}>
                  <span class="tx-field-error">{itemErrors()[i()]}</span>
                </Show>
                <span class="tx-spacer" />
                <Button small variant="ghost" aria-label={t('emb.originRemove', { origin: o })} onClick={() => remove(i())}>
                  {t('emb.originRemoveShort')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="cs-origin-add" onSubmit={add} novalidate>
        <Field id="origin-new" label={t('emb.originLabel')} error={draftError()}>
          <div class="cs-inline">
            <input
              id="origin-new"
              class="tx-input"
              type="url"
              inputmode="url"
              autocapitalize="off"
              spellcheck={false}
              placeholder="https://www.example.gov.cn"
              value={draft()}
              onInput={(e) => {
                setDraft(e.currentTarget.value);
                setDraftError(undefined);
              }}
              {...fieldAria('origin-new', draftError())}
            />
            <Button type="submit">
              <Icon name="plus" />
              {t('emb.originAdd')}
            </Button>
          </div>
        </Field>
      </form>
      <FormError message={error()} />
      <div class="tx-row">
        <Button variant="primary" loading={saving()} disabled={!dirty()} onClick={() => void save()}>
          {t('emb.originsSave')}
        </Button>
        <Show when={dirty() && !saving()}>
          <span class="tx-small tx-muted">{t('emb.originsUnsaved')}</span>
        </Show>
        <Show when={saved() && !dirty()}>
          <span class="tx-small cs-ok" role="status">
            <Icon name="check" />
            {t('emb.originsSaved')}
          </span>
        </Show>
      </div>
    </div>
  );
}
