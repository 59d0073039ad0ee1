import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { appConfig } from '../ui/vite-shared.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/*
 * Embeds live under /embed/. Today only the index page for partner webmasters exists; the
 * leaderboard widget (v1/leaderboard.js) and its iframe page (v1/leaderboard/index.html)
 * join `input` when the leaderboard feature lands. The index page is plain DOM: no Solid.
 */
export default defineConfig(
  mergeConfig(appConfig({ root, base: '/embed/', solid: false }), {
    build: {
      rolldownOptions: {
        input: {
          index: page('index.html'),
        },
      },
    },
  }),
);
