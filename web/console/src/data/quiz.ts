import type { InferOutput } from 'valibot';
import type { AdmissionList, AdvanceResponse, AttemptResponse, AttemptRowDto, BankItemDto, QuestionDto, QuizStats, StageDto } from '@shared/contracts/quiz';
import type { QuestionType } from '@shared/quiz';
import { api, API_BASE, call } from '@ui/api';
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

export interface ImportReport {
  imported: number;
  duplicates: number;
  errors: { row: number; message: string }[];
  dryRun: boolean;
}

export interface StageSettings {
  bankIds?: string[];
  mode?: 'daily' | 'challenge' | 'round';
  questionsPerAttempt?: number;
  secondsPerQuestion?: number;
  attemptsPerDay?: number;
  attemptsTotal?: number | null;
  stratify?: boolean;
  revealAnswers?: boolean;
}

export type Advancement = { rule: 'top'; n: number } | { rule: 'top_per_unit'; n: number } | { rule: 'threshold'; score: number };

/** Clears a flagged attempt, or disqualifies it with a reason (once). */
export function reviewAttempt(id: string, decision: 'cleared' | 'disqualified', reason?: string) {
  return api<{ attempt: { id: string; review: 'cleared' | 'disqualified' }; board: { score: number | null; removed: boolean } | null }>(
    'POST',
    `/attempts/${encodeURIComponent(id)}/review`,
    { decision, ...(reason ? { reason } : {}) },
  );
}

const enc = encodeURIComponent;

export const listBanks = async () => (await call('GET /question-banks', {})).items;
export const createBank = async (title: string, orgUnitId: string) => (await call('POST /question-banks', {}, { body: { title, orgUnitId } })).bank;
export const listQuestions = (bankId: string, cursor: string | null, limit = 50) =>
  call('GET /question-banks/{id}/questions', { id: bankId }, { query: { limit, cursor } });
export const addQuestion = async (bankId: string, body: QuestionBody) => (await call('POST /question-banks/{id}/questions', { id: bankId }, { body })).question;
export const updateQuestion = async (id: string, body: QuestionBody) => (await call('PATCH /questions/{id}', { id }, { body })).question;
export const retireQuestion = (id: string) => api<void>('DELETE', `/questions/${enc(id)}`);

export const bankExportHref = (bankId: string, format: 'csv' | 'xlsx') => `${API_BASE}/question-banks/${enc(bankId)}/export?format=${format}`;
export const templateHref = (format: 'csv' | 'xlsx') => `${API_BASE}/question-banks/template?format=${format}`;
export const bankImportPath = (bankId: string, dryRun: boolean) => `/question-banks/${enc(bankId)}/import${dryRun ? '?dryRun=true' : ''}`;

export const listStages = async (campaignId: string) => (await call('GET /campaigns/{id}/stages', { id: campaignId })).items;
export const createStage = (campaignId: string, body: Record<string, unknown>) => api<{ stage: Stage }>('POST', `/campaigns/${enc(campaignId)}/stages`, body);
export const updateStage = (campaignId: string, stageId: string, body: Record<string, unknown>) =>
  api<{ stage: Stage }>('PATCH', `/campaigns/${enc(campaignId)}/stages/${enc(stageId)}`, body);
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
