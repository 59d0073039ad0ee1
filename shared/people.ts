import type { Localized } from './i18n';

/**
 * The member registry's words (API.md, "People, roles and the member registry"). The same ids
 * are used in API, code, UI and docs; the Chinese labels are what organizers write in their
 * sheets, so roster import maps them back.
 */
export const MEMBER_CATEGORIES = ['full', 'probationary', 'candidate', 'activist', 'public'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const CATEGORY_LABEL: Record<MemberCategory, Localized> = {
  full: { 'zh-CN': '正式党员', en: 'Full member' },
  probationary: { 'zh-CN': '预备党员', en: 'Probationary member' },
  candidate: { 'zh-CN': '发展对象', en: 'Candidate for membership' },
  activist: { 'zh-CN': '入党积极分子', en: 'Activist applying to join' },
  public: { 'zh-CN': '群众', en: 'Member of the public' },
};

/** 党内职务: a member may hold several at once. */
export const PARTY_POSTS = ['secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'party_worker'] as const;
export type PartyPost = (typeof PARTY_POSTS)[number];
export const POST_LABEL: Record<PartyPost, Localized> = {
  secretary: { 'zh-CN': '书记', en: 'Secretary' },
  deputy_secretary: { 'zh-CN': '副书记', en: 'Deputy secretary' },
  organization: { 'zh-CN': '组织委员', en: 'Organization officer' },
  publicity: { 'zh-CN': '宣传委员', en: 'Publicity officer' },
  discipline: { 'zh-CN': '纪检委员', en: 'Discipline officer' },
  party_worker: { 'zh-CN': '党务干部', en: 'Party affairs worker' },
};

export const MEMBER_STATUSES = ['active', 'retired', 'mobile_out', 'mobile_in', 'home_bound'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const STATUS_LABEL: Record<MemberStatus, Localized> = {
  active: { 'zh-CN': '在职', en: 'In work' },
  retired: { 'zh-CN': '离退休', en: 'Retired' },
  mobile_out: { 'zh-CN': '流出', en: 'Moved away (mobile)' },
  mobile_in: { 'zh-CN': '流入', en: 'Moved here (mobile)' },
  home_bound: { 'zh-CN': '年老体弱/行动不便', en: 'Elderly or home-bound' },
};
