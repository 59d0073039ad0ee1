import type { Localized } from './i18n';

/**
 * The audit trail's action words as organizers read them (console 审计 tab, the export). An
 * action missing here is shown as written; its group (the part before the dot) is the filter.
 */
export const AUDIT_GROUPS: Record<string, Localized> = {
  role: { 'zh-CN': '角色任免', en: 'Roles' },
  roster: { 'zh-CN': '名册', en: 'Roster' },
  org_unit: { 'zh-CN': '组织', en: 'Units' },
  transfer: { 'zh-CN': '组织关系转接', en: 'Transfers' },
  campaign: { 'zh-CN': '活动', en: 'Campaigns' },
  results: { 'zh-CN': '结果发布', en: 'Results' },
  stage: { 'zh-CN': '答题赛段', en: 'Quiz stages' },
  entry: { 'zh-CN': '作品审核', en: 'Entry review' },
  record: { 'zh-CN': '服务记录审核', en: 'Record review' },
  pledge: { 'zh-CN': '捐赠核实', en: 'Pledge verification' },
  pair: { 'zh-CN': '结对', en: 'Pairs' },
  export: { 'zh-CN': '导出', en: 'Exports' },
};

export const AUDIT_ACTIONS: Record<string, Localized> = {
  'role.appoint': { 'zh-CN': '任命角色', en: 'Appointed a role' },
  'role.remove': { 'zh-CN': '免去角色', en: 'Removed a role' },
  'roster.import': { 'zh-CN': '导入名册', en: 'Imported a roster' },
  'org_unit.create': { 'zh-CN': '新增组织', en: 'Added a unit' },
  'campaign.create': { 'zh-CN': '创建活动', en: 'Created a campaign' },
  'campaign.update': { 'zh-CN': '修改活动', en: 'Edited a campaign' },
  'campaign.publish': { 'zh-CN': '发布活动', en: 'Published a campaign' },
  'campaign.close': { 'zh-CN': '结束活动', en: 'Closed a campaign' },
  'results.publish': { 'zh-CN': '公布评选结果', en: 'Published results' },
  'contest.awards': { 'zh-CN': '评定奖项', en: 'Set awards' },
  'stage.advance': { 'zh-CN': '公布晋级名单', en: 'Published a stage admission list' },
  'entry.approve': { 'zh-CN': '作品通过', en: 'Approved an entry' },
  'entry.reject': { 'zh-CN': '作品退回', en: 'Rejected an entry' },
  'record.approve': { 'zh-CN': '服务记录通过', en: 'Approved a service record' },
  'record.reject': { 'zh-CN': '服务记录退回', en: 'Rejected a service record' },
  'pledge.verify': { 'zh-CN': '核实捐赠', en: 'Verified a pledge' },
  'pledge.reject': { 'zh-CN': '驳回捐赠凭证', en: 'Rejected a receipt' },
  'pair.unlink': { 'zh-CN': '解除结对', en: 'Unlinked a pair' },
  'pair.withdraw': { 'zh-CN': '居民撤回同意', en: 'A resident withdrew consent' },
  'export.download': { 'zh-CN': '导出数据', en: 'Downloaded an export' },
};
