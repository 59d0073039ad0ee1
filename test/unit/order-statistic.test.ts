import { describe, expect, it } from 'vitest';
import { OrderStatistic } from '../../workers/realtime/order-statistic';
import { ahead, assignRanks, compareEntries, rankUnits, unitScore } from '../../shared/ranking';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('OrderStatistic', () => {
  it('agrees with a naive count on random inserts, removals and ties across many blocks', () => {
    const rand = rng(42);
    const os = new OrderStatistic();
    const naive: Array<{ score: number; tiebreak: number }> = [];
    for (let i = 0; i < 6000; i++) {
      const op = rand();
      if (op < 0.7 || naive.length === 0) {
        const x = { score: Math.floor(rand() * 50), tiebreak: Math.floor(rand() * 5) };
        os.insert(x);
        naive.push(x);
      } else {
        const idx = Math.floor(rand() * naive.length);
        const [x] = naive.splice(idx, 1);
        expect(os.remove(x!)).toBe(true);
      }
      if (i % 500 === 0) {
        const probe = { score: Math.floor(rand() * 50), tiebreak: Math.floor(rand() * 5) };
        expect(os.countAhead(probe)).toBe(naive.filter((y) => ahead(y, probe)).length);
      }
    }
    expect(os.size).toBe(naive.length);
    const sorted = [...naive].sort((a, b) => b.score - a.score || a.tiebreak - b.tiebreak);
    for (const k of [0, 1, 100, 1023, 1024, 2047, sorted.length - 1]) {
      expect(os.at(k)).toEqual(sorted[k]);
    }
    expect(os.at(sorted.length)).toBeNull();
    expect(os.remove({ score: 999, tiebreak: 0 })).toBe(false);
  });

  it('builds from sorted pairs and answers the same as inserting one by one', () => {
    const scores = Array.from({ length: 5000 }, (_, i) => 5000 - Math.floor(i / 3));
    const ties = scores.map(() => 0);
    const os = OrderStatistic.fromSorted(scores, ties);
    expect(os.size).toBe(5000);
    expect(os.countAhead({ score: 5000, tiebreak: 0 })).toBe(0);
    expect(os.countAhead({ score: 4999, tiebreak: 0 })).toBe(3);
    expect(os.at(4999)).toEqual({ score: scores[4999], tiebreak: 0 });
    os.insert({ score: 10000, tiebreak: 0 });
    expect(os.countAhead({ score: 5000, tiebreak: 0 })).toBe(1);
  });
});

describe('ranking rules', () => {
  it('orders by score descending then tiebreak ascending, and ties share a rank', () => {
    const list = [
      { key: 'c', score: 90, tiebreak: 30 },
      { key: 'a', score: 100, tiebreak: 50 },
      { key: 'b', score: 90, tiebreak: 20 },
      { key: 'd', score: 90, tiebreak: 30 },
      { key: 'e', score: 80, tiebreak: 0 },
    ].sort(compareEntries);
    expect(assignRanks(list).map((e) => [e.key, e.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 3],
      ['e', 5],
    ]);
  });

  it('aggregates units by average over registered members, sum or participation; empty units score 0', () => {
    const units = [
      { orgUnitId: 'big', name: '大支部', members: 100, sum: 500, participants: 50 },
      { orgUnitId: 'small', name: '小支部', members: 10, sum: 80, participants: 9 },
      { orgUnitId: 'none', name: '未参与', members: 20, sum: 0, participants: 0 },
    ];
    expect(rankUnits(units, 'average').map((u) => [u.key, u.score, u.rank])).toEqual([
      ['small', 8, 1],
      ['big', 5, 2],
      ['none', 0, 3],
    ]);
    expect(rankUnits(units, 'sum').map((u) => u.key)).toEqual(['big', 'small', 'none']);
    expect(unitScore(units[1]!, 'participation')).toBe(90);
    expect(unitScore({ ...units[2]!, members: 0 }, 'average')).toBe(0);
  });
});
