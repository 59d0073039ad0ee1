import { createRoot } from 'solid-js';
import { createSession } from '@ui/session';

/** The portal's one session, shared by the tab bar and every page. */
export const session = createRoot(() => createSession());
