/** 消息中心: the bell and its badge (portal and console), the message list, 通知设置 in 我的. */
export const notifications = {
  'notify.title': '消息中心',
  'notify.lead': '候补成功、审核结果、评审任务、入围名单和培训提醒都会发到这里。',
  'notify.allRead': '全部已读',
  'notify.unreadOnly': '只看未读',
  'notify.unreadCount': '{n} 条未读',
  'notify.unreadTag': '未读',
  'notify.emptyTitle': '暂时没有消息',
  'notify.emptyBody': '有新的候补、审核结果或提醒时，会在这里告诉您。',
  'notify.emptyUnread': '没有未读消息',
  'notify.settingsTitle': '通知设置',
  'notify.sms': '短信通知',
  'notify.smsHint': '候补成功和审核结果（服务记录、投稿作品）同时发短信到您的手机；关闭后只在消息中心提醒。',
  'notify.smsSaved': '已保存',
} as const;
