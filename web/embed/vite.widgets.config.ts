import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/*
 * The partner widgets: classic scripts (IIFE) at stable, versioned URLs
 * (/embed/v1/leaderboard.js) — partners paste the URL once, so it cannot carry a hash.
 * Built after the embed app into the same dist, without emptying it.
 */
export default defineConfig({
  resolve: { alias: { '@shared': here('../../shared') } },
  build: {
    outDir: here('dist/v1'),
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    reportCompressedSize: false,
    lib: { entry: here('src/v1/leaderboard.ts'), name: 'TongxinLeaderboard', formats: ['iife'], fileName: () => 'leaderboard.js' },
  },
});
