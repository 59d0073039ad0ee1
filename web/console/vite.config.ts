import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { appConfig } from '../ui/vite-shared.ts';

// The organizers' console, served under /console/ (the Worker answers /console/* with its index.html).
export default defineConfig(appConfig({ root: fileURLToPath(new URL('.', import.meta.url)), base: '/console/' }));
