import type { Lang } from './i18n';

/**
 * 消息中心: what a notification can be about. Rows store the kind and its parameters, never
 * the text; `renderNotification` writes the text in the reader's language when it is read.
 */
export const NOTIFICATION_KINDS = [
  'waitlist_booked', // 候补成功: a waiting-list place became a booking
  'record_approved',
  'record_rejected',
  'entry_approved',
  'entry_rejected',
  'judge_assigned',
  'stage_admitted', // 入围: on a stage's published list
  'session_tomorrow',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds also sent by text message, to those who agreed (`smsNotify`): the ones that need acting on. */
export const SMS_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'waitlist_booked',
  'record_approved',
  'record_rejected',
  'entry_approved',
  'entry_rejected',
];

export type NotificationParams = Record<string, string | number>;

/** Read notifications are purged after this many days (unread ones stay until read). */
export const NOTIFICATION_RETENTION_DAYS = 180;

type Text = { title: string; body: string };

/**
 * A decision on what a member sent in (a service record, a work): approved, with what follows,
 * or not, with the reason. `what` names the thing in a sentence, `titles` are [approved, not].
 */
function decided(titles: Record<Lang, [string, string]>, what: Record<Lang, string>, then: Record<Lang, string>) {
  return {
    approved: {
      'zh-CN': { title: titles['zh-CN'][0], body: `${what['zh-CN']}已通过审核${then['zh-CN']}。` },
      en: { title: titles.en[0], body: `Your ${what.en} was approved${then.en}.` },
    },
    rejected: {
      'zh-CN': { title: titles['zh-CN'][1], body: `${what['zh-CN']}未通过审核。{reason}` },
      en: { title: titles.en[1], body: `Your ${what.en} was not approved. {reason}` },
    },
  } satisfies Record<string, Record<Lang, Text>>;
}
const RECORD = decided(
  { 'zh-CN': ['服务记录已通过', '服务记录未通过'], en: ['Service record approved', 'Service record not approved'] },
  { 'zh-CN': '「{title}」{date} 的服务记录（{hours} 小时）', en: 'service record in “{title}” on {date} ({hours} h)' },
  { 'zh-CN': '', en: '' },
);
const ENTRY = decided(
  { 'zh-CN': ['作品已通过审核', '作品未通过审核'], en: ['Work approved', 'Work not approved'] },
  { 'zh-CN': '您在「{title}」投稿的作品《{work}》', en: 'work “{work}” in “{title}”' },
  { 'zh-CN': '，进入展示与评选', en: ' and is now shown and judged' },
);

const TEXTS: Record<NotificationKind, Record<Lang, Text>> = {
  waitlist_booked: {
    'zh-CN': { title: '候补成功', body: '您候补的「{title}」{time} 已为您预约成功，共 {party} 人。请凭电子票按时入场；如不能前往请及时取消。' },
    en: {
      title: 'Waiting list: you are booked',
      body: 'Your waiting-list place for “{title}” at {time} is now a booking for {party}. Show your ticket at the door; cancel if you cannot come.',
    },
  },
  record_approved: RECORD.approved,
  record_rejected: RECORD.rejected,
  entry_approved: ENTRY.approved,
  entry_rejected: ENTRY.rejected,
  judge_assigned: {
    'zh-CN': { title: '评审任务', body: '「{title}」{round}已为您分配 {works} 件作品，请按时完成评分。' },
    en: { title: 'Works to judge', body: '{works} works of “{title}” ({round}) were assigned to you; please score them in time.' },
  },
  stage_admitted: {
    'zh-CN': { title: '恭喜入围', body: '您已入围「{title}」{stage}（第 {rank} 名），请留意比赛时间。' },
    en: { title: 'You advanced', body: 'You advanced to {stage} of “{title}” (rank {rank}); watch for its start.' },
  },
  session_tomorrow: {
    'zh-CN': { title: '明日培训提醒', body: '「{title}」{session} 将于明天 {time} 开始{place}，请按时参加并扫码签到。' },
    en: { title: 'Training tomorrow', body: '“{title}”: {session} starts tomorrow at {time}{place}. Please come on time and check in with the code.' },
  },
};

/** Extra parameters a few kinds word per language: a rejection's reason, a session's place. */
function extras(kind: NotificationKind, p: NotificationParams, lang: Lang): NotificationParams {
  const zh = lang === 'zh-CN';
  if (kind === 'record_rejected' || kind === 'entry_rejected') return { reason: p.reason ? (zh ? `原因：${p.reason}` : `Reason: ${p.reason}`) : '' };
  if (kind === 'session_tomorrow') return { place: p.location ? (zh ? `（地点：${p.location}）` : ` (at ${p.location})`) : '' };
  return {};
}

/** A notification's title and body in `lang`, its `{name}` placeholders filled from `params`. */
export function renderNotification(kind: NotificationKind, params: NotificationParams, lang: Lang): Text {
  const t = TEXTS[kind][lang];
  const all = { ...params, ...extras(kind, params, lang) };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(all[k] ?? '')).trim();
  return { title: fill(t.title), body: fill(t.body) };
}

/** Parameters as stored (JSON text): anything but an object of strings and numbers reads as none. */
export function parseParams(json: string): NotificationParams {
  try {
    const o = JSON.parse(json) as unknown;
    if (!o || typeof o !== 'object' || Array.isArray(o)) return {};
    return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as NotificationParams;
  } catch {
    return {};
  }
}
