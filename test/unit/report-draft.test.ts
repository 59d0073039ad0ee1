import { describe, expect, it } from 'vitest';
import { formatFigure, gapText, periodText, reportDraft, sentence, unfilledFigures, type Block, type DraftInput } from '../../shared/report-draft';
import { FIGURES } from '../../shared/report';

const input = (figures: DraftInput['figures'] = {}, byYear: DraftInput['byYear'] = {}): DraftInput => ({
  unitName: '市发改委机关党委',
  from: '2019-01-01',
  to: '2023-12-31',
  figures,
  byYear,
});
const textOf = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? b.segments.map((s) => s.text).join('')
        : b.kind === 'table'
          ? [b.caption, ...b.header, ...b.rows.flat(), b.note].join(' ')
          : b.text,
    )
    .join('\n');

describe('the draft report', () => {
  it('names the period as the seed does: whole years as 2019—2023年, else the days', () => {
    expect(periodText('2019-01-01', '2023-12-31')).toBe('2019—2023年');
    expect(periodText('2023-01-01', '2023-12-31')).toBe('2023年');
    expect(periodText('2024-03-01', '2024-06-30')).toBe('2024年3月1日至2024年6月30日');
  });

  it('prints figures with grouped digits, amounts in yuan, and nothing for a missing one', () => {
    expect(formatFigure('training.attendances', 12345)).toBe('12,345');
    expect(formatFigure('quiz.pointsPerMemberDay', 35.256)).toBe('35.26');
    // the API holds money in fen; the report speaks yuan
    expect(formatFigure('drive.verifiedAmount', 123456)).toBe('1,234.56');
    expect(formatFigure('training.classes', null)).toBeNull();
    expect(formatFigure('training.classes', undefined)).toBeNull();
    expect(formatFigure('training.classes', 0)).toBe('0');
  });

  it("fills a figure with its unit and marks a missing one, and the author's gaps", () => {
    const s = sentence(input({ 'contest.works': 110, 'exhibition.visits': null }), '征集作品{contest.works}，参观{exhibition.visits}。{?特色做法}');
    expect(s).toEqual([
      { kind: 'text', text: '征集作品' },
      { kind: 'figure', figureId: 'contest.works', text: '110件' },
      { kind: 'text', text: '，参观' },
      { kind: 'gap', text: gapText('参观人次（人次）') },
      { kind: 'text', text: '。' },
      { kind: 'gap', text: '【待填：特色做法】' },
    ]);
  });

  it('follows the seed report: title with the unit and period, its three parts and four practices, and the figures table', () => {
    const blocks = reportDraft(
      input(
        { 'training.attendances': 5000, 'drive.verifiedAmount': 480000 },
        { 2019: { 'training.attendances': 1000 }, 2023: { 'training.attendances': 4000 } },
      ),
    );
    expect(blocks[0]).toEqual({ kind: 'title', text: '市发改委机关党委2019—2023年党员教育培训工作实施情况自评报告' });
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      '一、主要做法',
      '（一）加强组织领导，夯实培训基础',
      '（二）结合行业实际，明确培训重点',
      '（三）改进资源体系，提高培训实效',
      '（四）搭建实践平台，丰富培训载体',
      '二、差距和不足',
      '三、下一步打算',
    ]);
    const all = textOf(blocks);
    expect(all).toContain('轮训党员5,000人次');
    expect(all).toContain('筹集善款4,800.00元');
    expect(all).toContain('【待填：期班次（期）】');
    const table = blocks.at(-1) as Extract<Block, { kind: 'table' }>;
    expect(table.header).toEqual(['指标', '单位', '合计', '2019年', '2023年']);
    expect(table.rows).toHaveLength(FIGURES.length);
    expect(table.rows.find((r) => r[0] === '轮训人次')).toEqual(['轮训人次', '人次', '5,000', '1,000', '4,000']);
    expect(table.rows.find((r) => r[0] === '期班次')).toEqual(['期班次', '期', '待填', '待填', '待填']);
  });

  it('every starred figure appears in the text, so none is silently dropped', () => {
    const all = textOf(reportDraft(input()));
    for (const f of FIGURES.filter((x) => x.starred)) expect(all).toContain(`【待填：${f.label['zh-CN']}（${f.unit['zh-CN']}）】`);
    expect(unfilledFigures(input({ 'quiz.participants': 3 }))).not.toContain('quiz.participants');
    expect(unfilledFigures(input())).toContain('training.classes');
  });
});
