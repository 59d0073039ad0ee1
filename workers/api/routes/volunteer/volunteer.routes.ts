import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { renderSVG } from 'uqr';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { rateHit } from '../../../../db/queries/accounts';
import { clientAddress } from '../../lib/guards';
import { Id } from '../../../../shared/contracts/common';
import {
  CertificateCheck,
  CertificateResponse,
  InviteLink,
  InviteView,
  MyVolunteer,
  PairBody,
  PairCreated,
  PairPage,
  StatsQuery,
  RecordQuery,
  UnlinkBody,
  UnlinkResponse,
  VolunteerStatsResponse,
} from '../../../../shared/contracts/volunteer';
import { maskName, maskPhone } from '../../../../shared/mask';
import { leadRate } from '../../../../shared/volunteer';
import { getCampaign } from '../../../../db/queries/campaigns';
import { getOrgUnit, memberUnit } from '../../../../db/queries/org';
import { createdCursor, decodeTimeCursor, keysetPages, nextTimeCursor } from '../../../../db/queries/util';
import { approvedHoursOf, certificateByCode, issueCertificate, listRecords, volunteerStats } from '../../../../db/queries/volunteer';
import { activePairCount, getPair, insertPair, inviteByCode, inviteOf, listPairs, unlinkPair } from '../../../../db/queries/volunteer-pairs';
import { certificateCheck } from '../../lib/certificates';
import { managedScope } from '../../lib/guards';
import { at, rowsOf, tableStream } from '../../lib/tables';
import { phoneFor } from '../../lib/privacy';
import { cfg, open, volunteerCampaign } from './volunteer.campaign';

const inviteUrl = (c: Context<AppEnv>, code: string) => `${new URL(c.req.url).origin}/invite/${code}`;
/** A member's invite as the member sees it: the code, its landing page and its QR. */
const inviteLink = (c: Context<AppEnv>, code: string) => ({ code, url: inviteUrl(c, code), qrUrl: `/api/v1/invites/${code}/qr.svg` });

export const volunteerCampaignRoutes = createApp()
  .post(
    '/:id/invites',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'A member’s personal "1+1" invite (code, link; QR at /invites/{code}/qr.svg); the same one every time',
      responses: { 200: json(InviteLink) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      open(campaign);
      const unit = await memberUnit(c.var.db, viewer.id);
      if (!unit?.path.startsWith(campaign.orgPath)) throw new ApiError('forbidden', 'msg.vol_members_only');
      const invite = await inviteOf(c.var.db, campaign.id, viewer.id);
      return c.json(inviteLink(c, invite.code));
    },
  )
  .post(
    '/:id/pairs',
    describeRoute({
      tags: ['Volunteers'],
      summary:
        'Register a resident through a member’s invite code (consent required), or — organizers — on a resident’s behalf with memberId. Phone already registered in the campaign → 409 `already_registered` (whatever the member’s count); member over the cap → 422 `cap_reached`; no consent → 400.',
      responses: { 201: json(PairCreated, 'Registered') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', PairBody),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      open(campaign);
      const s = cfg(campaign);
      const b = c.req.valid('json');
      const db = c.var.db;
      let memberId: string;
      let source: 'invite' | 'organizer' = 'invite';
      if (b.code) {
        const invite = await inviteByCode(db, b.code);
        if (!invite || invite.campaignId !== campaign.id) throw new ApiError('not_found', 'msg.vol_invite_missing');
        memberId = invite.userId;
        const hit = await rateHit(db, `pair:ip:${clientAddress(c)}`, 10 * 60e3);
        if (hit.count > 30)
          throw new ApiError('rate_limited', 'msg.register_rate', {}, undefined, { 'Retry-After': String(Math.ceil(hit.retryAfterMs / 1000)) });
      } else if (b.memberId) {
        const unit = await memberUnit(db, b.memberId);
        if (!unit) throw new ApiError('validation_failed', undefined, {}, { memberId: { key: 'msg.vol_member_missing' } });
        requireManage(c, unit.path);
        memberId = b.memberId;
        source = 'organizer';
      } else throw new ApiError('validation_failed', undefined, {}, { code: { key: 'msg.required' } });
      const member = await memberUnit(db, memberId);
      const memberPhone = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, memberId) }))?.phone;
      if (memberPhone === b.phone) throw new ApiError('validation_failed', undefined, {}, { phone: { key: 'msg.vol_self' } });
      const consentText = b.consentNote ? `${s.consentText}（${b.consentNote}）` : s.consentText;
      const res = await insertPair(
        db,
        {
          campaignId: campaign.id,
          memberId,
          memberUnit: member,
          residentName: b.name,
          residentPhone: b.phone,
          consentText,
          source,
          createdBy: c.var.viewer?.id ?? null,
        },
        s.pairCap,
      );
      if (res.result !== 'ok') {
        // the reasons API.md names for these two refusals
        if (res.result === 'taken')
          throw new ApiError('conflict', 'msg.vol_resident_taken', {}, { phone: { key: 'msg.vol_resident_taken' } }).because('already_registered');
        throw new ApiError('unprocessable', 'msg.vol_cap', { cap: s.pairCap }).because('cap_reached');
      }
      const pair = (await getPair(db, res.id))!;
      return c.json(
        {
          pair: {
            id: pair.id,
            campaignId: pair.campaignId,
            residentName: pair.residentName,
            residentPhone: maskPhone(pair.residentPhone),
            source: pair.source,
            consentAt: pair.consentAt,
            createdAt: pair.createdAt,
          },
        },
        201,
      );
    },
  )
  .get(
    '/:id/pairs',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'Pairs by org unit (organizers of the subtree; full phones for the 台账)',
      responses: { 200: json(PairPage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ limit: RecordQuery.entries.limit, cursor: RecordQuery.entries.cursor, orgUnitId: v.optional(Id) })),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const { path } = await managedScope(c, campaign, q.orgUnitId);
      const rows = await listPairs(c.var.db, campaign.id, { path, limit: q.limit, before: decodeTimeCursor(q.cursor) });
      // a resident stands where the member who brought them does (shared phone rule)
      const items = rows.slice(0, q.limit).map(({ memberPath, ...p }) => ({
        ...p,
        residentPhone: p.withdrawnAt ? '' : phoneFor(c.var.viewer, p.residentPhone, { paths: [memberPath], fallbackPath: campaign.orgPath }),
      }));
      return c.json({ items, nextCursor: nextTimeCursor(rows, items, q.limit) });
    },
  )
  .get(
    '/:id/pairs/export',
    describeRoute({ tags: ['Volunteers'], summary: 'Pairs as Excel (台账) — organizers of the subtree', responses: { 200: { description: 'File' } } }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx'), orgUnitId: v.optional(Id) })),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const { path } = await managedScope(c, campaign, q.orgUnitId);
      // streamed page by page: 2.5万 pairs never sit in the Worker's memory
      let i = 0;
      const pages = keysetPages((before) => listPairs(c.var.db, campaign.id, { path, limit: 500, before }), 500, createdCursor);
      return tableStream(
        c,
        ['序号', '党员姓名', '所在党组织', '群众姓名', '群众手机号', '登记方式', '同意时间', '登记时间', '状态', '解除原因'],
        rowsOf(pages, (p) => [
          ++i,
          p.memberName,
          p.memberUnitName ?? '',
          p.residentName,
          p.withdrawnAt ? '' : phoneFor(c.var.viewer, p.residentPhone, { paths: [p.memberPath], fallbackPath: campaign.orgPath }),
          p.source === 'invite' ? '邀请码自助登记' : '组织代为登记',
          at(p.consentAt),
          at(p.createdAt),
          p.unlinkedAt ? '已解除' : p.withdrawnAt ? '已撤回同意' : '有效',
          p.unlinkReason ?? '',
        ]),
        `${campaign.slug}-pairs`,
        q.format,
        '结对台账',
      );
    },
  )
  .get(
    '/:id/volunteer-stats',
    describeRoute({
      tags: ['Volunteers'],
      summary:
        '带动率 and totals of a subtree: pairs, residents, members, approved hours, leadRate = members with a pair ÷ registered members; by unit. ?from=&to= (China days, either open): pairs made in the period and still linked at its end, hours served in it',
      responses: { 200: json(VolunteerStatsResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', StatsQuery),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const unit = c.req.valid('query').orgUnitId ? await getOrgUnit(c.var.db, c.req.valid('query').orgUnitId!) : null;
      if (c.req.valid('query').orgUnitId && !unit) throw new ApiError('not_found', 'msg.org_missing');
      const path = unit?.path ?? campaign.orgPath;
      const q = c.req.valid('query');
      const st = await volunteerStats(c.var.db, campaign.id, path, { from: q.from, to: q.to });
      const organizer = canManagePath(c.var.viewer, path);
      return c.json({
        orgUnitId: unit?.id ?? campaign.orgUnitId,
        from: q.from ?? null,
        to: q.to ?? null,
        pairs: st.pairs,
        residents: st.residents,
        members: st.members,
        leaders: st.leaders,
        approvedHours: st.approvedHours,
        leadRate: leadRate(st.leaders, st.members),
        ...(organizer ? { pendingRecords: st.pendingRecords, byUnit: st.byUnit.map((u) => ({ ...u, leadRate: leadRate(u.leaders, u.members) })) } : {}),
      });
    },
  )
  .get(
    '/:id/my-volunteer',
    describeRoute({ tags: ['Volunteers'], summary: '我的1+1: my invite, my pairs, my hours (approved and pending)', responses: { 200: json(MyVolunteer) } }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const db = c.var.db;
      const unit = await memberUnit(db, viewer.id);
      const canInvite = !!unit && unit.path.startsWith(campaign.orgPath) && campaign.status === 'published';
      const invite = canInvite ? await inviteOf(db, campaign.id, viewer.id) : null;
      const pairs = await listPairs(db, campaign.id, { memberId: viewer.id, limit: 100, before: null });
      const records = await listRecords(db, campaign.id, { userId: viewer.id, limit: 100, before: null });
      const approved = await approvedHoursOf(db, campaign.id, viewer.id);
      return c.json({
        canInvite,
        pairCap: s.pairCap,
        maxHoursPerDay: s.maxHoursPerDay,
        invite: invite ? inviteLink(c, invite.code) : null,
        pairs: pairs
          .filter((p) => !p.unlinkedAt)
          .map((p) => ({
            id: p.id,
            residentName: p.residentName,
            residentPhone: p.withdrawnAt ? '' : maskPhone(p.residentPhone),
            createdAt: p.createdAt,
            withdrawnAt: p.withdrawnAt,
          })),
        approvedHours: approved.h,
        pendingHours: records.filter((r) => r.status === 'pending').reduce((a, r) => a + r.hours, 0),
        records: records.slice(0, 100),
      });
    },
  )
  .get(
    '/:id/certificate',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'My service certificate: totals and a verification code/QR (approved hours only)',
      responses: { 200: json(CertificateResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const db = c.var.db;
      const approved = await approvedHoursOf(db, campaign.id, viewer.id);
      if (!approved.h) throw new ApiError('conflict', 'msg.vol_no_hours');
      const cert = await issueCertificate(db, campaign.id, viewer.id, approved.h);
      const unit = await memberUnit(db, viewer.id);
      const origin = new URL(c.req.url).origin;
      return c.json({
        code: cert.code,
        name: viewer.name,
        orgUnitName: unit?.name ?? null,
        campaignTitle: campaign.title,
        issuer: campaign.orgUnitName,
        hours: approved.h,
        records: approved.n,
        issuedAt: cert.issuedAt,
        verifyUrl: `${origin}/verify/${cert.code}`,
        qrUrl: `/api/v1/certificates/${cert.code}/qr.svg`,
      });
    },
  );

export const pairRoutes = createApp().post(
  '/:id/unlink',
  describeRoute({
    tags: ['Volunteers'],
    summary: 'Unlink a pair with a reason (organizers of the member’s subtree); kept on record',
    responses: { 200: json(UnlinkResponse) },
  }),
  valid('param', v.object({ id: Id })),
  valid('json', UnlinkBody),
  async (c) => {
    const pair = await getPair(c.var.db, c.req.valid('param').id);
    if (!pair) throw new ApiError('not_found');
    const campaign = (await getCampaign(c.var.db, pair.campaignId))!;
    const viewer = requireManage(c, pair.memberPath ?? campaign.orgPath);
    if (!(await unlinkPair(c.var.db, viewer.id, pair.id, pair.memberUnitId, c.req.valid('json').reason))) throw new ApiError('conflict');
    return c.json({ unlinked: true });
  },
);

/** Public: the invite landing page's data, and its QR code. */
export const inviteRoutes = createApp()
  .get(
    '/:code',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'An invite (public): who invites (masked), the campaign, what "1+1" means, the consent text and whether places are left',
      responses: { 200: json(InviteView) },
    }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,20}$/, 'msg.vol_invite_missing')) })),
    async (c) => {
      const invite = await inviteByCode(c.var.db, c.req.valid('param').code);
      const campaign = invite ? await getCampaign(c.var.db, invite.campaignId) : null;
      if (!invite || !campaign || campaign.status === 'draft') throw new ApiError('not_found', 'msg.vol_invite_missing');
      const s = cfg(campaign);
      const used = await activePairCount(c.var.db, campaign.id, invite.userId);
      return c.json({
        code: invite.code,
        inviterName: maskName(invite.memberName),
        campaign: {
          id: campaign.id,
          slug: campaign.slug,
          title: campaign.title,
          summary: campaign.summary,
          orgUnitName: campaign.orgUnitName,
          status: campaign.status,
          endsAt: campaign.endsAt,
        },
        consentText: s.consentText,
        placesLeft: Math.max(0, s.pairCap - used),
        open: campaign.status === 'published',
      });
    },
  )
  .get(
    '/:code/qr.svg',
    describeRoute({ tags: ['Volunteers'], summary: 'The invite’s QR code (SVG) for posters and phones', responses: { 200: { description: 'SVG' } } }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,20}$/)) })),
    async (c) => {
      const invite = await inviteByCode(c.var.db, c.req.valid('param').code);
      if (!invite) throw new ApiError('not_found', 'msg.vol_invite_missing');
      return c.body(renderSVG(inviteUrl(c, invite.code), { border: 2 }), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
    },
  );

/** Public verification of a service certificate: name masked, hours, issuing unit. */
export const certificateRoutes = createApp()
  .get(
    '/:code',
    describeRoute({
      tags: ['Volunteers'],
      summary:
        'Verify a certificate (public): masked name, hours, what for and the issuing unit — a 1+1 service certificate (approved hours) or a year’s training certificate (`kind` training, study hours of `year`)',
      responses: { 200: json(CertificateCheck) },
    }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,40}$/)) })),
    async (c) => {
      const cert = await certificateByCode(c.var.db, c.req.valid('param').code);
      if (!cert) throw new ApiError('not_found');
      // 1+1 service certificates and training (year) certificates share the codes (lib/certificates.ts)
      return c.json(await certificateCheck(c, cert));
    },
  )
  .get('/:code/qr.svg', valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,40}$/)) })), async (c) => {
    const code = c.req.valid('param').code;
    if (!(await certificateByCode(c.var.db, code))) throw new ApiError('not_found');
    return c.body(renderSVG(`${new URL(c.req.url).origin}/verify/${code}`, { border: 2 }), 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
    });
  });
