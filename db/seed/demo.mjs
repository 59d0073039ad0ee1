// Demo data of API.md: an org tree with ≥200 members, the five demo accounts and a
// published campaign of each kind. Ids are fixed and every statement is INSERT OR IGNORE,
// so loading it again keeps the data and adds no duplicates.
import { createHmac, webcrypto as crypto } from 'node:crypto';
// The demo question bank (data, so kept as JSON): party history (党史), the Party Constitution (党章)
// and the report to the 20th National Congress (二十大), all four types, each
// [type, stem, options, answer, explanation, tag, difficulty]. Answers: option letters for
// choices, '对'/'错' for judgments, alternatives joined by | for blanks.
import DEMO_QUESTIONS from './questions.json' with { type: 'json' };
import { trainingStatements } from './training.mjs';
import { DEMO_ACCOUNTS, GIVEN, ORG, SURNAMES } from './demo-org.mjs';
import { CAMPAIGNS, DEMO_WORKS } from './demo-campaigns.mjs';
import { volunteerStatements } from './demo-volunteer.mjs';
import { exhibitionStatements } from './demo-exhibition.mjs';

export { DEMO_ACCOUNTS, DEMO_WORKS, ORG };

export const DEMO_PASSWORD = 'tongxin-demo';

/**
 * The board-key secret of local runs and tests only (scripts/server.mjs passes it to
 * `wrangler dev`, vitest.config.ts to workerd). A deployment sets its own with
 * `wrangler secret put BOARD_KEY_SECRET`; this one is public, so boards made with it are not private.
 */
export const DEV_BOARD_KEY_SECRET = 'tongxin-dev-board-key-secret-not-for-production';

/** shared/board-key.ts with node:crypto (a unit test holds the two equal): base64url(HMAC-SHA256(secret, campaign:subject)), 16 bytes. */
export function demoBoardKey(campaignId, subject, secret = DEV_BOARD_KEY_SECRET) {
  return createHmac('sha256', secret).update(`${campaignId}:${subject}`).digest().subarray(0, 16).toString('base64url');
}

const q = (s) => (s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s) : `'${String(s).replace(/'/g, "''")}'`);
const row = (...vals) => `(${vals.map(q).join(', ')})`;

async function pbkdf2(password) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100000 }, key, 256);
  return `pbkdf2-sha256$100000$${Buffer.from(salt).toString('base64')}$${Buffer.from(bits).toString('base64')}`;
}

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The SQL statements that load the demo data, one per string. */
export async function demoStatements(now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  const day = 86400e3;
  const created = iso(now - 30 * day);
  const hash = await pbkdf2(DEMO_PASSWORD);
  const unitById = new Map(ORG.map((u) => [u.id, u]));
  /** A member as rows of theirs record them: their id, unit and the unit's path. */
  const placed = (u) => [u.id, u.unit, unitById.get(u.unit).path];
  const out = [];

  out.push(
    'INSERT OR IGNORE INTO org_units (id, parent_id, name, kind, path, depth, created_at) VALUES\n' +
      ORG.map((u) => row(u.id, u.parentId, u.name, u.kind, u.path, u.depth, created)).join(',\n'),
  );

  // Members: 20 per branch, from seeded names; phones 1390000xxxx.
  const rand = rng(20261126);
  const branches = ORG.filter((u) => u.kind === 'branch');
  const users = [...DEMO_ACCOUNTS.map((a) => ({ ...a }))];
  let n = 0;
  for (const b of branches) {
    for (let i = 0; i < 20; i++, n++) {
      const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
      users.push({ id: `user-m${String(n).padStart(3, '0')}`, phone: `1390000${String(n).padStart(4, '0')}`, name, unit: b.id, role: 'member' });
    }
  }
  for (const part of chunks(users, 50)) {
    out.push(
      'INSERT OR IGNORE INTO users (id, phone, name, password_hash, created_at) VALUES\n' +
        part.map((u) => row(u.id, u.phone, u.name, hash, created)).join(',\n'),
    );
  }
  const memberships = users.map((u) => ({ id: `ms-${u.id}-${u.role}`, userId: u.id, unit: u.unit, role: u.role }));
  // Organizers are members of a branch too, so they count in their unit's metrics.
  memberships.push({ id: 'ms-user-org-fgw-member', userId: 'user-org-fgw', unit: 'fgw-b2', role: 'member' });
  for (const part of chunks(memberships, 50)) {
    out.push(
      'INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES\n' +
        part.map((m) => row(m.id, m.userId, m.unit, unitById.get(m.unit).path, m.role, created)).join(',\n'),
    );
  }
  // Rosters: every member is on their branch's roster; a few listed people have not registered yet.
  const roster = users.filter((u) => u.role === 'member').map((u) => ({ id: `roster-${u.id}`, unit: u.unit, phone: u.phone, name: u.name, userId: u.id }));
  for (let i = 0; i < 12; i++) {
    const b = branches[i % branches.length];
    roster.push({
      id: `roster-pending-${i}`,
      unit: b.id,
      phone: `1370000${String(i).padStart(4, '0')}`,
      name: SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length],
      userId: null,
    });
  }
  // --- registry (issue #14): 人员类别, 党内职务, 状态, 入党日期 on the demo roster, and each
  // entry's membership period (from the day it was listed), so the registry screen has a
  // 书记 and committee members per branch, a few 预备党员 and 积极分子, a retired branch and 流出 members.
  roster.forEach((r, i) => {
    const k = Number(r.userId?.slice(6)) % 20; // position of a generated member in its branch (NaN for the others)
    const year = 1975 + ((i * 7) % 45);
    Object.assign(r, {
      category: 'full',
      posts: [],
      postSince: null,
      status: 'active',
      joinedPartyOn: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
    });
    if (k === 0) Object.assign(r, { posts: ['secretary'], postSince: '2021-06-15' });
    else if (k === 1) Object.assign(r, { posts: ['deputy_secretary', 'organization'], postSince: '2023-03-01' });
    else if (k === 2) Object.assign(r, { posts: ['publicity'], postSince: '2023-03-01' });
    else if (k === 18) Object.assign(r, { category: 'probationary', joinedPartyOn: '2026-06-28' });
    else if (k === 19) Object.assign(r, { category: 'activist', joinedPartyOn: null });
    else if (k === 17 && i % 3 === 0) Object.assign(r, { status: 'mobile_out' });
    if (r.unit === 'fgw-b3' && k > 2) Object.assign(r, { status: k % 5 === 0 ? 'home_bound' : 'retired' });
  });
  for (const part of chunks(roster, 50)) {
    out.push(
      'INSERT OR IGNORE INTO roster_entries (id, org_unit_id, phone, name, user_id, category, posts, post_since, status, joined_party_on, created_at) VALUES\n' +
        part
          .map((r) => row(r.id, r.unit, r.phone, r.name, r.userId, r.category, JSON.stringify(r.posts), r.postSince, r.status, r.joinedPartyOn, created))
          .join(',\n'),
    );
  }
  const periods = [
    ...roster.map((r) => ({ id: `mp-${r.id}`, rosterId: r.id, userId: r.userId, unit: r.unit })),
    { id: 'mp-ms-user-org-fgw-member', rosterId: null, userId: 'user-org-fgw', unit: 'fgw-b2' },
  ];
  for (const part of chunks(periods, 50)) {
    out.push(
      'INSERT OR IGNORE INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, note, created_at) VALUES\n' +
        part
          .map((p) =>
            row(p.id, p.rosterId, p.userId, p.unit, unitById.get(p.unit).path, iso(now - 30 * day + 8 * 3600e3).slice(0, 10), null, 'backfill', null, created),
          )
          .join(',\n'),
    );
  }
  // --- end registry

  /** The INSERT of campaigns, each made (and, unless a draft, published) by the root organizer at its `createdAt` (default `created`). */
  const insertCampaigns = (cs) =>
    'INSERT OR IGNORE INTO campaigns (id, kind, slug, title, summary, description, org_unit_id, org_path, status, starts_at, ends_at, settings, created_by, created_at, updated_at, published_at, closed_at) VALUES\n' +
    cs
      .map((c) => {
        const at = c.createdAt ?? created;
        const where = [c.unit, unitById.get(c.unit).path];
        const published = c.status === 'draft' ? null : at;
        return row(
          c.id,
          c.kind,
          c.slug,
          c.title,
          c.summary,
          c.description,
          ...where,
          c.status,
          c.startsAt,
          c.endsAt,
          JSON.stringify(c.settings),
          'user-org-root',
          at,
          at,
          published,
          c.closedAt ?? null,
        );
      })
      .join(',\n');
  out.push(insertCampaigns(CAMPAIGNS.map((c) => ({ ...c, status: c.status ?? 'published', startsAt: iso(now - 30 * day), endsAt: iso(now + 90 * day) }))));

  // The demo question bank (owned by the root) and the two stages of the knowledge contest.
  out.push(
    `INSERT OR IGNORE INTO question_banks (id, org_unit_id, org_path, title, created_by, created_at) VALUES ('bank-demo', 'root', '/root/', '党史·党章·二十大精神题库', 'user-org-root', ${q(created)})`,
  );
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  const typeOf = { 单选: 'single', 多选: 'multiple', 判断: 'judge', 填空: 'blank' };
  const fold = (s) => s.replace(/[\s\p{P}\p{S}_]/gu, '').toLowerCase();
  const qRows = DEMO_QUESTIONS.map(([t, stem, opts, ans, expl, tag, diff], i) => {
    const type = typeOf[t];
    const options = opts.map((text, j) => ({ key: letters[j], text }));
    const answer = type === 'single' ? ans : type === 'multiple' ? ans.split('') : type === 'judge' ? ans === '对' : ans.split('|');
    return row(
      `q-${String(i + 1).padStart(3, '0')}`,
      'bank-demo',
      type,
      stem,
      fold(stem),
      JSON.stringify(options),
      JSON.stringify(answer),
      expl,
      '',
      JSON.stringify([tag]),
      diff,
      1,
      created,
      created,
    );
  });
  for (const part of chunks(qRows, 30)) {
    out.push(
      'INSERT OR IGNORE INTO questions (id, bank_id, type, stem, stem_key, options, answer, explanation, source, tags, difficulty, active, created_at, updated_at) VALUES\n' +
        part.join(',\n'),
    );
  }
  out.push(
    'INSERT OR IGNORE INTO quiz_stages (id, campaign_id, ord, name, starts_at, ends_at, settings, advancement, advanced_at) VALUES\n' +
      [
        row('stage-prelim', 'camp-quiz-contest', 1, '初赛', iso(now - day), iso(now + 20 * day), '{}', JSON.stringify({ rule: 'top', n: 20 }), null),
        row(
          'stage-final',
          'camp-quiz-contest',
          2,
          '决赛',
          iso(now + 21 * day),
          iso(now + 28 * day),
          JSON.stringify({ attemptsPerDay: 1, attemptsTotal: 1, questionsPerAttempt: 15 }),
          null,
          null,
        ),
      ].join(',\n'),
  );

  // The art contest: twelve approved works (images in db/seed/images, put into R2 by
  // scripts/server.mjs), some votes from members, a panel of three judges and an open 初评.
  const works = DEMO_WORKS.map((w, i) => ({ ...w, id: `entry-${String(i + 1).padStart(2, '0')}`, author: users[10 + i * 17] }));
  const voteRows = [];
  const votesPer = new Map();
  for (let m = 0; m < 60; m++) {
    const voter = users[40 + m];
    for (let k = 0; k < 1 + (m % 3); k++) {
      const w = works[(m * 5 + k * 7) % works.length];
      const voteDay = iso(now - (1 + k) * day).slice(0, 10);
      voteRows.push(row(`vote-${m}-${k}`, 'camp-contest', w.id, voter.id, voteDay, `10.${m % 7}.0.${m}`, created, 0, null, 0, null, iso(now - (1 + k) * day)));
      votesPer.set(w.id, (votesPer.get(w.id) ?? 0) + 1);
    }
  }
  out.push(
    'INSERT OR IGNORE INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, description, author_name, status, image_key, content_type, width, height, bytes, sha256, round, votes, views, created_at, reviewed_at, reviewed_by) VALUES\n' +
      works
        .map((w, i) =>
          row(
            w.id,
            'camp-contest',
            w.author.id,
            w.author.unit,
            `demo-upload-${i}`,
            w.category,
            w.title,
            w.description,
            w.author.name,
            'approved',
            `entries/camp-contest/${w.id}/original`,
            'image/jpeg',
            1400,
            1000,
            10000,
            `demo-sha-${i}`,
            1,
            votesPer.get(w.id) ?? 0,
            20 + i * 3,
            iso(now - 6 * day),
            iso(now - 5 * day),
            'user-org-root',
          ),
        )
        .join(',\n'),
  );
  // contest2: 作品编号 for the demo works, in order of submission (as the insert gives them)
  out.push(
    `UPDATE contest_entries SET serial = (SELECT COUNT(*) FROM contest_entries e2 WHERE e2.campaign_id = contest_entries.campaign_id AND (e2.created_at < contest_entries.created_at OR (e2.created_at = contest_entries.created_at AND e2.id <= contest_entries.id))) WHERE campaign_id = 'camp-contest' AND serial IS NULL`,
  );
  out.push(
    'INSERT OR IGNORE INTO contest_votes (id, campaign_id, entry_id, voter_id, day, ip, account_created_at, flagged, flag_reason, discounted, discount_reason, created_at) VALUES\n' +
      voteRows.join(',\n'),
  );
  const judges = [users[5], users[77], users[150]];
  out.push(
    'INSERT OR IGNORE INTO contest_judges (campaign_id, user_id, created_at) VALUES\n' + judges.map((j) => row('camp-contest', j.id, created)).join(',\n'),
  );
  out.push(
    `INSERT OR IGNORE INTO judging_rounds (id, campaign_id, ord, name, criteria, assignment, judges_per_entry, quorum, status, created_at) VALUES ('round-demo-1', 'camp-contest', 1, '初评', ${q(
      JSON.stringify([
        { name: '思想性', weight: 40, max: 10 },
        { name: '艺术性', weight: 40, max: 10 },
        { name: '技法', weight: 20, max: 10 },
      ]),
    )}, 'all', 3, 2, 'open', ${q(created)})`,
  );
  out.push(
    'INSERT OR IGNORE INTO judge_assignments (round_id, entry_id, judge_id, conflict) VALUES\n' +
      works.flatMap((w) => judges.filter((j) => j.unit !== w.author.unit && j.id !== w.author.id).map((j) => row('round-demo-1', w.id, j.id, 0))).join(',\n'),
  );
  out.push(
    `INSERT OR IGNORE INTO leaderboards (board_id, campaign_id, frozen_at, updated_at) VALUES ('camp-contest:main', 'camp-contest', NULL, ${q(iso(now))})`,
  );
  out.push(
    'INSERT OR IGNORE INTO leaderboard_entries (board_id, key, score, tiebreak, name, org_unit_id, version, updated_at) VALUES\n' +
      works.map((w) => row('camp-contest:main', w.id, votesPer.get(w.id) ?? 0, 0, w.title, w.author.unit, 1, iso(now))).join(',\n'),
  );

  // Activity of the last four weeks: about two thirds of members answered the daily quiz
  // on some days, and a few volunteered, so metrics and "我的" have something real to show.
  const events = [];
  const eventsRaw = [];
  for (const u of users.filter((x) => x.role === 'member')) {
    if (rand() > 0.68) continue;
    const days = 1 + Math.floor(rand() * 12);
    for (let d = 0; d < days; d++) {
      const at = now - Math.floor(rand() * 28 * day);
      const pts = 1 + Math.floor(rand() * 5);
      events.push(row(`ev-${u.id}-q${d}`, ...placed(u), 'camp-quiz', 'quiz', 'quiz_attempt', pts, 5, iso(at), `seed-${u.id}-q${d}`));
      eventsRaw.push({ user: u, kind: 'quiz', points: pts, quantity: 5 });
    }
    if (rand() < 0.2) {
      const hours = 2 + Math.floor(rand() * 3);
      const at = now - (1 + Math.floor(rand() * 20)) * day;
      // an approved service record and its activity (quantity in minutes, as the API records it)
      events.push(row(`ev-${u.id}-v`, ...placed(u), 'camp-volunteer', 'volunteer', 'volunteer_hours', 0, hours * 60, iso(at), `rec-${u.id}-v`));
      eventsRaw.push({ user: u, kind: 'volunteer', points: 0, quantity: hours, at });
    }
  }

  const members = users.filter((x) => x.role === 'member');
  out.push(...volunteerStatements({ now, day, iso, users, members, eventsRaw, unitById, row, crypto, placed }));

  // The exhibition: slots from a week ago to two months ahead, with bookings, check-ins and no-shows (db/seed/demo-exhibition.mjs)
  out.push(...exhibitionStatements({ now, day, iso, created, members, rand, events, row, chunks, placed }));

  // 党员教育培训: sessions, enrolment and the register of the three training campaigns (db/seed/training.mjs)
  out.push(...trainingStatements({ now, day, iso, roster, unitById, events, row, q, chunks, crypto, insertCampaigns }));

  // Boards of the ranking campaigns, derived from the activity above (the quiz ranks points
  // with seconds used as tiebreak, the 1+1 campaign ranks approved hours) and pledges for the drive.
  const boards = { 'camp-quiz:main': new Map(), 'camp-volunteer:main': new Map(), 'camp-drive:main': new Map() };
  for (const e of eventsRaw) {
    const b = e.kind === 'quiz' ? boards['camp-quiz:main'] : boards['camp-volunteer:main'];
    const cur = b.get(e.user.id) ?? { user: e.user, score: 0, tiebreak: 0 };
    cur.score += e.kind === 'quiz' ? e.points : e.quantity;
    cur.tiebreak += e.kind === 'quiz' ? 20 + Math.floor(rand() * 100) : 0;
    b.set(e.user.id, cur);
  }
  // The drive: verified pledges are what its board ranks; others wait in every state.
  const pledgeRows = [];
  const messages = ['愿孩子们学业有成！', '一点心意，略尽绵薄之力。', '', '加油！', '', '助学圆梦，传递温暖。'];
  members.forEach((u, i) => {
    const r = rand();
    if (r > 0.55) return;
    const amount = (1 + Math.floor(rand() * 40)) * 1000;
    const state = r < 0.4 ? 'verified' : r < 0.47 ? 'receipt_submitted' : r < 0.52 ? 'pledged' : 'rejected';
    const at = iso(now - (1 + (i % 14)) * day);
    const msg = messages[i % messages.length] || null;
    pledgeRows.push(
      row(
        `pledge-${u.id}`,
        'camp-drive',
        ...placed(u),
        amount,
        state === 'verified' ? amount : null,
        u.name,
        i % 4 === 0 ? 1 : 0,
        msg,
        msg ? (i % 3 === 0 ? 'pending' : 'visible') : 'none',
        state,
        state === 'rejected' ? '上传的凭证与认捐金额不符，请核对后重新提交。' : null,
        state === 'receipt_submitted' || state === 'verified' ? 'receipts/camp-drive/demo-receipt' : null,
        state === 'receipt_submitted' || state === 'verified' ? 'image/jpeg' : null,
        at,
        at,
        state === 'verified' || state === 'rejected' ? 'user-org-root' : null,
        state === 'verified' || state === 'rejected' ? at : null,
      ),
    );
    if (state === 'verified') {
      // anonymous giving ranks apart from the donor, as 爱心人士 (shared/board-key.ts)
      if (i % 4 === 0)
        boards['camp-drive:main'].set(`anonymous:${u.id}`, {
          user: { ...u, name: '爱心人士' },
          key: 'anon.' + demoBoardKey('camp-drive', `anonymous:${u.id}`),
          anonymous: true,
          score: amount,
          tiebreak: 0,
        });
      else boards['camp-drive:main'].set(u.id, { user: u, score: amount, tiebreak: 0 });
      events.push(row(`ev-${u.id}-d`, ...placed(u), 'camp-drive', 'drive', 'drive_verified', 0, amount, at, `pledge-${u.id}`));
    }
  });
  out.push(
    'INSERT OR IGNORE INTO pledges (id, campaign_id, user_id, org_unit_id, org_path, amount, verified_amount, display_name, anonymous, message, message_status, status, reason, receipt_key, receipt_type, created_at, updated_at, verified_by, verified_at) VALUES\n' +
      pledgeRows.join(',\n'),
  );
  const lbRows = [];
  for (const [boardId, entries] of Object.entries(boards)) {
    out.push(
      `INSERT OR IGNORE INTO leaderboards (board_id, campaign_id, frozen_at, updated_at) VALUES (${q(boardId)}, ${q(boardId.split(':')[0])}, NULL, ${q(iso(now))})`,
    );
    // people rank under their keyed-hash board key, never their user id (API.md)
    const campaignId = boardId.split(':')[0];
    for (const e of entries.values()) {
      lbRows.push(
        row(boardId, e.key ?? demoBoardKey(campaignId, e.user.id), e.score, e.tiebreak, e.user.name, e.user.unit, e.anonymous ? null : e.user.id, 1, iso(now)),
      );
    }
  }
  for (const part of chunks(lbRows, 80)) {
    out.push(
      'INSERT OR IGNORE INTO leaderboard_entries (board_id, key, score, tiebreak, name, org_unit_id, user_id, version, updated_at) VALUES\n' + part.join(',\n'),
    );
  }
  for (const part of chunks(events, 80)) {
    out.push(
      'INSERT OR IGNORE INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES\n' +
        part.join(',\n'),
    );
  }
  return out;
}

function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
