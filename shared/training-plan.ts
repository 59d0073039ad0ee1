import { TRAINING_CATEGORIES, chinaYearRange, type TrainingCategory } from './training';

/**
 * A unit's yearly training plan and its progress (issue #15 part 6, API.md
 * "Education and organizational life"): pure rules shared by the API and the console.
 */

/**
 * What one planned unit of a category is. Classes (期) of rotation, secretaries', new
 * members', activists' and online training are campaigns: a three-day class is one 期 however
 * many sessions it has. 党课, 主题党日 and 悦读 are counted by the time (次): each session.
 */
export const PLAN_COUNTS: Record<TrainingCategory, 'classes' | 'sessions'> = {
  rotation: 'classes',
  secretary: 'classes',
  new_member: 'classes',
  activist: 'classes',
  online: 'classes',
  lecture: 'sessions',
  party_day: 'sessions',
  reading: 'sessions',
};

export const PLAN_MAX_COUNT = 1000;
export const PLAN_MAX_HOURS = 1000;

export type PlanClasses = Partial<Record<TrainingCategory, number>>;
export interface PlanTargets {
  classes: PlanClasses;
  coverageTarget: number;
  hoursTarget: number;
}

/** What happened in a subtree in the year (db/queries/training-plans.ts). */
export interface PlanFacts {
  /** classes or sessions held (started by now) per category, as PLAN_COUNTS counts them */
  held: PlanClasses;
  /** members of the subtree at the year's end (or today, for the current year) */
  members: number;
  /** distinct people with a credited attendance or a finished study in the year */
  people: number;
  /** credited hours of the year (register and online study) */
  hours: number;
}

export interface PlanProgress {
  classes: Partial<Record<TrainingCategory, { planned: number | null; held: number }>>;
  coverage: { target: number | null; actual: number };
  hoursPerMember: { target: number | null; actual: number };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Progress against a plan (null: no plan, so no targets). Coverage is the % of members
 * trained (people ÷ members, at most 100, one decimal); hours per member is hours ÷ members
 * (two decimals); both 0 when the subtree has no members. A category shows when planned or held.
 */
export function planProgress(plan: PlanTargets | null, facts: PlanFacts): PlanProgress {
  const classes: PlanProgress['classes'] = {};
  for (const cat of TRAINING_CATEGORIES) {
    const planned = plan?.classes[cat] ?? null;
    const held = facts.held[cat] ?? 0;
    if ((planned ?? 0) > 0 || held > 0) classes[cat] = { planned: planned && planned > 0 ? planned : null, held };
  }
  const m = facts.members;
  return {
    classes,
    coverage: { target: plan ? plan.coverageTarget : null, actual: m > 0 ? round(Math.min(100, (facts.people / m) * 100), 1) : 0 },
    hoursPerMember: { target: plan ? plan.hoursTarget : null, actual: m > 0 ? round(facts.hours / m, 2) : 0 },
  };
}

/** How much of China year `year` has passed at `now`, in [0, 1]: what a target should be at by now. */
export function yearElapsed(year: number, now: number): number {
  const { from, to } = chinaYearRange(year);
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Math.max(0, Math.min(1, (now - a) / (b - a)));
}

/**
 * What is behind the plan: a figure short of its target pro rata (target × elapsed share of the
 * year), e.g. by July a unit that planned 12 党课 and held 4 is behind. Names come back as
 * `coverage`, `hoursPerMember` and `classes.<category>`; empty when on track or planless.
 */
export function behindPlan(p: PlanProgress, elapsed: number): string[] {
  const out: string[] = [];
  const short = (actual: number, target: number | null) => target !== null && target > 0 && actual + 1e-9 < target * elapsed;
  for (const cat of TRAINING_CATEGORIES) {
    const c = p.classes[cat];
    // whole classes: a plan of 2 is behind by the second half of the year, not after one day
    if (c && c.planned !== null && c.held < Math.floor(c.planned * elapsed)) out.push(`classes.${cat}`);
  }
  if (short(p.coverage.actual, p.coverage.target)) out.push('coverage');
  if (short(p.hoursPerMember.actual, p.hoursPerMember.target)) out.push('hoursPerMember');
  return out;
}

/** The day members are counted on for a year's progress: its last day, or today while it runs. */
export function planDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
}
