import type { Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../lib/env';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { nowIso } from '../../../../db/ids';
import { getOrgUnit, listChildUnits } from '../../../../db/queries/org';
import { getPlans, planFacts, putPlan, type PlanRow } from '../../../../db/queries/training-plans';
import { PlanBody, PlanParam, PlanView, type PlanViewDto } from '../../../../shared/contracts/training-plans';
import { behindPlan, planDay, planProgress, yearElapsed, type PlanTargets } from '../../../../shared/training-plan';
import { chinaDay } from '../../../../shared/china-time';

/* A unit's yearly training plan (制定了每年的党员教育培训数量任务) and progress against it. */

const planDto = (p: PlanRow) => ({
  orgUnitId: p.orgUnitId,
  year: p.year,
  classes: p.classes as Record<string, number>,
  coverageTarget: p.coverageTarget,
  hoursTarget: p.hoursTarget,
  updatedAt: p.updatedAt,
});

async function managedUnit(c: Context<AppEnv>, id: string) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit) throw new ApiError('not_found', 'msg.org_missing');
  return { unit, viewer: requireManage(c, unit.path) };
}

/** The plan of `unit` for `year` with its progress and that of each unit directly below (PlanView). */
async function planView(c: Context<AppEnv>, unit: { id: string; name: string; path: string }, year: number): Promise<PlanViewDto> {
  const now = Date.now();
  const day = planDay(year, chinaDay(now));
  const elapsed = yearElapsed(year, now);
  const children = await listChildUnits(c.var.db, unit.id);
  const plans = await getPlans(c.var.db, [unit.id, ...children.map((u) => u.id)], year);
  const at = nowIso(now);
  const facts = await Promise.all([unit, ...children].map((u) => planFacts(c.var.db, u.path, year, day, at)));
  const own = plans.get(unit.id) ?? null;
  const progress = planProgress(targets(own), facts[0]!);
  return {
    orgUnitId: unit.id,
    name: unit.name,
    year,
    membersOn: day,
    members: facts[0]!.members,
    elapsed: Math.round(elapsed * 10000) / 10000,
    plan: own ? planDto(own) : null,
    progress,
    behind: behindPlan(progress, elapsed),
    units: children.map((u, i) => {
      const mine = plans.get(u.id) ?? null;
      // a unit below without a plan of its own is held to this unit's coverage and hours targets (classes are planned per unit)
      const t = targets(mine) ?? (own ? { classes: {}, coverageTarget: own.coverageTarget, hoursTarget: own.hoursTarget } : null);
      const pr = planProgress(t, facts[i + 1]!);
      return {
        orgUnitId: u.id,
        name: u.name,
        members: facts[i + 1]!.members,
        plan: mine ? planDto(mine) : null,
        progress: pr,
        behind: behindPlan(pr, elapsed),
      };
    }),
  };
}

const targets = (r: PlanRow | null): PlanTargets | null => (r ? { classes: r.classes, coverageTarget: r.coverageTarget, hoursTarget: r.hoursTarget } : null);

export const trainingPlanRoutes = createApp()
  .get(
    '/:id/training-plans/:year',
    describeRoute({
      tags: ['Training'],
      summary:
        'A unit’s training plan of a China year and progress against it (organizers of the unit): classes (期) or sessions (次) held per category, coverage (% of members with a credited attendance or finished study; members at the year’s end, or today while it runs) and hours per member, what is behind pro rata, and the same for each unit directly below (measured by its own plan, else this unit’s coverage and hours targets). `plan` is null when none is set',
      responses: { 200: json(PlanView) },
    }),
    valid('param', PlanParam),
    async (c) => {
      const p = c.req.valid('param');
      const { unit } = await managedUnit(c, p.id);
      return c.json(await planView(c, unit, Number(p.year)));
    },
  )
  .put(
    '/:id/training-plans/:year',
    describeRoute({
      tags: ['Training'],
      summary:
        'Set a unit’s training plan of a China year (organizers of the unit): classes or sessions per category (whole numbers), the coverage target in % and hours per member (steps of 0.5). Replaces the last plan; audited. Returns the plan with its progress',
      responses: { 200: json(PlanView) },
    }),
    valid('param', PlanParam),
    valid('json', PlanBody),
    async (c) => {
      const p = c.req.valid('param');
      const { unit, viewer } = await managedUnit(c, p.id);
      const b = c.req.valid('json');
      await putPlan(c.var.db, unit, Number(p.year), { classes: b.classes, coverageTarget: b.coverageTarget, hoursTarget: b.hoursTarget }, viewer.id);
      // the answer is the GET's: plan and progress together
      return c.json(await planView(c, unit, Number(p.year)));
    },
  );
