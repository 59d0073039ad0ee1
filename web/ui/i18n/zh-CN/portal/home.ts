/** The personal home page (首页 signed in): today, the streak, what waits for me. */
export const home = {
  'home.today': '我的今天',
  'home.pointsToday': '今日积分',
  'home.streak': '连续活跃',
  'home.streakDays': '{n} 天',
  'home.streakKeep': '今天还没有活动，参加一项就能保持连续',
  'home.streakStart': '今天参加一项活动，开始连续记录',
  'home.quizGo': '去答今天的题',
  'home.quizResume': '继续今天的答题',
  'home.quizDone': '今天的题已答完',
  'home.waiting': '等我处理',
  'home.waitingNone': '暂时没有要处理的事项',
  'home.kind.booking': '展览预约',
  'home.kind.service_activity': '服务活动',
  'home.kind.entry_review': '作品审核中',
  'home.kind.record_review': '服务记录待审核',
  'home.submitted': '{date} 提交',
} as const;
