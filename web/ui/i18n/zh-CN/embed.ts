/** The embeds' index page for partner webmasters. */
export const embed = {
  'embed.title': '同心 · 嵌入组件',
  'embed.lead': '合作网站可以用一行代码，把同心活动的实时排行榜放到自己的页面上。',
  'embed.widgetTitle': '排行榜组件（推荐）',
  'embed.widgetBody': '在页面中放入下面两行代码，把 campaign 换成活动编号或短链接。组件在 Shadow DOM 中渲染，不影响您页面的样式和脚本，不加载任何第三方资源。',
  'embed.attrs': '可选属性：scope（individual 个人 / org 组织）、rows（行数）、theme（light / dark / red）、lang（zh-CN / en）、live（实时更新）。',
  'embed.iframeTitle': 'iframe 页面',
  'embed.iframeBody': '不能添加脚本的网站，可以用 iframe 嵌入排行榜页面；加上 mode=screen 即为大屏展示布局。页面会通过 postMessage 告知父页面所需高度。',
  'embed.switch': 'English',
  // contest2: the page lists real campaigns with live previews of both widgets
  'embed.pick': '选择活动',
  'embed.pickBody': '下面列出正在进行的活动；选中一个，预览和代码会随之变化。',
  'embed.none': '目前没有公开的活动。',
  'embed.loadFailed': '活动列表暂时无法加载。',
  'embed.preview': '实时预览',
  'embed.progressTitle': '募捐进度组件',
  'embed.progressBody': '募捐活动还可以嵌入进度组件：已核实与已认捐分开显示，注明募捐主体。',
} as const;
