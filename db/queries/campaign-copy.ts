import { asc, eq } from 'drizzle-orm';
import { campaigns, exhibitionSlots, judgingRounds, quizStages, serviceActivities, trainingMaterials, trainingSessions } from '../schema';
import type { Db } from '../client';
import { newId, nowIso, randomToken } from '../ids';
import { auditInsert } from './activity';
import { chunk, isUniqueViolation, writeBatch, type Stmt } from './util';
import type { CampaignKind } from '../../shared/kinds';
import type { CampaignRecord } from './campaigns';

/** What a kind's copier gets: the source, the new campaign's id and how far every date moves. */
export interface CopyContext {
  from: CampaignRecord;
  toId: string;
  /** milliseconds every date of the set-up moves by (new start − old start) */
  shiftMs: number;
  actorId: string;
  now: string;
}

/** Reads a kind's set-up and returns the statements that copy it (run in the duplicate's one batch). */
export type SetupCopier = (db: Db, ctx: CopyContext) => Promise<Stmt[]>;

export const shiftIso = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Settings with every date in them (contest submission/voting windows …) moved by `ms`. */
export function shiftSettings<T>(value: T, ms: number): T {
  if (typeof value === 'string') return (ISO.test(value) ? shiftIso(value, ms) : value) as T;
  if (Array.isArray(value)) return value.map((x) => shiftSettings(x, ms)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, shiftSettings(x, ms)])) as T;
  return value;
}

/** D1 binds at most 100 values a statement: multi-row inserts go in slices that stay under it. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.floor(99 / columns));

/** 答题: the stages (banks are shared and referenced by id, so the copy draws from the same banks). */
const copyQuizStages: SetupCopier = async (db, { from, toId, shiftMs }) => {
  const rows = await db.select().from(quizStages).where(eq(quizStages.campaignId, from.id)).orderBy(asc(quizStages.ord));
  const copies = rows.map((s) => ({
    id: newId(),
    campaignId: toId,
    ord: s.ord,
    name: s.name,
    startsAt: shiftIso(s.startsAt, shiftMs),
    endsAt: shiftIso(s.endsAt, shiftMs),
    settings: s.settings,
    advancement: s.advancement,
    advancedAt: null,
  }));
  return chunk(copies, rowsPerInsert(9)).map((part) => db.insert(quizStages).values(part));
};

/** 大赛: the judging rounds with their criteria, new and open as a created round is; no judges, entries or scores. */
const copyJudgingRounds: SetupCopier = async (db, { from, toId, now }) => {
  const rows = await db.select().from(judgingRounds).where(eq(judgingRounds.campaignId, from.id)).orderBy(asc(judgingRounds.ord));
  const copies = rows.map((r) => ({
    id: newId(),
    campaignId: toId,
    ord: r.ord,
    name: r.name,
    criteria: r.criteria,
    assignment: r.assignment,
    judgesPerEntry: r.judgesPerEntry,
    quorum: r.quorum,
    status: 'open' as const,
    closedAt: null,
    unfinished: null,
    createdAt: now,
  }));
  return chunk(copies, rowsPerInsert(12)).map((part) => db.insert(judgingRounds).values(part));
};

/** 展览: the slot schedule, every slot empty (no bookings, nothing booked). */
const copySlots: SetupCopier = async (db, { from, toId, shiftMs, now }) => {
  const rows = await db.select().from(exhibitionSlots).where(eq(exhibitionSlots.campaignId, from.id)).orderBy(asc(exhibitionSlots.startsAt));
  const copies = rows.map((s) => ({
    id: newId(),
    campaignId: toId,
    startsAt: shiftIso(s.startsAt, shiftMs),
    endsAt: shiftIso(s.endsAt, shiftMs),
    capacity: s.capacity,
    booked: 0,
    closed: s.closed,
    createdAt: now,
  }));
  return chunk(copies, rowsPerInsert(8)).map((part) => db.insert(exhibitionSlots).values(part));
};

/** 1+1: the service activities that were not cancelled, each with a new check-in secret and no sign-ups. */
const copyServiceActivities: SetupCopier = async (db, { from, toId, shiftMs, actorId, now }) => {
  const rows = await db.select().from(serviceActivities).where(eq(serviceActivities.campaignId, from.id)).orderBy(asc(serviceActivities.startsAt));
  const copies = rows
    .filter((a) => a.status === 'open')
    .map((a) => ({
      id: newId(),
      campaignId: toId,
      orgUnitId: a.orgUnitId,
      orgPath: a.orgPath,
      title: a.title,
      place: a.place,
      description: a.description,
      startsAt: shiftIso(a.startsAt, shiftMs),
      endsAt: shiftIso(a.endsAt, shiftMs),
      capacity: a.capacity,
      signedUp: 0,
      codeSecret: randomToken(32),
      status: 'open' as const,
      createdBy: actorId,
      createdAt: now,
    }));
  return chunk(copies, rowsPerInsert(15)).map((part) => db.insert(serviceActivities).values(part));
};

/** 培训: the sessions (课次) with their hours and new check-in secrets; the materials for online study. No enrolments, attendance or studies. */
const copyTraining: SetupCopier = async (db, { from, toId, shiftMs, actorId, now }) => {
  const [sessions, materials] = await Promise.all([
    db.select().from(trainingSessions).where(eq(trainingSessions.campaignId, from.id)).orderBy(asc(trainingSessions.startsAt)),
    db.select().from(trainingMaterials).where(eq(trainingMaterials.campaignId, from.id)),
  ]);
  const s = sessions.map((x) => ({
    id: newId(),
    campaignId: toId,
    title: x.title,
    startsAt: shiftIso(x.startsAt, shiftMs),
    endsAt: shiftIso(x.endsAt, shiftMs),
    location: x.location,
    lecturer: x.lecturer,
    hours: x.hours,
    codeSecret: randomToken(32),
    createdBy: actorId,
    createdAt: now,
  }));
  const m = materials.map((x) => ({
    id: newId(),
    campaignId: toId,
    title: x.title,
    kind: x.kind,
    url: x.url,
    minutes: x.minutes,
    hours: x.hours,
    createdBy: actorId,
    createdAt: now,
  }));
  return [
    ...chunk(s, rowsPerInsert(11)).map((part) => db.insert(trainingSessions).values(part)),
    ...chunk(m, rowsPerInsert(9)).map((part) => db.insert(trainingMaterials).values(part)),
  ];
};

/**
 * The set-up each kind carries besides its settings, one copier per kind: a new kind with
 * tables of its own (training sessions …) adds its entry here and duplication covers it.
 * Kinds without an entry (drive) live entirely in their settings.
 */
export const SETUP_COPIERS: Partial<Record<CampaignKind, SetupCopier>> = {
  quiz: copyQuizStages,
  contest: copyJudgingRounds,
  exhibition: copySlots,
  volunteer: copyServiceActivities,
  training: copyTraining,
};

/**
 * Duplicates a campaign into a draft: the campaign row (settings with dates moved), its kind's
 * set-up, and the audit row, in one batch; null when the slug is taken (never, with a fresh one).
 */
export async function duplicateCampaign(db: Db, actorId: string, from: CampaignRecord, input: { title: string; startsAt: string }) {
  const toId = newId();
  const now = nowIso();
  const shiftMs = Date.parse(input.startsAt) - Date.parse(from.startsAt);
  const ctx: CopyContext = { from, toId, shiftMs, actorId, now };
  const setup = (await SETUP_COPIERS[from.kind]?.(db, ctx)) ?? [];
  try {
    await writeBatch(db, [
      db.insert(campaigns).values({
        id: toId,
        kind: from.kind,
        slug: `${from.kind}-${toId.slice(-8).toLowerCase()}`,
        title: input.title,
        summary: from.summary,
        description: from.description,
        orgUnitId: from.orgUnitId,
        orgPath: from.orgPath,
        status: 'draft',
        startsAt: shiftIso(from.startsAt, shiftMs),
        endsAt: shiftIso(from.endsAt, shiftMs),
        settings: shiftSettings(from.settings, shiftMs),
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      }),
      ...setup,
      auditInsert({ actorId, action: 'campaign.duplicate', entity: 'campaign', entityId: toId, orgUnitId: from.orgUnitId, detail: { from: from.id, shiftMs } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return toId;
}
