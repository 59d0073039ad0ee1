import { shell } from './shell';
import { campaigns } from './campaigns';
import { leaderboard } from './leaderboard';
import { auth } from './auth';
import { me } from './me';
import { drive } from './drive';
import { exhibition } from './exhibition';
import { volunteer } from './volunteer';
import { quiz } from './quiz';
import { contest } from './contest';
import { live } from './live';
import { privacy } from './privacy';
import { home } from './home';

/** The public portal, composed from one dictionary per domain. */
export const portal = {
  ...shell,
  ...campaigns,
  ...leaderboard,
  ...auth,
  ...me,
  ...drive,
  ...exhibition,
  ...volunteer,
  ...quiz,
  ...contest,
  ...live,
  ...privacy,
  ...home,
} as const;
