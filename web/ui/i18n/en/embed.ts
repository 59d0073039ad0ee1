import type * as zh from '../zh-CN/embed';
import type { Same } from './same';

/** The embeds' index page for partner webmasters. */
export const embed: Same<typeof zh.embed> = {
  'embed.title': 'Tongxin · Embeds',
  'embed.lead': "Partner sites can put a Tongxin campaign's live leaderboard on their own pages with one line of HTML.",
  'embed.widgetTitle': 'Leaderboard widget (recommended)',
  'embed.widgetBody':
    'Add these two lines to your page and set campaign to the campaign ID or short link. The widget renders in Shadow DOM, leaves your styles and scripts alone, and loads nothing from third parties.',
  'embed.attrs': 'Optional attributes: scope (individual / org), rows, theme (light / dark / red), lang (zh-CN / en), live (live updates).',
  'embed.iframeTitle': 'iframe page',
  'embed.iframeBody':
    'Sites that cannot add scripts can embed the leaderboard page in an iframe; add mode=screen for the big-screen layout. The page tells its parent the height it needs through postMessage.',
  'embed.switch': '中文',
  // contest2: the page lists real campaigns with live previews of both widgets
  'embed.pick': 'Choose a campaign',
  'embed.pickBody': 'The campaigns running now; pick one and the preview and code follow.',
  'embed.none': 'No public campaigns at the moment.',
  'embed.loadFailed': 'The campaigns could not be loaded.',
  'embed.preview': 'Live preview',
  'embed.progressTitle': 'Drive progress widget',
  'embed.progressBody': 'Charity drives can also embed their progress: verified and pledged shown apart, with the charity named.',
};
