import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * WeChat's short-lived credentials (access_token, jsapi_ticket), shared by every Worker
 * instance so the daily quota of token requests is not spent per request.
 */
export const wechatTokens = sqliteTable('wechat_tokens', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  expiresAt: text('expires_at').notNull(),
});
