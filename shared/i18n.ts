/** Languages the platform speaks; zh-CN is the default everywhere. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Picks our language from an Accept-Language header (or a stored preference). */
export function pickLang(header: string | null | undefined): Lang {
  if (!header) return 'zh-CN';
  // The first tag that we speak wins; q-values rarely matter for two languages.
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export type Localized = Record<Lang, string>;

/** The day an activity counts for (China time); see shared/china-time.ts. */
export { chinaDay } from './china-time';
