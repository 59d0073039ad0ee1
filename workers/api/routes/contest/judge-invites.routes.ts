import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { renderSVG } from 'uqr';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import { sha256 } from '../../lib/crypto';
import type { AppEnv } from '../../lib/env';
import { managedCampaignOfKind } from '../../lib/guards';
import { Id } from '../../../../shared/contracts/common';
import {
  JUDGE_INVITE_DAYS,
  JudgeInviteAccepted,
  JudgeInviteCode,
  JudgeInviteCreated,
  JudgeInviteList,
  JudgeInvitePublic,
} from '../../../../shared/contracts/contest';
import { randomToken, nowIso } from '../../../../db/ids';
import { getCampaign } from '../../../../db/queries/campaigns';
import {
  acceptJudgeInvite,
  createJudgeInvite,
  judgeInviteByHash,
  openJudgeInvites,
  revokeJudgeInvite,
  type JudgeInviteRow,
} from '../../../../db/queries/judge-invites';

/*
 * Judges from outside the organizers' subtree (API.md "People, roles and the member
 * registry"): the organizer makes a single-use link, the judge signs in and accepts it.
 * The code is a bearer secret — only its hash is stored, it is shown once, and nothing
 * reached with it names or reaches a person.
 */

const inviteUrl = (c: Context<AppEnv>, code: string) => `${new URL(c.req.url).origin}/judge-invite/${code}`;
const qrUrl = (code: string) => `/api/v1/judge-invites/${code}/qr.svg`;

async function inviteOr404(c: Context<AppEnv>, code: string) {
  const invite = await judgeInviteByHash(c.var.db, await sha256(code));
  const campaign = invite ? await getCampaign(c.var.db, invite.campaignId) : null;
  if (!invite || !campaign) throw new ApiError('not_found', 'msg.judge_invite_missing');
  return { invite, campaign };
}

function stateOf(invite: JudgeInviteRow, campaignStatus: string, now = nowIso()) {
  if (invite.acceptedBy) return 'used' as const;
  if (invite.revokedAt) return 'revoked' as const;
  if (invite.expiresAt <= now) return 'expired' as const;
  if (campaignStatus === 'closed') return 'closed' as const;
  return 'open' as const;
}

const InviteParam = v.object({ id: Id, inviteId: Id });

export const judgeInviteCampaignRoutes = createApp()
  .post(
    '/:id/judge-invites',
    describeRoute({
      tags: ['Contests'],
      summary: `Invite a judge from outside (organizers of the contest): a single-use link valid ${JUDGE_INVITE_DAYS} days; the code is shown only here`,
      responses: { 201: json(JudgeInviteCreated, 'Created') },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const code = randomToken(24);
      const expiresAt = nowIso(Date.now() + JUDGE_INVITE_DAYS * 86_400_000);
      const id = await createJudgeInvite(c.var.db, viewer.id, campaign, await sha256(code), expiresAt);
      c.header('Cache-Control', 'no-store');
      return c.json({ id, code, url: inviteUrl(c, code), qrUrl: qrUrl(code), expiresAt }, 201);
    },
  )
  .get(
    '/:id/judge-invites',
    describeRoute({
      tags: ['Contests'],
      summary: 'Open judge invitations of a contest (organizers): not used, revoked or expired',
      responses: { 200: json(JudgeInviteList) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign } = await managedCampaignOfKind(c, c.req.valid('param').id, 'contest');
      return c.json({ items: await openJudgeInvites(c.var.db, campaign.id) });
    },
  )
  .delete(
    '/:id/judge-invites/:inviteId',
    describeRoute({
      tags: ['Contests'],
      summary: 'Revoke an open judge invitation (organizers); a used, revoked or unknown one is 404',
      responses: { 204: { description: 'Revoked' } },
    }),
    valid('param', InviteParam),
    async (c) => {
      const p = c.req.valid('param');
      const { campaign, viewer } = await managedCampaignOfKind(c, p.id, 'contest');
      if (!(await revokeJudgeInvite(c.var.db, viewer.id, campaign, p.inviteId))) throw new ApiError('not_found', 'msg.judge_invite_missing');
      return c.body(null, 204);
    },
  );

export const judgeInviteRoutes = createApp()
  .get(
    '/:code',
    describeRoute({
      tags: ['Contests'],
      summary: 'A judge invitation (anyone with the link): the contest, the inviting unit and whether it can still be accepted — no personal data',
      responses: { 200: json(JudgeInvitePublic) },
    }),
    valid('param', v.object({ code: JudgeInviteCode })),
    async (c) => {
      const { invite, campaign } = await inviteOr404(c, c.req.valid('param').code);
      const state = stateOf(invite, campaign.status);
      c.header('Cache-Control', 'private, no-store');
      return c.json({
        campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, kind: campaign.kind, status: campaign.status },
        inviterUnit: campaign.orgUnitName,
        valid: state === 'open',
        state,
        expiresAt: invite.expiresAt,
      });
    },
  )
  .get(
    '/:code/qr.svg',
    describeRoute({
      tags: ['Contests'],
      summary: 'The invitation link as a QR code (SVG), for the organizer to show or send',
      responses: { 200: { description: 'SVG', content: { 'image/svg+xml': {} } } },
    }),
    valid('param', v.object({ code: JudgeInviteCode })),
    async (c) => {
      const code = c.req.valid('param').code;
      await inviteOr404(c, code);
      // the picture holds the secret link: never kept by shared caches
      return c.body(renderSVG(inviteUrl(c, code), { border: 2, ecc: 'Q' }), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, no-store' });
    },
  )
  .post(
    '/:code/accept',
    describeRoute({
      tags: ['Contests'],
      summary: 'Accept a judge invitation (signed in): the viewer joins the panel. Single use; the same person again is 200 and changes nothing',
      responses: { 200: json(JudgeInviteAccepted) },
    }),
    valid('param', v.object({ code: JudgeInviteCode })),
    async (c) => {
      const viewer = requireViewer(c);
      const { invite, campaign } = await inviteOr404(c, c.req.valid('param').code);
      const done = { accepted: true as const, campaignId: campaign.id };
      if (invite.acceptedBy === viewer.id) return c.json(done);
      const state = stateOf(invite, campaign.status);
      if (state === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (state !== 'open') throw new ApiError('conflict', `msg.judge_invite_${state}`);
      if ((await acceptJudgeInvite(c.var.db, invite, campaign.orgUnitId, viewer.id)) !== 'accepted') throw new ApiError('conflict', 'msg.judge_invite_used');
      return c.json(done);
    },
  );
