import '@ui/theme.css';
import './embed.css';
import { embed as zh } from '@ui/i18n/zh-CN/embed';
import { embed as en } from '@ui/i18n/en/embed';

/*
 * The partner webmasters' page. Plain DOM (no framework): it is read once and copied from.
 * Both languages are a few hundred bytes, so both are bundled.
 */
type Lang = 'zh-CN' | 'en';
const DICT = { 'zh-CN': zh, en } as const;

function initialLang(): Lang {
  try {
    const q = new URLSearchParams(location.search).get('lang');
    if (q === 'en' || q === 'zh-CN') return q;
    return localStorage.getItem('tx.lang') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

function code(text: string): HTMLElement {
  return el('pre', { class: 'em-code' }, el('code', { text }));
}

function render(lang: Lang): void {
  const t = DICT[lang];
  const origin = location.origin;
  document.documentElement.lang = lang;
  document.title = t['embed.title'];
  const root = document.getElementById('app')!;
  const toggle = el('button', { class: 'tx-btn tx-btn-secondary tx-btn-sm em-lang', text: t['embed.switch'] });
  toggle.type = 'button';
  toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
  toggle.addEventListener('click', () => {
    const next: Lang = lang === 'en' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem('tx.lang', next);
    } catch {
      // not remembered
    }
    render(next);
  });

  root.replaceChildren(
    el(
      'header',
      { class: 'em-head' },
      el('h1', { text: t['embed.title'] }),
      toggle,
    ),
    el('p', { class: 'em-lead', text: t['embed.lead'] }),
    el('p', {}, el('span', { class: 'tx-badge tx-badge-gold', text: t['embed.soon'] })),
    el(
      'section',
      { class: 'tx-card' },
      el('h2', { text: t['embed.widgetTitle'] }),
      el('p', { text: t['embed.widgetBody'] }),
      code(
        `<script src="${origin}/embed/v1/leaderboard.js" async></script>\n<tongxin-leaderboard campaign="your-campaign-slug"\n  scope="individual" rows="10" theme="light" lang="${lang}" live>\n</tongxin-leaderboard>`,
      ),
      el('p', { class: 'tx-small tx-muted', text: t['embed.attrs'] }),
    ),
    el(
      'section',
      { class: 'tx-card' },
      el('h2', { text: t['embed.iframeTitle'] }),
      el('p', { text: t['embed.iframeBody'] }),
      code(
        `<iframe\n  src="${origin}/embed/v1/leaderboard/your-campaign-slug?scope=org&rows=10&theme=red&lang=${lang}"\n  width="100%" height="480" style="border:0" loading="lazy">\n</iframe>`,
      ),
    ),
  );
}

try {
  // 长辈模式 chosen on the portal applies here too
  document.documentElement.classList.toggle('tx-large', localStorage.getItem('tx.large') === '1');
} catch {
  // storage blocked: normal size
}
render(initialLang());
