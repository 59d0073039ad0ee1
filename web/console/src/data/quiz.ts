import type { InferOutput } from 'valibot';
import type {
  AdmissionList,
  AdvanceResponse,
  AdvancementDto,
  AttemptResponse,
  AttemptRowDto,
  BankItemDto,
  QuestionDto,
  QuestionImportReport,
  QuizStats,
  StageDto,
  StageOverrides,
} from '@shared/contracts/quiz';
import type { QuestionType } from '@shared/quiz';
import { API_BASE, call } from '@ui/api';
import type { BodyOf } from '@ui/operations';

/* The organizers' quiz API: question banks, questions, stages, review and statistics (API.md, Quiz challenges). */

export type { QuestionType } from '@shared/quiz';
export type Bank = BankItemDto;
export type Question = QuestionDto;
export type Stage = StageDto;
export type Advanced = InferOutput<typeof AdvanceResponse>['advanced'][number];
export type Admission = InferOutput<typeof AdmissionList>['items'][number];
export type AttemptRow = AttemptRowDto;
export type QuestionStat = InferOutput<typeof QuizStats>['items'][number];
export type AttemptDetail = InferOutput<typeof AttemptResponse>;
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'judge', 'blank'];
/** Option letters the editor offers (the import template has 选项A–选项F). */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** What the editor sends: the contract's input, so an option key the server refuses does not compile. */
export type QuestionBody = BodyOf<'POST /question-banks/{id}/questions'>;

export type ImportReport = InferOutput<typeof QuestionImportReport>;
/** A stage's overrides of the campaign's quiz settings, as stored and as the form sends them. */
export type StageSettings = InferOutput<typeof StageOverrides>;
export type Advancement = AdvancementDto;
export type StageBody = BodyOf<'POST /campaigns/{id}/stages'>;

/** Clears a flagged attempt, or disqualifies it with a reason (once). */
export function reviewAttempt(id: string, decision: 'cleared' | 'disqualified', reason?: string) {
  return call('POST /attempts/{id}/review', { id }, { body: { decision, ...(reason ? { reason } : {}) } });
}

const enc = encodeURIComponent;

export const listBanks = async () => (await call('GET /question-banks', {})).items;
export const createBank = async (title: string, orgUnitId: string) => (await call('POST /question-banks', {}, { body: { title, orgUnitId } })).bank;
export const listQuestions = (bankId: string, cursor: string | null, limit = 50) =>
  call('GET /question-banks/{id}/questions', { id: bankId }, { query: { limit, cursor } });
export const addQuestion = async (bankId: string, body: QuestionBody) => (await call('POST /question-banks/{id}/questions', { id: bankId }, { body })).question;
export const updateQuestion = async (id: string, body: QuestionBody) => (await call('PATCH /questions/{id}', { id }, { body })).question;
export const retireQuestion = (id: string) => call('DELETE /questions/{id}', { id });

export const bankExportHref = (bankId: string, format: 'csv' | 'xlsx') => `${API_BASE}/question-banks/${enc(bankId)}/export?format=${format}`;
export const templateHref = (format: 'csv' | 'xlsx') => `${API_BASE}/question-banks/template?format=${format}`;
export const bankImportPath = (bankId: string, dryRun: boolean) => `/question-banks/${enc(bankId)}/import${dryRun ? '?dryRun=true' : ''}`;

export const listStages = async (campaignId: string) => (await call('GET /campaigns/{id}/stages', { id: campaignId })).items;
export const createStage = (campaignId: string, body: StageBody) => call('POST /campaigns/{id}/stages', { id: campaignId }, { body });
export const updateStage = (campaignId: string, stageId: string, body: StageBody) =>
  call('PATCH /campaigns/{id}/stages/{stageId}', { id: campaignId, stageId }, { body });
export const advance = (campaignId: string, stageId: string, dryRun: boolean) =>
  call('POST /campaigns/{id}/stages/{stageId}/advance', { id: campaignId, stageId }, { query: { dryRun: dryRun ? 'true' : undefined } });
export const listAdmissions = async (campaignId: string, stageId: string) =>
  (await call('GET /campaigns/{id}/stages/{stageId}/admissions', { id: campaignId, stageId })).items;

export const listAttempts = (campaignId: string, flagged: boolean, cursor: string | null) =>
  call('GET /campaigns/{id}/attempts', { id: campaignId }, { query: { flagged: flagged ? 'true' : undefined, limit: 50, cursor } });
export const getAttemptDetail = (id: string) => call('GET /attempts/{id}', { id });
export const quizStats = async (campaignId: string) => (await call('GET /campaigns/{id}/quiz-stats', { id: campaignId })).items;
export const attemptsExportHref = (campaignId: string, format: 'csv' | 'xlsx') => `${API_BASE}/campaigns/${enc(campaignId)}/attempts/export?format=${format}`;

/** How an answer reads in a table: A · AC · 对/错 · alternatives joined by ｜. */
export function answerLabel(type: QuestionType, answer: unknown, words: { yes: string; no: string }): string {
  if (type === 'judge') return answer === true ? words.yes : answer === false ? words.no : '—';
  if (Array.isArray(answer)) return answer.map(String).join(type === 'blank' ? ' ｜ ' : '');
  if (answer === null || answer === undefined || answer === '') return '—';
  return String(answer);
}
