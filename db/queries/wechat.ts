import { eq, sql } from 'drizzle-orm';
import { wechatTokens } from '../schema';
import type { Db } from '../client';

/** A cached credential still valid for a minute more, or null. */
export async function cachedToken(db: Db, name: string, now = Date.now()): Promise<string | null> {
  const [row] = await db.select().from(wechatTokens).where(eq(wechatTokens.name, name)).limit(1);
  return row && Date.parse(row.expiresAt) - 60_000 > now ? row.value : null;
}

export async function storeToken(db: Db, name: string, value: string, expiresAt: string) {
  await db
    .insert(wechatTokens)
    .values({ name, value, expiresAt })
    .onConflictDoUpdate({ target: wechatTokens.name, set: { value, expiresAt: sql`excluded.expires_at` } });
}
