import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';
import { fgwMembers, quizAttempts, serviceYears, verifiedPledges, type Member } from './report.fixtures';
import { daysIn, FIGURES, percent, yearsOf } from '../../shared/report';

/*
 * Report figures for a subtree and a China-date range: each defined, split by year and by the
 * units directly below. Rows are placed in 2096–2097, where the demo data has nothing.
 */
type Fig = { id: string; value: number | null; label: string; definition: string; unit: string };
const value = (body: { figures: Fig[] }, id: string) => body.figures.find((f) => f.id === id)?.value;

async function seed() {
  const [a, b, c] = (await fgwMembers(3)) as [Member, Member, Member];
  await env.DB.batch([
    // quiz: two members in 2096 (one twice), one in 2097
    ...quizAttempts('rp', a, b, c),
    serviceYears('rp-r', a, b),
    env.DB.prepare(
      "INSERT INTO volunteer_pairs (id, campaign_id, member_id, member_unit_id, member_path, resident_name, resident_phone, consent_text, consent_at, source, created_at) VALUES ('rp-p1', 'camp-volunteer', ?, ?, ?, '王*', '19900000001', '同意', '2097-02-01T00:00:00.000Z', 'member', '2097-02-01T00:00:00.000Z')",
    ).bind(c.user_id, c.org_unit_id, c.org_path),
    verifiedPledges([{ id: 'rp-d1', m: a, amount: 5000, verified: 4800, name: '张*', day: '2097-03-01', verifiedDay: '2097-03-02' }]),
  ]);
  return { a, b, c };
}

describe('report figures', () => {
  it('splits a range into calendar years and counts days inclusively', () => {
    expect(yearsOf('2095-07-01', '2097-02-01')).toEqual([
      { year: '2095', from: '2095-07-01', to: '2095-12-31' },
      { year: '2096', from: '2096-01-01', to: '2096-12-31' },
      { year: '2097', from: '2097-01-01', to: '2097-02-01' },
    ]);
    expect(daysIn('2096-01-01', '2096-12-31')).toBe(366);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBeNull();
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
  });

  it('gives each figure with its definition, by year and per unit below', async () => {
    const { a } = await seed();
    const root = await signedIn(PHONES.rootOrganizer);
    const r = await root.get('/api/v1/org-units/root/report?from=2096-01-01&to=2097-12-31');
    expect(r.status).toBe(200);
    expect(r.body.figures).toHaveLength(FIGURES.length);
    for (const f of r.body.figures as Fig[]) expect(f.label && f.definition && f.unit).toBeTruthy();
    expect(value(r.body, 'quiz.participants')).toBe(3);
    expect(value(r.body, 'volunteer.approvedRecords')).toBe(2);
    expect(value(r.body, 'volunteer.approvedHours')).toBe(3.5);
    expect(value(r.body, 'volunteer.pairs')).toBe(1);
    expect(value(r.body, 'drive.verifiedAmount')).toBe(4800);
    expect(value(r.body, 'drive.donors')).toBe(1);
    // no training in 2096–2097: counted as 0 (definitions tested in report-figures.test.ts)
    expect(value(r.body, 'training.classes')).toBe(0);
    const members = (await env.DB.prepare(
      "SELECT COUNT(*) n FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE u.path LIKE '/root/%' AND r.category IN ('full', 'probationary')",
    ).first<{ n: number }>())!.n;
    expect(value(r.body, 'quiz.pointsPerMemberDay')).toBe(Math.round((22 / (members * 731)) * 100) / 100);

    // by China year: the late-night 2096-12-31 UTC answer is 2097 in China
    expect(r.body.byYear['2096']['quiz.participants']).toBe(2);
    expect(r.body.byYear['2097']['quiz.participants']).toBe(1);
    expect(r.body.byYear['2096']['volunteer.approvedHours']).toBe(2.5);
    expect(r.body.byYear['2097']['drive.verifiedAmount']).toBe(4800);

    // per unit below: the fgw committee has everything, jyj nothing
    const fgw = r.body.units.find((u: { orgUnitId: string }) => u.orgUnitId === 'fgw');
    const jyj = r.body.units.find((u: { orgUnitId: string }) => u.orgUnitId === 'jyj');
    expect(fgw.figures['quiz.participants']).toBe(3);
    expect(jyj.figures['quiz.participants']).toBe(0);
    // the drive is the root's campaign: funds count where the drive is, not under fgw
    expect(fgw.figures['drive.verifiedAmount']).toBe(0);

    // the branch the first member is in sees only its own
    const branch = await root.get(`/api/v1/org-units/${a.org_unit_id}/report?from=2096-01-01&to=2096-12-31`);
    expect(value(branch.body, 'volunteer.approvedRecords')).toBe(1);
    expect(Object.keys(branch.body.byYear)).toEqual(['2096']);

    // English labels for an English reader
    const en = await (await signedIn(PHONES.rootOrganizer, { lang: 'en' })).get('/api/v1/org-units/root/report?from=2096-01-01&to=2096-01-31');
    expect(en.body.figures.find((f: Fig) => f.id === 'training.coverageRate').label).toBe('Rotation coverage');
  });

  it('refuses bad ranges in the envelope (roles: report.security.test.ts)', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    for (const q of ['from=2097-02-30&to=2097-03-01', 'from=2097&to=2098', 'from=2097-03-01&to=2097-01-01', 'from=2080-01-01&to=2097-01-01', 'to=2097-01-01']) {
      const r = await root.get(`/api/v1/org-units/root/report?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message).toBeTruthy();
    }
    const q = 'from=2096-01-01&to=2096-12-31';
    expect((await client().get(`/api/v1/org-units/fgw/report?${q}`)).status).toBe(401);
    expect((await (await signedIn(PHONES.fgwMember)).get(`/api/v1/org-units/fgw/report?${q}`)).status).toBe(403);
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    expect((await fgwOrg.get(`/api/v1/org-units/fgw/report?${q}`)).status).toBe(200);
    // a unit outside the organizer's subtree: its parent and a sibling
    for (const other of ['root', 'jyj']) {
      const r = await fgwOrg.get(`/api/v1/org-units/${other}/report?${q}`);
      expect(r.status, other).toBe(403);
      expect(r.body.error.message).toBeTruthy();
    }
    expect((await root.get(`/api/v1/org-units/nope/report?${q}`)).status).toBe(404);
  });
});
