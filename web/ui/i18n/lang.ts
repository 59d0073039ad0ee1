import { createSignal } from 'solid-js';
import { LANGS, type Lang, type Localized } from '@shared/i18n';

const KEY = 'tx.lang';

function storedLang(): Lang {
  try {
    // ?lang=en lets a shared link or a screenshot pick a language without changing the saved choice.
    const fromUrl = new URLSearchParams(location.search).get('lang');
    if (fromUrl && (LANGS as readonly string[]).includes(fromUrl)) return fromUrl as Lang;
    const saved = localStorage.getItem(KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // storage can be blocked (private mode, embedded webviews): fall back to the default
  }
  return 'zh-CN';
}

const [lang, setLangSignal] = createSignal<Lang>(storedLang());

/** The current UI language; also sent as Accept-Language by the API client. */
export { lang };

export function setLang(next: Lang): void {
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = next;
  setLangSignal(next);
}

/** Picks the current language's text of a shared Localized label (kinds, statuses, metrics). */
export function loc(l: Localized): string {
  return l[lang()];
}

export { LANGS, type Lang };
