import { createSignal } from 'solid-js';
import { lang, setLang, type Lang } from './lang';

export { lang, loc, LANGS, type Lang } from './lang';

/*
 * The dictionaries: zh-CN/ (the default) and en/ hold one folder per app (portal/, console/)
 * plus common.ts (the kit and every app) and embed.ts; each app folder has one file per
 * domain (quiz.ts, contest.ts, …) and an index.ts that composes them into the app's object.
 * en/ mirrors zh-CN/ file for file; every English file is typed `Same<typeof zh.x>`, so a
 * missing or extra key is a compile error. Import an app's folder directly, never a barrel
 * of all apps: the composed objects are spreads, which the bundler cannot drop, so a barrel
 * would put every app's strings into each first page.
 * UI strings go in both languages, Chinese first.
 */
export type Dict = Record<string, string>;
type Params = Record<string, string | number>;

const loaders: ((l: Lang) => Promise<void>)[] = [];

/**
 * Builds an app's translator from its Chinese dictionary (bundled, the default) and a loader
 * for the English one (a separate chunk, fetched only when someone picks English).
 * Keys are checked at compile time: `t('nav.home')` fails to type-check if the key is missing.
 */
export function createI18n<D extends Dict>(zh: D, loadEn: () => Promise<{ [K in keyof D]: string }>) {
  const [en, setEn] = createSignal<{ [K in keyof D]: string } | null>(null);
  loaders.push(ensure);
  // a translator made after start-up (a lazy page's own words) catches up with the language already chosen
  if (lang() !== 'zh-CN') void ensure(lang());

  async function ensure(l: Lang): Promise<void> {
    if (l === 'en' && !en()) {
      const d = await loadEn();
      setEn(() => d);
    }
  }

  function t(key: keyof D & string, params?: Params): string {
    const dict = lang() === 'en' ? (en() ?? zh) : zh;
    const text = dict[key] ?? zh[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
  }

  return { t };
}

/** Switches language, loading every dictionary first so the page never flashes raw keys. */
export async function switchLang(l: Lang): Promise<void> {
  await Promise.all(loaders.map((f) => f(l)));
  setLang(l);
}

/** Call before the first render: loads the saved language's dictionaries. */
export async function init(): Promise<void> {
  document.documentElement.lang = lang();
  try {
    await Promise.all(loaders.map((f) => f(lang())));
  } catch {
    setLang('zh-CN');
  }
}

export type Translator<D extends Dict> = ReturnType<typeof createI18n<D>>;
