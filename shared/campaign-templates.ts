import { CAMPAIGN_KINDS, type CampaignKind } from './kinds';
import type { Localized } from './i18n';

/**
 * Ready-made set-ups of the usual campaigns (M2 模板). A template is data: the kind, words
 * for the form, how many days it usually runs and the settings that differ from the kind's
 * defaults. The console fills its new-campaign form from one; nothing is stored per template.
 * `kind` is a plain string so a template of a kind this build does not have yet (training)
 * can sit here and appear once the kind exists: `campaignTemplates()` lists only known kinds.
 */
export interface CampaignTemplate {
  id: string;
  kind: string;
  name: Localized;
  description: Localized;
  /** the summary the form starts with (zh-CN; organizers write in Chinese) */
  summary: string;
  durationDays: number;
  settings: Record<string, unknown>;
}

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    id: 'daily-quiz',
    kind: 'quiz',
    name: { 'zh-CN': '每日答题', en: 'Daily quiz' },
    description: {
      'zh-CN': '每天一组 5 题，每题 30 秒，答对得分，每日积分封顶，按单位平均分排行。',
      en: 'Five questions a day, 30 s each, points for correct answers with a daily cap; units ranked by average.',
    },
    summary: '每天 5 道题，学习打卡，积分排行。',
    durationDays: 30,
    settings: {
      mode: 'daily',
      questionsPerAttempt: 5,
      secondsPerQuestion: 30,
      attemptsPerDay: 1,
      pointsPerCorrect: 1,
      dailyPointsCap: 10,
      revealAnswers: true,
      leaderboard: { aggregation: 'average' },
    },
  },
  {
    id: 'knowledge-contest',
    kind: 'quiz',
    name: { 'zh-CN': '知识竞赛（初赛+决赛）', en: 'Knowledge contest (heats + final)' },
    description: {
      'zh-CN': '限时答卷：20 题，每题 20 秒，按难度和主题均衡抽题，交卷后不公布答案。创建后在“答题管理”中设初赛、决赛两个阶段和入围规则。',
      en: 'Timed papers of 20 questions, 20 s each, drawn evenly by level and topic, answers not revealed. After creating it, add the heats and final stages and the advancement rule under Quiz.',
    },
    summary: '初赛全员参加，成绩优秀者进入决赛。',
    durationDays: 21,
    settings: {
      mode: 'round',
      questionsPerAttempt: 20,
      secondsPerQuestion: 20,
      attemptsPerDay: 1,
      attemptsTotal: 3,
      pointsPerCorrect: 5,
      dailyPointsCap: 100,
      revealAnswers: false,
      stratify: true,
    },
  },
  {
    id: 'art-contest',
    kind: 'contest',
    name: { 'zh-CN': '书画摄影大赛', en: 'Calligraphy, painting and photography contest' },
    description: {
      'zh-CN': '书法、绘画、摄影三类，每人最多 3 件，评委 70% + 网络投票 30%，设一二三等奖和优秀奖。',
      en: 'Calligraphy, painting and photography; up to 3 works each; judges 70% and public votes 30%; first to third prizes and honourable mentions.',
    },
    summary: '以书画摄影作品展现新时代新风貌。',
    durationDays: 45,
    settings: { categories: ['书法', '绘画', '摄影'], entriesPerPerson: 3, votesPerDay: 5, judgeWeight: 0.7, showVoteCounts: true },
  },
  {
    id: 'one-plus-one',
    kind: 'volunteer',
    name: { 'zh-CN': '“1+1”志愿服务', en: '"1+1" volunteering' },
    description: {
      'zh-CN': '每名党员带动 1 名群众登记志愿服务，记录服务时长，按单位统计带动率。',
      en: 'Each member brings one resident into volunteering; hours are recorded and units ranked by the share who did.',
    },
    summary: '一名党员带动一名群众，共同参与志愿服务。',
    durationDays: 90,
    settings: { pairCap: 1, maxHoursPerDay: 8, audience: 'members', leaderboard: { aggregation: 'participation' } },
  },
  {
    id: 'charity-drive',
    kind: 'drive',
    name: { 'zh-CN': '公益募捐', en: 'Charity drive' },
    description: {
      'zh-CN': '认捐登记与凭证核验（平台不经手资金），发布前须填写慈善组织和公开募捐备案号。',
      en: 'Pledges and receipt checks (the platform never holds money); the charity and its licence must be filled in before publishing.',
    },
    summary: '奉献爱心，为公益项目认捐。',
    durationDays: 30,
    settings: { goal: 100_000, aggregation: 'sum', showAmounts: true },
  },
  {
    id: 'exhibition-booking',
    kind: 'exhibition',
    name: { 'zh-CN': '展览预约', en: 'Exhibition booking' },
    description: {
      'zh-CN': '分时段预约参观，每人最多 3 个有效预约，团体最多 30 人，爽约 3 次暂停预约 14 天。创建后在“展览”中生成时段。',
      en: 'Timed visits; three upcoming bookings each, groups up to 30, three no-shows pause booking for 14 days. Create the slots under Exhibition.',
    },
    summary: '分时段预约，错峰参观。',
    durationDays: 60,
    settings: { bookingsPerPerson: 3, groupSizeMax: 30, noShowLimit: 3, noShowWindowDays: 30, noShowBlockDays: 14 },
  },
  {
    id: 'rotation-training',
    kind: 'training',
    name: { 'zh-CN': '集中轮训', en: 'Rotation training' },
    description: { 'zh-CN': '分期分批集中培训：场次报名、签到考勤、学时统计。', en: 'Training in batches: session enrolment, attendance and study hours.' },
    summary: '分期分批集中轮训，学时计入个人档案。',
    durationDays: 30,
    // party members (正式, 预备) of the registry; 32 study hours a year as the seed report asks
    settings: { category: 'rotation', audience: { categories: ['full', 'probationary'] }, hoursTarget: 32 },
  },
  {
    id: 'party-day',
    kind: 'training',
    name: { 'zh-CN': '主题党日', en: 'Themed Party Day' },
    description: {
      'zh-CN': '支部每月一次的主题党日：一场活动，现场签到，记录参加情况。',
      en: "A branch's monthly themed Party Day: one session, checked in on site, attendance recorded.",
    },
    summary: '每月主题党日，重温入党誓词，集中学习。',
    durationDays: 1,
    settings: { category: 'party_day', audience: { categories: ['full', 'probationary'] } },
  },
];

/** The templates of kinds this build has (a template of a kind still to come stays hidden). */
export function campaignTemplates(): Array<CampaignTemplate & { kind: CampaignKind }> {
  return CAMPAIGN_TEMPLATES.filter((t): t is CampaignTemplate & { kind: CampaignKind } => (CAMPAIGN_KINDS as readonly string[]).includes(t.kind));
}
