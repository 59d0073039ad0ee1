import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { readXlsx } from '../../workers/api/lib/xlsx-read';
import { HISTORY_KINDS } from '../../shared/history';
import { createDb } from '../../db/client';
import { rollUpActivity } from '../../db/queries/metrics';
import { hashId, standInId } from '../../db/queries/history';

/*
 * History before the platform (issue #16 part 5): templates, the dry run, the import into the
 * live tables (counted by the report and the metrics), idempotent re-imports and per-row errors.
 * Rows are dated 2019–2023, where the demo data has nothing.
 */
type Fig = { id: string; value: number | null };
const csv = (text: string) => ({ body: `\uFEFF${text}`, headers: { 'content-type': 'text/csv; charset=utf-8' } });
const n = async (q: string, ...args: unknown[]) =>
  (await env.DB.prepare(q)
    .bind(...args)
    .first<{ n: number }>())!.n;
const report = async (c: Awaited<ReturnType<typeof signedIn>>, unit = 'fgw') => {
  const r = await c.get(`/api/v1/org-units/${unit}/report?from=2019-01-01&to=2023-12-31`);
  expect(r.status).toBe(200);
  return (id: string) => (r.body.figures as Fig[]).find((f) => f.id === id)?.value;
};
const importUrl = (unit: string, kind: string, dry = false) => `/api/v1/org-units/${unit}/history/import?kind=${kind}${dry ? '&dryRun=1' : ''}`;
const post = (c: Awaited<ReturnType<typeof signedIn>>, url: string, file: { body: string | Uint8Array; headers: Record<string, string> }) =>
  c.call('POST', url, file.body, file.headers);

const EXHIBITION = csv(
  '组织,展览名称,日期,参观人数,是否散客\n第一党支部,党史教育基地参观,2021-07-01,30,否\n第二党支部,党史教育基地参观,2021/7/2,12,是\nfgw-b3,党史教育基地参观,2022年3月5日,8,\n',
);
const VOLUNTEER = csv(
  '组织,活动名称,姓名,手机号,日期,时长（小时）,服务内容\n第一党支部,2020年“1+1”志愿服务,王晓燕,13800000003,2020-05-01,2.5,社区环境整治\n第二党支部,2020年“1+1”志愿服务,老刘,,2020-05-02,1,\n',
);
const DRIVE = csv(
  '组织,活动名称,日期,金额（元）,捐款人\n第一党支部,2020年抗疫募捐,2020-02-10,200.50,张三\n第一党支部,2020年抗疫募捐,2020-02-11,100,李四\n第一党支部,2020年抗疫募捐,2020-02-12,"1,000",张三\n',
);
const CONTEST = csv(
  '组织,活动名称,作品名称,作者,类别,日期\n第一党支部,2021年书画摄影大赛,红船精神,张三,书法,2021-06-01\n第二党支部,2021年书画摄影大赛,山河新貌,李四,摄影,2021-06-02\n',
);
const QUIZ = csv(
  '组织,活动名称,姓名,手机号,日期,积分\n第一党支部,2019年党章党规知识竞赛,王晓燕,13800000003,2019-09-01,85\n第二党支部,2019年党章党规知识竞赛,老刘,,2019-09-01,70\n',
);
/** Each kind's file and how many records it holds. */
const FILES = [
  ['exhibition', EXHIBITION, 3],
  ['volunteer', VOLUNTEER, 2],
  ['drive', DRIVE, 3],
  ['contest', CONTEST, 2],
  ['quiz', QUIZ, 2],
] as const;

describe('history templates', () => {
  it('gives each kind a template: Chinese header, an example row, a notes sheet; the example imports', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    for (const kind of HISTORY_KINDS) {
      const r = await org.get(`/api/v1/history/templates/${kind}.xlsx`);
      expect(r.status, kind).toBe(200);
      expect(r.headers.get('content-type')).toContain('spreadsheetml');
      const [header, example, ...rest] = await readXlsx(r.bytes);
      expect(header![0]).toBe('组织');
      expect(example!.length).toBeGreaterThan(2);
      expect(rest).toEqual([]);
      // the second sheet (填写说明) is in the package
      expect(new TextDecoder().decode(r.bytes)).toContain('xl/worksheets/sheet2.xml');
    }
    // the exhibition template's example row is a valid row as it is (第一党支部 is one unit under fgw)
    const t = await org.get('/api/v1/history/templates/exhibition.xlsx');
    const dry = await post(org, importUrl('fgw', 'exhibition', true), {
      body: t.bytes,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: 1, errors: [] });
  });

  it('refuses an unknown kind and people who organize nothing', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const bad = await org.get('/api/v1/history/templates/payroll.xlsx');
    expect(bad.status).toBe(400);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.get('/api/v1/history/templates/quiz.xlsx')).status).toBe(403);
  });
});

describe('history import', () => {
  it('previews without writing, then imports into the live tables: the report counts the years, a second import adds nothing', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const was = await report(org);
    const tables = () =>
      n(`SELECT (SELECT COUNT(*) FROM bookings) + (SELECT COUNT(*) FROM service_records) + (SELECT COUNT(*) FROM pledges)
      + (SELECT COUNT(*) FROM contest_entries) + (SELECT COUNT(*) FROM activity_events) + (SELECT COUNT(*) FROM campaigns) + (SELECT COUNT(*) FROM audit_log) AS n`);
    const rowsBefore = await tables();

    const dry = await post(org, importUrl('fgw', 'exhibition', true), EXHIBITION);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, kind: 'exhibition', valid: 3, errors: [] });
    expect(dry.body.preview[1]).toMatchObject({
      row: 3,
      unit: '第二党支部',
      title: '党史教育基地参观',
      newCampaign: true,
      date: '2021-07-02',
      visitors: 12,
      walkIn: true,
    });
    expect(await tables()).toBe(rowsBefore);

    for (const [kind, file, count] of FILES) {
      const r = await post(org, importUrl('fgw', kind), file);
      expect(r.status, `${kind} ${r.text}`).toBe(200);
      expect(r.body).toMatchObject({ dryRun: false, imported: count, skipped: 0, errors: [] });
    }
    const now = await report(org);
    expect(now('exhibition.visits')).toBe((was('exhibition.visits') ?? 0) + 50);
    expect(now('volunteer.approvedRecords')).toBe((was('volunteer.approvedRecords') ?? 0) + 2);
    expect(now('volunteer.approvedHours')).toBe((was('volunteer.approvedHours') ?? 0) + 3.5);
    expect(now('drive.verifiedAmount')).toBe((was('drive.verifiedAmount') ?? 0) + 130050);
    // 张三 of the same branch gave twice: one donor
    expect(now('drive.donors')).toBe((was('drive.donors') ?? 0) + 2);
    expect(now('contest.works')).toBe((was('contest.works') ?? 0) + 2);
    expect(now('quiz.participants')).toBe((was('quiz.participants') ?? 0) + 2);

    // marked as imported, in a closed campaign created for the title
    expect(await n("SELECT COUNT(*) n FROM bookings WHERE source = 'import' AND status = 'checked_in'")).toBe(3);
    expect(await n("SELECT COUNT(*) n FROM service_records WHERE source = 'import' AND status = 'approved'")).toBe(2);
    expect(await n("SELECT COUNT(*) n FROM campaigns WHERE source = 'import' AND status = 'closed' AND org_path = '/root/fgw/'")).toBe(5);
    expect(await n("SELECT COUNT(*) n FROM activity_events WHERE source = 'import'")).toBe(12);
    // a member found by phone gets the record as theirs
    expect(await n("SELECT COUNT(*) n FROM service_records WHERE source = 'import' AND user_id = 'user-member-fgw'")).toBe(1);
    // one without an account has a stand-in id, named for the 台账; the same person in two kinds is one
    expect(
      await n("SELECT COUNT(*) n FROM service_records r JOIN imported_people p ON p.id = r.user_id WHERE p.name = '老刘' AND p.org_unit_id = 'fgw-b2'"),
    ).toBe(1);
    expect(await n("SELECT COUNT(*) n FROM imported_people WHERE name = '老刘'")).toBe(1);
    // that id is keyed with the deployment's secret, not a bare hash anyone could recompute from a phone or name
    const standIn = (await env.DB.prepare("SELECT id FROM imported_people WHERE name = '老刘'").first<{ id: string }>())!.id;
    const key = 'fgw-b2\u001f老刘';
    expect(standIn).toBe(await standInId((env as unknown as { BOARD_KEY_SECRET: string }).BOARD_KEY_SECRET, key));
    expect(standIn).not.toBe(await hashId('imp_', key));
    // the campaign spans its rows' China days
    const camp = await env.DB.prepare("SELECT starts_at, ends_at FROM campaigns WHERE title = '党史教育基地参观'").first<{
      starts_at: string;
      ends_at: string;
    }>();
    expect(camp).toEqual({ starts_at: '2021-06-30T16:00:00.000Z', ends_at: '2022-03-05T15:59:59.000Z' });

    // imported works have no image: counted, never in the gallery
    const contest = (await env.DB.prepare("SELECT id FROM campaigns WHERE title = '2021年书画摄影大赛'").first<{ id: string }>())!.id;
    const gallery = await org.get(`/api/v1/campaigns/${contest}/entries`);
    expect(gallery.status).toBe(200);
    expect(gallery.body.items).toEqual([]);

    // the metrics of those years count the imported activity too
    const metricsUrl = '/api/v1/org-units/fgw/metrics?from=2019-01-01T00:00:00%2B08:00&to=2023-12-31T23:59:59%2B08:00';
    const m = await org.get(metricsUrl);
    expect(m.status).toBe(200);
    expect(m.body.byKind.volunteer.events).toBeGreaterThanOrEqual(2);
    expect(m.body.byKind.quiz.points).toBeGreaterThanOrEqual(155);
    // once the cron folds the imported events into the daily rollups (on their own past days), the same numbers
    await rollUpActivity(createDb(env.DB));
    expect(await n("SELECT COUNT(*) n FROM activity_daily WHERE day = '2019-09-01' AND kind = 'quiz' AND org_path LIKE '/root/fgw/%'")).toBe(2);
    expect((await org.get(metricsUrl)).body.byKind).toEqual(m.body.byKind);
    expect((await report(org))('quiz.participants')).toBe(now('quiz.participants'));

    // the same files again: nothing added, the report unchanged
    const rowsAfter = await tables();
    for (const [kind, file, count] of FILES) {
      const r = await post(org, importUrl('fgw', kind), file);
      expect(r.body, kind).toMatchObject({ imported: 0, skipped: count, errors: [] });
    }
    // (only the five audit rows of the imports themselves)
    expect(await tables()).toBe(rowsAfter + 5);
    const again = await report(org);
    for (const id of ['exhibition.visits', 'volunteer.approvedHours', 'drive.verifiedAmount', 'contest.works', 'quiz.participants'])
      expect(again(id), id).toBe(now(id));
    expect(await n("SELECT COUNT(*) n FROM audit_log WHERE action = 'history.import' AND org_unit_id = 'fgw'")).toBe(10);
  });

  it('keeps the good rows and reports each bad one by its row', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const file = csv(
      [
        '组织,活动名称,姓名,手机号,日期,时长（小时）,服务内容',
        '第一党支部,2021年社区服务,王晓燕,13800000003,2021-03-01,2,好', // 2 good
        '市教育局机关党委,2021年社区服务,某人,,2021-03-01,2,', // 3 outside the subtree
        '第一党支部,2021年社区服务,某人,,2021-13-45,2,', // 4 malformed date
        '第一党支部,2021年社区服务,某人,,2021-03-02,-3,', // 5 negative hours
        '第一党支部,2021年社区服务,某人,,2099-01-01,1,', // 6 future
        '第一党支部,2021年社区服务,某人,12345,2021-03-02,1,', // 7 bad phone
        ',2021年社区服务,某人,,2021-03-02,1,', // 8 no unit
        '第一党支部,2021年社区服务,王晓燕,13800000003,2021-03-01,2,好', // 9 same as row 2
        'fgw-b2,2021年社区服务,某人,,2021-03-03,1.5,', // 10 good (unit by id)
      ].join('\n'),
    );
    const dry = await post(org, importUrl('fgw', 'volunteer', true), file);
    expect(dry.body.valid).toBe(2);
    expect(dry.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const r = await post(org, importUrl('fgw', 'volunteer'), file);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(2);
    const msgs = Object.fromEntries(r.body.errors.map((e: { row: number; message: string }) => [e.row, e.message]));
    expect(msgs[3]).toContain('市教育局机关党委');
    expect(msgs[4]).toContain('2021-13-45');
    expect(msgs[5]).toContain('-3');
    expect(msgs[6]).toContain('晚于今天');
    expect(msgs[9]).toContain('第 2 行');
    expect(await n("SELECT COUNT(*) n FROM service_records r JOIN campaigns c ON c.id = r.campaign_id WHERE c.title = '2021年社区服务'")).toBe(2);
    // English callers read the same errors in English
    const en = await signedIn(PHONES.fgwOrganizer, { lang: 'en' });
    const enR = await post(en, importUrl('fgw', 'volunteer', true), file);
    expect(enR.body.errors[0].message).toContain('not this unit');
  });

  it('lands each row once when the same file is imported twice at the same time', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const lines = Array.from(
      { length: 60 },
      (_, i) => `第一党支部,并发导入测试,王晓燕,13800000003,2022-01-${String((i % 28) + 1).padStart(2, '0')},${(i % 5) + 1},第${i}次`,
    );
    const file = csv(['组织,活动名称,姓名,手机号,日期,时长（小时）,服务内容', ...lines].join('\n'));
    const [a, b] = await Promise.all([post(org, importUrl('fgw', 'volunteer'), file), post(org, importUrl('fgw', 'volunteer'), file)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.imported + b.body.imported).toBe(60);
    expect(await n("SELECT COUNT(*) n FROM service_records r JOIN campaigns c ON c.id = r.campaign_id WHERE c.title = '并发导入测试'")).toBe(60);
    expect(await n("SELECT COUNT(*) n FROM activity_events e JOIN campaigns c ON c.id = e.campaign_id WHERE c.title = '并发导入测试'")).toBe(60);
    expect(await n("SELECT COUNT(*) n FROM campaigns WHERE title = '并发导入测试'")).toBe(1);
  });

  it('reads a sheet naming hundreds of people (the lookups go in parts under D1’s parameter limit)', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const lines = Array.from({ length: 250 }, (_, i) => `第二党支部,大名单答题,人${i},1390000${String(i).padStart(4, '0')},2023-05-0${(i % 9) + 1},${i}`);
    const r = await post(org, importUrl('fgw', 'quiz'), csv(['组织,活动名称,姓名,手机号,日期,积分', ...lines].join('\n')));
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ imported: 250, errors: [] });
    expect(await n("SELECT COUNT(DISTINCT e.user_id) n FROM activity_events e JOIN campaigns c ON c.id = e.campaign_id WHERE c.title = '大名单答题'")).toBe(
      250,
    );
  });

  it('names an ambiguous unit, and joins an existing campaign of the title', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const title = (await env.DB.prepare("SELECT title FROM campaigns WHERE id = 'camp-drive'").first<{ title: string }>())!.title;
    const owner = (await env.DB.prepare("SELECT org_path FROM campaigns WHERE id = 'camp-drive'").first<{ org_path: string }>())!.org_path;
    const file = csv(`组织,活动名称,日期,金额（元）,捐款人\n第一党支部,${title},2022-01-05,50,王五\nfgw-b1,${title},2022-01-05,50,王五\n`);
    const r = await post(root, importUrl('root', 'drive'), file);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([{ row: 2, message: expect.stringContaining('多个') }]);
    expect(r.body.imported).toBe(1);
    expect(owner.startsWith('/root/')).toBe(true);
    expect(await n("SELECT COUNT(*) n FROM pledges WHERE campaign_id = 'camp-drive' AND source = 'import'")).toBe(1);
  });

  it('imports training attendance of people on the roster into the register, crediting present and late', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const file = csv(
      [
        '组织,培训班名称,类别,日期,学时,姓名,手机号,名册编号,出勤',
        '第一党支部,2021年党史学习教育集中轮训,集中轮训,2021-04-10,4,王晓燕,13800000003,,出席',
        '第一党支部,2021年党史学习教育集中轮训,集中轮训,2021-04-11,3.5,王晓燕,,roster-user-member-fgw,迟到',
        '第一党支部,2021年党史学习教育集中轮训,集中轮训,2021-04-11,3.5,某人,13999999999,,出席', // not on a roster
        '第一党支部,2021年党史学习教育集中轮训,示范班,2021-04-12,2,王晓燕,13800000003,,出席', // unknown category
        '第一党支部,2021年党史学习教育集中轮训,集中轮训,2021-04-12,1.2,王晓燕,13800000003,,出席', // hours not in halves
        '第一党支部,2021年党史学习教育集中轮训,集中轮训,2021-04-13,2,王晓燕,13800000003,,请假',
      ].join('\n'),
    );
    const r = await post(org, importUrl('fgw', 'training'), file);
    expect(r.status, r.text).toBe(200);
    expect(r.body.imported).toBe(3);
    expect(r.body.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6]);
    const camp = await env.DB.prepare(
      "SELECT id, status, source, json_extract(settings, '$.category') AS category FROM campaigns WHERE title = '2021年党史学习教育集中轮训'",
    ).first<{ id: string; status: string; source: string; category: string }>();
    expect(camp).toMatchObject({ status: 'closed', source: 'import', category: 'rotation' });
    expect(await n("SELECT COUNT(*) n FROM training_sessions WHERE campaign_id = ? AND source = 'import'", camp!.id)).toBe(3);
    expect(await n("SELECT COUNT(*) n FROM training_attendance WHERE campaign_id = ? AND roster_id = 'roster-user-member-fgw'", camp!.id)).toBe(3);
    // present 4 h + late 3.5 h credited; excused not
    expect(
      await n("SELECT SUM(quantity) n FROM activity_events WHERE campaign_id = ? AND type = 'training_hours' AND user_id = 'user-member-fgw'", camp!.id),
    ).toBe(450);
    const again = await post(org, importUrl('fgw', 'training'), file);
    expect(again.body).toMatchObject({ imported: 0, skipped: 3 });
    expect(await n("SELECT COUNT(*) n FROM activity_events WHERE campaign_id = ? AND type = 'training_hours'", camp!.id)).toBe(2);
  });
});

describe('history import: bad input', () => {
  it('refuses an unknown kind, a missing column, a file that is not a table, too many rows and too many bytes', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const audits = await n("SELECT COUNT(*) n FROM audit_log WHERE action = 'history.import'");
    const kind = await post(org, importUrl('fgw', 'payroll'), EXHIBITION);
    expect(kind.status).toBe(400);
    const header = await post(org, importUrl('fgw', 'exhibition'), csv('组织,日期\n第一党支部,2021-01-01\n'));
    expect(header.status).toBe(400);
    expect(header.body.error.reason).toBe('hist_header');
    expect(header.body.error.message).toContain('展览名称');
    // a PNG named as a workbook
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const magic = await post(org, importUrl('fgw', 'exhibition'), {
      body: png,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(magic.status).toBe(400);
    expect(magic.body.error.reason).toBe('roster_xlsx');
    const many = csv(`组织,展览名称,日期,参观人数\n${'第一党支部,展,2021-01-01,1\n'.repeat(5001)}`);
    const tooMany = await post(org, importUrl('fgw', 'exhibition'), many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.reason).toBe('hist_too_many');
    const form = new FormData();
    form.set('file', new File([new Uint8Array(5 * 1024 * 1024 + 10).fill(0x41)], 'big.csv', { type: 'text/csv' }));
    const big = await org.call('POST', importUrl('fgw', 'exhibition'), form);
    expect(big.status).toBe(413);
    expect(big.body.error.reason).toBe('hist_file_too_large');
    expect(await n("SELECT COUNT(*) n FROM audit_log WHERE action = 'history.import'")).toBe(audits);
  });
});
