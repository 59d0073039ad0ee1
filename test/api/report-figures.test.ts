import { describe, expect, it, beforeAll } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';

/*
 * The training figures' definitions (shared/report.ts) on small hand-made data: a committee
 * `rf` with two branches, registry entries with hand-picked categories, posts, dates joined and
 * membership periods, and training campaigns with sessions, registers and a finished online
 * study, all in 2096–2097 where the demo data has nothing. Each expectation below breaks when
 * its figure's rule does (the comments say which rule).
 */

const T0 = '2024-01-01T00:00:00.000Z';
type Cat = 'full' | 'probationary' | 'activist';
interface Person {
  id: string;
  unit: string;
  category: Cat;
  posts?: string[];
  since?: string;
  joined?: string;
  periods?: Array<[string, string, string | null]>;
  user?: string;
}

const PATH: Record<string, string> = { rf: '/root/rf/', 'rf-a': '/root/rf/rf-a/', 'rf-b': '/root/rf/rf-b/', jyj: '/root/jyj/' };

const PEOPLE: Person[] = [
  { id: 'rfp1', unit: 'rf-a', category: 'full', joined: '2000-01-01' },
  { id: 'rfp2', unit: 'rf-a', category: 'probationary' }, // no date joined: new by category
  { id: 'rfp3', unit: 'rf-b', category: 'full', posts: ['secretary'], since: '2096-09-01', joined: '1990-07-01' },
  { id: 'rfp4', unit: 'rf-b', category: 'full', posts: ['organization'], since: '2096-07-01', joined: '2096-02-01' },
  // left rf for jyj in June 2096: attendances where enrolled count, the year-end registry does not
  {
    id: 'rfp5',
    unit: 'jyj',
    category: 'full',
    joined: '2000-01-01',
    periods: [
      ['rf-a', '2090-01-01', '2096-06-01'],
      ['jyj', '2096-06-01', null],
    ],
  },
  { id: 'rfp6', unit: 'rf-b', category: 'activist' },
  { id: 'rfp7', unit: 'rf-a', category: 'full', joined: '2000-01-01' }, // excused only
  { id: 'rfp8', unit: 'rf-b', category: 'full', posts: ['secretary'], since: '2096-10-01', joined: '2000-01-01' }, // new secretary, untrained
  { id: 'rfp9', unit: 'rf-b', category: 'full', joined: '2090-01-01', user: 'u-rfp9' }, // online study only
  { id: 'rfp10', unit: 'rf-a', category: 'full', joined: '2000-01-01', periods: [['rf-a', '2097-03-01', null]] }, // arrived after 2096
  // in rf-a at the end of 2096, transferred to jyj since: today's registry would miss them
  {
    id: 'rfp11',
    unit: 'jyj',
    category: 'full',
    joined: '2000-01-01',
    periods: [
      ['rf-a', '2090-01-01', '2097-02-01'],
      ['jyj', '2097-02-01', null],
    ],
  },
];
/** The unit a person was enrolled from (their first stay): register rows carry it. */
const unitOf = (id: string) => {
  const p = PEOPLE.find((x) => x.id === id)!;
  return p.periods?.[0]?.[0] ?? p.unit;
};

// campaigns: [id, unit, category, status]
const CAMPAIGNS: Array<[string, string, string, string]> = [
  ['rfc-rot', 'rf', 'rotation', 'published'],
  ['rfc-sec', 'rf', 'secretary', 'published'],
  ['rfc-lec', 'rf-a', 'lecture', 'published'],
  ['rfc-day', 'rf-b', 'party_day', 'published'],
  ['rfc-onl', 'rf-b', 'online', 'closed'],
  ['rfc-draft', 'rf', 'rotation', 'draft'], // a plan on paper is no class
  ['rfc-old', 'rf-a', 'rotation', 'published'], // held in 2095 only
];
// sessions: [id, campaign, startsAt, hours]
const SESSIONS: Array<[string, string, string, number]> = [
  ['rfs1', 'rfc-rot', '2096-03-10T01:00:00.000Z', 4],
  ['rfs1b', 'rfc-rot', '2096-03-11T01:00:00.000Z', 4],
  ['rfs2', 'rfc-rot', '2096-12-31T17:00:00.000Z', 2], // 2097-01-01 01:00 in China
  ['rfs3', 'rfc-sec', '2096-11-01T01:00:00.000Z', 3],
  ['rfs4', 'rfc-lec', '2096-05-01T07:00:00.000Z', 1],
  ['rfs5', 'rfc-lec', '2096-06-01T07:00:00.000Z', 1],
  ['rfs6', 'rfc-day', '2096-07-01T06:00:00.000Z', 2],
  ['rfs7', 'rfc-draft', '2096-04-01T01:00:00.000Z', 2],
  ['rfs8', 'rfc-old', '2095-05-01T01:00:00.000Z', 2],
];
// register: [session, person, status, mode, the unit enrolled from when not their first]
const REGISTER: Array<[string, string, string, string, string?]> = [
  ['rfs1', 'rfp1', 'present', 'onsite'],
  ['rfs1', 'rfp2', 'late', 'onsite'],
  ['rfs1', 'rfp4', 'present', 'delivered'],
  ['rfs1', 'rfp5', 'present', 'onsite'],
  ['rfs1', 'rfp6', 'present', 'onsite'],
  ['rfs1', 'rfp7', 'excused', 'onsite'],
  ['rfs1', 'rfp3', 'absent', 'onsite'],
  ['rfs1b', 'rfp1', 'present', 'onsite'],
  ['rfs2', 'rfp1', 'present', 'onsite'],
  // p10 attended in January 2097 while still in jyj, and was in rf-a by the end of 2097
  ['rfs2', 'rfp10', 'present', 'onsite', 'jyj'],
  ['rfs3', 'rfp3', 'present', 'onsite'],
  ['rfs4', 'rfp1', 'present', 'onsite'],
];

async function seed() {
  const db = env.DB;
  const s: D1PreparedStatement[] = [
    db
      .prepare(
        "INSERT INTO org_units (id, parent_id, name, kind, path, depth, created_at) VALUES ('rf', 'root', '测试机关党委', 'party_committee', '/root/rf/', 1, ?), ('rf-a', 'rf', '测试一支部', 'branch', '/root/rf/rf-a/', 2, ?), ('rf-b', 'rf', '测试二支部', 'branch', '/root/rf/rf-b/', 2, ?)",
      )
      .bind(T0, T0, T0),
    db.prepare("INSERT INTO users (id, phone, name, password_hash, created_at) VALUES ('u-rfp9', '19911110009', '测九', 'x', ?)").bind(T0),
  ];
  PEOPLE.forEach((p, i) => {
    s.push(
      db
        .prepare(
          'INSERT INTO roster_entries (id, org_unit_id, phone, name, user_id, category, posts, post_since, status, joined_party_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(
          p.id,
          p.unit,
          `1991111${String(1000 + i)}`,
          `测试${i}`,
          p.user ?? null,
          p.category,
          JSON.stringify(p.posts ?? []),
          p.since ?? null,
          'active',
          p.joined ?? null,
          T0,
        ),
    );
    for (const [k, [unit, from, to]] of (p.periods ?? [[p.unit, '2090-01-01', null]]).entries()) {
      s.push(
        db
          .prepare(
            "INSERT INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?)",
          )
          .bind(`${p.id}-pe${k}`, p.id, p.user ?? null, unit, PATH[unit], from, to, T0),
      );
    }
  });
  for (const [id, unit, category, status] of CAMPAIGNS) {
    s.push(
      db
        .prepare(
          "INSERT INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at) VALUES (?, 'training', ?, ?, '', '', ?, ?, ?, '2095-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', ?, NULL, ?, ?)",
        )
        .bind(id, id, id, unit, PATH[unit], status, JSON.stringify({ category }), T0, T0),
    );
  }
  for (const [id, campaign, at, hours] of SESSIONS) {
    s.push(
      db
        .prepare(
          "INSERT INTO training_sessions (id, campaign_id, title, starts_at, ends_at, hours, code_secret, created_by, created_at) VALUES (?, ?, '课', ?, ?, ?, 'x', 'user-org-root', ?)",
        )
        .bind(id, campaign, at, new Date(Date.parse(at) + hours * 3600e3).toISOString(), hours, T0),
    );
  }
  const enrolled = new Set<string>();
  for (const [session, person, status, mode, from] of REGISTER) {
    const campaign = SESSIONS.find((x) => x.at(0) === session)!;
    const credited = status === 'present' || status === 'late';
    const unit = from ?? unitOf(person);
    s.push(
      db
        .prepare(
          'INSERT INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, hours, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)',
        )
        .bind(session, person, campaign[1], unit, PATH[unit], status, mode, credited ? campaign[3] : 0, T0),
    );
    // a register row is of an enrolled person (the enrolment keeps the unit enrolled from)
    if (!enrolled.has(`${campaign[1]}:${person}`)) {
      enrolled.add(`${campaign[1]}:${person}`);
      s.push(
        db
          .prepare("INSERT INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_at) VALUES (?, ?, ?, ?, 'organizer', ?)")
          .bind(campaign[1], person, unit, PATH[unit], T0),
      );
    }
  }
  s.push(
    db
      .prepare(
        "INSERT INTO training_materials (id, campaign_id, title, kind, url, minutes, hours, created_by, created_at) VALUES ('rfm1', 'rfc-onl', '网课', 'video', 'https://example.org/v', 30, 1.5, 'user-org-root', ?)",
      )
      .bind(T0),
    db.prepare(
      "INSERT INTO training_studies (id, material_id, campaign_id, user_id, started_at, finished_at) VALUES ('rfst1', 'rfm1', 'rfc-onl', 'u-rfp9', '2096-08-01T01:00:00.000Z', '2096-08-01T02:00:00.000Z')",
    ),
    // a study started and never finished credits nothing
    db.prepare(
      "INSERT INTO training_studies (id, material_id, campaign_id, user_id, started_at, finished_at) VALUES ('rfst2', 'rfm1', 'rfc-onl', 'user-org-root', '2096-08-01T01:00:00.000Z', NULL)",
    ),
    db.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES ('rfev1', 'u-rfp9', 'rf-b', '/root/rf/rf-b/', 'rfc-onl', 'training', 'training_hours', 0, 90, '2096-08-01T02:00:00.000Z', 'study:rfst1')",
    ),
    // 900 quiz points in April 2096, for 日均积分
    db.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES ('rfev2', 'u-rfp9', 'rf-b', '/root/rf/rf-b/', 'camp-quiz', 'quiz', 'quiz_attempt', 900, 5, '2096-04-10T02:00:00.000Z', 'rfev2')",
    ),
  );
  await db.batch(s);
}

type Body = {
  figures: Array<{ id: string; value: number | null }>;
  byYear: Record<string, Record<string, number | null>>;
  units: Array<{ orgUnitId: string; figures: Record<string, number | null> }>;
};
let y2096: Body;
let both: Body;
const fig = (b: Body, id: string) => b.figures.find((f) => f.id === id)?.value;
const unitFig = (b: Body, unit: string, id: string) => b.units.find((u) => u.orgUnitId === unit)?.figures[id];

describe('training figures on hand-made data', () => {
  beforeAll(async () => {
    await seed();
    const root = await signedIn(PHONES.rootOrganizer);
    const a = await root.get('/api/v1/org-units/rf/report?from=2096-01-01&to=2096-12-31');
    expect(a.status, a.text).toBe(200);
    y2096 = a.body;
    const b = await root.get('/api/v1/org-units/rf/report?from=2096-01-01&to=2097-12-31');
    expect(b.status, b.text).toBe(200);
    both = b.body;
  });

  it('training.classes: class campaigns of the subtree with a session started or a study finished in the period; drafts, lectures, Party days and other years are not classes', () => {
    // rotation (sessions), secretary (session), online (a finished study only)
    expect(fig(y2096, 'training.classes')).toBe(3);
    expect(unitFig(y2096, 'rf-a', 'training.classes')).toBe(0); // its rotation class was held in 2095
    expect(unitFig(y2096, 'rf-b', 'training.classes')).toBe(1); // the online class
    expect(both.byYear['2097']?.['training.classes']).toBe(1); // the session at 01:00 on 1 Jan in China
  });

  it('training.attendances: present, late and delivered rows of class sessions and finished studies; excused, absent and lecture rows do not count; China day decides the year', () => {
    // rfs1: 5 credited (p1, p2 late, p4 delivered, p5, p6), rfs1b: p1, rfs3: p3, study: p9
    expect(fig(y2096, 'training.attendances')).toBe(8);
    expect(unitFig(y2096, 'rf-a', 'training.attendances')).toBe(4); // p1 ×2, p2, p5 (enrolled from rf-a)
    expect(unitFig(y2096, 'rf-b', 'training.attendances')).toBe(4);
    expect(both.byYear['2096']?.['training.attendances']).toBe(8);
    expect(both.byYear['2097']?.['training.attendances']).toBe(1); // p10's counts under jyj, where p10 enrolled from
    expect(fig(both, 'training.attendances')).toBe(9);
  });

  it('training.people: distinct people among those attendances', () => {
    expect(fig(y2096, 'training.people')).toBe(7);
    expect(fig(both, 'training.people')).toBe(7);
  });

  it('training.coverageRate: members on the registry at the period end (not today) with a credited class attendance', () => {
    // year-end 2096 members: p1 p2 p3 p4 p7 p8 p9 p11 (p5 left, p6 is no member, p10 came later); covered p1 p2 p3 p4 p9
    expect(fig(y2096, 'training.coverageRate')).toBe(62.5);
    expect(unitFig(y2096, 'rf-a', 'training.coverageRate')).toBe(50); // p1 p2 of p1 p2 p7 p11
    expect(unitFig(y2096, 'rf-b', 'training.coverageRate')).toBe(75); // p3 p4 p9 of p3 p4 p8 p9
    // 2097: p1, and p10 who attended while enrolled from jyj, of p1 p2 p3 p4 p7 p8 p9 p10
    expect(both.byYear['2097']?.['training.coverageRate']).toBe(25);
  });

  it('training.hoursPerMember: all hours (lectures and studies too) of the period-end members over their number', () => {
    // p1 4+4+1, p2 4, p3 3, p4 4, p9 1.5 = 21.5 over 8
    expect(fig(y2096, 'training.hoursPerMember')).toBe(2.7);
    expect(unitFig(y2096, 'rf-a', 'training.hoursPerMember')).toBe(3.3); // 13 / 4
    expect(both.byYear['2097']?.['training.hoursPerMember']).toBe(0.5); // p1 2 + p10 2 (attended before joining rf) over 8
  });

  it('training.secretaryAttendances: attendances of secretaries, deputies and organization officers holding the post that day', () => {
    // p3 (secretary since 09-01) at rfs3 on 11-01 counts; p4 (organization officer since 07-01) at rfs1 in March does not
    expect(fig(y2096, 'training.secretaryAttendances')).toBe(1);
    expect(unitFig(y2096, 'rf-a', 'training.secretaryAttendances')).toBe(0);
  });

  it('training.newSecretaryRate: secretaries who took the post within six months of the period end, trained in a secretaries’ class since', () => {
    // p3 (trained) and p8 (not)
    expect(fig(y2096, 'training.newSecretaryRate')).toBe(50);
    expect(unitFig(y2096, 'rf-a', 'training.newSecretaryRate')).toBeNull(); // no new secretary: no rate, not 0
    // by the end of 2097 their posts are over a year old
    expect(both.byYear['2097']?.['training.newSecretaryRate']).toBeNull();
  });

  it('training.newMemberAttendances: attendances of people within a year of joining (or probationary without a date)', () => {
    // p2 (probationary, no date) and p4 (joined 2096-02-01) at rfs1; p6 (activist, no date) does not count
    expect(fig(y2096, 'training.newMemberAttendances')).toBe(2);
  });

  it('lectures.count and partyDays.count: sessions of the subtree’s lecture and Party-day campaigns starting in the period', () => {
    expect(fig(y2096, 'lectures.count')).toBe(2);
    expect(fig(y2096, 'partyDays.count')).toBe(1);
    expect(unitFig(y2096, 'rf-a', 'lectures.count')).toBe(2);
    expect(unitFig(y2096, 'rf-b', 'lectures.count')).toBe(0);
    expect(unitFig(y2096, 'rf-b', 'partyDays.count')).toBe(1);
    expect(both.byYear['2097']?.['lectures.count']).toBe(0);
  });

  it('quiz.pointsPerMemberDay: members counted where they were at the period end, not today', async () => {
    // on 2096-04-30 rf had p5 (left in June) and p11 (left in 2097) but not p10 (came in 2097): 9 members
    const root = await signedIn(PHONES.rootOrganizer);
    const r = await root.get('/api/v1/org-units/rf/report?from=2096-01-01&to=2096-04-30');
    expect(r.status).toBe(200);
    expect(fig(r.body, 'quiz.pointsPerMemberDay')).toBe(Math.round((900 / (9 * 121)) * 100) / 100);
  });
});
