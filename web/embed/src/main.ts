import '@ui/theme.css';
import '@ui/kit.css';
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

interface Listed {
  id: string;
  slug: string;
  title: string;
  kind: string;
}
/** Kinds with a board (web/ui/leaderboard.ts RANKING_KINDS); drives also have the progress widget. */
const RANKING = ['quiz', 'contest', 'volunteer', 'drive', 'training'];
let campaigns: Listed[] | null = null;
let failed = false;
let chosen = '';

/** Loads the published campaigns once (public list, same origin). */
async function loadCampaigns(): Promise<void> {
  try {
    const r = await fetch('/api/v1/campaigns?status=published&limit=100', { credentials: 'omit' });
    if (!r.ok) throw new Error(String(r.status));
    campaigns = ((await r.json()) as { items: Listed[] }).items.filter((c) => RANKING.includes(c.kind));
    chosen = campaigns[0]?.slug ?? '';
  } catch {
    failed = true;
    campaigns = [];
  }
}

/** The real widget scripts, as partners load them. */
function loadWidgets(): void {
  for (const src of ['/embed/v1/leaderboard.js', '/embed/v1/progress.js']) {
    if (document.querySelector(`script[src="${src}"]`)) continue;
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    document.head.appendChild(s);
  }
}

function widget(tag: string, attrs: Record<string, string>): HTMLElement {
  const w = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
  return w;
}

let shown: Lang = 'zh-CN';
function render(lang: Lang): void {
  shown = lang;
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

  const list = campaigns ?? [];
  const current = list.find((c) => c.slug === chosen);
  const slug = current?.slug ?? 'your-campaign-slug';
  const picker = el('select', { class: 'tx-select' });
  picker.setAttribute('aria-label', t['embed.pick']);
  picker.dataset.testid = 'embed-campaigns';
  for (const c of list) {
    const o = el('option', { text: c.title });
    o.value = c.slug;
    o.selected = c.slug === chosen;
    picker.append(o);
  }
  picker.addEventListener('change', () => {
    chosen = picker.value;
    render(lang);
  });
  const pick = el(
    'section',
    { class: 'tx-card' },
    el('h2', { text: t['embed.pick'] }),
    ...(campaigns === null
      ? []
      : failed
        ? [el('p', { class: 'tx-muted', text: t['embed.loadFailed'] })]
        : list.length
          ? [el('p', { text: t['embed.pickBody'] }), picker]
          : [el('p', { class: 'tx-muted', text: t['embed.none'] })]),
  );
  // the real widgets, exactly as a partner page gets them
  const previewOf = (tag: string, attrs: Record<string, string>, testid: string) =>
    current ? [el('h3', { text: t['embed.preview'] }), el('div', { class: 'em-preview' }, widget(tag, { ...attrs, 'data-testid': testid }))] : [];

  root.replaceChildren(
    el('header', { class: 'em-head' }, el('h1', { text: t['embed.title'] }), toggle),
    el('p', { class: 'em-lead', text: t['embed.lead'] }),
    pick,
    el(
      'section',
      { class: 'tx-card' },
      el('h2', { text: t['embed.widgetTitle'] }),
      el('p', { text: t['embed.widgetBody'] }),
      code(
        `<script src="${origin}/embed/v1/leaderboard.js" async></script>\n<tongxin-leaderboard campaign="${slug}"\n  scope="individual" rows="10" theme="light" lang="${lang}" live>\n</tongxin-leaderboard>`,
      ),
      el('p', { class: 'tx-small tx-muted', text: t['embed.attrs'] }),
      ...previewOf('tongxin-leaderboard', { campaign: slug, rows: '5', lang }, 'embed-board'),
    ),
    ...(current?.kind === 'drive'
      ? [
          el(
            'section',
            { class: 'tx-card' },
            el('h2', { text: t['embed.progressTitle'] }),
            el('p', { text: t['embed.progressBody'] }),
            code(
              `<script src="${origin}/embed/v1/progress.js" async></script>\n<tongxin-progress campaign="${slug}" theme="light" lang="${lang}"></tongxin-progress>`,
            ),
            ...previewOf('tongxin-progress', { campaign: slug, lang }, 'embed-progress'),
          ),
        ]
      : []),
    el(
      'section',
      { class: 'tx-card' },
      el('h2', { text: t['embed.iframeTitle'] }),
      el('p', { text: t['embed.iframeBody'] }),
      code(
        `<iframe\n  src="${origin}/embed/v1/leaderboard/${slug}?scope=org&rows=10&theme=red&lang=${lang}"\n  width="100%" height="480" style="border:0" loading="lazy">\n</iframe>`,
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
loadWidgets();
void loadCampaigns().then(() => render(shown));
