import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { read, SSF, utils, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { client, signedIn, PHONES, type Client, type Res } from '../helpers';
import { FIGURES } from '../../shared/report';
import { fgwMembers, quizAttempts, serviceYears, verifiedPledges, type Member } from './report.fixtures';

/*
 * The 台账: the rows behind each figure group (GET /org-units/{id}/report/rows) and the
 * workbook (report.xlsx) parsed back. Rows are placed in 2096–2097, where the demo data has
 * nothing, so every row counted here is one of ours. Roles: report.security.test.ts.
 */

const Q = 'from=2096-01-01&to=2097-12-31';

async function seed() {
  const [a, b, c] = (await fgwMembers(3)) as [Member, Member, Member];
  const att = (session: string, m: Member, status: string, mode: string, hours: number) =>
    env.DB.prepare(
      "INSERT INTO training_attendance (session_id, roster_id, campaign_id, user_id, org_unit_id, org_path, status, mode, note, hours, updated_at) VALUES (?, ?, 'camp-training', ?, ?, ?, ?, ?, '', ?, '2096-04-01T00:00:00.000Z')",
    ).bind(session, m.roster_id, m.user_id, m.org_unit_id, m.org_path, status, mode, hours);
  const entry = (id: string, m: Member, status: string, at: string, serial: number) =>
    env.DB.prepare(
      "INSERT INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, author_name, status, image_key, content_type, width, height, bytes, sha256, serial, created_at) VALUES (?, 'camp-contest', ?, ?, ?, '书法', ?, ?, ?, 'k', 'image/jpeg', 800, 600, 1, ?, ?, ?)",
    ).bind(id, m.user_id, m.org_unit_id, id, `作品${id}`, m.name, status, id, serial, at);
  await env.DB.batch([
    ...quizAttempts('lr-q', a, b, c),
    // 入围: b is on the list of a later stage published in the period
    env.DB.prepare(
      "INSERT INTO quiz_stages (id, campaign_id, ord, name, starts_at, ends_at, settings) VALUES ('lr-st', 'camp-quiz', 90, '复赛', '2096-06-01T00:00:00.000Z', '2096-06-30T00:00:00.000Z', '{}')",
    ),
    env.DB.prepare("INSERT INTO stage_admissions (stage_id, user_id, from_rank, created_at) VALUES ('lr-st', ?, 1, '2096-05-20T00:00:00.000Z')").bind(
      b.user_id,
    ),
    env.DB.prepare(
      "INSERT INTO training_sessions (id, campaign_id, title, starts_at, ends_at, hours, code_secret, created_by, created_at) VALUES ('lr-s1', 'camp-training', '第一期', '2096-03-31T17:00:00.000Z', '2096-03-31T20:00:00.000Z', 2, 'x', 'user-org-root', '2096-01-01T00:00:00.000Z'), ('lr-s2', 'camp-training', '第二期', '2097-05-01T01:00:00.000Z', '2097-05-01T04:00:00.000Z', 2.5, 'x', 'user-org-root', '2096-01-01T00:00:00.000Z')",
    ),
    att('lr-s1', a, 'present', 'onsite', 2),
    att('lr-s1', b, 'late', 'delivered', 2),
    att('lr-s1', c, 'absent', 'onsite', 0),
    att('lr-s2', a, 'present', 'online', 2.5),
    entry('lr-e1', a, 'approved', '2096-07-01T03:00:00.000Z', 9001),
    entry('lr-e2', b, 'rejected', '2096-07-02T03:00:00.000Z', 9002),
    entry('lr-e3', c, 'pending', '2097-07-03T03:00:00.000Z', 9003),
    env.DB.prepare(
      "INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, checked_in_at) VALUES ('lr-b1', 'lr-code-1', 'camp-exhibition', 'lr-slot', ?, ?, ?, 4, '2096-08-01', 1, ?, 'checked_in', '2096-07-01T00:00:00.000Z', '2096-08-01T02:00:00.000Z'), ('lr-b2', 'lr-code-2', 'camp-exhibition', 'lr-slot', ?, ?, ?, 1, '2096-08-01', 0, ?, 'no_show', '2096-07-01T00:00:00.000Z', NULL)",
    ).bind(a.user_id, a.name, a.phone, a.org_unit_id, b.user_id, b.name, b.phone, b.org_unit_id),
    serviceYears('lr-r', a, b),
    env.DB.prepare(
      "INSERT INTO volunteer_pairs (id, campaign_id, member_id, member_unit_id, member_path, resident_name, resident_phone, consent_text, consent_at, source, created_at) VALUES ('lr-p1', 'camp-volunteer', ?, ?, ?, '王小二', '19900000077', '同意', '2097-02-01T00:00:00.000Z', 'invite', '2097-02-01T00:00:00.000Z')",
    ).bind(c.user_id, c.org_unit_id, c.org_path),
    verifiedPledges([
      { id: 'lr-d1', m: a, amount: 5000, verified: 4850, name: '张三明', day: '2097-03-01', verifiedDay: '2097-03-02' },
      { id: 'lr-d2', m: b, amount: 1000, verified: null, name: '李四', anonymous: true, day: '2097-03-01', verifiedDay: '2097-03-03' },
    ]),
  ]);
  return { a, b, c };
}

let root: Client;
let people: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  people = await seed();
  root = await signedIn(PHONES.rootOrganizer);
});

type Rows = {
  group: string;
  columns: Array<{ key: string; label: string; type: string }>;
  rows: Array<Record<string, string | number | null>>;
  nextCursor: string | null;
};
const rowsOf = async (c: Client, group: string, q = Q, unit = 'root') => {
  const r = await c.get(`/api/v1/org-units/${unit}/report/rows?group=${group}&${q}&limit=100`);
  expect(r.status, r.text).toBe(200);
  return r.body as Rows;
};

describe('the rows behind the figures', () => {
  it("lists each group's rows by the figures' period rules, in the reader's words", async () => {
    const { a, b, c } = people;
    const training = await rowsOf(root, 'training');
    expect(training.columns.map((x) => x.key)).toEqual(['date', 'session', 'campaign', 'category', 'member', 'unit', 'status', 'mode', 'hours']);
    // credited rows only (absent is not), dated by the session's China day: 17:00 UTC on 03-31 is 04-01 in China
    expect(training.rows).toEqual([
      expect.objectContaining({ date: '2096-04-01', session: '第一期', category: '集中轮训', status: expect.any(String), hours: 2 }),
      expect.objectContaining({ date: '2096-04-01', session: '第一期', status: expect.any(String), hours: 2 }),
      expect.objectContaining({ date: '2097-05-01', session: '第二期', member: a.name, status: '出席', mode: '线上', hours: 2.5 }),
    ]);
    expect(
      training.rows
        .map((r) => r.member)
        .slice(0, 2)
        .sort(),
    ).toEqual([a.name, b.name].sort());
    expect(training.rows.find((r) => r.member === b.name)).toMatchObject({ status: '迟到', mode: '送学上门' });

    const quiz = await rowsOf(root, 'quiz');
    const ours = quiz.rows.filter((r) => [a.name, b.name, c.name].includes(String(r.member)));
    expect(ours).toHaveLength(3);
    expect(ours.find((r) => r.member === a.name)).toMatchObject({ answers: 2, points: 10, advanced: '否', campaign: '党史学习教育每日答题' });
    expect(ours.find((r) => r.member === b.name)).toMatchObject({ answers: 1, points: 2, advanced: '是' });

    const contest = await rowsOf(root, 'contest');
    // rejected works are not counted
    expect(contest.rows.map((r) => r.serial)).toEqual([9001, 9003]);
    expect(contest.rows[0]).toMatchObject({ title: '作品lr-e1', author: a.name, status: '已通过', date: '2096-07-01', category: '书法' });

    const exhibition = await rowsOf(root, 'exhibition');
    expect(exhibition.rows).toEqual([expect.objectContaining({ date: '2096-08-01', visitors: 4, type: '团体' })]);

    const volunteer = await rowsOf(root, 'volunteer');
    expect(volunteer.rows.map((r) => [r.date, r.type, r.hours])).toEqual([
      ['2096-06-01', '志愿服务', 2.5],
      ['2097-02-01', '“1+1”结对', null],
      ['2097-06-01', '志愿服务', 1],
    ]);

    const drive = await rowsOf(root, 'drive');
    // yuan as numbers; donors masked as on the donor wall, anonymous as 爱心人士
    expect(drive.rows).toEqual([
      expect.objectContaining({ date: '2097-03-02', amount: 48.5, donor: '张*明' }),
      expect.objectContaining({ date: '2097-03-03', amount: 10, donor: '爱心人士' }),
    ]);

    // organizers' view, but never a phone number, nor a resident's name
    for (const g of [training, quiz, contest, exhibition, volunteer, drive]) {
      const text = JSON.stringify(g);
      for (const m of [a, b, c]) expect(text).not.toContain(m.phone);
      expect(text).not.toContain('19900000077');
      expect(text).not.toContain('王小二');
    }
  });

  it("agrees with the report's figures", async () => {
    const report = (await root.get(`/api/v1/org-units/root/report?${Q}`)).body as { figures: Array<{ id: string; value: number | null }> };
    const fig = (id: string) => report.figures.find((f) => f.id === id)!.value;
    expect((await rowsOf(root, 'contest')).rows).toHaveLength(fig('contest.works')!);
    expect((await rowsOf(root, 'exhibition')).rows.reduce((n, r) => n + Number(r.visitors), 0)).toBe(fig('exhibition.visits'));
    const volunteer = (await rowsOf(root, 'volunteer')).rows;
    expect(volunteer.filter((r) => r.type === '志愿服务')).toHaveLength(fig('volunteer.approvedRecords')!);
    expect(volunteer.filter((r) => r.type !== '志愿服务')).toHaveLength(fig('volunteer.pairs')!);
    expect(Math.round((await rowsOf(root, 'drive')).rows.reduce((n, r) => n + Number(r.amount) * 100, 0))).toBe(fig('drive.verifiedAmount'));
    const quiz = (await rowsOf(root, 'quiz')).rows;
    expect(new Set(quiz.map((r) => r.member)).size).toBe(fig('quiz.participants'));
    expect(quiz.filter((r) => r.advanced === '是')).toHaveLength(fig('quiz.advanced')!);
  });

  it('narrows to a subtree and a year', async () => {
    const { a } = people;
    const branch = await rowsOf(root, 'volunteer', 'from=2096-01-01&to=2096-12-31', a.org_unit_id);
    expect(branch.rows).toEqual([expect.objectContaining({ date: '2096-06-01', hours: 2.5 })]);
    expect((await rowsOf(root, 'training', Q, 'jyj')).rows).toEqual([]);
  });

  it('pages with a cursor: every row once, in order', async () => {
    const all = (await rowsOf(root, 'training')).rows;
    const seen: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: Res<Rows> = await root.get(
        `/api/v1/org-units/root/report/rows?group=training&${Q}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, r.text).toBe(200);
      expect(r.body.rows.length).toBeLessThanOrEqual(1);
      seen.push(...r.body.rows);
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(all.length);
  });

  it('labels columns in English for an English reader', async () => {
    const en = await signedIn(PHONES.rootOrganizer, { lang: 'en' });
    const r = await rowsOf(en, 'drive');
    expect(r.columns.map((x) => x.label)).toEqual(['Verified on', 'Drive', 'Amount (yuan)', 'Donor']);
  });

  it('refuses bad input in the envelope and changes nothing', async () => {
    for (const q of [
      'group=nope&' + Q,
      Q,
      'group=quiz&from=2097-03-01&to=2097-01-01',
      'group=quiz&from=2080-01-01&to=2097-01-01',
      'group=quiz&from=2097-02-30&to=2097-03-01',
      `group=quiz&${Q}&limit=0`,
      `group=quiz&${Q}&cursor=not-a-cursor`,
      `group=quiz&${Q}&cursor=${btoa('["a"]')}`,
    ]) {
      const r = await root.get(`/api/v1/org-units/root/report/rows?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message, q).toBeTruthy();
    }
    for (const q of ['from=2097-03-01&to=2097-01-01', 'from=2080-01-01&to=2097-01-01', 'from=2097&to=2098']) {
      expect((await root.get(`/api/v1/org-units/root/report.xlsx?${q}`)).status, q).toBe(400);
    }
    expect((await root.get(`/api/v1/org-units/nope/report/rows?group=quiz&${Q}`)).status).toBe(404);
    expect((await client().get(`/api/v1/org-units/root/report.xlsx?${Q}`)).status).toBe(401);
  });
});

/** The raw XML of a part of the workbook (SheetJS keeps the zip's files with bookFiles). */
function part(wb: WorkBook, name: string): string {
  const files = (wb as unknown as { files: Record<string, { content: Uint8Array | string }> }).files;
  const f = files[name] ?? files[`/${name}`];
  if (!f) throw new Error(`no ${name} in ${Object.keys(files).join(', ')}`);
  return typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
}

describe('the 台账 workbook', () => {
  it('has a summary equal to the report, a sheet per group with its rows, date cells and frozen headers', async () => {
    const r = await root.get(`/api/v1/org-units/root/report.xlsx?${Q}`);
    expect(r.status, r.text.slice(0, 200)).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const disposition = r.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="ledger_root_2096-01-01_2097-12-31.xlsx"');
    const unitName = (await env.DB.prepare("SELECT name FROM org_units WHERE id = 'root'").first<{ name: string }>())!.name;
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(`台账_${unitName}_2096-01-01_2097-12-31.xlsx`);

    const wb = read(r.bytes, { type: 'array', cellNF: true, cellStyles: true, bookFiles: true });
    expect(wb.SheetNames).toEqual(['汇总', '教育培训', '知识答题', '作品征集', '展览参观', '志愿服务', '公益募捐']);

    // every sheet's header row is frozen and its columns have widths
    wb.SheetNames.forEach((_, i) => {
      const x = part(wb, `xl/worksheets/sheet${i + 1}.xml`);
      expect(x).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      expect(x).toMatch(/<cols><col min="1" max="1" width="\d+"/);
    });

    // the summary: each figure for the whole range and by year, equal to the JSON report (善款 in 元)
    const report = (await root.get(`/api/v1/org-units/root/report?${Q}`)).body as {
      figures: Array<{ id: string; label: string; value: number | null }>;
      byYear: Record<string, Record<string, number | null>>;
    };
    const summary = utils.sheet_to_json<unknown[]>(wb.Sheets.汇总 as WorkSheet, { header: 1, defval: null });
    expect(summary[0]).toEqual(['指标', '单位', '2096-01-01 至 2097-12-31', '2096', '2097', '定义']);
    expect(summary).toHaveLength(FIGURES.length + 1);
    const yuan = (id: string, x: number | null | undefined) => (x == null ? null : id === 'drive.verifiedAmount' ? x / 100 : x);
    report.figures.forEach((f, i) => {
      const row = summary[i + 1]!;
      expect(row[0]).toBe(f.label);
      expect(row[2], f.id).toBe(yuan(f.id, f.value));
      expect(row[3], f.id).toBe(yuan(f.id, report.byYear['2096']![f.id]));
      expect(row[4], f.id).toBe(yuan(f.id, report.byYear['2097']![f.id]));
      expect(String(row[5])).toBe(FIGURES[i]!.definition['zh-CN']);
    });
    expect(summary.find((x) => x[0] === '善款')![2]).toBe(48.5 + 10);

    // group sheets hold the rows of the drill-down, dates as real date cells
    for (const [sheet, group] of [
      ['教育培训', 'training'],
      ['作品征集', 'contest'],
      ['志愿服务', 'volunteer'],
      ['公益募捐', 'drive'],
    ] as const) {
      const rows = (await rowsOf(root, group)).rows;
      const got = utils.sheet_to_json<unknown[]>(wb.Sheets[sheet] as WorkSheet, { header: 1, defval: null });
      expect(got.length - 1, sheet).toBe(rows.length);
    }
    const training = wb.Sheets.教育培训 as WorkSheet;
    expect(training.A1.v).toBe('日期');
    const date = training.A2 as { t: string; v: number; z?: string };
    expect(date.t).toBe('n');
    expect(date.z).toMatch(/^yyyy-mm-dd$/);
    const d = SSF.parse_date_code(date.v);
    expect([d.y, d.m, d.d, d.H, d.M]).toEqual([2096, 4, 1, 0, 0]);
    expect(training.I2.v).toBe(2);
    const drive = wb.Sheets.公益募捐 as WorkSheet;
    expect([drive.C2.t, drive.C2.v, drive.D2.v]).toEqual(['n', 48.5, '张*明']);
  });

  it('streams a sheet longer than a page: every row once, in order', async () => {
    const { a } = people;
    // 1,234 approved records in 2095 (the workbook reads 500 at a time), several on each day
    await env.DB.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
      INSERT INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, date, hours, description, status, created_at)
      SELECT printf('lr-many-%04d', i), 'camp-volunteer', ?, ?, ?, date('2095-01-01', '+' || (i % 300) || ' days'), 1, '服务', 'approved', '2095-01-01T00:00:00.000Z' FROM n`)
      .bind(a.user_id, a.org_unit_id, a.org_path)
      .run();
    const r = await root.get('/api/v1/org-units/root/report.xlsx?from=2095-01-01&to=2095-12-31');
    expect(r.status).toBe(200);
    const wb = read(r.bytes, { type: 'array' });
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets.志愿服务 as WorkSheet, { header: 1, raw: true }).slice(1);
    expect(rows).toHaveLength(1234);
    const days = rows.map((x) => x[0] as number);
    expect(days).toEqual([...days].sort((x, y) => x - y));
    const summary = utils.sheet_to_json<unknown[]>(wb.Sheets.汇总 as WorkSheet, { header: 1, defval: null });
    expect(summary.find((x) => x[0] === '审批志愿服务条数')![2]).toBe(1234);
  });

  it('is audited as an export, and an English reader gets English sheets', async () => {
    const before = (await env.DB.prepare("SELECT COUNT(*) n FROM audit_log WHERE action = 'export.download' AND entity_id LIKE '%/report.xlsx'").first<{
      n: number;
    }>())!.n;
    const en = await signedIn(PHONES.rootOrganizer, { lang: 'en' });
    const r = await en.get('/api/v1/org-units/fgw/report.xlsx?from=2096-01-01&to=2096-12-31');
    expect(r.status).toBe(200);
    const wb = read(r.bytes, { type: 'array' });
    expect(wb.SheetNames[0]).toBe('Summary');
    expect(wb.SheetNames).toHaveLength(7);
    const after = await env.DB.prepare(
      "SELECT org_unit_id, detail FROM audit_log WHERE action = 'export.download' AND entity_id LIKE '%/report.xlsx' ORDER BY at DESC",
    ).all<{ org_unit_id: string; detail: string }>();
    expect(after.results).toHaveLength(before + 1);
    expect(after.results[0]!.org_unit_id).toBe('fgw');
    expect(JSON.parse(after.results[0]!.detail).file).toBe('ledger_fgw_2096-01-01_2096-12-31.xlsx');
  });
});
