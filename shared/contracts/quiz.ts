import * as v from 'valibot';
import { Id, IsoTime, Page, SafeLine, SafeText } from './common';
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
  options: v.optional(
    v.pipe(
      v.array(v.strictObject({ key: v.picklist(OPTION_KEYS), text: v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(300)) })),
      v.maxLength(8),
    ),
    [],
  ),
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
  /** false while the player reads the last answer's feedback: the question comes from POST /attempts/{id}/next */
  served: v.boolean(),
  question: v.nullable(PublicQuestion),
  deadline: v.nullable(v.string()),
  secondsPerQuestion: v.number(),
  correct: v.number(),
  score: v.number(),
  points: v.number(),
});

export const AnswerBody = v.strictObject({
  questionId: Id,
  answer: v.union(
    [v.pipe(v.string(), v.maxLength(200)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(8))), v.maxLength(8)), v.boolean()],
    'msg.quiz_answer_shape',
  ),
});

export const AnswerResponse = v.object({
  correct: v.boolean(),
  late: v.boolean(),
  score: v.number(),
  points: v.number(),
  finished: v.boolean(),
  /** where the attempt goes on; the question itself (and its clock) come from POST /attempts/{id}/next */
  next: v.nullable(v.object({ index: v.number() })),
  correctAnswer: v.optional(v.union([v.string(), v.array(v.string()), v.boolean()])),
  explanation: v.optional(v.string()),
});

/** The question served by POST /attempts/{id}/next, whose clock started then. */
export const NextQuestionResponse = v.object({ index: v.number(), total: v.number(), question: PublicQuestion, deadline: v.string() });
/** GET /campaigns/{id}/attempts/active: the attempt to resume today, or null. */
export const ActiveAttemptResponse = v.object({ attempt: v.nullable(AttemptView) });

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
  v.forward(
    v.check((b) => b.decision === 'cleared' || !!b.reason, 'msg.quiz_review_reason'),
    ['reason'],
  ),
);
/** A reviewed attempt, and the participant's board entry as worked out again (null: the board was not touched). */
export const ReviewAttemptResponse = v.object({
  attempt: v.object({ id: v.string(), review: v.picklist(['cleared', 'disqualified']) }),
  board: v.nullable(v.object({ score: v.nullable(v.number()), removed: v.boolean() })),
});
/** What a question import did (or, with dryRun, would do): good rows kept, every bad row named. */
export const QuestionImportReport = v.object({
  imported: v.number(),
  duplicates: v.number(),
  errors: v.array(v.object({ row: v.number(), message: v.string() })),
  dryRun: v.boolean(),
});

/* Responses. */
export const QUIZ_MODES = ['daily', 'challenge', 'round'] as const;
export const ATTEMPT_STATUSES = ['active', 'finished'] as const;
export const ATTEMPT_REVIEWS = ['cleared', 'disqualified'] as const;
const Answer = v.union([v.string(), v.array(v.string()), v.boolean()]);

export const BankSchema = v.object({ id: v.string(), title: v.string(), orgUnitId: v.string(), createdAt: v.string(), questionCount: v.number() });
export type BankDto = v.InferOutput<typeof BankSchema>;
export const BankResponse = v.object({ bank: BankSchema });
/** The banks an organizer manages, with their unit's name. */
export const BankItem = v.object({ ...BankSchema.entries, orgUnitName: v.nullable(v.string()) });
export type BankItemDto = v.InferOutput<typeof BankItem>;
export const BankList = v.object({ items: v.array(BankItem) });

/** A question with its answer (organizers of the bank's unit). */
export const QuestionSchema = v.object({
  id: v.string(),
  bankId: v.string(),
  type: v.picklist(QUESTION_TYPES),
  stem: v.string(),
  options: v.array(v.object({ key: v.string(), text: v.string() })),
  answer: Answer,
  explanation: v.string(),
  source: v.string(),
  tags: v.array(v.string()),
  difficulty: v.number(),
  updatedAt: v.string(),
});
export type QuestionDto = v.InferOutput<typeof QuestionSchema>;
export const QuestionResponse = v.object({ question: QuestionSchema });
export const QuestionPage = Page(QuestionSchema);

/** A stage's rule for who advances (as StageBody wrote it). */
export const AdvancementSchema = v.variant('rule', [
  v.object({ rule: v.literal('top'), n: v.number() }),
  v.object({ rule: v.literal('top_per_unit'), n: v.number() }),
  v.object({ rule: v.literal('threshold'), score: v.number() }),
]);
export type AdvancementDto = v.InferOutput<typeof AdvancementSchema>;
/** A stage's stored overrides of the campaign's quiz settings: only what it overrides (attemptsTotal null: unlimited). */
export const StageOverrides = v.object({
  bankIds: v.optional(v.array(v.string())),
  mode: v.optional(v.picklist(QUIZ_MODES)),
  questionsPerAttempt: v.optional(v.number()),
  secondsPerQuestion: v.optional(v.number()),
  attemptsPerDay: v.optional(v.number()),
  attemptsTotal: v.optional(v.nullable(v.number())),
  stratify: v.optional(v.boolean()),
  revealAnswers: v.optional(v.boolean()),
});
/** A stage; settings (its overrides) and advancement only to organizers. */
export const StageSchema = v.object({
  id: v.string(),
  campaignId: v.optional(v.string()),
  ord: v.number(),
  name: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  advancedAt: v.nullable(v.string()),
  settings: v.optional(StageOverrides),
  advancement: v.optional(v.nullable(AdvancementSchema)),
});
export type StageDto = v.InferOutput<typeof StageSchema>;
export const StageList = v.object({ items: v.array(StageSchema) });
export const StageResponse = v.object({ stage: StageSchema });
export const AdvanceResponse = v.object({
  advanced: v.array(v.object({ userId: v.string(), name: v.string(), rank: v.number(), score: v.number(), orgUnitName: v.nullable(v.string()) })),
  nextStageId: v.string(),
  dryRun: v.boolean(),
});
export const AdmissionList = v.object({ items: v.array(v.object({ userId: v.string(), name: v.string(), fromRank: v.nullable(v.number()) })) });
/** Per-question statistics; `suspect` (可能有问题) only once enough answers came in (shared/quiz questionSuspect). */
export const QuizStats = v.object({
  items: v.array(
    v.object({
      id: v.string(),
      stem: v.string(),
      type: v.picklist(QUESTION_TYPES),
      answered: v.number(),
      correctRate: v.number(),
      avgSeconds: v.number(),
      suspect: v.boolean(),
    }),
  ),
  minAnswers: v.number(),
});

/** An attempt in the organizers' list. */
export const AttemptRowSchema = v.object({
  id: v.string(),
  stageId: v.string(),
  userId: v.string(),
  name: v.string(),
  status: v.picklist(ATTEMPT_STATUSES),
  correct: v.number(),
  total: v.number(),
  msUsed: v.number(),
  points: v.number(),
  flags: v.number(),
  startedAt: v.string(),
  finishedAt: v.nullable(v.string()),
  review: v.nullable(v.picklist(ATTEMPT_REVIEWS)),
  reviewReason: v.nullable(v.string()),
});
export type AttemptRowDto = v.InferOutput<typeof AttemptRowSchema>;
export const AttemptPage = Page(AttemptRowSchema);

const StageRef = v.object({ id: v.string(), name: v.string(), ord: v.number(), startsAt: v.string(), endsAt: v.string() });
export const BoardRank = v.object({ rank: v.nullable(v.number()), score: v.nullable(v.number()), total: v.number() });
/** The lobby: the stage open now, attempts left, today's points, rank and any attempt in progress. */
export const QuizLobby = v.object({
  stage: v.nullable(StageRef),
  stages: v.array(StageRef),
  admitted: v.boolean(),
  mode: v.picklist(QUIZ_MODES),
  questionsPerAttempt: v.number(),
  secondsPerQuestion: v.number(),
  attemptsPerDay: v.number(),
  attemptsToday: v.number(),
  attemptsLeftToday: v.number(),
  attemptsTotal: v.nullable(v.number()),
  attemptsUsed: v.number(),
  pointsToday: v.number(),
  dailyPointsCap: v.number(),
  board: BoardRank,
  activeAttemptId: v.nullable(v.string()),
  /** the latest finished attempt in this stage (the lobby links to its result when attempts are used up) */
  lastAttemptId: v.nullable(v.string()),
});
export type QuizLobbyDto = v.InferOutput<typeof QuizLobby>;

/** A finished attempt's result; the answers only when the campaign reveals them (organizers always). */
export const AttemptResult = v.object({
  score: v.number(),
  correct: v.number(),
  total: v.number(),
  seconds: v.number(),
  points: v.number(),
  rank: v.nullable(v.number()),
  boardTotal: v.number(),
  flagged: v.optional(v.boolean()),
  questions: v.array(
    v.object({
      ...PublicQuestion.entries,
      yourAnswer: v.nullable(Answer),
      correct: v.boolean(),
      late: v.boolean(),
      correctAnswer: v.optional(Answer),
      explanation: v.optional(v.string()),
    }),
  ),
});
export const AttemptResponse = v.object({ attempt: AttemptView, result: v.optional(AttemptResult) });
export type AttemptDto = v.InferOutput<typeof AttemptView>;
