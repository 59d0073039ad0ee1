import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PLAN_COUNTS, behindPlan, planDay, planProgress, yearElapsed } from '../../shared/training-plan';
import { PlanBody } from '../../shared/contracts/training-plans';

/* Yearly training plans: progress against a plan and what is behind (shared/training-plan.ts). */

const plan = { classes: { rotation: 2, lecture: 12, party_day: 12 }, coverageTarget: 90, hoursTarget: 32 };

describe('training plan progress', () => {
  it('puts held against planned per category, coverage in % of members and hours per member', () => {
    const p = planProgress(plan, { held: { rotation: 1, lecture: 6, online: 1 }, members: 40, people: 30, hours: 640 });
    expect(p.classes).toEqual({
      rotation: { planned: 2, held: 1 },
      online: { planned: null, held: 1 },
      lecture: { planned: 12, held: 6 },
      party_day: { planned: 12, held: 0 },
    });
    expect(p.coverage).toEqual({ target: 90, actual: 75 });
    expect(p.hoursPerMember).toEqual({ target: 32, actual: 16 });
  });

  it('has no targets without a plan, 0 for a subtree without members, and never more than 100 % coverage', () => {
    const none = planProgress(null, { held: {}, members: 0, people: 3, hours: 10 });
    expect(none).toEqual({ classes: {}, coverage: { target: null, actual: 0 }, hoursPerMember: { target: null, actual: 0 } });
    // people trained there who have since moved away can outnumber today's members
    expect(planProgress(plan, { held: {}, members: 3, people: 4, hours: 1 }).coverage.actual).toBe(100);
    expect(planProgress(plan, { held: {}, members: 3, people: 1, hours: 10 })).toMatchObject({ coverage: { actual: 33.3 }, hoursPerMember: { actual: 3.33 } });
  });

  it('counts rotation classes by the class (期) and 党课/主题党日 by the session (次)', () => {
    expect(PLAN_COUNTS.rotation).toBe('classes');
    expect(PLAN_COUNTS.secretary).toBe('classes');
    expect(PLAN_COUNTS.lecture).toBe('sessions');
    expect(PLAN_COUNTS.party_day).toBe('sessions');
  });
});

describe('behind the plan', () => {
  const p = planProgress(plan, { held: { rotation: 0, lecture: 5, party_day: 6 }, members: 10, people: 5, hours: 150 });

  it('is pro rata to the part of the year gone', () => {
    // half the year: 6 党课 due (5 held), 6 主题党日 (6 held), 1 rotation class (0), 45 % coverage (50), 16 hours (15)
    expect(behindPlan(p, 0.5)).toEqual(['classes.rotation', 'classes.lecture', 'hoursPerMember']);
    expect(behindPlan(p, 0)).toEqual([]);
    // 0.4 of the year: 0.8 of a rotation class is not one due yet (whole classes), 4.8 党课 due and 5 held, 12.8 hours due and 15 reached
    expect(behindPlan(p, 0.4)).toEqual([]);
    expect(behindPlan(p, 1)).toEqual(['classes.rotation', 'classes.lecture', 'classes.party_day', 'coverage', 'hoursPerMember']);
    expect(behindPlan(planProgress(null, { held: { lecture: 0 }, members: 10, people: 0, hours: 0 }), 1)).toEqual([]);
  });

  it('measures the year in China time', () => {
    expect(yearElapsed(2026, Date.parse('2025-12-31T16:00:00Z'))).toBe(0);
    expect(yearElapsed(2026, Date.parse('2026-12-31T16:00:00Z'))).toBe(1);
    expect(yearElapsed(2026, Date.parse('2027-06-01T00:00:00Z'))).toBe(1);
    expect(yearElapsed(2026, Date.parse('2026-07-02T12:00:00+08:00'))).toBeCloseTo(0.5, 2);
    expect(planDay(2026, '2026-05-04')).toBe('2026-05-04');
    expect(planDay(2025, '2026-05-04')).toBe('2025-12-31');
    expect(planDay(2027, '2026-05-04')).toBe('2027-01-01');
  });
});

describe('plan body', () => {
  it('takes whole counts of known categories, a % and half hours', () => {
    expect(v.safeParse(PlanBody, { classes: { rotation: 2, lecture: 12 }, coverageTarget: 100, hoursTarget: 32 }).success).toBe(true);
    expect(v.safeParse(PlanBody, { classes: { rotation: 1.5 }, coverageTarget: 100, hoursTarget: 32 }).success).toBe(false);
    expect(v.safeParse(PlanBody, { classes: { knitting: 1 }, coverageTarget: 100, hoursTarget: 32 }).success).toBe(false);
    expect(v.safeParse(PlanBody, { classes: {}, coverageTarget: 101, hoursTarget: 32 }).success).toBe(false);
    expect(v.safeParse(PlanBody, { classes: {}, coverageTarget: 90, hoursTarget: 32.2 }).success).toBe(false);
    expect(v.safeParse(PlanBody, { classes: {}, coverageTarget: 90, hoursTarget: 32.5 }).success).toBe(true);
  });
});
