import type { InferOutput } from 'valibot';
import type {
  AnswerResponse,
  AttemptDto,
  AttemptResult as AttemptResultSchema,
  NextQuestionResponse,
  PublicQuestion,
  QuizLobbyDto,
} from '@shared/contracts/quiz';
import { ApiError, call } from '@ui/api';
import { lang } from '@ui/i18n';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';

/* The quiz screens' API: the lobby, starting, answering and reading an attempt (API.md, Quiz challenges). */

export type { QuestionType } from '@shared/quiz';
export type QuizQuestion = InferOutput<typeof PublicQuestion>;
export type Attempt = AttemptDto;
export type AnswerReply = InferOutput<typeof AnswerResponse>;
export type AttemptResult = InferOutput<typeof AttemptResultSchema>;
export type ResultQuestion = AttemptResult['questions'][number];
export type Lobby = QuizLobbyDto;
export type StageInfo = NonNullable<Lobby['stage']>;
export type AnswerValue = string | string[] | boolean;
export type ServedQuestion = InferOutput<typeof NextQuestionResponse>;
const enc = encodeURIComponent;

export function getLobby(idOrSlug: string): Promise<Lobby> {
  return call('GET /campaigns/{id}/quiz/me', { id: idOrSlug });
}

/** A quiz's stages (public): name, order and dates. */
export async function listStages(idOrSlug: string): Promise<StageInfo[]> {
  return (await call('GET /campaigns/{id}/stages', { id: idOrSlug })).items;
}

export async function getAttempt(id: string): Promise<{ attempt: Attempt; result?: AttemptResult }> {
  return call('GET /attempts/{id}', { id });
}

export function sendAnswer(attemptId: string, questionId: string, answer: AnswerValue): Promise<AnswerReply> {
  return call('POST /attempts/{id}/answers', { id: attemptId }, { body: { questionId, answer } });
}

/** The next question, served now: its clock starts on this call (asking again returns the same). */
export function nextQuestion(attemptId: string): Promise<ServedQuestion> {
  return call('POST /attempts/{id}/next', { id: attemptId });
}

/** The attempt to resume today in a quiz, or null. */
export async function activeAttempt(idOrSlug: string): Promise<Attempt | null> {
  return (await call('GET /campaigns/{id}/attempts/active', { id: idOrSlug })).attempt;
}

/**
 * Starts an attempt and answers with its id. A refusal for an attempt in progress
 * (reason quiz_active) carries that attempt: resume it.
 */
export async function startAttempt(idOrSlug: string): Promise<string> {
  try {
    const r = await call('POST /campaigns/{id}/attempts', { id: idOrSlug }, { body: {} });
    return r.attempt.id;
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'quiz_active') {
      const active = (e.detail.attempt as { id?: unknown } | undefined)?.id;
      if (typeof active === 'string') return active;
      const lobby = await getLobby(idOrSlug).catch(() => null);
      if (lobby?.activeAttemptId) return lobby.activeAttemptId;
    }
    throw e;
  }
}

export const quizHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/quiz`;
export const playHref = (attemptId: string) => `/quiz/${enc(attemptId)}`;
export const resultHref = (attemptId: string) => `/quiz/${enc(attemptId)}/result`;

/** Can this person start (or resume) now, and if not, why not (an i18n key)? */
export function startBlock(l: Lobby): 'quiz.blockAdmitted' | 'quiz.blockToday' | 'quiz.blockTotal' | 'quiz.blockNoStage' | null {
  if (l.activeAttemptId) return null;
  if (l.stages.length > 0 && !l.stage) return 'quiz.blockNoStage';
  if (!l.admitted) return 'quiz.blockAdmitted';
  if (l.attemptsTotal !== null && l.attemptsUsed >= l.attemptsTotal) return 'quiz.blockTotal';
  if (l.attemptsLeftToday <= 0) return 'quiz.blockToday';
  return null;
}

/** An option key with its text ("B. 1921年"), or the keys of several. */
export function optionText(q: Pick<QuizQuestion, 'options'>, key: string): string {
  const o = q.options.find((x) => x.key === key);
  return o ? `${key}. ${o.text}` : key;
}

/** How an answer (yours or the correct one) reads, whatever its type. */
export function answerText(q: Pick<QuizQuestion, 'type' | 'options'>, a: unknown, words: { yes: string; no: string; none: string }): string {
  if (a === null || a === undefined || a === '') return words.none;
  if (q.type === 'judge') return a === true ? words.yes : a === false ? words.no : words.none;
  if (Array.isArray(a))
    return a.length ? a.map((k) => (q.type === 'blank' ? String(k) : optionText(q, String(k)))).join(q.type === 'blank' ? ' / ' : '；') : words.none;
  return q.type === 'blank' ? String(a) : optionText(q, String(a));
}

/** The option keys an answer names (to mark options right or wrong). */
export function answerKeys(a: unknown): string[] {
  if (Array.isArray(a)) return a.map(String);
  return typeof a === 'string' ? [a] : [];
}

/**
 * When a question's time runs out on this device. The server's clock decides; a phone's clock
 * may be off, so the local deadline never lies further ahead than one question's full time.
 */
export function localDeadline(deadlineIso: string | null, secondsPerQuestion: number, fresh: boolean): number {
  const now = Date.now();
  const full = now + secondsPerQuestion * 1000;
  if (fresh || !deadlineIso) return full;
  const d = Date.parse(deadlineIso);
  return Number.isFinite(d) ? Math.min(d, full) : full;
}

/** Between two sentences: nothing after a Chinese full stop, a space in English. */
export const sentenceGap = () => (lang() === 'en' ? ' ' : '');
