import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { chinaYear } from '../../shared/training';
import { chinaDay } from '../../shared/china-time';
import { session, trainingCampaign, MEMBER_ROSTER } from './training.fixtures';

/* Yearly training plans and progress against them (API.md "Education and organizational life"). */

const YEAR = chinaYear(Date.now());
const plan = { classes: { rotation: 2, lecture: 12, party_day: 12 }, coverageTarget: 100, hoursTarget: 32 };

const membersNow = async (path: string) =>
  (await env.DB.prepare(
    "SELECT COUNT(DISTINCT COALESCE(roster_id, 'u:' || user_id)) AS n FROM membership_periods WHERE org_path >= ?1 AND org_path < ?1 || '~' AND from_day <= ?2 AND (to_day IS NULL OR to_day > ?2)",
  )
    .bind(path, chinaDay())
    .first<{ n: number }>())!.n;

describe('training plans', () => {
  it('are set by the unit’s organizers, replaced by a second PUT, audited, and shown with progress', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const put = await org.call('PUT', `/api/v1/org-units/fgw/training-plans/${YEAR}`, plan);
    expect(put.status, put.text).toBe(200);
    expect(put.body.plan).toMatchObject({ orgUnitId: 'fgw', year: YEAR, classes: plan.classes, coverageTarget: 100, hoursTarget: 32 });
    expect(put.body.progress.classes.lecture.planned).toBe(12);
    expect(put.body.progress.coverage.target).toBe(100);
    const path = (await env.DB.prepare("SELECT path FROM org_units WHERE id = 'fgw'").first<{ path: string }>())!.path;
    expect(put.body.members).toBe(await membersNow(path));
    expect(put.body.membersOn).toBe(chinaDay());
    // every unit directly below, held to fgw's coverage and hours targets while it has no plan of its own
    const below = (
      await env.DB.prepare("SELECT id FROM org_units WHERE parent_id = 'fgw' AND archived_at IS NULL ORDER BY id").all<{ id: string }>()
    ).results.map((r) => r.id);
    expect(below).toContain('fgw-b1');
    expect(put.body.units.map((u: { orgUnitId: string }) => u.orgUnitId).sort()).toEqual(below);
    expect(put.body.units[0]).toMatchObject({ plan: null, progress: { coverage: { target: 100 }, hoursPerMember: { target: 32 } } });

    const again = await org.call('PUT', `/api/v1/org-units/fgw/training-plans/${YEAR}`, { ...plan, classes: { lecture: 4 }, hoursTarget: 40.5 });
    expect(again.body.plan).toMatchObject({ classes: { lecture: 4 }, hoursTarget: 40.5 });
    expect(again.body.progress.classes.rotation?.planned ?? null).toBe(null);
    const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'training.plan_set' AND entity_id = 'fgw'").first<{ n: number }>();
    expect(audits!.n).toBe(2);

    // another year has no plan
    const other = await org.get(`/api/v1/org-units/fgw/training-plans/${YEAR + 1}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ plan: null, behind: [], elapsed: 0 });
  });

  it('count held classes by the class and 党课 by the session, and trained people and hours from the register', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    await org.call('PUT', `/api/v1/org-units/fgw-b1/training-plans/${YEAR}`, plan);
    const before = (await org.get(`/api/v1/org-units/fgw-b1/training-plans/${YEAR}`)).body;

    // a rotation class of two days (one 期) and a 党课 of two sessions, both started already; one session still to come
    const rotation = await trainingCampaign(org, { category: 'rotation' }, 'fgw-b1');
    await session(org, rotation, -3 * 24 * 60, -3 * 24 * 60 + 120, { days: 2, hours: 2 });
    const lecture = await trainingCampaign(org, { category: 'lecture' }, 'fgw-b1');
    const held = await session(org, lecture, -180, -120, { hours: 1 });
    await session(org, lecture, -90, -30, { hours: 1 });
    await session(org, lecture, 24 * 60, 25 * 60, { hours: 1 });
    expect((await org.post(`/api/v1/campaigns/${lecture}/enrollments`, { rosterIds: [MEMBER_ROSTER] })).body.enrolled).toBe(1);
    const mark = await org.post(`/api/v1/sessions/${held.id}/attendance`, {
      entries: [{ rosterId: MEMBER_ROSTER, status: 'present', mode: 'delivered', note: '送学上门' }],
    });
    expect(mark.status, mark.text).toBe(200);

    const after = (await org.get(`/api/v1/org-units/fgw-b1/training-plans/${YEAR}`)).body;
    const heldOf = (b: typeof before, cat: string) => b.progress.classes[cat]?.held ?? 0;
    // held = started by now: the session tomorrow is not counted yet
    expect(heldOf(after, 'rotation') - heldOf(before, 'rotation')).toBe(1);
    expect(heldOf(after, 'lecture') - heldOf(before, 'lecture')).toBe(2);
    const m = after.members as number;
    expect(m).toBeGreaterThan(0);
    expect(after.progress.hoursPerMember.actual).toBeCloseTo(before.progress.hoursPerMember.actual + 1 / m, 1);
    // the parent sees the same classes among its subtree's
    const parent = (await org.get(`/api/v1/org-units/fgw/training-plans/${YEAR}`)).body;
    const b1 = parent.units.find((u: { orgUnitId: string }) => u.orgUnitId === 'fgw-b1');
    expect(b1.progress).toEqual(after.progress);
    expect(b1.plan.classes).toEqual(plan.classes);
    expect(parent.progress.classes.lecture.held).toBeGreaterThanOrEqual(after.progress.classes.lecture.held);
  });

  it('refuse bad input with the field named and change nothing; an unknown unit is 404', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const bad = [
      [{ ...plan, coverageTarget: 120 }, 'coverageTarget'],
      [{ ...plan, hoursTarget: 32.2 }, 'hoursTarget'],
      [{ ...plan, classes: { knitting: 3 } }, 'classes'],
      [{ ...plan, classes: { lecture: 1.5 } }, 'classes.lecture'],
      [{ classes: {}, coverageTarget: 90 }, 'hoursTarget'],
    ] as const;
    for (const [body, field] of bad) {
      const r = await org.call('PUT', `/api/v1/org-units/jyj/training-plans/${YEAR}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(
        Object.keys(r.body.error.fields ?? {}).some((k) => k.startsWith(field)),
        r.text,
      ).toBe(true);
    }
    expect((await org.call('PUT', `/api/v1/org-units/jyj/training-plans/19x9`, plan)).status).toBe(400);
    expect((await org.call('PUT', `/api/v1/org-units/no-such-unit/training-plans/${YEAR}`, plan)).status).toBe(404);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM training_plans WHERE org_unit_id = 'jyj'").first<{ n: number }>())!.n).toBe(0);
  });
});
