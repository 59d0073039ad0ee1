/**
 * Pure rules of playing a quiz: deadlines, points and the daily cap, when an attempt ends or
 * is abandoned, and which stage is open. The Worker applies them (workers/api/routes/quiz);
 * kept here so they are unit-tested apart from D1 and the clock.
 */
/** Network delay we forgive after a question's deadline before an answer counts as late. */
export const GRACE_MS = 2000;

/** An answer (or a silence) after the deadline plus the grace counts as late. */
export function isLate(deadline: number, now: number): boolean {
  return now > deadline + GRACE_MS;
}

/** Time an answer took, from when the question was shown, never more than the question allows. */
export function answerTime(shownAt: number, now: number, secondsPerQuestion: number): number {
  return Math.max(0, Math.min(now - shownAt, secondsPerQuestion * 1000));
}

/** The last question ends an attempt; in a challenge so does the first wrong answer. */
export function endsAttempt(idx: number, total: number, mode: string, correct: boolean): boolean {
  return idx + 1 >= total || (mode === 'challenge' && !correct);
}

export interface PointRules {
  pointsPerCorrect: number;
  pointsForFinish: number;
  dailyPointsCap: number;
}

/**
 * Points an answer earns, as 学习强国 counts them: the points of a right answer, and on the
 * last answer the points for finishing, both only up to what is left of the day's cap (the
 * participant's points today in this campaign, over all its stages).
 */
export function answerPoints(s: PointRules, pointsToday: number, correct: boolean, finished: boolean): { points: number; finishPoints: number } {
  const room = Math.max(0, s.dailyPointsCap - pointsToday);
  const points = correct ? Math.min(s.pointsPerCorrect, room) : 0;
  const finishPoints = finished ? Math.min(s.pointsForFinish, room - points) : 0;
  return { points, finishPoints };
}

export interface AttemptLimits {
  attemptsPerDay: number;
  attemptsTotal: number | null;
}

/** Which limit a new attempt would break, given the attempts used today and in all (null: none). */
export function attemptLimitReached(used: { today: number; total: number }, s: AttemptLimits): 'daily' | 'total' | null {
  if (used.today >= s.attemptsPerDay) return 'daily';
  if (s.attemptsTotal !== null && used.total >= s.attemptsTotal) return 'total';
  return null;
}

/** Attempts left today (never below zero, whatever the settings became since). */
export function attemptsLeftToday(used: { today: number }, s: Pick<AttemptLimits, 'attemptsPerDay'>): number {
  return Math.max(0, s.attemptsPerDay - used.today);
}

/**
 * Where an active attempt stands, as the server settles it before serving or resuming it:
 * - `open`: its current question was served and its clock still runs (a reload shows the
 *   same question with the same deadline, never a fresh clock);
 * - `waiting`: the last answer's feedback is being read; the next question is served, and
 *   its clock starts, only when the player asks for it (POST /attempts/{id}/next);
 * - `timed_out`: the current question was served and its clock ran out unanswered (a call,
 *   a lost signal): it counts as wrong, so resuming never gives a second look at it;
 * - `expired`: left from an earlier China day: it is over with what was answered (an
 *   interrupted attempt can be resumed the same day only). A question still on its clock
 *   across midnight may be answered, not followed by another.
 */
export type AttemptState = 'open' | 'waiting' | 'timed_out' | 'expired';

export function attemptState(a: { served: boolean; deadline: number; day: string }, now: number, today: string): AttemptState {
  const late = a.served && isLate(a.deadline, now);
  if (a.day !== today && (!a.served || late)) return 'expired';
  if (!a.served) return 'waiting';
  return late ? 'timed_out' : 'open';
}

/** An attempt can be resumed (继续答题) unless it is left from an earlier day. */
export function canResume(a: { served: boolean; deadline: number; day: string }, now: number, today: string): boolean {
  return attemptState(a, now, today) !== 'expired';
}

/**
 * The board's tie-break of a finished attempt: seconds used, to a tenth. `tiebreakSql` in
 * db/queries/quiz.ts works it out the same way when a review recomputes a board entry.
 */
export function tiebreakSeconds(msUsed: number): number {
  return Math.round(msUsed / 100) / 10;
}

export interface StageWindow {
  startsAt: string;
  endsAt: string;
}

/** Is the stage open at `now`? From its start (included) to its end (excluded). */
export function stageOpenAt(stage: StageWindow, now: number): boolean {
  return Date.parse(stage.startsAt) <= now && now < Date.parse(stage.endsAt);
}

/** The stage open at `now` (the first, in stage order, should windows overlap), or null. */
export function openStage<T extends StageWindow>(stages: readonly T[], now: number): T | null {
  return stages.find((s) => stageOpenAt(s, now)) ?? null;
}
