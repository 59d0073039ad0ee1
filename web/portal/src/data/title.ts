import { createEffect } from 'solid-js';
import { refreshWechatCard } from './wechat';

function meta(attr: 'name' | 'property', key: string, content: string): void {
  let el = document.head.querySelector<HTMLMetaElement>(`meta[${attr}="${key}"]`);
  if (!el) {
    el = document.createElement('meta');
    el.setAttribute(attr, key);
    document.head.appendChild(el);
  }
  el.content = content;
}

/** Keeps document.title (and, when given, the description and Open Graph tags) in step with a page. */
export function usePageMeta(get: () => { title: string; description?: string; url?: string }): void {
  createEffect(() => {
    const m = get();
    document.title = m.title;
    meta('property', 'og:title', m.title);
    if (m.description !== undefined) {
      meta('name', 'description', m.description);
      meta('property', 'og:description', m.description);
    }
    meta('property', 'og:url', m.url ?? location.href);
    refreshWechatCard();
  });
}
