import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';
import { ApiError } from '../../lib/errors';
import { campaignOfKind, seenCampaignOfKind } from '../../lib/guards';
import { nowIso } from '../../../../db/ids';
import { getSessionWithCampaign, listSessions, rosterOfUser, type SessionListRow, type SessionRow } from '../../../../db/queries/training';
import type { listMaterials } from '../../../../db/queries/training-materials';
import type { TrainingSessionDto } from '../../../../shared/contracts/training';
import { settingsOf } from '../../../../shared/contracts/campaigns';
import type { CampaignRecord } from '../../../../db/queries/campaigns';
import { checkInWindow } from '../../../../shared/training';

/* What the training routes share: the campaign's settings, the session and material views. */

export const trainingCampaign = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'training');
export const cfg = (c: CampaignRecord) => settingsOf('training', c.settings);

export function sessionDto(r: SessionListRow): TrainingSessionDto {
  const s = r.s;
  return {
    id: s.id,
    campaignId: s.campaignId,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.location,
    lecturer: s.lecturer,
    hours: s.hours,
    checkInOpensAt: nowIso(checkInWindow(s).from),
    attendances: r.attendances,
    mine: r.mineStatus && r.mineMode ? { status: r.mineStatus, mode: r.mineMode, hours: r.mineHours ?? 0 } : null,
  };
}

/** The viewer's roster entry id (their own register lines), or null. */
export async function viewerRosterId(c: Context<AppEnv>): Promise<string | null> {
  return c.var.viewer ? ((await rosterOfUser(c.var.db, c.var.viewer.id))?.id ?? null) : null;
}

/** One session as the viewer sees it. */
export async function sessionView(c: Context<AppEnv>, campaignId: string, id: string): Promise<TrainingSessionDto> {
  const [row] = await listSessions(c.var.db, campaignId, await viewerRosterId(c), id);
  return sessionDto(row!);
}

/** A session and its (visible, training) campaign; 404 otherwise. */
export async function sessionOf(c: Context<AppEnv>, id: string) {
  const { s, campaign } = await getSessionWithCampaign(c.var.db, id);
  return sessionFound(c, s, campaign);
}

/** A session's and its campaign's guards, on rows read together (`getSessionWithCampaign`, `checkInRead`). */
export function sessionFound(c: Context<AppEnv>, s: SessionRow | null, campaign: CampaignRecord | null) {
  if (!s) throw new ApiError('not_found', 'msg.tr_session_missing');
  return { s, campaign: seenCampaignOfKind(c, campaign, 'training') };
}

type MaterialListRow = Awaited<ReturnType<typeof listMaterials>>[number];
export function materialDto(r: MaterialListRow) {
  const m = r.m;
  return {
    id: m.id,
    campaignId: m.campaignId,
    title: m.title,
    kind: m.kind,
    url: m.url,
    minutes: m.minutes,
    hours: m.hours,
    createdAt: m.createdAt,
    mine: r.study ? { studyId: r.study.id, startedAt: r.study.startedAt, finishedAt: r.study.finishedAt } : null,
  };
}
