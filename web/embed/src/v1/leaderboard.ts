/*
 * <tongxin-leaderboard campaign="ID-or-slug" scope="individual|org" rows="10"
 *   theme="light|dark|red" lang="zh-CN|en" live mode="screen">
 * A partner site pastes one line of HTML; this renders the board in Shadow DOM (no
 * globals, no styles leaking either way), talks only to the server it was loaded from,
 * follows live updates over a WebSocket and falls back to polling. Budget: 8 KB gzip,
 * so plain DOM, no framework.
 */
import type { BoardDto as Board, LiveBoardMessage } from '@shared/contracts/leaderboards';

/** Reads one live message (a snapshot, then updates: both carry the whole board). */
const boardOf = (data: string): Board | null => {
  const m = JSON.parse(data) as LiveBoardMessage;
  return m && (m.type === 'snapshot' || m.type === 'update') && Array.isArray(m.entries) ? m : null;
};

const ORIGIN = new URL((document.currentScript as HTMLScriptElement | null)?.src || location.href).origin;
const T = {
  'zh-CN': {
    updated: '最后更新',
    title: '排行榜',
    org: '组织排行',
    empty: '暂无排名，快来参与吧',
    error: '排行榜暂时无法加载',
    hidden: '排行榜暂未公开',
    avg: '平均',
    pct: '参与率',
    retry: '重试',
    frozen: '已封榜',
    final: '最终结果',
    by: '由同心平台提供',
    live: '实时',
    people: '人',
    yuan: '元',
    hours: '小时',
    votes: '票',
    points: '分',
  },
  en: {
    updated: 'Updated',
    title: 'Leaderboard',
    org: 'Units',
    empty: 'No rankings yet — be the first!',
    error: 'The leaderboard could not be loaded',
    hidden: 'This leaderboard is not public yet',
    avg: 'avg',
    pct: 'participation',
    retry: 'Retry',
    frozen: 'Frozen',
    final: 'Final',
    by: 'Powered by Tongxin',
    live: 'Live',
    people: '',
    yuan: 'CNY',
    hours: 'h',
    votes: 'votes',
    points: 'pts',
  },
};
const THEMES: Record<string, string> = {
  light: '--bg:#fff;--fg:#262626;--muted:#6b6b6b;--line:#ececec;--accent:#c8102e;--head:#fafafa',
  dark: '--bg:#15161a;--fg:#f2f2f2;--muted:#a6a6ad;--line:#2c2d33;--accent:#ff5a6e;--head:#1d1e24',
  red: '--bg:#fff8f6;--fg:#3b0a10;--muted:#7d4a4f;--line:#f3d6d2;--accent:#c8102e;--head:#c8102e',
};
const CSS = `:host{display:block;font:15px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg)}
.w{background:var(--bg);border:1px solid var(--line);border-radius:10px;overflow:hidden}
header{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:10px 14px;background:var(--head);border-bottom:1px solid var(--line);font-weight:600}
:host([theme=red]) header{color:#fff}
.tag{font-size:12px;font-weight:500;border:1px solid currentColor;border-radius:99px;padding:0 8px;opacity:.85}
ol{list-style:none;margin:0;padding:0}li{display:flex;align-items:center;gap:10px;padding:8px 14px;border-bottom:1px solid var(--line);transition:background 1s}
li.up{background:rgba(201,162,39,.18)}
.r{min-width:28px;height:28px;border-radius:50%;display:grid;place-items:center;font-weight:700;font-variant-numeric:tabular-nums;color:var(--muted)}
.r1,.r2,.r3{background:#c9a227;color:#fff}.r2{background:#9aa3ad}.r3{background:#b87333}
.n{flex:1;min-width:0}.n b{display:block;font-weight:500;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.n small{color:var(--muted);font-size:12px}
.s{font-variant-numeric:tabular-nums;font-weight:700;color:var(--accent)}
.m{padding:24px 14px;text-align:center;color:var(--muted)}button{font:inherit;margin-top:8px;padding:4px 14px;border-radius:6px;border:1px solid var(--line);background:var(--bg);color:var(--fg);cursor:pointer}
footer{padding:6px 14px;text-align:right;font-size:12px}footer a{color:var(--muted);text-decoration:none}
:host([mode=screen]) .w{border:0;border-radius:0;height:100vh;display:flex;flex-direction:column}:host([mode=screen]){font-size:56px;line-height:1.25}
:host([mode=screen]) header{padding:16px 40px;font-size:52px}:host([mode=screen]) .ti{flex:1;min-width:0}
:host([mode=screen]) .cue{display:flex;align-items:center;gap:16px;font-size:30px;font-weight:500;color:var(--muted);white-space:nowrap}
:host([mode=screen]) .dot{width:20px;height:20px;border-radius:50%;background:#2bd46a;animation:p 2s infinite}@keyframes p{50%{opacity:.3}}
:host([mode=screen]) .dot.off{background:#d98a00;animation:none}
:host([mode=screen]) ol{flex:1;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:repeat(5,1fr);grid-auto-flow:column;column-gap:2px;background:var(--line)}
:host([mode=screen]) li{padding:8px 32px;gap:24px;background:var(--bg);border:0;min-width:0}
:host([mode=screen]) .r{min-width:84px;height:84px;font-size:48px}:host([mode=screen]) .n b{font-weight:600;white-space:normal;overflow-wrap:anywhere}:host([mode=screen]) .n small{display:block;font-size:48px;line-height:1.2}
:host([mode=screen]) .s{font-size:56px;white-space:nowrap}:host([mode=screen]) .m{flex:1;font-size:48px}:host([mode=screen]) footer{font-size:18px;padding:6px 40px}`;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

class TongxinLeaderboard extends HTMLElement {
  static observedAttributes = ['campaign', 'scope', 'rows', 'theme', 'lang', 'live', 'level'];
  private root = this.attachShadow({ mode: 'open' });
  private ws: WebSocket | null = null;
  private timer = 0;
  private clock = 0;
  private heading = '';
  /** when the board last arrived (the 大屏 shows it with the live cue) */
  private updated = 0;
  private last = new Map<string, number>();

  connectedCallback() {
    this.start();
  }
  disconnectedCallback() {
    this.stop();
  }
  attributeChangedCallback() {
    if (this.isConnected) this.start();
  }

  private a(n: string, d = '') {
    return this.getAttribute(n) ?? d;
  }
  private get t() {
    return T[this.a('lang') === 'en' ? 'en' : 'zh-CN'];
  }
  /**
   * The awards screen (names="full", opened by an organizer from the console): the board is
   * read with the session cookie, so the server — which alone decides — sends full names to
   * who manages the campaign and masked ones to anyone else (a partner's frame gets no cookie).
   */
  private get full() {
    return this.a('names') === 'full';
  }
  private get creds(): RequestCredentials {
    return this.full ? 'same-origin' : 'omit';
  }
  private get rows() {
    return Math.min(100, Math.max(1, Number(this.a('rows', '10')) || 10));
  }
  private url(path: string) {
    const org = this.a('scope') === 'org';
    return `${ORIGIN}/api/v1/campaigns/${encodeURIComponent(this.a('campaign'))}/leaderboard${path}?scope=${org ? 'org' : 'individual'}&limit=${this.rows}${org && this.a('level') ? `&level=${encodeURIComponent(this.a('level'))}` : ''}`;
  }

  private stop() {
    clearTimeout(this.timer);
    clearInterval(this.clock);
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.close();
      this.ws = null;
    }
  }

  private start() {
    this.stop();
    if (!this.a('campaign')) return;
    const screen = this.a('mode') === 'screen';
    if (screen) this.clock = window.setInterval(() => this.tick(), 1000);
    // every widget names its campaign
    fetch(`${ORIGIN}/api/v1/campaigns/${encodeURIComponent(this.a('campaign'))}`, { credentials: 'omit' })
      .then((r) => r.json())
      .then((b) => {
        this.heading = b.campaign?.title ?? '';
        this.tick();
      })
      .catch(() => {});
    this.load();
    if (this.hasAttribute('live') || screen) this.connect();
  }

  private async load() {
    clearTimeout(this.timer);
    try {
      const r = await fetch(this.url(''), { credentials: this.creds });
      // a hidden board (or none) reads as not public, never as a failure
      if (r.status === 404) return this.render(null, true);
      if (!r.ok) throw new Error(String(r.status));
      this.render(await r.json());
    } catch {
      this.render(null);
    }
    // Polling: every 60 s for a static widget, every 15 s while a live socket is down.
    if (!this.ws) this.timer = window.setTimeout(() => this.load(), this.hasAttribute('live') || this.a('mode') === 'screen' ? 15000 : 60000);
  }

  private connect() {
    // view=public: on our own origin the socket carries the session cookie; the widget always shows the public board
    const ws = new WebSocket(this.url('/live').replace(/^http/, 'ws') + (this.full ? '' : '&view=public'));
    this.ws = ws;
    ws.onmessage = (e) => {
      try {
        const b = boardOf(String(e.data));
        if (b) this.render(b);
      } catch {
        /* ignore what we do not understand */
      }
    };
    ws.onclose = () => {
      this.ws = null;
      this.load();
      this.timer = window.setTimeout(() => this.connect(), 30000);
    };
  }

  private fmt(n: number, unit: string, agg?: string): string {
    const t = this.t;
    const lc = this.a('lang', 'zh-CN');
    if (agg === 'participation') return `${t.pct} ${n.toLocaleString(lc, { maximumFractionDigits: 2 })}%`;
    if (agg === 'average') return `${t.avg} ${this.fmt(n, unit)}`;
    if (unit === 'fen') return `${(n / 100).toLocaleString(this.a('lang', 'zh-CN'), { maximumFractionDigits: 2 })} ${t.yuan}`;
    return `${n.toLocaleString(this.a('lang', 'zh-CN'), { maximumFractionDigits: 2 })} ${unit === 'hours' ? t.hours : unit === 'votes' ? t.votes : this.a('scope') === 'org' ? '' : t.points}`;
  }

  private tick() {
    const h = this.root.querySelector('.clock');
    if (h) h.textContent = new Date().toLocaleTimeString(this.a('lang', 'zh-CN'), { hour12: false });
    const ti = this.root.querySelector('.ti');
    if (ti && this.heading)
      ti.textContent = this.a('mode') === 'screen' ? this.heading : `${this.heading} · ${this.a('scope') === 'org' ? this.t.org : this.t.title}`;
  }

  private render(b: Board | null, hidden = false) {
    const t = this.t;
    const screen = this.a('mode') === 'screen';
    const theme = THEMES[this.a('theme', screen ? 'dark' : 'light')] ?? THEMES.light;
    if (b) this.updated = Date.now();
    const at = this.updated ? new Date(this.updated).toLocaleTimeString(this.a('lang', 'zh-CN'), { hour12: false }) : '—';
    // the 大屏: a live cue (green while the socket is up) and the time of the last update, beside the clock
    const cue = `<span class="cue" data-live="${this.ws ? 'live' : 'polling'}"><span class="dot${this.ws ? '' : ' off'}"></span>${this.ws ? t.live : ''} ${t.updated} <span class="upd">${at}</span> · <span class="clock"></span></span>`;
    const kind = this.a('scope') === 'org' ? t.org : t.title;
    const heading = screen
      ? `<span class="ti">${esc(this.heading || t.title)}</span>${cue}`
      : `<span class="ti">${esc(this.heading ? `${this.heading} · ${kind}` : kind)}</span>`;
    const tags = b
      ? b.final
        ? `<span class="tag">${t.final}</span>`
        : b.frozen
          ? `<span class="tag">${t.frozen}</span>`
          : this.ws
            ? `<span class="tag">${t.live}</span>`
            : ''
      : '';
    let body: string;
    if (hidden) body = `<div class="m">${t.hidden}</div>`;
    else if (!b) body = `<div class="m">${t.error}<br><button type="button">${t.retry}</button></div>`;
    else if (!b.entries.length) body = `<div class="m">${t.empty}</div>`;
    else {
      const prev = this.last;
      this.last = new Map(b.entries.map((e) => [e.key, e.rank]));
      body = `<ol>${b.entries
        .map((e) => {
          const up = prev.size && (prev.get(e.key) ?? 1e9) > e.rank ? ' class="up"' : '';
          const unit = b.scope === 'org' ? '' : e.orgUnitName ? `<small>${esc(e.orgUnitName)}</small>` : '';
          return `<li${up}><span class="r r${e.rank}">${e.rank}</span><span class="n"><b>${esc(e.name)}</b>${unit}</span><span class="s">${esc(this.fmt(e.score, b.scoreUnit, b.scope === 'org' ? b.aggregation : undefined))}</span></li>`;
        })
        .join('')}</ol>`;
    }
    this.root.innerHTML = `<style>:host{${theme}}${CSS}</style><div class="w" part="board"><header>${heading}${screen ? '' : tags}</header>${body}<footer><a href="${ORIGIN}/" target="_blank" rel="noopener">${t.by}</a></footer></div>`;
    this.root.querySelector('button')?.addEventListener('click', () => this.load());
    if (screen) this.tick();
    // Inside our iframe page, tell the host page how tall we are (it listens for this).
    if (this.hasAttribute('frame') && parent !== window)
      parent.postMessage({ type: 'tongxin:resize', height: Math.ceil(this.getBoundingClientRect().height) }, '*');
  }
}

if (!customElements.get('tongxin-leaderboard')) customElements.define('tongxin-leaderboard', TongxinLeaderboard);
