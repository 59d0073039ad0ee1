import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { certificates } from '../schema';
import { nowIso, randomToken } from '../ids';

/*
 * Certificates with a public verification code (/verify/{code}): a 1+1 campaign's service
 * hours, or a year's study hours (training). One per holder and scope — a campaign id, or
 * `year:<YYYY>` — whose hours are refreshed on each issue, so the code stays the same.
 */

export type CertificateKind = 'volunteer' | 'training';
export type CertificateRow = typeof certificates.$inferSelect;

export async function issueCertificate(db: Db, c: { kind: CertificateKind; scopeId: string; userId: string; hours: number }): Promise<CertificateRow> {
  const at = nowIso();
  await db
    .insert(certificates)
    .values({ code: randomToken(12), kind: c.kind, campaignId: c.scopeId, userId: c.userId, hours: c.hours, issuedAt: at })
    .onConflictDoUpdate({ target: [certificates.campaignId, certificates.userId], set: { hours: c.hours, issuedAt: at } });
  return (await db.query.certificates.findFirst({ where: and(eq(certificates.campaignId, c.scopeId), eq(certificates.userId, c.userId)) }))!;
}

export async function certificateByCode(db: Db, code: string): Promise<CertificateRow | undefined> {
  return db.query.certificates.findFirst({ where: eq(certificates.code, code) });
}

/** The scope of a year's training certificate. */
export const trainingScope = (year: number) => `year:${year}`;
