import { FIGURES, type FigureDef } from './report';

/*
 * The draft self-evaluation report (report.docx): which sentence says what, in the seed
 * report's structure (../shared/seed/self-evaluation-report.zh.txt — title, opening,
 * 一、主要做法 with its four (一)…(四) parts, 二、差距和不足, 三、下一步打算), with each
 * starred figure the platform holds filled in and every gap marked 【待填：…】 so nobody
 * sends the draft with a hole unnoticed. Pure and browser-safe: the Worker only turns the
 * blocks into a Word document (workers/api/lib/report-docx.ts). The report is written in
 * Chinese, like the seed: it goes to a Chinese Party committee whatever the reader's UI language.
 */

/** A piece of a paragraph: plain text, a filled figure, or a gap for the author to fill. */
export type Segment = { kind: 'text'; text: string } | { kind: 'figure'; figureId: string; text: string } | { kind: 'gap'; text: string };

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; segments: Segment[] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; note: string };

export interface DraftInput {
  unitName: string;
  from: string;
  to: string;
  /** figure id → value as the report route returns it (null = no source on the platform) */
  figures: Record<string, number | null | undefined>;
  /** calendar year → figure id → value, clipped to the range */
  byYear: Record<string, Record<string, number | null | undefined>>;
}

const DEF = new Map(FIGURES.map((f) => [f.id, f]));
const def = (id: string): FigureDef => {
  const f = DEF.get(id);
  if (!f) throw new Error(`unknown figure ${id}`);
  return f;
};

/** The gap marker: what the author must write in, in the seed's words. */
export const gapText = (what: string) => `【待填：${what}】`;

/**
 * A figure's value as the report prints it, without its unit: grouped digits, amounts
 * (held in fen) in 元 with two decimals, rates and averages with their decimals; null → null.
 */
export function formatFigure(id: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (id === 'drive.verifiedAmount') return (value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "2019—2023年" for whole calendar years, else "2024年3月1日至2024年6月30日". */
export function periodText(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) return fy === ty ? `${fy}年` : `${fy}—${ty}年`;
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}

const text = (t: string): Segment => ({ kind: 'text', text: t });
const gap = (what: string): Segment => ({ kind: 'gap', text: gapText(what) });

/** A figure with its unit ("1,234人次"), or the marked gap naming it ("【待填：轮训人次（人次）】"). */
function figureSegment(input: DraftInput, id: string): Segment {
  const f = def(id);
  const v = formatFigure(id, input.figures[id]);
  return v === null ? gap(`${f.label['zh-CN']}（${f.unit['zh-CN']}）`) : { kind: 'figure', figureId: id, text: `${v}${f.unit['zh-CN']}` };
}

/**
 * A sentence as a template: `{figure.id}` is replaced by the figure, `{?what}` by a gap
 * for what only the author knows. Everything else is text.
 */
export function sentence(input: DraftInput, template: string): Segment[] {
  const out: Segment[] = [];
  for (const part of template.split(/(\{[^}]+\})/)) {
    if (!part) continue;
    if (part.startsWith('{?')) out.push(gap(part.slice(2, -1)));
    else if (part.startsWith('{')) out.push(figureSegment(input, part.slice(1, -1)));
    else out.push(text(part));
  }
  return out;
}

const para = (input: DraftInput, ...templates: string[]): Block => ({ kind: 'paragraph', segments: templates.flatMap((t) => sentence(input, t)) });

/** The figures table: one row a figure, its value over the period and each year's. */
export function figuresTable(input: DraftInput): Block {
  const years = Object.keys(input.byYear).sort();
  const cell = (id: string, v: number | null | undefined) => formatFigure(id, v) ?? '待填';
  return {
    kind: 'table',
    caption: '附表：主要数据',
    header: ['指标', '单位', '合计', ...years.map((y) => `${y}年`)],
    rows: FIGURES.map((f) => [f.label['zh-CN'], f.unit['zh-CN'], cell(f.id, input.figures[f.id]), ...years.map((y) => cell(f.id, input.byYear[y]?.[f.id]))]),
    note: `数据来源：同心平台，统计期间${periodText(input.from, input.to)}（北京时间，起止日均含）。“待填”表示平台暂无该项数据，请据台账补填；各项口径见报告页“口径说明”。`,
  };
}

/** The whole draft, in the seed report's order. */
export function reportDraft(input: DraftInput): Block[] {
  const period = periodText(input.from, input.to);
  const u = input.unitName;
  return [
    { kind: 'title', text: `${u}${period}党员教育培训工作实施情况自评报告` },
    { kind: 'subtitle', text: `（草稿，由同心平台根据${period}数据生成，请核对后定稿）` },
    para(
      input,
      `近年来，${u}按照《2019—2023年全国党员教育培训工作规划》要求，积极创新党员教育培训方式，不断丰富教育培训内容，严格落实培训责任，着力构建党员教育培训长效机制。`,
      `${period}，各基层党组织举办{training.classes}，轮训党员{training.attendances}，参训{training.people}，其中轮训基层党组织书记、副书记、组织委员{training.secretaryAttendances}，培训新发展党员{training.newMemberAttendances}。`,
      '{?总体成效}',
    ),
    { kind: 'heading', level: 1, text: '一、主要做法' },
    para(
      input,
      `${period}，${u}结合实际，开展党员集中轮训、基层党组织书记示范培训、新发展党员培训、网络教育培训等各类培训共{training.classes}，举办党课、宣讲{lectures.count}。`,
    ),
    { kind: 'heading', level: 2, text: '（一）加强组织领导，夯实培训基础' },
    para(input, '一是完善工作机制。{?工作计划、责任落实与考核情况}二是保障运转经费。{?经费预算与使用情况}三是加强检查督导。{?检查调研情况}'),
    { kind: 'heading', level: 2, text: '（二）结合行业实际，明确培训重点' },
    para(
      input,
      '一是“党员进党校”全员轮训工程有计划。{?轮训组织方式}截至目前，党员全员轮训率达到{training.coverageRate}，人均培训{training.hoursPerMember}。',
      '二是基层党组织书记“头雁工程”培训有力度。轮训各基层党组织书记、副书记、组织委员{training.secretaryAttendances}，半年内新任职的基层党组织书记参训率达{training.newSecretaryRate}。',
      '三是新发展党员培训有声色。集中培训新发展党员{training.newMemberAttendances}。{?特色活动}',
    ),
    { kind: 'heading', level: 2, text: '（三）改进资源体系，提高培训实效' },
    para(
      input,
      '一是师资力量进一步强化。开展党课、宣讲{lectures.count}。{?师资队伍建设情况}二是课程资源进一步丰富。{?课程与教育片情况}三是基层阵地进一步完善。{?阵地建设与经费情况}',
    ),
    { kind: 'heading', level: 2, text: '（四）搭建实践平台，丰富培训载体' },
    para(
      input,
      '一是竞赛活动激发热情。书画摄影大赛共征集作品{contest.works}，展览参观{exhibition.visits}。知识挑战赛答题参与{quiz.participants}，入围{quiz.advanced}，成员日均学习积分{quiz.pointsPerMemberDay}。',
      '二是灵活探索教学方法。{?教学方法创新情况}',
      '三是搭设实践锻炼平台。以支部主题党日的名义开展活动{partyDays.count}；党员带群众“1+1”注册{volunteer.pairs}，累计审批志愿服务{volunteer.approvedRecords}、服务时长{volunteer.approvedHours}；开展公益募捐，筹集善款{drive.verifiedAmount}，捐款{drive.donors}。{?党建创新项目与典型案例}',
    ),
    { kind: 'heading', level: 1, text: '二、差距和不足' },
    para(input, '{?党员教育的广度和深度方面的差距}'),
    para(input, '{?培训体系与工作力量方面的不足}'),
    { kind: 'heading', level: 1, text: '三、下一步打算' },
    para(input, '一是要创新党员干部教育培训方式。{?具体举措}'),
    para(input, '二是要进一步加大培训投入。{?具体举措}'),
    para(input, '三是要严格奖惩机制。{?具体举措}'),
    figuresTable(input),
  ];
}

/** Which starred figures the draft could not fill: the list the author is told about. */
export const unfilledFigures = (input: DraftInput): string[] =>
  FIGURES.filter((f) => f.starred && formatFigure(f.id, input.figures[f.id]) === null).map((f) => f.id);
