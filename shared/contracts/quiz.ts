import * as v from 'valibot';
import { Id, IsoTime, SafeLine, SafeText } from './common';
import { OPTION_KEYS, QUESTION_TYPES } from '../quiz';
import { StageSettings } from './campaigns';

const Text = (max: number) => v.pipe(v.string(), SafeText, v.trim(), v.maxLength(max));

export const CreateBankBody = v.strictObject({
  title: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(60)),
  orgUnitId: Id,
});

/** A question as organizers write it. `answer`: "A" | ["A","C"] | true | ["alternative", …] (or one string) for blanks. */
export const QuestionBody = v.strictObject({
  type: v.picklist(QUESTION_TYPES),
  stem: v.pipe(v.string(), SafeText, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(1000)),
  options: v.optional(v.pipe(v.array(v.strictObject({ key: v.picklist(OPTION_KEYS), text: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(300)) })), v.maxLength(8)), []),
  answer: v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(8)), v.boolean()]),
  explanation: v.optional(Text(2000), ''),
  source: v.optional(Text(200), ''),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1), v.maxLength(20))), v.maxLength(10)), []),
  difficulty: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)), 2),
});

export const PublicQuestion = v.object({
  id: v.string(),
  type: v.picklist(QUESTION_TYPES),
  stem: v.string(),
  options: v.array(v.object({ key: v.string(), text: v.string() })),
});

export const StartAttemptBody = v.strictObject({ stageId: v.optional(Id) });

export const AttemptView = v.object({
  id: v.string(),
  campaignId: v.string(),
  stage: v.string(),
  status: v.picklist(['active', 'finished']),
  mode: v.string(),
  index: v.number(),
  total: v.number(),
  question: v.nullable(PublicQuestion),
  deadline: v.nullable(v.string()),
  secondsPerQuestion: v.number(),
  correct: v.number(),
  score: v.number(),
  points: v.number(),
});

export const AnswerBody = v.strictObject({
  questionId: Id,
  answer: v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(8))), v.maxLength(8)), v.boolean()], 'msg.quiz_answer_shape'),
});

export const AnswerResponse = v.object({
  correct: v.boolean(),
  late: v.boolean(),
  score: v.number(),
  points: v.number(),
  finished: v.boolean(),
  next: v.nullable(v.object({ index: v.number(), question: PublicQuestion, deadline: v.string() })),
  correctAnswer: v.optional(v.unknown()),
  explanation: v.optional(v.string()),
});

const Advancement = v.variant('rule', [
  v.strictObject({ rule: v.literal('top'), n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000)) }),
  v.strictObject({ rule: v.literal('top_per_unit'), n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000)) }),
  v.strictObject({ rule: v.literal('threshold'), score: v.pipe(v.number(), v.minValue(0)) }),
]);

export const StageBody = v.strictObject({
  name: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(30)),
  startsAt: IsoTime,
  endsAt: IsoTime,
  settings: v.optional(StageSettings, {}),
  advancement: v.optional(v.nullable(Advancement), null),
});
export const StagePatch = v.strictObject({
  name: v.optional(StageBody.entries.name),
  startsAt: v.optional(IsoTime),
  endsAt: v.optional(IsoTime),
  settings: v.optional(StageSettings),
  advancement: v.optional(v.nullable(Advancement)),
});
export const AdvanceQuery = v.strictObject({ dryRun: v.optional(v.picklist(['true', 'false'])) });

/** An organizer's decision on a flagged attempt; a disqualification says why. */
export const ReviewAttemptBody = v.pipe(
  v.strictObject({
    decision: v.picklist(['cleared', 'disqualified'], 'msg.quiz_review_decision'),
    reason: v.optional(v.pipe(v.string(), SafeText, v.trim(), v.maxLength(200, 'msg.quiz_review_reason'))),
  }),
  v.forward(v.check((b) => b.decision === 'cleared' || !!b.reason, 'msg.quiz_review_reason'), ['reason']),
);
