import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { appConfig } from '../ui/vite-shared.ts';

// The public portal, served at the site root.
export default defineConfig(appConfig({ root: fileURLToPath(new URL('.', import.meta.url)), base: '/' }));
