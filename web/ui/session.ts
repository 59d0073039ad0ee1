import { createResource } from 'solid-js';
import { call } from './api';
import type { Me } from './types';

/**
 * The signed-in user: `null` when signed out, undefined while loading. Asked through
 * `GET /auth/session`, which answers a signed-out visitor with 200 and null — `GET /me`
 * would answer 401, and the browser logs every 401 as an error in the console.
 * Other failures (network, 5xx) surface as the resource's error so pages can offer a retry.
 */
export function createSession() {
  const [me, { refetch, mutate }] = createResource<Me | null>(async () => (await call('GET /auth/session', {})).me);

  async function signOut(): Promise<void> {
    try {
      await call('POST /auth/logout', {});
    } finally {
      mutate(null);
    }
  }

  return { me, refetch, mutate, signOut };
}

export type Session = ReturnType<typeof createSession>;
