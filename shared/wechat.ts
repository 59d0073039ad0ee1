/**
 * WeChat JS-SDK page signature (微信 JS-SDK 权限签名): sha1 over
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` — the four fields sorted by name, the url
 * without its #fragment. Browser-safe (Web Crypto), so the tests check it against WeChat's example.
 */
export async function wechatSignature(p: { ticket: string; nonceStr: string; timestamp: number; url: string }): Promise<string> {
  const url = p.url.split('#')[0]!;
  const plain = `jsapi_ticket=${p.ticket}&noncestr=${p.nonceStr}&timestamp=${p.timestamp}&url=${url}`;
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(plain));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The share card a page gives WeChat: what its Open Graph tags say. */
export interface ShareCard {
  title: string;
  desc: string;
  link: string;
  imgUrl: string;
}
