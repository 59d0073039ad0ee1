/**
 * Pure rules of the quiz module: question shapes, answer checking, draws, imports and
 * stage advancement. Used by the Worker and (for previews) the console.
 */
export const QUESTION_TYPES = ['single', 'multiple', 'judge', 'blank'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export interface Option {
  key: string;
  text: string;
}
/** The stored answer: an option key, keys, a boolean, or the accepted alternatives of a blank. */
export type AnswerKey = string | string[] | boolean;

export interface QuestionCore {
  type: QuestionType;
  stem: string;
  options: Option[];
  answer: AnswerKey;
}

/** Full-width → half-width, trimmed, spaces collapsed, case folded: how blanks are compared. */
export function foldText(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Is a participant's answer of the right shape for the question? (wrong shape → 400, not "wrong") */
export function answerShapeOk(q: Pick<QuestionCore, 'type' | 'options'>, a: unknown): boolean {
  const keys = new Set(q.options.map((o) => o.key));
  switch (q.type) {
    case 'single':
      return typeof a === 'string' && keys.has(a);
    case 'multiple':
      return Array.isArray(a) && a.length > 0 && a.length <= keys.size && a.every((k) => typeof k === 'string' && keys.has(k)) && new Set(a).size === a.length;
    case 'judge':
      return typeof a === 'boolean';
    case 'blank':
      return typeof a === 'string' && a.length <= 200;
  }
}

export function isCorrect(q: QuestionCore, a: unknown): boolean {
  switch (q.type) {
    case 'single':
      return a === q.answer;
    case 'multiple': {
      const want = [...(q.answer as string[])].sort().join('');
      return Array.isArray(a) && [...a].sort().join('') === want;
    }
    case 'judge':
      return a === q.answer;
    case 'blank':
      return typeof a === 'string' && (q.answer as string[]).some((alt) => foldText(alt) === foldText(a));
  }
}

/** What a participant sees of a question: never the answer. */
export function publicQuestion(q: { id: string } & QuestionCore) {
  return { id: q.id, type: q.type, stem: q.stem, options: q.type === 'judge' || q.type === 'blank' ? [] : q.options };
}

/** Shuffles in place with a random source (crypto in the Worker, seeded in tests). */
export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/**
 * Draws `n` distinct questions. Stratified: questions are grouped by difficulty and first
 * tag, and the draw takes from the groups in turn, so a paper mixes topics and levels the
 * way the bank does instead of whatever the random order favours.
 */
export function drawQuestions<T extends { id: string; tags: string[]; difficulty: number }>(pool: T[], n: number, stratify: boolean, rand: () => number): T[] {
  const unique = [...new Map(pool.map((q) => [q.id, q])).values()];
  if (!stratify) return shuffle(unique, rand).slice(0, n);
  const groups = new Map<string, T[]>();
  for (const q of shuffle(unique, rand)) {
    const g = `${q.difficulty}|${q.tags[0] ?? ''}`;
    groups.set(g, [...(groups.get(g) ?? []), q]);
  }
  const lists = shuffle([...groups.values()], rand);
  const out: T[] = [];
  while (out.length < n && lists.some((l) => l.length)) {
    for (const l of lists) {
      const q = l.shift();
      if (q) out.push(q);
      if (out.length === n) break;
    }
  }
  return out;
}

// ---- import ---------------------------------------------------------------------------

const HEADERS: Record<string, string[]> = {
  type: ['题型', 'type', '类型'],
  stem: ['题干', 'stem', '题目'],
  answer: ['答案', 'answer', '正确答案'],
  explanation: ['解析', 'explanation', '答案解析'],
  tags: ['标签', 'tags', '知识点'],
  difficulty: ['难度', 'difficulty'],
  source: ['出处', 'source', '来源'],
};
const TYPE_WORDS: Record<string, QuestionType> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
  判断: 'judge',
  判断题: 'judge',
  judge: 'judge',
  'true/false': 'judge',
  填空: 'blank',
  填空题: 'blank',
  blank: 'blank',
};
const TRUE_WORDS = ['对', '正确', '√', '✓', 'true', 't', 'yes', 'y', '是'];
const FALSE_WORDS = ['错', '错误', '×', '✗', 'x', 'false', 'f', 'no', 'n', '否'];
const DIFFICULTY_WORDS: Record<string, number> = { 易: 1, 简单: 1, easy: 1, 中: 2, 中等: 2, 一般: 2, medium: 2, 难: 3, 困难: 3, hard: 3 };

export interface ImportColumns {
  type: number;
  stem: number;
  answer: number;
  explanation: number;
  tags: number;
  difficulty: number;
  source: number;
  options: Array<{ key: string; col: number }>;
}

/** Maps a header row (选项A…选项H or A…H) to columns; null names the missing required column. */
export function questionColumns(header: string[]): ImportColumns | { missing: string } {
  const norm = header.map((h) =>
    String(h ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const find = (names: string[]) => norm.findIndex((h) => names.includes(h));
  const cols = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, find(names)])) as Record<keyof typeof HEADERS, number>;
  for (const req of ['type', 'stem', 'answer'] as const) if ((cols[req] ?? -1) < 0) return { missing: HEADERS[req]![0]! };
  const options: ImportColumns['options'] = [];
  for (const key of OPTION_KEYS) {
    const col = norm.findIndex(
      (h) => h === `选项${key.toLowerCase()}` || h === key.toLowerCase() || h === `option ${key.toLowerCase()}` || h === `option${key.toLowerCase()}`,
    );
    if (col >= 0) options.push({ key, col });
  }
  return { ...cols, options } as ImportColumns;
}

export interface ParsedQuestion extends QuestionCore {
  explanation: string;
  tags: string[];
  difficulty: number;
  source: string;
}
/**
 * What a question says (type, stem, options, answer, explanation, source, tags, difficulty),
 * picked from anything that has it: the stored row as the API shows it, or a parsed question
 * as it is written.
 */
export function questionContent<T extends ParsedQuestion>(q: T): ParsedQuestion {
  return {
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    source: q.source,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}
export type RowResult = { ok: true; question: ParsedQuestion } | { ok: false; key: RowErrorKey; params?: Record<string, string | number> };
export type RowErrorKey =
  | 'q.type'
  | 'q.stem'
  | 'q.options'
  | 'q.answer_option'
  | 'q.answer_judge'
  | 'q.answer_blank'
  | 'q.answer_multiple'
  | 'q.difficulty'
  | 'q.too_long';

/** One spreadsheet row → a question, or what to fix. */
export function parseQuestionRow(cells: string[], c: ImportColumns): RowResult {
  const cell = (i: number) => (i >= 0 ? String(cells[i] ?? '').trim() : '');
  const type = TYPE_WORDS[cell(c.type).toLowerCase()];
  if (!type) return { ok: false, key: 'q.type', params: { value: cell(c.type).slice(0, 20) } };
  const stem = cell(c.stem);
  if (!stem) return { ok: false, key: 'q.stem' };
  if (stem.length > 1000) return { ok: false, key: 'q.too_long' };
  const options = c.options.map((o) => ({ key: o.key, text: cell(o.col) })).filter((o) => o.text);
  const rawAnswer = cell(c.answer);
  let answer: AnswerKey;
  if (type === 'single' || type === 'multiple') {
    if (options.length < 2) return { ok: false, key: 'q.options' };
    const letters = rawAnswer
      .toUpperCase()
      .replace(/[\s,，、;；]/g, '')
      .split('');
    const keys = new Set(options.map((o) => o.key));
    if (!letters.length || letters.some((l) => !keys.has(l))) return { ok: false, key: 'q.answer_option', params: { value: rawAnswer.slice(0, 20) } };
    if (type === 'single') {
      if (letters.length !== 1) return { ok: false, key: 'q.answer_option', params: { value: rawAnswer.slice(0, 20) } };
      answer = letters[0]!;
    } else {
      const uniq = [...new Set(letters)].sort();
      if (uniq.length < 2) return { ok: false, key: 'q.answer_multiple' };
      answer = uniq;
    }
  } else if (type === 'judge') {
    const w = rawAnswer.toLowerCase();
    if (TRUE_WORDS.includes(w)) answer = true;
    else if (FALSE_WORDS.includes(w)) answer = false;
    else return { ok: false, key: 'q.answer_judge', params: { value: rawAnswer.slice(0, 20) } };
  } else {
    const alts = rawAnswer
      .split(/[|｜;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!alts.length) return { ok: false, key: 'q.answer_blank' };
    answer = alts;
  }
  const d = cell(c.difficulty);
  let difficulty = 2;
  if (d) {
    difficulty = DIFFICULTY_WORDS[d.toLowerCase()] ?? Number(d);
    if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) return { ok: false, key: 'q.difficulty', params: { value: d.slice(0, 10) } };
  }
  const tags = cell(c.tags)
    .split(/[,，、;；|\s]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 10);
  return {
    ok: true,
    question: {
      type,
      stem,
      options: type === 'single' || type === 'multiple' ? options : [],
      answer,
      explanation: cell(c.explanation).slice(0, 2000),
      tags,
      difficulty,
      source: cell(c.source).slice(0, 200),
    },
  };
}

/** Duplicate detection by stem: the same words, whatever punctuation, width or spacing. */
export function stemKey(stem: string): string {
  return foldText(stem).replace(/[\s\p{P}\p{S}_]/gu, '');
}

/** The answer written back for an export, in the form the import reads. */
export function answerText(q: Pick<QuestionCore, 'type' | 'answer'>): string {
  if (q.type === 'judge') return q.answer ? '对' : '错';
  if (q.type === 'multiple') return (q.answer as string[]).join('');
  if (q.type === 'blank') return (q.answer as string[]).join('|');
  return String(q.answer);
}
export const TYPE_LABEL: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断', blank: '填空' };

// ---- stages -------------------------------------------------------------------------

export type AdvanceRule = { rule: 'top'; n: number } | { rule: 'top_per_unit'; n: number } | { rule: 'threshold'; score: number };

/**
 * Who advances from a ranked board. Ties at the cut all advance (rank ≤ n), because two
 * people with the same score and time cannot be told apart fairly.
 */
export function selectAdvancing<T extends { key: string; rank: number; score: number; orgUnitId: string | null }>(ranked: T[], rule: AdvanceRule): T[] {
  if (rule.rule === 'threshold') return ranked.filter((e) => e.score >= rule.score);
  if (rule.rule === 'top') return ranked.filter((e) => e.rank <= rule.n);
  const byUnit = new Map<string, T[]>();
  for (const e of ranked) byUnit.set(e.orgUnitId ?? '', [...(byUnit.get(e.orgUnitId ?? '') ?? []), e]);
  const out: T[] = [];
  for (const list of byUnit.values()) {
    // rank inside the unit: 1 + entries of the unit strictly ahead (the list is in board order)
    for (const e of list) if (list.findIndex((x) => x.rank === e.rank) + 1 <= rule.n) out.push(e);
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/**
 * When a question's statistics say "可能有问题" (maybe a wrong answer key or an ambiguous
 * stem): a low correct rate, but only once enough answers came in — two wrong answers out of
 * two say nothing about a question.
 */
export const QUESTION_FLAG = { minAnswers: 20, lowRate: 0.3 } as const;

export function questionSuspect(s: { answered: number; correctRate: number }): boolean {
  return s.answered >= QUESTION_FLAG.minAnswers && s.correctRate < QUESTION_FLAG.lowRate;
}
