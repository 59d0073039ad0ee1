import { createResource } from 'solid-js';
import { api, ApiError } from './api';
import type { Me } from './types';

/**
 * The signed-in user (`GET /me`): `null` when signed out, undefined while loading.
 * Other failures (network, 5xx) surface as the resource's error so pages can offer a retry.
 */
export function createSession() {
  const [me, { refetch, mutate }] = createResource<Me | null>(async () => {
    try {
      return await api<Me>('GET', '/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  });

  async function signOut(): Promise<void> {
    try {
      await api('POST', '/auth/logout');
    } finally {
      mutate(null);
    }
  }

  return { me, refetch, mutate, signOut };
}

export type Session = ReturnType<typeof createSession>;
