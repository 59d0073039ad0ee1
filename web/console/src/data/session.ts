import { createRoot } from 'solid-js';
import { createSession } from '@ui/session';

export const session = createRoot(() => createSession());
