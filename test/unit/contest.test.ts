import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { BURST, judgeScore, scoresValid, submissionsOpen, subnetOf, subnetPrefix, votesLeftToday, votingOpen } from '../../shared/contest';
import { awardsFor, readResults } from '../../shared/judging';

const criteria = [
  { name: '内容', weight: 3, max: 10 },
  { name: '创意', weight: 1, max: 5 },
];

describe('judging', () => {
  it('a judge score is the weighted share of the maximum, 0–100, to two decimals', () => {
    expect(judgeScore(criteria, { 内容: 10, 创意: 5 })).toBe(100);
    expect(judgeScore(criteria, { 内容: 5, 创意: 5 })).toBe(62.5);
    expect(judgeScore(criteria, { 内容: 7, 创意: 2 })).toBe(62.5);
    expect(judgeScore(criteria, { 内容: 1, 创意: 1 })).toBe(12.5);
    // a missing score counts as 0; weights that sum to 0 do not divide by zero
    expect(judgeScore(criteria, { 内容: 10 })).toBe(75);
    expect(judgeScore([{ name: 'x', weight: 0, max: 10 }], { x: 10 })).toBe(0);
  });

  it('scores must be exactly the round’s criteria, each within 0..max; the first offending name comes back', () => {
    expect(scoresValid(criteria, { 内容: 0, 创意: 5 })).toBeNull();
    expect(scoresValid(criteria, { 内容: 11, 创意: 5 })).toBe('内容');
    expect(scoresValid(criteria, { 内容: -1, 创意: 5 })).toBe('内容');
    expect(scoresValid(criteria, { 内容: Number.NaN, 创意: 5 })).toBe('内容');
    expect(scoresValid(criteria, { 内容: 5 })).toBe('创意');
    expect(scoresValid(criteria, { 内容: 5, 创意: 5, 文采: 3 })).toBe('文采');
  });
});

describe('results', () => {
  // one round, quorum 1: `judge` null means the work has no score in it
  const read = (rows: Array<[string, number | null, number]>, weight: number) =>
    readResults(
      rows.map(([entryId, , votes]) => ({ entryId, title: entryId, authorName: '作者', category: '', votes, serial: null, round: 1 })),
      [{ ord: 1, quorum: 1, scores: new Map(rows.filter((r) => r[1] !== null).map(([id, judge]) => [id, { avg: judge!, n: 1 }])) }],
      weight,
    );

  it('weighs the judges against votes scaled to the most-voted work, and ranks ties together; a work without its scores is not a 0', () => {
    const out = read(
      [
        ['a', 80, 50],
        ['b', 100, 0],
        ['c', 60, 100],
        ['d', null, 25],
      ],
      0.5,
    );
    expect(out.map((r) => [r.entryId, r.score, r.rank])).toEqual([
      ['c', 80, 1],
      ['a', 65, 2],
      ['b', 50, 3],
      ['d', null, null],
    ]);
    expect(out.find((r) => r.entryId === 'd')!.publicScore).toBe(25);
    const tied = read(
      [
        ['x', 50, 10],
        ['y', 50, 10],
        ['z', 10, 10],
      ],
      0.7,
    );
    expect(tied.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('without votes the public share is 0, and judgeWeight 1 ranks by the panel alone', () => {
    const out = read(
      [
        ['a', 70, 0],
        ['b', 90, 0],
      ],
      1,
    );
    expect(out.map((r) => [r.entryId, r.score, r.publicScore])).toEqual([
      ['b', 90, 0],
      ['a', 70, 0],
    ]);
  });

  it('gives awards by rank, ties sharing an award, the rest none', () => {
    const ranked = [1, 2, 2, 4, 5, 6].map((rank) => ({ rank, category: '', categoryRank: rank }));
    const awards = [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 2 },
      { name: '三等奖', count: 2 },
    ];
    expect(awardsFor(ranked, awards, {}).map((r) => r.award)).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', null]);
    expect(
      awardsFor(
        [1, 1].map((rank) => ({ rank, category: '', categoryRank: rank })),
        [{ name: '一等奖', count: 1 }],
        {},
      ).map((r) => r.award),
    ).toEqual(['一等奖', '一等奖']);
  });
});

describe('vote bursts', () => {
  it('groups voters by /24 (IPv4) and by the first three groups (IPv6)', () => {
    expect(subnetOf('203.0.113.77')).toBe('203.0.113');
    expect(subnetOf('203.0.113.8')).toBe(subnetOf('203.0.113.250'));
    expect(subnetOf('203.0.114.8')).not.toBe(subnetOf('203.0.113.8'));
    expect(subnetOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd');
  });
  it('the prefix flagBurst matches with LIKE picks exactly the voter’s subnet', async () => {
    const like = async (ip: string, prefix: string) => (await env.DB.prepare('SELECT ? LIKE ? AS m').bind(ip, `${prefix}%`).first<{ m: number }>())!.m === 1;
    const cases: Array<[string, string[], string[]]> = [
      ['203.0.113.77', ['203.0.113.77', '203.0.113.8'], ['203.0.11.3', '203.0.1130.1', '2203.0.113.9', '203.0.114.77']],
      ['2001:db8:abcd:12::1', ['2001:db8:abcd:12::1', '2001:db8:abcd::9'], ['2001:db8:abc:1::1', '2001:db8:abcde::1', '2001:db8:abce::1']],
    ];
    for (const [ip, same, other] of cases) {
      const prefix = subnetPrefix(ip);
      for (const x of same) {
        expect(subnetOf(x)).toBe(subnetOf(ip));
        expect(await like(x, prefix), `${x} LIKE ${prefix}%`).toBe(true);
      }
      for (const x of other) {
        expect(subnetOf(x)).not.toBe(subnetOf(ip));
        expect(await like(x, prefix), `${x} LIKE ${prefix}%`).toBe(false);
      }
    }
  });
  it('a burst is five votes in ten minutes from accounts under a day old', () => {
    expect(BURST).toEqual({ votes: 5, windowMs: 600_000, newAccountMs: 86_400_000 });
  });
});

describe('contest windows', () => {
  const campaign = { status: 'published', startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-31T00:00:00Z' };
  const at = (iso: string) => Date.parse(iso);
  const none = { submissionEndsAt: null, votingStartsAt: null, votingEndsAt: null };
  it('takes works from the start until the submission end, or the campaign’s end', () => {
    expect(submissionsOpen(campaign, none, at('2026-03-01T00:00:00Z'))).toBe(true);
    expect(submissionsOpen(campaign, none, at('2026-02-28T23:59:59Z'))).toBe(false);
    expect(submissionsOpen(campaign, none, at('2026-03-31T00:00:00Z'))).toBe(false);
    expect(submissionsOpen(campaign, { submissionEndsAt: '2026-03-10T00:00:00Z' }, at('2026-03-10T00:00:00Z'))).toBe(false);
    expect(submissionsOpen(campaign, { submissionEndsAt: '2026-03-10T00:00:00Z' }, at('2026-03-09T23:59:59Z'))).toBe(true);
    expect(submissionsOpen({ ...campaign, status: 'closed' }, none, at('2026-03-05T00:00:00Z'))).toBe(false);
  });
  it('counts votes in the voting window, or the campaign’s, only while published', () => {
    const w = { votingStartsAt: '2026-03-10T00:00:00Z', votingEndsAt: '2026-03-20T00:00:00Z' };
    expect(votingOpen(campaign, w, at('2026-03-09T23:59:59Z'))).toBe(false);
    expect(votingOpen(campaign, w, at('2026-03-10T00:00:00Z'))).toBe(true);
    expect(votingOpen(campaign, w, at('2026-03-20T00:00:00Z'))).toBe(false);
    expect(votingOpen(campaign, none, at('2026-03-01T00:00:00Z'))).toBe(true);
    expect(votingOpen({ ...campaign, status: 'draft' }, none, at('2026-03-05T00:00:00Z'))).toBe(false);
    expect(votesLeftToday(5, 2)).toBe(3);
    expect(votesLeftToday(5, 7)).toBe(0);
  });
});
