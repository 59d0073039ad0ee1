import * as v from 'valibot';

/* A year's completion certificate of party-member education (结业证书), verified like the 1+1 certificates. */

export const CertificateQuery = v.strictObject({ year: v.optional(v.pipe(v.string(), v.regex(/^20\d\d$/, 'msg.tr_year'))) });

/**
 * Earned by reaching the yearly hours target (`basis` includes "hours") or by completing a
 * class — every session of it credited (`basis` includes "class"; `classes` lists them).
 */
export const TrainingCertificate = v.object({
  code: v.string(),
  name: v.string(),
  orgUnitName: v.nullable(v.string()),
  year: v.number(),
  hours: v.number(),
  target: v.number(),
  basis: v.array(v.picklist(['hours', 'class'])),
  classes: v.array(v.object({ campaignId: v.string(), title: v.string(), sessions: v.number(), hours: v.number() })),
  issuedAt: v.string(),
  verifyUrl: v.string(),
  qrUrl: v.string(),
});
export type TrainingCertificateDto = v.InferOutput<typeof TrainingCertificate>;
