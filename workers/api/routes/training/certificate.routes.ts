import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import { qrUrl, verifyUrl } from '../../lib/certificates';
import { nowIso } from '../../../../db/ids';
import { memberUnit } from '../../../../db/queries/org';
import { issueCertificate, trainingScope } from '../../../../db/queries/certificates';
import { completedClasses, yearLearning } from '../../../../db/queries/training-certificates';
import { CertificateQuery, TrainingCertificate } from '../../../../shared/contracts/training-certificate';
import { chinaYear } from '../../../../shared/training';

/* 结业证书: a year's certificate of party-member education, verified at /verify/{code} like the 1+1 certificates. */

export const learningCertificateRoutes = createApp().get(
  '/learning/certificate',
  describeRoute({
    tags: ['Training'],
    summary:
      'My completion certificate of a China year (default this one): earned by reaching my yearly hours target (as GET /me/learning counts it) or by completing a class (every session over and credited to me); with a verification code and QR (GET /certificates/{code}). Not earned → 409 `tr_cert_not_earned`. One code per member and year; its hours are refreshed on each request',
    responses: { 200: json(TrainingCertificate) },
  }),
  valid('query', CertificateQuery),
  async (c) => {
    const viewer = requireViewer(c);
    const q = c.req.valid('query');
    const year = q.year ? Number(q.year) : chinaYear(Date.now());
    const db = c.var.db;
    const learning = await yearLearning(db, viewer.id, year);
    const classes = learning.rosterId ? await completedClasses(db, learning.rosterId, year, nowIso()) : [];
    const basis = [...(learning.hours >= learning.target ? (['hours'] as const) : []), ...(classes.length ? (['class'] as const) : [])];
    if (!basis.length) throw new ApiError('conflict', 'msg.tr_cert_not_earned', { year, hours: learning.hours, target: learning.target });
    const cert = await issueCertificate(db, { kind: 'training', scopeId: trainingScope(year), userId: viewer.id, hours: learning.hours });
    const unit = await memberUnit(db, viewer.id);
    return c.json({
      code: cert.code,
      name: viewer.name,
      orgUnitName: unit?.name ?? null,
      year,
      hours: learning.hours,
      target: learning.target,
      basis,
      classes,
      issuedAt: cert.issuedAt,
      verifyUrl: verifyUrl(c, cert.code),
      qrUrl: qrUrl(cert.code),
    });
  },
);
