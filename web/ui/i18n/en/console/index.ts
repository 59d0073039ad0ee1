import { shell } from './shell';
import { overview } from './overview';
import { org } from './org';
import { registry } from './registry';
import { campaigns } from './campaigns';
import { leaderboard } from './leaderboard';
import { imports } from './import';
import { drive } from './drive';
import { exhibition } from './exhibition';
import { volunteer } from './volunteer';
import { quiz } from './quiz';
import { contest } from './contest';
import { live } from './live';
import { training } from './training';
import { people } from './people';
import { cover } from './cover';
import { season } from './season';
import { report } from './report';
import { history } from './history';

// the pages every campaign kind shares, then one dictionary per kind
const general = { ...shell, ...overview, ...org, ...registry, ...people, ...campaigns, ...leaderboard, ...imports, ...cover, ...report, ...history };
/** The organizers' console, composed from one dictionary per domain. */
export const consoleApp = { ...general, ...drive, ...exhibition, ...volunteer, ...quiz, ...contest, ...live, ...training, ...season };
