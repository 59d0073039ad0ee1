import type { Context } from 'hono';
import type { AppEnv } from './env';
import { getCampaign } from '../../../db/queries/campaigns';
import { approvedHoursOf } from '../../../db/queries/volunteer';
import { memberUnit } from '../../../db/queries/org';
import { yearLearning } from '../../../db/queries/training-certificates';
import type { CertificateRow } from '../../../db/queries/certificates';
import { maskName } from '../../../shared/mask';
import type { CertificateCheck } from '../../../shared/contracts/volunteer';
import type { InferOutput } from 'valibot';

/*
 * What the public verification of any certificate shows (GET /certificates/{code}): the
 * holder's name masked, the hours certified and now, what for and who issued it. 1+1
 * certificates certify a campaign's approved service hours, training ones a year's study hours.
 */

export const verifyUrl = (c: Context<AppEnv>, code: string) => `${new URL(c.req.url).origin}/verify/${code}`;
export const qrUrl = (code: string) => `/api/v1/certificates/${code}/qr.svg`;

/** The title of a year's education certificate. */
export const trainingCertTitle = (year: number, lang: 'zh-CN' | 'en') =>
  lang === 'en' ? `Party-member education and training, ${year}` : `${year}年度党员教育培训`;

export async function certificateCheck(c: Context<AppEnv>, cert: CertificateRow): Promise<InferOutput<typeof CertificateCheck>> {
  const db = c.var.db;
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, cert.userId) });
  const name = maskName(user?.name ?? '');
  if (cert.kind === 'training') {
    const year = Number(cert.campaignId.slice('year:'.length));
    const [now, unit] = await Promise.all([yearLearning(db, cert.userId, year), memberUnit(db, cert.userId)]);
    return {
      valid: true,
      kind: 'training',
      year,
      name,
      hours: cert.hours,
      currentHours: now.hours,
      campaignTitle: trainingCertTitle(year, c.var.lang),
      issuer: unit?.name ?? null,
      issuedAt: cert.issuedAt,
    };
  }
  const campaign = await getCampaign(db, cert.campaignId);
  const current = await approvedHoursOf(db, cert.campaignId, cert.userId);
  return {
    valid: true,
    kind: 'volunteer',
    year: null,
    name,
    hours: cert.hours,
    currentHours: current.h,
    campaignTitle: campaign?.title ?? '',
    issuer: campaign?.orgUnitName ?? null,
    issuedAt: cert.issuedAt,
  };
}
