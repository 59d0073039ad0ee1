import type { Db } from '../../../db/client';
import type { Lang } from '../../../shared/i18n';
import type { Role } from '../../../shared/kinds';

export type { Db };

/** The signed-in user and what they may manage, loaded once per request by the session middleware. */
export interface Viewer {
  id: string;
  name: string;
  phone: string;
  /** org paths the viewer organizes or administers; a path covers its whole subtree */
  managedPaths: string[];
  /** where the viewer may check visitors in: gate_staff units and every managed subtree */
  gatePaths: string[];
  /** where the viewer may approve records and entries: reviewer units and every managed subtree */
  reviewPaths: string[];
  /** admin of the root: may do anything */
  isPlatformAdmin: boolean;
  sessionHash: string;
  /** every membership, loaded with the session (so /me needs no second query) */
  memberships: Array<{ orgUnitId: string; orgUnitName: string; role: Role }>;
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
    /** the last subtree an authorization check let this request into (the audit of exports places the download there) */
    authorizedPath?: string;
  };
};
