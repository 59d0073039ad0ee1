/**
 * Ranking rules shared by the Leaderboard object, the API and the widgets (API.md
 * "Leaderboards"): score descending, then tiebreak ascending (e.g. seconds used);
 * rank = 1 + the number of entries strictly ahead, so exact ties share a rank.
 */
export interface Scored {
  score: number;
  tiebreak: number;
}

/** Is `a` strictly ahead of `b`? */
export function ahead(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.tiebreak < b.tiebreak);
}

/** Sort comparator: ahead first; equal entries by key so pages are stable. */
export function compareEntries(a: Scored & { key: string }, b: Scored & { key: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.tiebreak !== b.tiebreak) return a.tiebreak - b.tiebreak;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Ranks an already sorted list: equal score and tiebreak share the rank of the first of them. */
export function assignRanks<T extends Scored>(sorted: T[], firstRank = 1, firstAheadCount = 0): Array<T & { rank: number }> {
  let rank = firstRank;
  return sorted.map((e, i) => {
    const prev = sorted[i - 1];
    if (i === 0) rank = firstRank;
    else if (ahead(prev!, e)) rank = firstAheadCount + i + 1;
    return { ...e, rank };
  });
}

export type Aggregation = 'average' | 'sum' | 'participation';

export interface UnitTotals {
  orgUnitId: string;
  name: string;
  members: number;
  sum: number;
  participants: number;
}

/**
 * Org-unit scores by the campaign's rule. `average` divides by the unit's registered
 * members (not by participants), so a big unit does not win by size alone and a unit
 * where few took part does not win by one star; `participation` is the share of members
 * who took part. Units with no participants score 0.
 */
export function unitScore(u: UnitTotals, rule: Aggregation): number {
  const round2 = (x: number) => Math.round(x * 100) / 100;
  if (rule === 'sum') return u.sum;
  if (u.members <= 0) return 0;
  if (rule === 'participation') return round2((Math.min(u.participants, u.members) / u.members) * 100);
  return round2(u.sum / u.members);
}

export interface BoardEntry {
  rank: number;
  key: string;
  name: string;
  orgUnitId?: string | null;
  orgUnitName: string | null;
  score: number;
}

/** Ranks org units: every unit appears, ties share a rank, more participants break no ties. */
export function rankUnits(units: UnitTotals[], rule: Aggregation): Array<BoardEntry & { members: number; participants: number }> {
  const scored = units
    .map((u) => ({
      key: u.orgUnitId,
      name: u.name,
      orgUnitName: u.name,
      score: unitScore(u, rule),
      tiebreak: 0,
      members: u.members,
      participants: u.participants,
    }))
    .sort(compareEntries);
  return assignRanks(scored).map(({ tiebreak: _t, ...e }) => e);
}

/** The largest page a leaderboard read returns. */
export const MAX_ROWS = 100;
