import * as v from 'valibot';

/** GET /wechat/signature: the page (this site's, without #fragment) that wants the JS-SDK. */
export const WechatSignatureQuery = v.strictObject({
  url: v.pipe(v.string(), v.minLength(1, 'msg.required'), v.maxLength(2000), v.regex(/^https?:\/\//, 'msg.url')),
});

/** What `wx.config` takes (with the jsApiList the page wants). */
export const WechatSignature = v.object({
  appId: v.string(),
  timestamp: v.number(),
  nonceStr: v.string(),
  signature: v.string(),
});
