// `npm run seed:city`: a whole city for five years in the local D1 that `npm start` uses, to find
// out whether 概览, reports and exports hold at the seed report's scale (docs/CAPACITY.md).
//
//   SEED_MEMBERS=30000 SEED_YEARS=5 npm run seed:city     (PERSIST_DIR as for npm start)
//
// Deterministic (a seeded PRNG, fixed ids): running it again adds nothing. Fast because it
// writes the local database file directly with node:sqlite in large transactions, instead of
// sending millions of statements through `wrangler d1 execute`; then it folds the activity
// rollups with the Worker's own SQL. Stop `npm start` first (one writer at a time).
import { DatabaseSync } from 'node:sqlite';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, prepareDatabase } from './server.mjs';
import { rollupSql } from '../db/rollup-sql.ts';
import { DEPTS, GIVEN, SURNAMES } from './seed-city/names.mjs';
import { DAY, chinaDay, iso, loader, pad, pick, rand } from './seed-city/util.mjs';

const MEMBERS = Number(process.env.SEED_MEMBERS ?? 30000);
const YEARS = Number(process.env.SEED_YEARS ?? 5);
/** Rates per member, from the seed report (docs/CAPACITY.md explains each). */
const RATES = {
  quizPerDay: Number(process.env.SEED_QUIZ_RATE ?? 0.06), // share of members answering the daily quiz on a given day
  pairShare: 25000 / 30000, // "1+1" registrations: 2.5万 for the city
  serviceRecordsPerPairYear: 2, // approved service records per pair and year
  pledgeShare: 0.3, // members giving to the yearly drive
  visitShare: 0.2, // members visiting the yearly exhibition
  entryShare: 110 / 30000, // 110 works a year in the contest
};
const PERSIST = process.env.PERSIST_DIR ? resolve(ROOT, process.env.PERSIST_DIR) : join(ROOT, '.wrangler', 'state');

const t0 = Date.now();
const step = (label) => {
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`✓ ${label} (${s}s)`);
};

await prepareDatabase(PERSIST);
step('迁移与演示数据 / migrations and demo data');
const dir = join(PERSIST, 'v3', 'd1', 'miniflare-D1DatabaseObject');
const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
if (!file) throw new Error(`no local D1 database under ${dir}`);
const db = new DatabaseSync(join(dir, file));
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;');

const load = loader(db, step);

const now = Date.now();
const start = now - YEARS * 365 * DAY;
const created = iso(start - 30 * DAY);
const root = db.prepare("SELECT path FROM org_units WHERE id = 'root'").get();
if (!root) throw new Error('the demo root unit is missing');
// one shared password hash (tongxin-demo): 30,000 PBKDF2 runs would take longer than the rest
const hash = db.prepare("SELECT password_hash h FROM users WHERE phone = '13800000003'").get().h;

// Org tree: 30 机关党委 (one per department), each with ~9 branches below.
const committees = Math.max(1, Math.round(MEMBERS / 1000));
const units = [];
load('组织 / org units', (insert) => {
  for (let c = 1; c <= committees; c++) {
    const id = `city-pc-${pad(c, 3)}`;
    const path = `${root.path}${id}/`;
    insert('org_units', {
      id,
      parent_id: 'root',
      name: `市${DEPTS[(c - 1) % DEPTS.length]}${c > DEPTS.length ? c : ''}机关党委（城市数据）`,
      kind: 'party_committee',
      path,
      depth: 1,
      created_at: created,
    });
    const branches = 8 + (c % 3);
    for (let b = 1; b <= branches; b++) {
      const bid = `${id}-b${pad(b, 2)}`;
      const name = b === branches ? '离退休干部党支部' : `第${'一二三四五六七八九十'[b - 1] ?? b}党支部`;
      insert('org_units', { id: bid, parent_id: id, name, kind: 'branch', path: `${path}${bid}/`, depth: 2, created_at: created });
      units.push({ id: bid, path: `${path}${bid}/`, retired: b === branches });
    }
  }
});

// Members with registry fields; each branch's first member is its 书记.
const people = [];
load('党员名册 / members, registry and periods', (insert) => {
  for (let i = 1; i <= MEMBERS; i++) {
    const unit = units[i % units.length];
    const id = `city-u-${pad(i, 6)}`;
    const phone = `199${pad(i, 8)}`;
    const name = pick(SURNAMES) + pick(GIVEN);
    const joined = start + Math.floor(rand() * YEARS * 365 * DAY * 0.2);
    const first = i <= units.length;
    const r = rand();
    const category = first ? 'full' : r < 0.85 ? 'full' : r < 0.89 ? 'probationary' : r < 0.92 ? 'candidate' : r < 0.95 ? 'activist' : 'public';
    const s = rand();
    const status = unit.retired ? 'retired' : s < 0.02 ? 'mobile_out' : s < 0.03 ? 'mobile_in' : s < 0.05 ? 'home_bound' : 'active';
    const posts = first ? ['secretary'] : i <= units.length * 2 ? ['deputy_secretary', 'organization'] : [];
    insert('users', { id, phone, name, password_hash: hash, created_at: iso(joined) });
    insert('memberships', { id: `city-m-${pad(i, 6)}`, user_id: id, org_unit_id: unit.id, org_path: unit.path, role: 'member', created_at: iso(joined) });
    insert('roster_entries', {
      id: `city-r-${pad(i, 6)}`,
      org_unit_id: unit.id,
      phone,
      name,
      user_id: id,
      category,
      posts: JSON.stringify(posts),
      post_since: posts.length ? chinaDay(start) : null,
      status,
      joined_party_on: category === 'full' || category === 'probationary' ? chinaDay(joined - 3000 * DAY * rand()) : null,
      created_at: iso(joined),
    });
    // where they were and since when: the periods past-period figures count from
    insert('membership_periods', {
      id: `city-p-${pad(i, 6)}`,
      roster_id: `city-r-${pad(i, 6)}`,
      user_id: id,
      org_unit_id: unit.id,
      org_path: unit.path,
      from_day: chinaDay(joined),
      to_day: null,
      reason: 'import',
      created_at: iso(joined),
    });
    people.push({ id, unit, name, phone, joined });
  }
});

// One campaign of each kind a year, owned by the root, copied from the demo's settings.
const demo = Object.fromEntries(
  db
    .prepare("SELECT kind, settings FROM campaigns WHERE id IN ('camp-quiz', 'camp-volunteer', 'camp-drive', 'camp-exhibition', 'camp-contest')")
    .all()
    .map((r) => [r.kind, r.settings]),
);
const years = [];
for (let y = 0; y < YEARS; y++) {
  const from = start + y * 365 * DAY;
  years.push({ y, from, to: Math.min(from + 365 * DAY, now), year: new Date(from + 8 * 3600_000).getUTCFullYear() });
}
const TITLES = { quiz: '每日答题', volunteer: '“1+1”志愿服务', drive: '公益募捐', exhibition: '主题展览', contest: '书画摄影大赛' };
load('活动 / campaigns', (insert) => {
  for (const { y, from, to, year } of years) {
    for (const kind of Object.keys(TITLES)) {
      insert('campaigns', {
        id: `city-${kind}-${y}`,
        kind,
        slug: `city-${kind}-${y}`,
        title: `${year}年度${TITLES[kind]}（城市数据）`,
        summary: '城市规模测试数据',
        description: '由 npm run seed:city 生成',
        org_unit_id: 'root',
        org_path: root.path,
        status: to < now ? 'closed' : 'published',
        starts_at: iso(from),
        ends_at: iso(to + DAY),
        settings: demo[kind] ?? '{}',
        created_by: null,
        created_at: iso(from - DAY),
        updated_at: iso(from - DAY),
        published_at: iso(from),
        closed_at: to < now ? iso(to + DAY) : null,
      });
    }
    insert('quiz_stages', {
      id: `city-stage-${y}`,
      campaign_id: `city-quiz-${y}`,
      ord: 1,
      name: '每日答题',
      starts_at: iso(from),
      ends_at: iso(to + DAY),
      settings: '{}',
    });
  }
});

const event = (insert, e) =>
  insert('activity_events', {
    id: e.id,
    user_id: e.user.id,
    org_unit_id: e.user.unit.id,
    org_path: e.user.unit.path,
    campaign_id: e.campaign,
    kind: e.kind,
    type: e.type,
    points: e.points ?? 0,
    quantity: e.quantity ?? 1,
    occurred_at: iso(e.at),
    ref: e.id,
  });

// The daily quiz: on each day a share of members answers (a finished attempt and its event).
load('每日答题 / daily quiz attempts', (insert) => {
  for (const { y, from, to } of years) {
    for (let d = from; d < to; d += DAY) {
      const day = chinaDay(d);
      const n = Math.round(MEMBERS * RATES.quizPerDay * (0.7 + rand() * 0.6));
      for (let k = 0; k < n; k++) {
        const user = people[Math.floor(rand() * people.length)];
        if (user.joined > d) continue;
        const at = d + Math.floor(rand() * DAY);
        const correct = Math.floor(rand() * 6);
        const id = `city-qa-${user.id.slice(7)}-${day}`;
        insert('quiz_attempts', {
          id,
          campaign_id: `city-quiz-${y}`,
          stage_id: `city-stage-${y}`,
          user_id: user.id,
          status: 'finished',
          mode: 'daily',
          day,
          question_ids: '[]',
          current: 5,
          shown_at: at,
          deadline: at,
          correct,
          score: correct * 20,
          ms_used: 60_000 + Math.floor(rand() * 120_000),
          points: correct,
          started_at: iso(at),
          finished_at: iso(at + 120_000),
        });
        event(insert, { id, user, campaign: `city-quiz-${y}`, kind: 'quiz', type: 'quiz_attempt', points: correct, quantity: 5, at: at + 120_000 });
      }
    }
  }
});

// "1+1": 2.5万 pairs over the years, with approved service records.
load('“1+1” 结对与服务记录 / pairs and service records', (insert) => {
  const pairs = Math.round(MEMBERS * RATES.pairShare);
  for (let i = 0; i < pairs; i++) {
    const user = people[i % people.length];
    const { y, from, to } = years[Math.floor(rand() * years.length)];
    const at = from + Math.floor(rand() * (to - from));
    const id = `city-pair-${pad(i, 6)}`;
    insert('volunteer_pairs', {
      id,
      campaign_id: `city-volunteer-${y}`,
      member_id: user.id,
      member_unit_id: user.unit.id,
      member_path: user.unit.path,
      resident_name: pick(SURNAMES) + pick(GIVEN),
      resident_phone: `198${pad(i, 8)}`,
      consent_text: '城市数据：已同意',
      consent_at: iso(at),
      source: 'member',
      created_by: user.id,
      created_at: iso(at),
    });
    event(insert, { id, user, campaign: `city-volunteer-${y}`, kind: 'volunteer', type: 'volunteer_pair', points: 5, at });
    for (let r = 0; r < RATES.serviceRecordsPerPairYear; r++) {
      const when = at + Math.floor(rand() * Math.max(DAY, to - at));
      if (when > now) continue;
      const hours = 1 + Math.floor(rand() * 4);
      const rid = `${id}-rec${r}`;
      insert('service_records', {
        id: rid,
        campaign_id: `city-volunteer-${y}`,
        user_id: user.id,
        org_unit_id: user.unit.id,
        org_path: user.unit.path,
        pair_id: id,
        date: chinaDay(when),
        hours,
        description: '社区志愿服务',
        status: 'approved',
        created_at: iso(when),
        source: 'self',
        activity_id: rid,
      });
      event(insert, { id: rid, user, campaign: `city-volunteer-${y}`, kind: 'volunteer', type: 'volunteer_hours', quantity: hours * 60, at: when });
    }
  }
});

// Drives, visits and contest works: a share of members once a year each.
load('募捐、参观与作品 / pledges, visits and works', (insert) => {
  for (const { y, from, to } of years) {
    insert('exhibition_slots', {
      id: `city-slot-${y}`,
      campaign_id: `city-exhibition-${y}`,
      starts_at: iso(from),
      ends_at: iso(to),
      capacity: MEMBERS,
      booked: 0,
      closed: 0,
      created_at: iso(from),
    });
    for (const user of people) {
      const at = from + Math.floor(rand() * (to - from));
      if (user.joined > at) continue;
      if (rand() < RATES.pledgeShare) {
        const id = `city-pl-${y}-${user.id.slice(7)}`;
        const amount = (1 + Math.floor(rand() * 20)) * 1000;
        insert('pledges', {
          id,
          campaign_id: `city-drive-${y}`,
          user_id: user.id,
          org_unit_id: user.unit.id,
          org_path: user.unit.path,
          amount,
          verified_amount: amount,
          display_name: user.name,
          anonymous: 0,
          message_status: 'none',
          status: 'verified',
          created_at: iso(at),
          updated_at: iso(at),
          verified_at: iso(at),
        });
        event(insert, { id, user, campaign: `city-drive-${y}`, kind: 'drive', type: 'drive_verified', points: 10, quantity: amount, at });
      }
      if (rand() < RATES.visitShare) {
        const id = `city-bk-${y}-${user.id.slice(7)}`;
        insert('bookings', {
          id,
          code: id,
          campaign_id: `city-exhibition-${y}`,
          slot_id: `city-slot-${y}`,
          user_id: user.id,
          name: user.name,
          phone: user.phone,
          party_size: 1,
          day: chinaDay(at),
          org_unit_id: user.unit.id,
          status: 'checked_in',
          created_at: iso(at),
          checked_in_at: iso(at),
        });
        event(insert, { id, user, campaign: `city-exhibition-${y}`, kind: 'exhibition', type: 'exhibition_visit', points: 5, at });
      }
      if (rand() < RATES.entryShare) {
        const id = `city-en-${y}-${user.id.slice(7)}`;
        insert('contest_entries', {
          id,
          campaign_id: `city-contest-${y}`,
          user_id: user.id,
          org_unit_id: user.unit.id,
          upload_id: id,
          category: pick(['calligraphy', 'painting', 'photography']),
          title: `作品 ${id.slice(-6)}`,
          author_name: user.name,
          status: 'approved',
          image_key: `entries/${id}/original`,
          content_type: 'image/jpeg',
          width: 1200,
          height: 900,
          bytes: 200_000,
          sha256: id,
          created_at: iso(at),
        });
        event(insert, { id, user, campaign: `city-contest-${y}`, kind: 'contest', type: 'contest_entry', points: 10, at });
      }
    }
  }
});

// Fold everything into the daily rollups that metrics and reports read.
db.exec('BEGIN');
for (const s of rollupSql(1_000_000_000)) db.exec(s);
db.exec('COMMIT');
step('日汇总 / activity rollups');
const count = (t) => db.prepare(`SELECT COUNT(*) n FROM ${t}`).get().n.toLocaleString('en');
console.log(
  `\n城市数据 / city data: ${count('users')} users · ${count('org_units')} units · ${count('activity_events')} events · ${count('quiz_attempts')} attempts · ${count('activity_daily')} daily rollups · ${count('activity_user_days')} member-days`,
);
db.close();
