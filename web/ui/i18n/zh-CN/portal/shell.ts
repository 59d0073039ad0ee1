/** The frame: navigation, the home page, the language switch. */
export const shell = {
  'nav.home': '首页',
  'nav.campaigns': '活动',
  'nav.rank': '排行',
  'nav.me': '我的',
  'nav.main': '主导航',
  'nav.skip': '跳到正文',
  'home.title': '同心 · 首页',
  'home.heroTitle': '同心同行，一起参与',
  'home.heroBody': '知识答题、书画摄影大赛、“1+1”志愿服务、公益募捐、展览参观，都在这里。',
  'home.seeAll': '查看全部',
  'home.emptyTitle': '暂时没有进行中的活动',
  'home.emptyBody': '新活动发布后会第一时间出现在这里，也可以看看往期活动。',
  'home.emptyAction': '查看全部活动',
  'lang.switchShort': 'EN',
  'lang.switchLabel': 'Switch to English',
} as const;
