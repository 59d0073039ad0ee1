import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { orgUnits, users, volunteerInvites, volunteerPairs } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { activityInsert, auditInsert } from './activity';
import { isUniqueViolation, underPath, writeBatch, olderThan } from './util';

/* ---- 结对 (volunteer pairs) and the members' invite codes ---- */

/** An invite code: short enough to type from a poster, unguessable (10 base32 characters ≈ 50 bits). */
function inviteCode() {
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const b = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(b, (x) => A[x % A.length]).join('');
}

export async function inviteOf(db: Db, campaignId: string, userId: string) {
  const existing = await db.query.volunteerInvites.findFirst({ where: and(eq(volunteerInvites.campaignId, campaignId), eq(volunteerInvites.userId, userId)) });
  if (existing) return existing;
  const row = { code: inviteCode(), campaignId, userId, createdAt: nowIso() };
  await db.insert(volunteerInvites).values(row).onConflictDoNothing();
  return (await db.query.volunteerInvites.findFirst({ where: and(eq(volunteerInvites.campaignId, campaignId), eq(volunteerInvites.userId, userId)) }))!;
}

export async function inviteByCode(db: Db, code: string) {
  const rows = await db
    .select({ code: volunteerInvites.code, campaignId: volunteerInvites.campaignId, userId: volunteerInvites.userId, memberName: users.name })
    .from(volunteerInvites)
    .innerJoin(users, eq(users.id, volunteerInvites.userId))
    .where(eq(volunteerInvites.code, code.toUpperCase()));
  return rows[0] ?? null;
}

export async function activePairCount(db: Db, campaignId: string, memberId: string) {
  return (
    (
      await db
        .select({ n: count() })
        .from(volunteerPairs)
        .where(and(eq(volunteerPairs.campaignId, campaignId), eq(volunteerPairs.memberId, memberId), isNull(volunteerPairs.unlinkedAt)))
    )[0]?.n ?? 0
  );
}

export interface NewPair {
  campaignId: string;
  memberId: string;
  memberUnit: { id: string; path: string } | null;
  residentName: string;
  residentPhone: string;
  consentText: string;
  source: 'invite' | 'organizer';
  createdBy: string | null;
}

/**
 * Registers a pair while the member is under the cap — one conditional statement, so
 * parallel registrations through one invite cannot exceed it — with its activity event.
 * 'cap' when full; 'taken' when the resident is already registered in the campaign.
 */
export async function insertPair(db: Db, p: NewPair, cap: number): Promise<{ result: 'ok'; id: string } | { result: 'cap' | 'taken' }> {
  const id = newId();
  const now = nowIso();
  try {
    const [res] = await writeBatch(db, [
      sql`INSERT INTO volunteer_pairs (id, campaign_id, member_id, member_unit_id, member_path, resident_name, resident_phone, resident_user_id, consent_text, consent_at, source, created_by, created_at)
          SELECT ${id}, ${p.campaignId}, ${p.memberId}, ${p.memberUnit?.id ?? null}, ${p.memberUnit?.path ?? null}, ${p.residentName}, ${p.residentPhone},
                 (SELECT id FROM users WHERE phone = ${p.residentPhone}), ${p.consentText}, ${now}, ${p.source}, ${p.createdBy}, ${now}
          WHERE (SELECT COUNT(*) FROM volunteer_pairs WHERE campaign_id = ${p.campaignId} AND member_id = ${p.memberId} AND unlinked_at IS NULL) < ${cap}
             -- a resident already registered must hear so (409), not the member's cap: let the
             -- insert run into the unique index, which rolls it back as 'taken'
             OR EXISTS (SELECT 1 FROM volunteer_pairs WHERE campaign_id = ${p.campaignId} AND resident_phone = ${p.residentPhone} AND unlinked_at IS NULL)
          RETURNING id`,
      activityInsert(
        {
          userId: p.memberId,
          type: 'volunteer_pair',
          campaignId: p.campaignId,
          kind: 'volunteer',
          points: 0,
          quantity: 1,
          ref: id,
          orgUnitId: p.memberUnit?.id ?? null,
        },
        sql`EXISTS (SELECT 1 FROM volunteer_pairs WHERE id = ${id})`,
      ),
      ...(p.source === 'organizer' && p.createdBy
        ? [auditInsert({ actorId: p.createdBy, action: 'pair.create_on_behalf', entity: 'volunteer_pair', entityId: id, orgUnitId: p.memberUnit?.id ?? null })]
        : []),
    ]);
    return res?.results.length ? { result: 'ok', id } : { result: 'cap' };
  } catch (e) {
    if (isUniqueViolation(e)) return { result: 'taken' };
    throw e;
  }
}

export async function getPair(db: Db, id: string) {
  return db.query.volunteerPairs.findFirst({ where: eq(volunteerPairs.id, id) });
}

export async function unlinkPair(db: Db, actorId: string, id: string, orgUnitId: string | null, reason: string) {
  const [res] = await writeBatch(db, [
    db
      .update(volunteerPairs)
      .set({ unlinkedAt: nowIso(), unlinkReason: reason })
      .where(and(eq(volunteerPairs.id, id), isNull(volunteerPairs.unlinkedAt)))
      .returning({ id: volunteerPairs.id }),
    auditInsert({ actorId, action: 'pair.unlink', entity: 'volunteer_pair', entityId: id, orgUnitId, detail: { reason } }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Pairs newest first by time (a composite cursor: demo and imported ids need not sort by time). */
export async function listPairs(db: Db, campaignId: string, f: { path?: string; memberId?: string; limit: number; before: { at: string; id: string } | null }) {
  return db
    .select({
      id: volunteerPairs.id,
      memberId: volunteerPairs.memberId,
      memberName: users.name,
      memberUnitId: volunteerPairs.memberUnitId,
      memberUnitName: orgUnits.name,
      residentName: volunteerPairs.residentName,
      residentPhone: volunteerPairs.residentPhone,
      memberPath: volunteerPairs.memberPath,
      source: volunteerPairs.source,
      consentAt: volunteerPairs.consentAt,
      createdAt: volunteerPairs.createdAt,
      unlinkedAt: volunteerPairs.unlinkedAt,
      unlinkReason: volunteerPairs.unlinkReason,
      withdrawnAt: volunteerPairs.withdrawnAt,
    })
    .from(volunteerPairs)
    .innerJoin(users, eq(users.id, volunteerPairs.memberId))
    .leftJoin(orgUnits, eq(orgUnits.id, volunteerPairs.memberUnitId))
    .where(
      and(
        eq(volunteerPairs.campaignId, campaignId),
        f.path ? underPath(volunteerPairs.memberPath, f.path) : undefined,
        f.memberId ? eq(volunteerPairs.memberId, f.memberId) : undefined,
        olderThan(volunteerPairs.createdAt, volunteerPairs.id, f.before),
      ),
    )
    .orderBy(desc(volunteerPairs.createdAt), desc(volunteerPairs.id))
    .limit(f.limit + 1);
}
