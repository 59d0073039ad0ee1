import type { Localized } from './i18n';

/** Campaign kinds; the same words are used in API, code, UI and docs. */
export const CAMPAIGN_KINDS = ['quiz', 'contest', 'volunteer', 'drive', 'exhibition', 'training'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const KIND_LABEL: Record<CampaignKind, Localized> = {
  quiz: { 'zh-CN': '知识答题', en: 'Knowledge quiz' },
  contest: { 'zh-CN': '书画摄影大赛', en: 'Art contest' },
  volunteer: { 'zh-CN': '“1+1”志愿服务', en: '"1+1" volunteers' },
  drive: { 'zh-CN': '公益募捐', en: 'Charity drive' },
  exhibition: { 'zh-CN': '展览参观', en: 'Exhibition visit' },
  training: { 'zh-CN': '党员教育培训', en: 'Party education and training' },
};

/** The one call to action a campaign card shows, per kind (UI.md). */
export const KIND_ACTION: Record<CampaignKind, Localized> = {
  quiz: { 'zh-CN': '参加答题', en: 'Take the quiz' },
  contest: { 'zh-CN': '我要投稿', en: 'Submit a work' },
  volunteer: { 'zh-CN': '登记1+1', en: 'Join 1+1' },
  drive: { 'zh-CN': '我要认捐', en: 'Pledge' },
  exhibition: { 'zh-CN': '预约参观', en: 'Book a visit' },
  training: { 'zh-CN': '参加学习', en: 'Join the class' },
};

export const STATUS_LABEL: Record<CampaignStatus, Localized> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '进行中', en: 'Published' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
};

/**
 * Membership roles. `organizer` and `admin` manage a subtree; `gate_staff` (检票员) only checks
 * visitors in at its exhibitions, `reviewer` only approves service records and contest entries.
 */
export const ROLES = ['member', 'organizer', 'admin', 'gate_staff', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];
/** The roles an organizer appoints (POST /org-units/{id}/roles); `admin` only through admin:create. */
export const APPOINTED_ROLES = ['organizer', 'gate_staff', 'reviewer'] as const;
export type AppointedRole = (typeof APPOINTED_ROLES)[number];
export const ROLE_LABEL: Record<Role, Localized> = {
  member: { 'zh-CN': '成员', en: 'Member' },
  organizer: { 'zh-CN': '组织管理员', en: 'Organizer' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  gate_staff: { 'zh-CN': '检票员', en: 'Gate staff' },
  reviewer: { 'zh-CN': '审核员', en: 'Reviewer' },
};

export const ORG_KINDS = ['committee', 'party_committee', 'general_branch', 'branch'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABEL: Record<OrgKind, Localized> = {
  committee: { 'zh-CN': '工委', en: 'Working committee' },
  party_committee: { 'zh-CN': '机关党委', en: 'Party committee' },
  general_branch: { 'zh-CN': '党总支', en: 'General branch' },
  branch: { 'zh-CN': '党支部', en: 'Branch' },
};

/** What an SMS verification code is for (POST /auth/codes). */
export const CODE_PURPOSES = ['register', 'reset', 'consent'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
/** What a text message is for: a code, or a notice such as the day-before reminder of a visit (never a purpose one can ask a code for). */
export const SMS_PURPOSES = [...CODE_PURPOSES, 'visit_reminder', 'notice'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];
