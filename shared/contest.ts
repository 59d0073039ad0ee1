/** Judges' criteria totals as a share of the maximum, 0–100. */
export function judgeScore(criteria: Array<{ name: string; weight: number; max: number }>, given: Record<string, number>): number {
  const wsum = criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const total = criteria.reduce((s, c) => s + (c.weight / wsum) * ((given[c.name] ?? 0) / c.max), 0);
  return Math.round(total * 10000) / 100;
}

/** Are the scores a judge sent exactly the round's criteria, each within 0..max? */
export function scoresValid(criteria: Array<{ name: string; max: number }>, given: Record<string, number>): string | null {
  for (const c of criteria) {
    const v = given[c.name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.max) return c.name;
  }
  const extra = Object.keys(given).find((k) => !criteria.some((c) => c.name === k));
  return extra ?? null;
}

/** The /24 (IPv4) or /48 (IPv6) a vote came from: bursts from one subnet look alike. */
export function subnetOf(ip: string): string {
  if (ip.includes(':')) return ip.split(':').slice(0, 3).join(':');
  return ip.split('.').slice(0, 3).join('.');
}

/**
 * What a vote's address starts with when it comes from that subnet: `flagBurst` in
 * db/queries/contest.ts counts the votes whose address is LIKE this prefix.
 */
export function subnetPrefix(ip: string): string {
  return subnetOf(ip) + (ip.includes(':') ? ':' : '.');
}

/** A burst: this many votes for one work from new accounts of one subnet within the window. */
export const BURST = { votes: 5, windowMs: 10 * 60e3, newAccountMs: 24 * 3600e3 };

export interface ContestWindows {
  submissionEndsAt: string | null;
  votingStartsAt: string | null;
  votingEndsAt: string | null;
}
type CampaignWindow = { status: string; startsAt: string; endsAt: string };

/** Works may be sent while the campaign is published, from its start until the submission end (else its end). */
export function submissionsOpen(campaign: CampaignWindow, s: Pick<ContestWindows, 'submissionEndsAt'>, now: number): boolean {
  return campaign.status === 'published' && now >= Date.parse(campaign.startsAt) && now < Date.parse(s.submissionEndsAt ?? campaign.endsAt);
}

/** Votes count while the campaign is published, within the voting window (else the campaign's own). */
export function votingOpen(campaign: CampaignWindow, s: Pick<ContestWindows, 'votingStartsAt' | 'votingEndsAt'>, now: number): boolean {
  return campaign.status === 'published' && now >= Date.parse(s.votingStartsAt ?? campaign.startsAt) && now < Date.parse(s.votingEndsAt ?? campaign.endsAt);
}

/** Votes left today (never below zero, whatever the settings became since). */
export const votesLeftToday = (votesPerDay: number, used: number): number => Math.max(0, votesPerDay - used);
