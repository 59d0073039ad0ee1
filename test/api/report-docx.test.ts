import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';
import { fgwMembers, serviceRecords, verifiedPledges, type Member } from './report.fixtures';

/*
 * The draft report (report.docx): unzip it, read word/document.xml and find what the
 * organizer needs — the unit's name and period in the title, the seed report's headings, a
 * figure filled from the platform, the unfilled ones marked. Rows sit in 2096, where the demo
 * data has nothing.
 */

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** A small zip reader: one entry's text, by its name in the central directory. */
async function zipText(b: Uint8Array, name: string): Promise<string> {
  let eocd = b.length - 22;
  while (eocd >= 0 && u32(b, eocd) !== 0x06054b50) eocd--;
  expect(eocd).toBeGreaterThanOrEqual(0);
  for (let i = u32(b, eocd + 16); u32(b, i) === 0x02014b50; ) {
    const nameLen = u16(b, i + 28);
    const entry = new TextDecoder().decode(b.subarray(i + 46, i + 46 + nameLen));
    if (entry === name) {
      const local = u32(b, i + 42);
      const from = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      const raw = b.subarray(from, from + u32(b, i + 20));
      const data =
        u16(b, i + 10) === 0
          ? raw
          : new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
      return new TextDecoder().decode(data);
    }
    i += 46 + nameLen + u16(b, i + 30) + u16(b, i + 32);
  }
  throw new Error(`no ${name} in the zip`);
}

/** The visible text of each paragraph of document.xml. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

async function seed() {
  const [m] = (await fgwMembers(1)) as [Member];
  await env.DB.batch([
    serviceRecords([
      { id: 'dx-r1', m, day: '2096-06-01', hours: 2.5, status: 'approved' },
      { id: 'dx-r2', m, day: '2096-06-02', hours: 1, status: 'approved' },
      { id: 'dx-r3', m, day: '2096-06-03', hours: 1, status: 'approved' },
    ]),
    verifiedPledges([{ id: 'dx-d1', m, amount: 123456, verified: 123456, name: '张*', day: '2096-03-01', verifiedDay: '2096-03-02' }]),
  ]);
}

describe('report.docx', () => {
  it("is a Word document in the seed report's structure with the platform's figures filled and the rest marked", async () => {
    await seed();
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const r = await fgw.get('/api/v1/org-units/fgw/report.docx?from=2096-01-01&to=2096-12-31');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toContain('attachment; filename="fgw-report-2096-01-01-2096-12-31.docx"');
    const xml = await zipText(r.bytes, 'word/document.xml');
    const ps = paragraphs(xml);
    expect(ps[0]).toBe('市发展和改革委员会机关党委2096年党员教育培训工作实施情况自评报告');
    for (const h of [
      '一、主要做法',
      '（一）加强组织领导，夯实培训基础',
      '（四）搭建实践平台，丰富培训载体',
      '二、差距和不足',
      '三、下一步打算',
      '附表：主要数据',
    ])
      expect(ps).toContain(h);
    // headings are real Word headings (the navigation pane shows the outline), set in an East-Asian font
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?一、主要做法/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    const body = ps.join('\n');
    // filled from the platform: three approved records of the subtree's members, 4.5 hours
    expect(body).toContain('累计审批志愿服务3条');
    expect(body).toContain('服务时长4.5小时');
    // a figure the platform cannot give (no members at the period end: no denominator) is marked, highlighted, never a 0
    const empty = await fgw.get('/api/v1/org-units/fgw/report.docx?from=1999-01-01&to=1999-12-31');
    const emptyXml = await zipText(empty.bytes, 'word/document.xml');
    expect(paragraphs(emptyXml).join('\n')).toContain('【待填：全员轮训率（%）】');
    expect(emptyXml).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,400}?【待填：全员轮训率（%）】/);
    // what the platform counts is filled, a zero included: classes held in 2096
    expect(body).not.toContain('【待填：期班次');
    // the figures table: one row a figure, the period and each year
    expect(xml).toContain('<w:tbl>');
    expect(body).toMatch(/审批志愿服务条数\n条\n3\n3/);
    // styles carry the heading fonts
    expect(await zipText(r.bytes, 'word/styles.xml')).toContain('黑体');
  });

  it('names every year of a range in its table and the days of a partial one in its title', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const r = await root.get('/api/v1/org-units/root/report.docx?from=2095-07-01&to=2096-06-30');
    expect(r.status).toBe(200);
    const ps = paragraphs(await zipText(r.bytes, 'word/document.xml'));
    expect(ps[0]).toContain('2095年7月1日至2096年6月30日');
    // the root's drive: 123,456 fen verified on 2096-03-02, in yuan
    expect(ps.join('\n')).toContain('筹集善款1,234.56元');
    expect(ps).toContain('2095年');
    expect(ps).toContain('2096年');
  });

  it('refuses a bad range with a 4xx and changes nothing', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const back = await fgw.get('/api/v1/org-units/fgw/report.docx?from=2096-12-31&to=2096-01-01');
    expect(back.status).toBe(400);
    expect(back.body.error.fields.to).toBeTruthy();
    const long = await fgw.get('/api/v1/org-units/fgw/report.docx?from=2080-01-01&to=2096-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error.fields.from).toBeTruthy();
    expect((await fgw.get('/api/v1/org-units/fgw/report.docx?from=2096-02-30&to=2096-03-01')).status).toBe(400);
    expect((await fgw.get('/api/v1/org-units/fgw/report.docx?from=2096-01-01')).status).toBe(400);
    expect((await fgw.get('/api/v1/org-units/nowhere/report.docx?from=2096-01-01&to=2096-01-31')).status).toBe(404);
    expect((await client().get('/api/v1/org-units/fgw/report.docx?from=2096-01-01&to=2096-01-31')).status).toBe(401);
  });
});
