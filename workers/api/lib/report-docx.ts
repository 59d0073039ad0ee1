import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { Block, Segment } from '../../../shared/report-draft';

/*
 * The draft report's blocks (shared/report-draft.ts) as a Word document, built with the
 * `docx` package so Word and WPS open it as an ordinary editable file: real headings
 * (the navigation pane shows the outline), real tables, A4 with the margins of a 公文.
 * Chinese text needs an East-Asian font on every run (Word otherwise falls back to the
 * Latin font's idea of CJK): 仿宋 for the body and 黑体 for headings, as 公文 are set;
 * Latin digits in Times New Roman. Sizes in half-points: 三号 16 pt = 32, 二号 22 pt = 44.
 */

const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const BODY = { font: font('仿宋'), size: 32 } satisfies IRunOptions;
const HEADING = { font: font('黑体'), size: 32 } satisfies IRunOptions;
const TITLE = { font: font('宋体'), size: 44, bold: true } satisfies IRunOptions;
const SMALL = { font: font('仿宋'), size: 21 } satisfies IRunOptions;
/** A4 in twips, margins per GB/T 9704 (37 mm top, 35 bottom, 28 left, 26 right) */
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
/** the width between the margins, and the figures table's first two columns (twips) */
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
const LABEL_COL = 2600;
const UNIT_COL = 760;
/** 28 pt exact line spacing (公文 body), in twips; first-line indent of two characters */
const BODY_PARAGRAPH = { spacing: { line: 560, lineRule: 'exact' as const }, indent: { firstLine: 640 } };

function run(s: Segment): TextRun {
  if (s.kind === 'figure') return new TextRun({ ...BODY, text: s.text, bold: true });
  // a gap shows at a glance and in print: highlighted and bold, so nobody sends it unfilled
  if (s.kind === 'gap') return new TextRun({ ...BODY, text: s.text, bold: true, highlight: 'yellow' });
  return new TextRun({ ...BODY, text: s.text });
}

const cellParagraph = (text: string, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...SMALL, text, bold, highlight: text === '待填' ? 'yellow' : undefined })] });

function table(b: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // explicit grid widths: WPS draws a table without them as equal narrow columns
  const rest = b.header.length - 2;
  const columnWidths = [LABEL_COL, UNIT_COL, ...Array.from({ length: rest }, () => Math.floor((TEXT_WIDTH - LABEL_COL - UNIT_COL) / rest))];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ ...HEADING, text: b.caption })] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [
        new TableRow({ tableHeader: true, children: b.header.map((h) => new TableCell({ children: [cellParagraph(h, true)] })) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x) => new TableCell({ children: [cellParagraph(x)] })) })),
      ],
    }),
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ ...SMALL, text: b.note })] }),
  ];
}

function blockOf(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ ...TITLE, text: b.text })],
        }),
      ];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ ...BODY, text: b.text, size: 24 })] })];
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          indent: { firstLine: 640 },
          spacing: { before: 120, after: 120 },
          // 一、 in 黑体; (一) in 楷体, as 公文 set their second level
          children: [new TextRun({ ...HEADING, ...(b.level === 2 ? { font: font('楷体') } : {}), text: b.text })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ ...BODY_PARAGRAPH, children: b.segments.map(run) })];
    case 'table':
      return table(b);
  }
}

/** The blocks as .docx bytes. */
export async function draftDocx(blocks: Block[], meta: { title: string; creator: string }): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    // the built-in heading styles are blue Calibri: black, in the heading fonts, so the outline looks like a 公文
    styles: {
      default: {
        document: { run: BODY },
        title: { run: { ...TITLE, color: '000000' } },
        heading1: { run: { ...HEADING, color: '000000' } },
        heading2: { run: { ...HEADING, font: font('楷体'), color: '000000' } },
      },
    },
    sections: [{ properties: { page: PAGE }, children: blocks.flatMap(blockOf) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
