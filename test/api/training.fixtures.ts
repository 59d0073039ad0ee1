import { expect } from 'vitest';
import type { Client } from '../helpers';

/* Shared set-up of the training tests: a published campaign of the whole tree and its sessions. */

let n = 0;
export const iso = (ms: number) => new Date(ms).toISOString();

export async function trainingCampaign(org: Client, settings: Record<string, unknown> = {}, orgUnitId = 'root') {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'training',
    title: `集中轮训测试${n++}`,
    orgUnitId,
    startsAt: iso(Date.now() - 7 * 864e5),
    endsAt: iso(Date.now() + 30 * 864e5),
    settings,
  });
  expect(r.status, r.text).toBe(201);
  const id = r.body.campaign.id as string;
  expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
  return id;
}

/** 王晓燕 (fgw-b1)'s roster entry: the member who signs in as PHONES.fgwMember. */
export const MEMBER_ROSTER = 'roster-user-member-fgw';

/** A published class of the whole tree with 王晓燕 enrolled. */
export async function classWithMember(org: Client, settings: Record<string, unknown> = {}) {
  const id = await trainingCampaign(org, settings);
  expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: [MEMBER_ROSTER] })).body.enrolled).toBe(1);
  return id;
}

/** A session from `fromMin` to `toMin` minutes from now. */
export async function session(org: Client, campaignId: string, fromMin: number, toMin: number, more: Record<string, unknown> = {}) {
  const r = await org.post(`/api/v1/campaigns/${campaignId}/sessions`, {
    title: '学习贯彻党的二十大精神',
    startsAt: iso(Date.now() + fromMin * 60e3),
    endsAt: iso(Date.now() + toMin * 60e3),
    location: '机关三楼会议室',
    lecturer: '市委党校 张教授',
    ...more,
  });
  expect(r.status, r.text).toBe(201);
  return r.body.session as { id: string; hours: number };
}

/** A 20-minute video of half an hour's credit in the campaign; its id. */
export async function videoMaterial(org: Client, campaignId: string): Promise<string> {
  const r = await org.post(`/api/v1/campaigns/${campaignId}/materials`, {
    title: '党的二十大报告解读',
    kind: 'video',
    url: 'https://example.org/video/20da',
    minutes: 20,
    hours: 0.5,
  });
  expect(r.status, r.text).toBe(201);
  return r.body.material.id as string;
}

/** The code on the room's screen now, as the organizer sees it. */
export async function screenCode(org: Client, sessionId: string): Promise<string> {
  const r = await org.get(`/api/v1/sessions/${sessionId}/code`);
  expect(r.status, r.text).toBe(200);
  return r.body.code as string;
}

export const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
