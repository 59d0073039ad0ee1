import type { Question, QuestionType } from '../data/quiz';

/** The question editor's working copy of a question: options with stable ids, the right ones marked. */
export interface Opt {
  id: number;
  text: string;
}

export interface Draft {
  type: QuestionType;
  stem: string;
  options: Opt[];
  /** ids of the right options (single: one; multiple: two or more) */
  right: number[];
  judge: boolean | null;
  blanks: string[];
  explanation: string;
  source: string;
  tags: string;
  difficulty: number;
}

let nextId = 1;
export const opt = (text = ''): Opt => ({ id: nextId++, text });

export function draftOf(q: Question | null): Draft {
  if (!q) {
    return {
      type: 'single',
      stem: '',
      options: [opt(), opt(), opt(), opt()],
      right: [],
      judge: null,
      blanks: [''],
      explanation: '',
      source: '',
      tags: '',
      difficulty: 2,
    };
  }
  const options = q.options.length ? q.options.map((o) => opt(o.text)) : [opt(), opt(), opt(), opt()];
  const keys = q.options.map((o) => o.key);
  const rightKeys = Array.isArray(q.answer) ? q.answer.map(String) : typeof q.answer === 'string' ? [q.answer] : [];
  return {
    type: q.type,
    stem: q.stem,
    options,
    right: q.type === 'single' || q.type === 'multiple' ? rightKeys.map((k) => options[keys.indexOf(k)]?.id).filter((x): x is number => x !== undefined) : [],
    judge: q.type === 'judge' ? q.answer === true : null,
    blanks: q.type === 'blank' ? (Array.isArray(q.answer) ? q.answer.map(String) : [String(q.answer)]) : [''],
    explanation: q.explanation ?? '',
    source: q.source ?? '',
    tags: (q.tags ?? []).join('，'),
    difficulty: q.difficulty ?? 2,
  };
}

export const choice = (type: QuestionType) => type === 'single' || type === 'multiple';
export const splitTags = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
