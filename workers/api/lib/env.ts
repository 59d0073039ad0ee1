import type { Db } from '../../../db/client';
import type { Lang } from '../../../shared/i18n';

export type { Db };

/** The signed-in user and what they may manage, loaded once per request by the session middleware. */
export interface Viewer {
  id: string;
  name: string;
  phone: string;
  /** org paths the viewer organizes or administers; a path covers its whole subtree */
  managedPaths: string[];
  /** admin of the root: may do anything */
  isPlatformAdmin: boolean;
  sessionHash: string;
  /** every membership, loaded with the session (so /me needs no second query) */
  memberships: Array<{ orgUnitId: string; orgUnitName: string; role: 'member' | 'organizer' | 'admin' }>;
}

/** The one Hono env every app and sub-app uses (STYLE.md rule 1). */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    db: Db;
    lang: Lang;
    requestId: string;
    viewer: Viewer | null;
    /** true when the viewer came with a session cookie (CSRF applies) */
    cookieAuth: boolean;
  };
};
