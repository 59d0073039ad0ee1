import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { judgeInvites, memberships, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { underPath, writeBatch } from './util';

/**
 * A person who may be made a judge directly: someone with a membership inside one of the
 * actor's subtrees (`all` for platform admins), found by user id or phone. Anyone else —
 * unknown, or outside — is null alike, so the answer does not tell whether a phone exists.
 */
export async function judgeCandidate(
  db: Db,
  who: { userId?: string | undefined; phone?: string | undefined },
  scope: { managedPaths: string[]; all: boolean },
) {
  if (!who.userId && !who.phone) return null;
  if (!scope.all && !scope.managedPaths.length) return null;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        who.userId ? eq(users.id, who.userId) : eq(users.phone, who.phone!),
        scope.all ? undefined : or(...scope.managedPaths.map((p) => underPath(memberships.orgPath, p))),
      ),
    )
    .limit(1);
  return rows[0]?.id ?? null;
}

export type JudgeInviteRow = typeof judgeInvites.$inferSelect;

export async function createJudgeInvite(db: Db, actorId: string, campaign: { id: string; orgUnitId: string }, codeHash: string, expiresAt: string) {
  const id = newId();
  await writeBatch(db, [
    db.insert(judgeInvites).values({ id, codeHash, campaignId: campaign.id, createdBy: actorId, createdAt: nowIso(), expiresAt }),
    auditInsert({
      actorId,
      action: 'judge_invite.create',
      entity: 'campaign',
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      detail: { inviteId: id, expiresAt },
    }),
  ]);
  return id;
}

export async function judgeInviteByHash(db: Db, codeHash: string) {
  return (await db.select().from(judgeInvites).where(eq(judgeInvites.codeHash, codeHash)).limit(1))[0] ?? null;
}

/** Invites of a campaign not yet used, revoked or expired, newest first (no codes: only their hashes are stored). */
export async function openJudgeInvites(db: Db, campaignId: string, now = nowIso()) {
  return db
    .select({
      id: judgeInvites.id,
      createdAt: judgeInvites.createdAt,
      expiresAt: judgeInvites.expiresAt,
      createdBy: judgeInvites.createdBy,
      createdByName: users.name,
    })
    .from(judgeInvites)
    .leftJoin(users, eq(users.id, judgeInvites.createdBy))
    .where(and(eq(judgeInvites.campaignId, campaignId), isNull(judgeInvites.acceptedBy), isNull(judgeInvites.revokedAt), gt(judgeInvites.expiresAt, now)))
    .orderBy(desc(judgeInvites.createdAt), asc(judgeInvites.id))
    .limit(200);
}

/** Revokes an open invite of this campaign; false when there is none (used, revoked, another campaign's). */
export async function revokeJudgeInvite(db: Db, actorId: string, campaign: { id: string; orgUnitId: string }, inviteId: string) {
  const now = nowIso();
  const [res] = await writeBatch(db, [
    sql`UPDATE judge_invites SET revoked_at = ${now} WHERE id = ${inviteId} AND campaign_id = ${campaign.id} AND accepted_by IS NULL AND revoked_at IS NULL`,
    auditInsert(
      { actorId, action: 'judge_invite.revoke', entity: 'campaign', entityId: campaign.id, orgUnitId: campaign.orgUnitId, detail: { inviteId } },
      true,
    ),
  ]);
  return (res?.meta.changes ?? 0) > 0;
}

/**
 * Accepts an invite in one transaction: the claim is one conditional UPDATE (open, not
 * expired, not taken), so two people racing for one link cannot both get it; the judge row
 * is inserted only for whoever holds the claim, which makes a repeat by the same person a
 * no-op. → 'accepted' (now or before, by this viewer) or 'unavailable'.
 */
export async function acceptJudgeInvite(db: Db, invite: JudgeInviteRow, campaignOrgUnitId: string, userId: string) {
  const now = nowIso();
  await writeBatch(db, [
    sql`UPDATE judge_invites SET accepted_by = ${userId}, accepted_at = ${now}
        WHERE id = ${invite.id} AND accepted_by IS NULL AND revoked_at IS NULL AND expires_at > ${now}`,
    auditInsert(
      {
        actorId: userId,
        action: 'judge_invite.accept',
        entity: 'campaign',
        entityId: invite.campaignId,
        orgUnitId: campaignOrgUnitId,
        detail: { inviteId: invite.id },
      },
      true,
    ),
    sql`INSERT INTO contest_judges (campaign_id, user_id, created_at)
        SELECT campaign_id, ${userId}, ${now} FROM judge_invites WHERE id = ${invite.id} AND accepted_by = ${userId}
        ON CONFLICT DO NOTHING`,
  ]);
  const after = (await db.select({ acceptedBy: judgeInvites.acceptedBy }).from(judgeInvites).where(eq(judgeInvites.id, invite.id)).limit(1))[0];
  return after?.acceptedBy === userId ? ('accepted' as const) : ('unavailable' as const);
}
