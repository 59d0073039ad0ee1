import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { campaigns, contestEntries, orgUnits, pledges, quizAttempts } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { isUniqueViolation, underPath, writeBatch } from './util';
import type { CampaignKind, CampaignStatus } from '../../shared/kinds';

const columns = {
  id: campaigns.id,
  kind: campaigns.kind,
  title: campaigns.title,
  slug: campaigns.slug,
  summary: campaigns.summary,
  description: campaigns.description,
  orgUnitId: campaigns.orgUnitId,
  orgUnitName: orgUnits.name,
  orgPath: campaigns.orgPath,
  status: campaigns.status,
  startsAt: campaigns.startsAt,
  endsAt: campaigns.endsAt,
  settings: campaigns.settings,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  publishedAt: campaigns.publishedAt,
  closedAt: campaigns.closedAt,
  coverKey: campaigns.coverKey,
};
export type CampaignRecord = Awaited<ReturnType<typeof getCampaign>> & {};

/** Who is asking: null paths = the public; `all` = platform admin. */
export interface Scope {
  managedPaths: string[];
  all: boolean;
}

export function manageCondition(scope: Scope): SQL | undefined {
  if (scope.all) return sql`1 = 1`;
  if (!scope.managedPaths.length) return undefined;
  return or(...scope.managedPaths.map((p) => underPath(campaigns.orgPath, p)));
}

export interface CampaignFilter {
  kind?: CampaignKind | undefined;
  status?: CampaignStatus | undefined;
  orgUnitPath?: string | undefined;
  managedOnly?: boolean;
  /** running at some time in [from, to) */
  overlaps?: { from: string; to: string } | undefined;
  limit: number;
  beforeId: string | null;
}

export async function listCampaigns(db: Db, scope: Scope, f: CampaignFilter) {
  const manage = manageCondition(scope);
  const publicCond = inArray(campaigns.status, ['published', 'closed']);
  const visibility = f.managedOnly ? (manage ?? sql`1 = 0`) : manage ? or(publicCond, manage) : publicCond;
  return db
    .select(columns)
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
    .where(
      and(
        visibility,
        f.kind ? eq(campaigns.kind, f.kind) : undefined,
        f.status ? eq(campaigns.status, f.status) : undefined,
        f.orgUnitPath ? underPath(campaigns.orgPath, f.orgUnitPath) : undefined,
        f.overlaps ? and(lt(campaigns.startsAt, f.overlaps.to), gte(campaigns.endsAt, f.overlaps.from)) : undefined,
        f.beforeId ? lt(campaigns.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(campaigns.id))
    .limit(f.limit + 1);
}

/** A campaign with its unit's name; add the `where` (other queries batch it with theirs). */
export const campaignSelect = (db: Db) => db.select(columns).from(campaigns).innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId));

export async function getCampaign(db: Db, idOrSlug: string) {
  const rows = await campaignSelect(db)
    .where(or(eq(campaigns.id, idOrSlug), eq(campaigns.slug, idOrSlug.toLowerCase())))
    .limit(1);
  return rows[0] ?? null;
}

export interface NewCampaign {
  kind: CampaignKind;
  title: string;
  slug: string | undefined;
  summary: string;
  description: string;
  orgUnit: { id: string; path: string };
  startsAt: string;
  endsAt: string;
  settings: Record<string, unknown>;
}

/** Inserts a draft; null when the slug is taken. Without a slug one is made from the id. */
export async function createCampaign(db: Db, actorId: string, c: NewCampaign) {
  const id = newId();
  const now = nowIso();
  const slug = c.slug ?? `${c.kind}-${id.slice(-8).toLowerCase()}`;
  try {
    await writeBatch(db, [
      db.insert(campaigns).values({
        id,
        kind: c.kind,
        slug,
        title: c.title,
        summary: c.summary,
        description: c.description,
        orgUnitId: c.orgUnit.id,
        orgPath: c.orgUnit.path,
        status: 'draft',
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        settings: c.settings,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      }),
      auditInsert({ actorId, action: 'campaign.create', entity: 'campaign', entityId: id, orgUnitId: c.orgUnit.id, detail: { kind: c.kind, title: c.title } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return id;
}

export type CampaignPatch = Partial<Pick<NewCampaign, 'title' | 'slug' | 'summary' | 'description' | 'startsAt' | 'endsAt' | 'settings'>>;

/** Updates a campaign unless it closed meanwhile; returns 'ok' | 'closed' | 'slug_taken'. */
export async function updateCampaign(db: Db, actorId: string, id: string, orgUnitId: string, patch: CampaignPatch) {
  // publishing a contest's results is audited as such, once: only when they were not public yet
  const publishes = (patch.settings as { resultsPublished?: unknown } | undefined)?.resultsPublished === true;
  try {
    const [, res] = await writeBatch(db, [
      publishes
        ? sql`INSERT INTO audit_log (id, actor_id, action, entity, entity_id, org_unit_id, detail, at)
              SELECT ${newId()}, ${actorId}, 'results.publish', 'campaign', ${id}, ${orgUnitId}, NULL, ${nowIso()}
              WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = ${id} AND status <> 'closed' AND COALESCE(json_extract(settings, '$.resultsPublished'), 0) = 0)`
        : sql`SELECT 1`,
      db
        .update(campaigns)
        .set({ ...patch, updatedAt: nowIso() })
        .where(and(eq(campaigns.id, id), sql`${campaigns.status} <> 'closed'`))
        .returning({ id: campaigns.id }),
      auditInsert({ actorId, action: 'campaign.update', entity: 'campaign', entityId: id, orgUnitId, detail: { fields: Object.keys(patch) } }, true),
    ]);
    return res?.results.length ? 'ok' : 'closed';
  } catch (e) {
    if (isUniqueViolation(e)) return 'slug_taken';
    throw e;
  }
}

/**
 * Moves a campaign draft → published or published → closed with one conditional
 * statement, so a double click or two organizers at once change it only once.
 */
export async function transitionCampaign(db: Db, actorId: string, id: string, orgUnitId: string, from: CampaignStatus, to: CampaignStatus) {
  const now = nowIso();
  const set = to === 'published' ? { status: to, publishedAt: now, updatedAt: now } : { status: to, closedAt: now, updatedAt: now };
  const [res] = await writeBatch(db, [
    db
      .update(campaigns)
      .set(set)
      .where(and(eq(campaigns.id, id), eq(campaigns.status, from)))
      .returning({ id: campaigns.id }),
    auditInsert({ actorId, action: `campaign.${to === 'published' ? 'publish' : 'close'}`, entity: 'campaign', entityId: id, orgUnitId }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Cron: closes published campaigns whose end has passed. */
export async function closeEndedCampaigns(db: Db, now = Date.now()) {
  const at = nowIso(now);
  return db
    .update(campaigns)
    .set({ status: 'closed', closedAt: at, updatedAt: at })
    .where(and(eq(campaigns.status, 'published'), lt(campaigns.endsAt, at)))
    .returning({ id: campaigns.id });
}

/**
 * What waits for the organizers of a subtree, campaign by campaign (one batch): drafts not
 * yet published, works to review, receipts to verify, and quiz attempts flagged as too
 * fast since `flaggedSince` and not yet reviewed. 1+1 records are counted by the members' units elsewhere.
 */
export async function todoOf(db: Db, path: string, flaggedSince: string) {
  const under = underPath(campaigns.orgPath, path);
  const live = and(under, sql`${campaigns.status} <> 'draft'`);
  const head = { campaignId: campaigns.id, campaignKind: campaigns.kind, campaignTitle: campaigns.title, n: sql<number>`COUNT(*)`.as('n') };
  const [drafts, entries, receipts, flagged] = await db.batch([
    db
      .select({ campaignId: campaigns.id, campaignKind: campaigns.kind, campaignTitle: campaigns.title, n: sql<number>`1`.as('n') })
      .from(campaigns)
      .where(and(under, eq(campaigns.status, 'draft')))
      .orderBy(desc(campaigns.updatedAt))
      .limit(20),
    db
      .select(head)
      .from(contestEntries)
      .innerJoin(campaigns, eq(campaigns.id, contestEntries.campaignId))
      .where(and(live, eq(contestEntries.status, 'pending')))
      .groupBy(campaigns.id),
    db
      .select(head)
      .from(pledges)
      .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
      .where(and(live, eq(pledges.status, 'receipt_submitted')))
      .groupBy(campaigns.id),
    db
      .select(head)
      .from(quizAttempts)
      .innerJoin(campaigns, eq(campaigns.id, quizAttempts.campaignId))
      .where(and(live, sql`${quizAttempts.flags} > 0`, sql`${quizAttempts.review} IS NULL`, sql`${quizAttempts.startedAt} >= ${flaggedSince}`))
      .groupBy(campaigns.id),
  ]);
  const tag =
    (what: 'draft' | 'entries_pending' | 'receipts_pending' | 'attempts_flagged') =>
    (r: { campaignId: string; campaignKind: string; campaignTitle: string; n: number }) => ({ what, ...r, count: r.n });
  return [
    ...entries.map(tag('entries_pending')),
    ...receipts.map(tag('receipts_pending')),
    ...flagged.map(tag('attempts_flagged')),
    ...drafts.map(tag('draft')),
  ].map(({ n: _n, ...x }) => x);
}

/**
 * Sets (or, with null, removes) a campaign's cover image key, with its audit row, in one
 * batch. Returns the key it replaced (its object is deleted by the caller once this wrote).
 */
export async function setCover(db: Db, actorId: string, c: { id: string; orgUnitId: string; coverKey: string | null }, key: string | null) {
  await writeBatch(db, [
    db.update(campaigns).set({ coverKey: key, updatedAt: nowIso() }).where(eq(campaigns.id, c.id)),
    auditInsert({ actorId, action: key ? 'campaign.cover' : 'campaign.cover_remove', entity: 'campaign', entityId: c.id, orgUnitId: c.orgUnitId }),
  ]);
  return c.coverKey;
}
