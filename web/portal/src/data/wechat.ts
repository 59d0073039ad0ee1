import { call } from '@ui/api';

/*
 * WeChat's share card (微信分享卡片). Only where the site has an official account (the Worker
 * puts <meta name="tx-wechat"> in the page when WECHAT_APP_ID/SECRET are set) and only inside
 * WeChat: then the JS-SDK — vendored from the weixin-js-sdk package, a lazy chunk of our own
 * origin — is loaded, the Worker signs the page, and the card follows the page's Open Graph tags.
 * Anywhere else nothing is loaded and no request is made.
 */

type Wx = typeof import('weixin-js-sdk').default;
let ready: Wx | null = null;

const og = (p: string) => document.head.querySelector<HTMLMetaElement>(`meta[property="${p}"]`)?.content ?? '';

export const wechatOn = () => !!document.head.querySelector('meta[name="tx-wechat"]') && /MicroMessenger/i.test(navigator.userAgent);

/** Gives WeChat the current page's card (after a route change; a no-op until the SDK is ready). */
export function refreshWechatCard(): void {
  if (!ready) return;
  const card = {
    title: og('og:title') || document.title,
    desc: og('og:description'),
    link: location.href.split('#')[0]!,
    imgUrl: og('og:image') || `${location.origin}/share/site.png`,
  };
  ready.updateAppMessageShareData({ ...card, success: () => {} });
  ready.updateTimelineShareData({ title: card.title, link: card.link, imgUrl: card.imgUrl, success: () => {} });
}

export function setupWechatShare(): void {
  if (!wechatOn()) return;
  void (async () => {
    const [mod, cfg] = await Promise.all([import('weixin-js-sdk'), call('GET /wechat/signature', {}, { query: { url: location.href.split('#')[0] } })]);
    // a CommonJS module: Vite hands it as the default export
    const wx = ((mod as unknown as { default?: Wx }).default ?? mod) as Wx;
    wx.config({ debug: false, ...cfg, jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] });
    wx.ready(() => {
      ready = wx;
      refreshWechatCard();
    });
  })().catch(() => {
    // sharing still works in WeChat without a card; nothing to tell the visitor
  });
}
