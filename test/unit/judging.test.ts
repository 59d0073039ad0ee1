import { describe, expect, it } from 'vitest';
import { assignJudges, awardsFor, categoryRanks, mayJudge, readResults, seededRandom, workNumber, type RoundRead } from '../../shared/judging';

const works = (k: number, unit: string | null = null) =>
  Array.from({ length: k }, (_, i) => ({ id: `w${String(i).padStart(2, '0')}`, userId: `a${i}`, orgUnitId: unit }));
const panel = (k: number) => Array.from({ length: k }, (_, i) => ({ userId: `j${i}`, orgUnitId: `u${i}` }));
const loads = (pairs: Array<{ judgeId: string }>) => {
  const m = new Map<string, number>();
  for (const p of pairs) m.set(p.judgeId, (m.get(p.judgeId) ?? 0) + 1);
  return [...m.values()];
};

describe('random assignment', () => {
  it('is the same for the same seed, whatever order works and judges come in, and differs for another seed', () => {
    const a = assignJudges(works(20), panel(7), 3, 'round-1');
    expect(assignJudges([...works(20)].reverse(), [...panel(7)].reverse(), 3, 'round-1')).toEqual(a);
    expect(assignJudges(works(20), panel(7), 3, 'round-2')).not.toEqual(a);
    const r = seededRandom('x');
    const s = seededRandom('x');
    expect([r(), r(), r()]).toEqual([s(), s(), s()]);
  });

  it('gives every work its judges and keeps loads within one of each other', () => {
    for (const [w, j, k] of [
      [20, 7, 3],
      [5, 4, 2],
      [13, 5, 1],
      [9, 9, 9],
    ] as const) {
      const pairs = assignJudges(works(w), panel(j), k, `seed-${w}-${j}`);
      expect(pairs).toHaveLength(w * Math.min(k, j));
      for (const x of works(w)) expect(new Set(pairs.filter((p) => p.entryId === x.id).map((p) => p.judgeId)).size).toBe(Math.min(k, j));
      const l = loads(pairs);
      expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
    }
  });

  it('never gives a judge their own work or a work of their own unit', () => {
    const ws = [...works(6, 'u0'), ...works(6, null).map((w) => ({ ...w, id: `x${w.id}`, userId: 'j1' }))];
    const pairs = assignJudges(ws, panel(3), 2, 's');
    for (const p of pairs) expect(mayJudge(panel(3).find((j) => j.userId === p.judgeId)!, ws.find((w) => w.id === p.entryId)!)).toBe(true);
    // the u0 works can only go to j1 and j2; j1's own works only to j0 and j2
    expect(pairs.filter((p) => p.entryId.startsWith('w')).every((p) => p.judgeId !== 'j0')).toBe(true);
    expect(pairs.filter((p) => p.entryId.startsWith('x')).every((p) => p.judgeId !== 'j1')).toBe(true);
  });
});

describe('reading the rounds', () => {
  const work = (entryId: string, round: number, votes = 0, category = '书法') => ({
    entryId,
    title: entryId,
    authorName: '',
    category,
    votes,
    serial: null,
    round,
  });
  const round = (ord: number, quorum: number, scores: Record<string, [number, number]>): RoundRead => ({
    ord,
    quorum,
    scores: new Map(Object.entries(scores).map(([k, [avg, n]]) => [k, { avg, n }])),
  });

  it('shows a work short of its quorum as unfinished, without score or rank, after the ranked ones', () => {
    const out = readResults([work('a', 1), work('b', 1), work('c', 1)], [round(1, 2, { a: [80, 2], b: [95, 1], c: [70, 3] })], 1);
    expect(out.map((r) => [r.entryId, r.status, r.score, r.rank])).toEqual([
      ['a', 'final', 80, 1],
      ['c', 'final', 70, 2],
      ['b', 'unfinished', null, null],
    ]);
    // a work in no round while judges count is unfinished too; with judgeWeight 0 nothing is
    expect(readResults([work('z', 0, 3)], [], 0.5)[0]).toMatchObject({ status: 'unfinished', score: null });
    expect(readResults([work('z', 0, 3)], [], 0)[0]).toMatchObject({ status: 'final', score: 100, rank: 1 });
  });

  it('ranks works of a later round ahead, the final round deciding; ties go to the round before, then share', () => {
    const rounds = [round(1, 1, { a: [90, 1], b: [60, 1], c: [99, 1], d: [50, 1] }), round(2, 1, { a: [70, 1], b: [70, 1], d: [70, 1] })];
    const out = readResults([work('a', 2), work('b', 2), work('c', 1), work('d', 2)], rounds, 1);
    expect(out.map((r) => [r.entryId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['d', 3],
      ['c', 4],
    ]);
    const tie = readResults([work('x', 1), work('y', 1)], [round(1, 1, { x: [50, 1], y: [50, 1] })], 1);
    expect(tie.map((r) => r.rank)).toEqual([1, 1]);
    // combined with the votes by the weight
    const mix = readResults([work('p', 1, 10), work('q', 1, 5)], [round(1, 1, { p: [60, 1], q: [80, 1] })], 0.5);
    expect(mix.map((r) => [r.entryId, r.score])).toEqual([
      ['p', 80],
      ['q', 65],
    ]);
  });

  it('ranks within categories and gives prizes per category, or overall without them', () => {
    const ranked = categoryRanks([
      { category: '书法', rank: 1 },
      { category: '绘画', rank: 2 },
      { category: '书法', rank: 3 },
      { category: '书法', rank: 3 },
      { category: '绘画', rank: null },
    ]);
    expect(ranked.map((r) => r.categoryRank)).toEqual([1, 1, 2, 2, null]);
    const per = awardsFor(ranked, [{ name: '一等奖', count: 1 }], {
      书法: [
        { name: '书法金', count: 1 },
        { name: '书法银', count: 2 },
      ],
      绘画: [{ name: '绘画金', count: 1 }],
    });
    expect(per.map((r) => r.award)).toEqual(['书法金', '绘画金', '书法银', '书法银', null]);
    expect(
      awardsFor(
        ranked,
        [
          { name: '一等奖', count: 1 },
          { name: '二等奖', count: 1 },
        ],
        {},
      ).map((r) => r.award),
    ).toEqual(['一等奖', '二等奖', null, null, null]);
    // a category without a list gets no prize
    expect(awardsFor(ranked, [], { 绘画: [{ name: '绘画金', count: 1 }] }).map((r) => r.award)).toEqual([null, '绘画金', null, null, null]);
  });

  it('shows 作品编号 with four digits at least', () => {
    expect(workNumber(7)).toBe('0007');
    expect(workNumber(12345)).toBe('12345');
    expect(workNumber(null)).toBeNull();
  });
});
