import * as v from 'valibot';
import { TRAINING_CATEGORIES, isHalfStep } from '../training';
import { PLAN_MAX_COUNT, PLAN_MAX_HOURS } from '../training-plan';

/* A unit's yearly training plan and its progress (API.md "Education and organizational life"). */

export const PlanParam = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  year: v.pipe(v.string(), v.regex(/^20\d\d$/, 'msg.tr_year')),
});

const Count = v.pipe(
  v.number('msg.tr_plan_count'),
  v.integer('msg.tr_plan_count'),
  v.minValue(0, 'msg.tr_plan_count'),
  v.maxValue(PLAN_MAX_COUNT, 'msg.tr_plan_count'),
);

/** `classes`: how many classes (期) or sessions (次) of each category, shared/training-plan.ts PLAN_COUNTS. */
export const PlanBody = v.strictObject({
  classes: v.pipe(
    v.record(v.picklist(TRAINING_CATEGORIES, 'msg.tr_category'), Count),
    v.check((r) => Object.keys(r).length <= TRAINING_CATEGORIES.length),
  ),
  /** % of members to reach at least once */
  coverageTarget: v.pipe(v.number('msg.tr_plan_coverage'), v.minValue(0, 'msg.tr_plan_coverage'), v.maxValue(100, 'msg.tr_plan_coverage')),
  /** study hours per member, in steps of 0.5 */
  hoursTarget: v.pipe(
    v.number('msg.tr_plan_hours'),
    v.minValue(0, 'msg.tr_plan_hours'),
    v.maxValue(PLAN_MAX_HOURS, 'msg.tr_plan_hours'),
    v.check(isHalfStep, 'msg.tr_plan_hours'),
  ),
});
export type PlanBodyDto = v.InferOutput<typeof PlanBody>;

const Classes = v.record(v.picklist(TRAINING_CATEGORIES), v.number());

export const TrainingPlan = v.object({
  orgUnitId: v.string(),
  year: v.number(),
  classes: Classes,
  coverageTarget: v.number(),
  hoursTarget: v.number(),
  updatedAt: v.string(),
});

export const PlanProgress = v.object({
  classes: v.record(v.picklist(TRAINING_CATEGORIES), v.object({ planned: v.nullable(v.number()), held: v.number() })),
  coverage: v.object({ target: v.nullable(v.number()), actual: v.number() }),
  hoursPerMember: v.object({ target: v.nullable(v.number()), actual: v.number() }),
});

/**
 * `behind`: what is short of its target pro rata to the part of the year gone
 * (`classes.<category>`, `coverage`, `hoursPerMember`). A unit below without a plan of its
 * own is measured against the coverage and hours targets of the unit asked about.
 */
export const PlanView = v.object({
  orgUnitId: v.string(),
  name: v.string(),
  year: v.number(),
  /** the day members were counted (the year's last day, or today while it runs) */
  membersOn: v.string(),
  members: v.number(),
  /** the share of the year gone, 0–1 */
  elapsed: v.number(),
  plan: v.nullable(TrainingPlan),
  progress: PlanProgress,
  behind: v.array(v.string()),
  units: v.array(
    v.object({
      orgUnitId: v.string(),
      name: v.string(),
      members: v.number(),
      plan: v.nullable(TrainingPlan),
      progress: PlanProgress,
      behind: v.array(v.string()),
    }),
  ),
});
export type PlanViewDto = v.InferOutput<typeof PlanView>;
