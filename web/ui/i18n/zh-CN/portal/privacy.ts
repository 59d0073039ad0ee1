/** 我的 → 我的信息, 下载我的数据, 注销账号; a resident's 撤回同意 page; what the consent texts say about them. */
export const privacy = {
  'my.registry': '我的组织信息',
  'my.unit': '所在组织',
  'my.category': '人员类别',
  'my.posts': '党内职务',
  'my.status': '状态',
  'my.noRoster': '您还不在任何组织的名册中。',
  'my.data': '我的数据',
  'my.dataLead': '您可以下载平台保存的关于您的全部信息（账号、组织关系、答题、作品、投票、结对、服务记录、捐赠、预约、积分记录等）。',
  'my.download': '下载我的数据（Excel）',
  'my.delete': '注销账号',
  'my.deleteWarn':
    '注销后无法恢复：您将退出所有设备，姓名和手机号从平台删除（显示为“已注销”），无法再用此账号登录；已产生的积分、答题和服务时长等统计数字会保留，但不再与您的身份关联。',
  'my.deletePassword': '输入密码确认注销',
  'my.deleteConfirm': '确认注销',
  'my.deleted': '账号已注销。',
  'withdraw.title': '撤回“1+1”登记同意',
  'withdraw.lead': '您曾作为群众在“1+1”志愿服务中登记。撤回同意后，您的姓名和手机号将从结对记录中删除，结对显示为“已撤回同意”。',
  'withdraw.submit': '撤回同意',
  'withdraw.done': '已撤回同意，您的姓名和手机号已删除（共 {n} 条结对）。',
  'register.privacy': '注册即表示您同意平台保存您的姓名和手机号用于活动参与和统计。您可以随时在“我的”中下载全部个人数据或注销账号。',
  'vol.withdrawHint': '登记后可随时在 {url} 用手机验证码撤回同意，届时您的姓名和手机号将被删除。',
} as const;
