/*
 * <tongxin-progress campaign="ID-or-slug" theme="light|dark|red" lang="zh-CN|en">
 * A charity drive's progress for partner pages: verified and pledged shown apart, the
 * licensed charity named plainly, a link to give on the designated platform. Shadow DOM,
 * no globals, only requests to the server it was loaded from; refreshed every minute.
 */
import { safeHttpUrl } from '@shared/links';
import type { CampaignDto } from '@shared/contracts/campaigns';
import type { DriveProgress as Progress } from '@shared/contracts/drive';

/** A drive campaign as the widget reads it (its settings are a drive's: the charity). */
type Campaign = Omit<CampaignDto, 'settings'> & { settings: { charity?: { name: string; licenseNo: string; projectUrl: string } } };

const ORIGIN = new URL((document.currentScript as HTMLScriptElement | null)?.src || location.href).origin;
const T = {
  'zh-CN': {
    verified: '已核实',
    pledged: '已认捐',
    goal: '目标',
    donors: '人参与',
    give: '去捐赠',
    charity: '募捐主体：',
    licence: '登记证号：',
    error: '募捐进度暂时无法加载',
    retry: '重试',
    by: '由同心平台提供',
    note: '本平台不经手善款，捐赠请前往民政部指定平台。',
    closed: '已结束',
    yuan: '元',
  },
  en: {
    verified: 'Verified',
    pledged: 'Pledged',
    goal: 'Goal',
    donors: 'donors',
    give: 'Give',
    charity: 'Charity: ',
    licence: 'Licence: ',
    error: 'The progress could not be loaded',
    retry: 'Retry',
    by: 'Powered by Tongxin',
    note: 'Tongxin never holds money; give on the designated platform.',
    closed: 'Closed',
    yuan: 'CNY',
  },
};
const THEMES: Record<string, string> = {
  light: '--bg:#fff;--fg:#262626;--muted:#6b6b6b;--line:#ececec;--accent:#c8102e;--soft:#f3c4cb;--track:#f2f2f2',
  dark: '--bg:#15161a;--fg:#f2f2f2;--muted:#a6a6ad;--line:#2c2d33;--accent:#ff5a6e;--soft:#6b2a33;--track:#24252b',
  red: '--bg:#fff8f6;--fg:#3b0a10;--muted:#7d4a4f;--line:#f3d6d2;--accent:#c8102e;--soft:#f3c4cb;--track:#fbe7e3',
};
const STYLE = `:host{display:block;font:15px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg)}
.w{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:14px}h3{margin:0 0 8px;font-size:16px}
.bar{position:relative;height:14px;border-radius:7px;background:var(--track);overflow:hidden;margin:10px 0}
.bar i{position:absolute;left:0;top:0;bottom:0;border-radius:7px}.p{background:var(--soft)}.v{background:var(--accent)}
.n{display:flex;flex-wrap:wrap;gap:4px 16px;font-variant-numeric:tabular-nums}.n b{color:var(--accent)}.m{color:var(--muted);font-size:13px}
a.g{display:inline-block;margin-top:10px;padding:6px 16px;border-radius:6px;background:var(--accent);color:#fff;text-decoration:none}
footer{margin-top:8px;text-align:right;font-size:12px}footer a{color:var(--muted);text-decoration:none}button{font:inherit;margin-top:8px}`;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

class TongxinProgress extends HTMLElement {
  static observedAttributes = ['campaign', 'theme', 'lang'];
  private root = this.attachShadow({ mode: 'open' });
  private timer = 0;
  connectedCallback() {
    this.load();
  }
  disconnectedCallback() {
    clearTimeout(this.timer);
  }
  attributeChangedCallback() {
    if (this.isConnected) this.load();
  }
  private get t() {
    return T[this.getAttribute('lang') === 'en' ? 'en' : 'zh-CN'];
  }

  private async load() {
    clearTimeout(this.timer);
    const id = encodeURIComponent(this.getAttribute('campaign') ?? '');
    try {
      const [p, c] = await Promise.all([
        fetch(`${ORIGIN}/api/v1/campaigns/${id}/progress`, { credentials: 'omit' }).then((r) => (r.ok ? r.json() : Promise.reject(r.status))),
        fetch(`${ORIGIN}/api/v1/campaigns/${id}`, { credentials: 'omit' }).then((r) => (r.ok ? r.json() : Promise.reject(r.status))),
      ]);
      this.render(p as Progress, (c as { campaign: Campaign }).campaign);
    } catch {
      this.render(null, null);
    }
    this.timer = window.setTimeout(() => this.load(), 60000);
  }

  private money(fen: number) {
    return `${(fen / 100).toLocaleString(this.getAttribute('lang') ?? 'zh-CN', { maximumFractionDigits: 2 })} ${this.t.yuan}`;
  }

  private render(p: Progress | null, c: Campaign | null) {
    const t = this.t;
    const theme = THEMES[this.getAttribute('theme') ?? 'light'] ?? THEMES.light;
    let body: string;
    if (!p || !c) body = `<div class="m">${t.error}</div><button type="button">${t.retry}</button>`;
    else {
      const pct = (x: number) => (p.goal > 0 ? Math.min(100, (x / p.goal) * 100) : 0).toFixed(1);
      const ch = c.settings.charity;
      const amounts = p.showAmounts !== false;
      // the stored link is checked again here: older rows predate the http(s)-only contract
      const give = ch ? safeHttpUrl(ch.projectUrl) : null;
      body = `<h3>${esc(c.title)}</h3>
<div class="bar" role="img" aria-label="${t.verified} ${pct(p.verified)}%, ${t.pledged} ${pct(p.pledged)}%"><i class="p" style="width:${pct(p.pledged)}%"></i><i class="v" style="width:${pct(p.verified)}%"></i></div>
<div class="n">${amounts ? `<span>${t.verified} <b>${this.money(p.verified)}</b></span><span>${t.pledged} ${this.money(p.pledged)}</span><span>${t.goal} ${this.money(p.goal)}</span>` : ''}<span>${p.donors} ${t.donors}</span></div>
${ch ? `<div class="m">${t.charity}${esc(ch.name)} · ${t.licence}${esc(ch.licenseNo)}</div>` : ''}
<div class="m">${t.note}</div>
${give && c.status === 'published' ? `<a class="g" href="${esc(give)}" target="_blank" rel="noopener">${t.give}</a>` : c.status === 'closed' ? `<div class="m">${t.closed}</div>` : ''}`;
    }
    this.root.innerHTML = `<style>:host{${theme}}${STYLE}</style><div class="w" part="progress">${body}<footer><a href="${ORIGIN}/" target="_blank" rel="noopener">${t.by}</a></footer></div>`;
    this.root.querySelector('button')?.addEventListener('click', () => this.load());
    if (this.hasAttribute('frame') && parent !== window)
      parent.postMessage({ type: 'tongxin:resize', height: Math.ceil(this.getBoundingClientRect().height) }, '*');
  }
}

if (!customElements.get('tongxin-progress')) customElements.define('tongxin-progress', TongxinProgress);
