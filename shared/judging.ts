/**
 * The contest's judging rules (API.md "Art contests"), pure so the API, the console and the
 * unit tests read them alike: who may judge a work, how works are drawn for judges, and how
 * the rounds are read into results.
 */

/** A small seeded generator (mulberry32 over an FNV-1a hash of the seed): the same seed, the same draw. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface JudgeRef {
  userId: string;
  orgUnitId: string | null;
}
export interface WorkRef {
  id: string;
  userId: string;
  orgUnitId: string | null;
}

/** Conflict of interest: never one's own work, never a work of one's own unit. */
export const mayJudge = (j: JudgeRef, e: WorkRef): boolean => j.userId !== e.userId && (!j.orgUnitId || j.orgUnitId !== e.orgUnitId);

/**
 * Draws `perEntry` judges for each work (random assignment). Reproducible: the draw depends
 * only on the seed (the round's id), the works and the panel, never on the order they came
 * in. Balanced: each work takes its judges among the eligible ones with the fewest works so
 * far (ties broken by the seeded draw), so with no conflicts no judge has more than one work
 * more than another. The works with the fewest eligible judges are served first, so a
 * conflict narrows the choice where it matters least.
 */
export function assignJudges(works: WorkRef[], judges: JudgeRef[], perEntry: number, seed: string): Array<{ entryId: string; judgeId: string }> {
  const rand = seededRandom(seed);
  const panel = [...judges].sort((a, b) => (a.userId < b.userId ? -1 : 1)).map((j) => ({ j, draw: rand() }));
  const load = new Map(panel.map((p) => [p.j.userId, 0]));
  const order = [...works].sort((a, b) => (a.id < b.id ? -1 : 1)).map((w) => ({ w, eligible: panel.filter((p) => mayJudge(p.j, w)), draw: rand() }));
  order.sort((a, b) => a.eligible.length - b.eligible.length || a.draw - b.draw);
  const out: Array<{ entryId: string; judgeId: string }> = [];
  for (const { w, eligible } of order) {
    const chosen = [...eligible].sort((a, b) => load.get(a.j.userId)! - load.get(b.j.userId)! || a.draw - b.draw).slice(0, perEntry);
    for (const p of chosen) {
      load.set(p.j.userId, load.get(p.j.userId)! + 1);
      out.push({ entryId: w.id, judgeId: p.j.userId });
    }
  }
  return out;
}

export interface RoundRead {
  ord: number;
  quorum: number;
  scores: Map<string, { avg: number; n: number }>;
}
export interface WorkRead {
  entryId: string;
  title: string;
  authorName: string;
  category: string;
  votes: number;
  serial: number | null;
  round: number;
}

/**
 * Reads the rounds into results, as the rules say:
 * - a work is judged in the last round it reached (`round`); its panel score is that round's
 *   average once the round's quorum of judges has scored it;
 * - with fewer scores than the quorum (or in no round while judges count) it is `unfinished`:
 *   no score and no rank, never a 0;
 * - works that reached a later round rank ahead of those left in an earlier one (the final
 *   round's scores decide); within a round by the combined score (judges' average and the
 *   votes scaled to the most-voted work, weighted by `judgeWeight`);
 * - ties: the higher panel score in the round before breaks them; still equal, they share a rank.
 * With `judgeWeight` 0 the panel plays no part and every work is final.
 */
export function readResults(works: WorkRead[], rounds: RoundRead[], judgeWeight: number) {
  const byOrd = new Map(rounds.map((r) => [r.ord, r]));
  const maxVotes = Math.max(0, ...works.map((w) => w.votes));
  const rows = works.map((w) => {
    const pub = maxVotes ? (w.votes / maxVotes) * 100 : 0;
    const r = byOrd.get(w.round);
    const got = r?.scores.get(w.entryId);
    const judge = r && got && got.n >= r.quorum ? Math.round(got.avg * 100) / 100 : null;
    const prev = byOrd.get(w.round - 1)?.scores.get(w.entryId)?.avg ?? null;
    const unfinished = judgeWeight > 0 && judge === null;
    const score = unfinished ? null : Math.round((judgeWeight * (judge ?? 0) + (1 - judgeWeight) * pub) * 100) / 100;
    return {
      ...w,
      key: w.entryId,
      judge,
      judgeCount: got?.n ?? 0,
      quorum: r?.quorum ?? null,
      publicScore: Math.round(pub * 100) / 100,
      score,
      previousJudge: prev === null ? null : Math.round(prev * 100) / 100,
      status: unfinished ? ('unfinished' as const) : ('final' as const),
      tiebreak: 0,
    };
  });
  const reach = (x: (typeof rows)[number]) => (judgeWeight > 0 ? x.round : 0);
  const before = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    reach(a) !== reach(b) ? reach(b) - reach(a) : a.score !== b.score ? b.score! - a.score! : (b.previousJudge ?? -1) - (a.previousJudge ?? -1);
  const finished = rows.filter((r) => r.status === 'final').sort((a, b) => before(a, b) || (a.key < b.key ? -1 : 1));
  const ranked = finished.map((r, i) => ({ r, i }));
  let rank = 1;
  const out: Array<(typeof rows)[number] & { rank: number | null }> = ranked.map(({ r, i }) => {
    if (i > 0 && before(finished[i - 1]!, r) !== 0) rank = i + 1;
    return { ...r, rank };
  });
  const rest = rows.filter((r) => r.status === 'unfinished').sort((a, b) => reach(b) - reach(a) || (a.key < b.key ? -1 : 1));
  return [...out, ...rest.map((r) => ({ ...r, rank: null }))];
}

/** Rank within each category (1 + works of that category strictly ahead); unfinished works have none. */
export function categoryRanks<T extends { category: string; rank: number | null }>(ranked: T[]): Array<T & { categoryRank: number | null }> {
  const seen = new Map<string, { n: number; lastRank: number | null; lastCatRank: number }>();
  return ranked.map((r) => {
    if (r.rank === null) return { ...r, categoryRank: null };
    const s = seen.get(r.category) ?? { n: 0, lastRank: null, lastCatRank: 0 };
    s.n += 1;
    const categoryRank = s.lastRank === r.rank ? s.lastCatRank : s.n;
    seen.set(r.category, { n: s.n, lastRank: r.rank, lastCatRank: categoryRank });
    return { ...r, categoryRank };
  });
}

export type Award = { name: string; count: number };

/**
 * Awards by rank: the first `count` ranks get the first award, and so on; ties share an
 * award. With prizes per category (书法, 绘画, 摄影 each their own), a work's rank within its
 * category decides, and a category with no list gets none; without them, the overall rank.
 * Unfinished works get no award.
 */
export function awardsFor<T extends { category: string; rank: number | null; categoryRank: number | null }>(
  ranked: T[],
  awards: Award[],
  perCategory: Record<string, Award[]>,
): Array<T & { award: string | null }> {
  const bounds = (list: Award[]) => {
    let n = 0;
    return list.map((a) => ({ name: a.name, upTo: (n += a.count) }));
  };
  const overall = bounds(awards);
  const byCat = new Map(Object.entries(perCategory).map(([k, list]) => [k, bounds(list)]));
  const useCategories = byCat.size > 0;
  return ranked.map((r) => {
    const rank = useCategories ? r.categoryRank : r.rank;
    const list = useCategories ? (byCat.get(r.category) ?? []) : overall;
    return { ...r, award: rank === null ? null : (list.find((b) => rank <= b.upTo)?.name ?? null) };
  });
}

/** 作品编号 as people read it: the per-campaign serial, four digits at least. */
export const workNumber = (serial: number | null): string | null => (serial === null ? null : String(serial).padStart(4, '0'));
