import { describe, expect, it } from 'vitest';
import {
  answerShapeOk,
  answerText,
  drawQuestions,
  foldText,
  isCorrect,
  parseQuestionRow,
  publicQuestion,
  questionColumns,
  questionSuspect,
  QUESTION_FLAG,
  selectAdvancing,
  shuffle,
  stemKey,
  type ImportColumns,
  type QuestionCore,
} from '../../shared/quiz';

/** A seeded source (mulberry32), so draws are repeatable. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const opts = (...keys: string[]) => keys.map((key) => ({ key, text: `选项${key}` }));
const single: QuestionCore = { type: 'single', stem: 's', options: opts('A', 'B', 'C'), answer: 'B' };
const multiple: QuestionCore = { type: 'multiple', stem: 'm', options: opts('A', 'B', 'C', 'D'), answer: ['A', 'C'] };
const judge: QuestionCore = { type: 'judge', stem: 'j', options: [], answer: false };
const blank: QuestionCore = { type: 'blank', stem: 'b', options: [], answer: ['共享', '共享发展'] };

describe('answers', () => {
  it('compares blanks folded: full width, spaces and case do not matter', () => {
    expect(foldText('  ＡＢＣ１２３　x  ')).toBe('abc123 x');
    expect(isCorrect(blank, '  共享 ')).toBe(true);
    expect(isCorrect(blank, '共享发展')).toBe(true);
    expect(isCorrect({ ...blank, answer: ['CPU'] }, 'ｃｐｕ')).toBe(true);
    expect(isCorrect(blank, '共赢')).toBe(false);
  });

  it('a multiple answer is right only with exactly its keys, in any order', () => {
    expect(isCorrect(multiple, ['C', 'A'])).toBe(true);
    expect(isCorrect(multiple, ['A'])).toBe(false);
    expect(isCorrect(multiple, ['A', 'C', 'D'])).toBe(false);
    expect(isCorrect(single, 'B')).toBe(true);
    expect(isCorrect(single, 'A')).toBe(false);
    expect(isCorrect(judge, false)).toBe(true);
    expect(isCorrect(judge, true)).toBe(false);
  });

  it('tells a wrong shape (a 400) apart from a wrong answer', () => {
    expect(answerShapeOk(single, 'C')).toBe(true);
    expect(answerShapeOk(single, 'Z')).toBe(false);
    expect(answerShapeOk(single, ['A'])).toBe(false);
    expect(answerShapeOk(multiple, ['A', 'D'])).toBe(true);
    expect(answerShapeOk(multiple, [])).toBe(false);
    expect(answerShapeOk(multiple, ['A', 'A'])).toBe(false);
    expect(answerShapeOk(multiple, ['A', 'E'])).toBe(false);
    expect(answerShapeOk(judge, 'true')).toBe(false);
    expect(answerShapeOk(judge, true)).toBe(true);
    expect(answerShapeOk(blank, 'x'.repeat(200))).toBe(true);
    expect(answerShapeOk(blank, 'x'.repeat(201))).toBe(false);
  });

  it('never shows the answer, and no options for judge and blank questions', () => {
    const p = publicQuestion({ id: 'q1', ...single });
    expect(p).toEqual({ id: 'q1', type: 'single', stem: 's', options: single.options });
    expect(publicQuestion({ id: 'q2', ...judge, options: opts('A') }).options).toEqual([]);
    expect(JSON.stringify(publicQuestion({ id: 'q3', ...blank }))).not.toContain('共享');
  });

  it('writes answers back the way the import reads them', () => {
    expect(answerText(judge)).toBe('错');
    expect(answerText({ type: 'judge', answer: true })).toBe('对');
    expect(answerText(multiple)).toBe('AC');
    expect(answerText(blank)).toBe('共享|共享发展');
    expect(answerText(single)).toBe('B');
  });
});

describe('draws', () => {
  const pool = Array.from({ length: 24 }, (_, i) => ({ id: `q${i}`, difficulty: (i % 3) + 1, tags: [['党史', '法律', '经济', '民生'][i % 4]!] }));

  it('shuffles in place, keeping every element, repeatably with a seed', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle([...xs], seeded(1));
    expect([...out].sort()).toEqual(xs);
    expect(shuffle([...xs], seeded(1))).toEqual(out);
    expect(out).not.toEqual(xs);
  });

  it('draws n distinct questions, dropping repeats in the pool, and no more than there are', () => {
    const doubled = [...pool, ...pool.slice(0, 5)];
    for (const stratify of [false, true]) {
      const d = drawQuestions(doubled, 10, stratify, seeded(7));
      expect(d).toHaveLength(10);
      expect(new Set(d.map((q) => q.id)).size).toBe(10);
      expect(drawQuestions(pool.slice(0, 3), 10, stratify, seeded(7))).toHaveLength(3);
    }
  });

  it('a stratified draw takes from every difficulty × topic group before it takes a second from one', () => {
    // 12 groups (3 difficulties × 4 topics, 2 questions each): 12 questions are one from each
    const d = drawQuestions(pool, 12, true, seeded(3));
    expect(new Set(d.map((q) => `${q.difficulty}|${q.tags[0]}`)).size).toBe(12);
  });
});

describe('importing questions', () => {
  const header = ['题型', '题干', '选项A', '选项B', '选项C', '答案', '解析', '标签', '难度'];
  const cols = questionColumns(header) as ImportColumns;
  const row = (type: string, answer: string, extra: Partial<Record<'a' | 'b' | 'c' | 'd' | 'tags', string>> = {}) => [
    type,
    '题干文字',
    extra.a ?? '甲',
    extra.b ?? '乙',
    extra.c ?? '',
    answer,
    '',
    extra.tags ?? '',
    extra.d ?? '',
  ];

  it('maps headers in Chinese or English, and names a missing required column', () => {
    expect(cols).toMatchObject({ type: 0, stem: 1, answer: 5, explanation: 6, tags: 7, difficulty: 8, source: -1 });
    expect(cols.options).toEqual([
      { key: 'A', col: 2 },
      { key: 'B', col: 3 },
      { key: 'C', col: 4 },
    ]);
    expect(questionColumns(['\uFEFFType', 'Stem', 'A', 'B', 'Answer'])).toMatchObject({
      type: 0,
      stem: 1,
      answer: 4,
      options: [
        { key: 'A', col: 2 },
        { key: 'B', col: 3 },
      ],
    });
    expect(questionColumns(['题型', '答案'])).toEqual({ missing: '题干' });
  });

  it('reads letters, 对/错 and √/×, alternatives of a blank, difficulty words and tags', () => {
    expect(parseQuestionRow(row('单选', 'b'), cols)).toMatchObject({
      ok: true,
      question: {
        type: 'single',
        answer: 'B',
        options: [
          { key: 'A', text: '甲' },
          { key: 'B', text: '乙' },
        ],
        difficulty: 2,
      },
    });
    expect(parseQuestionRow(row('多选题', 'B，A', { c: '丙' }), cols)).toMatchObject({ ok: true, question: { type: 'multiple', answer: ['A', 'B'] } });
    expect(parseQuestionRow(row('判断', '√'), cols)).toMatchObject({ ok: true, question: { type: 'judge', answer: true, options: [] } });
    expect(parseQuestionRow(row('判断', '错'), cols)).toMatchObject({ ok: true, question: { answer: false } });
    expect(parseQuestionRow(row('填空', '共享｜共享发展'), cols)).toMatchObject({
      ok: true,
      question: { type: 'blank', answer: ['共享', '共享发展'], options: [] },
    });
    expect(parseQuestionRow(row('单选', 'A', { d: '困难', tags: '党史，法律 经济' }), cols)).toMatchObject({
      ok: true,
      question: { difficulty: 3, tags: ['党史', '法律', '经济'] },
    });
  });

  it('says what to fix in a bad row', () => {
    expect(parseQuestionRow(row('问答', 'A'), cols)).toEqual({ ok: false, key: 'q.type', params: { value: '问答' } });
    expect(parseQuestionRow(['单选', '', '甲', '乙', '', 'A'], cols)).toEqual({ ok: false, key: 'q.stem' });
    expect(parseQuestionRow(row('单选', 'A', { b: '' }), cols)).toEqual({ ok: false, key: 'q.options' });
    expect(parseQuestionRow(row('单选', 'C'), cols)).toMatchObject({ ok: false, key: 'q.answer_option' });
    expect(parseQuestionRow(row('单选', 'AB'), cols)).toMatchObject({ ok: false, key: 'q.answer_option' });
    expect(parseQuestionRow(row('多选', 'A'), cols)).toEqual({ ok: false, key: 'q.answer_multiple' });
    expect(parseQuestionRow(row('判断', '也许'), cols)).toMatchObject({ ok: false, key: 'q.answer_judge' });
    expect(parseQuestionRow(row('填空', ' | '), cols)).toEqual({ ok: false, key: 'q.answer_blank' });
    expect(parseQuestionRow(row('单选', 'A', { d: '9' }), cols)).toMatchObject({ ok: false, key: 'q.difficulty' });
  });

  it('finds duplicate stems whatever the punctuation, width or spacing', () => {
    expect(stemKey('新发展理念包括？')).toBe(stemKey('新发展理念 包括?'));
    expect(stemKey('ＡＢＣ，是什么。')).toBe(stemKey('abc是什么'));
    expect(stemKey('甲')).not.toBe(stemKey('乙'));
  });
});

describe('stage advancement', () => {
  const board = [
    { key: 'a', rank: 1, score: 10, orgUnitId: 'u1' },
    { key: 'b', rank: 2, score: 9, orgUnitId: 'u2' },
    { key: 'c', rank: 2, score: 9, orgUnitId: 'u1' },
    { key: 'd', rank: 4, score: 7, orgUnitId: 'u1' },
    { key: 'e', rank: 5, score: 5, orgUnitId: null },
  ];
  const keys = (xs: Array<{ key: string }>) => xs.map((x) => x.key);

  it('top N lets everyone tied at the cut through', () => {
    expect(keys(selectAdvancing(board, { rule: 'top', n: 2 }))).toEqual(['a', 'b', 'c']);
    expect(keys(selectAdvancing(board, { rule: 'top', n: 1 }))).toEqual(['a']);
  });
  it('a threshold takes every score at or above it', () => {
    expect(keys(selectAdvancing(board, { rule: 'threshold', score: 9 }))).toEqual(['a', 'b', 'c']);
  });
  it('top N per unit ranks inside each unit, in board order', () => {
    expect(keys(selectAdvancing(board, { rule: 'top_per_unit', n: 1 }))).toEqual(['a', 'b', 'e']);
    const two = selectAdvancing(board, { rule: 'top_per_unit', n: 2 });
    expect(keys(two).sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(two.map((e) => e.rank)).toEqual([1, 2, 2, 5]);
    // ties inside a unit all go through: a (1), then c and f tied at 2 → with n = 2 both, d (4) not
    const tiedInUnit = [board[0]!, { ...board[2]!, rank: 2 }, { key: 'f', rank: 2, score: 9, orgUnitId: 'u1' }, board[3]!];
    expect(keys(selectAdvancing(tiedInUnit, { rule: 'top_per_unit', n: 2 })).sort()).toEqual(['a', 'c', 'f']);
  });
});

describe('question statistics that do not mislead', () => {
  it('flags 可能有问题 only for a low correct rate over enough answers', () => {
    expect(questionSuspect({ answered: QUESTION_FLAG.minAnswers - 1, correctRate: 0 })).toBe(false);
    expect(questionSuspect({ answered: QUESTION_FLAG.minAnswers, correctRate: 0 })).toBe(true);
    expect(questionSuspect({ answered: 500, correctRate: QUESTION_FLAG.lowRate })).toBe(false);
    expect(questionSuspect({ answered: 500, correctRate: QUESTION_FLAG.lowRate - 0.001 })).toBe(true);
  });
});
