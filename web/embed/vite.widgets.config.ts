import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/*
 * The partner widgets: classic scripts (IIFE) at stable, versioned URLs
 * (/embed/v1/leaderboard.js, /embed/v1/progress.js) — partners paste the URL once, so it
 * cannot carry a hash. Built after the embed app into the same dist, without emptying it.
 * Vite builds one IIFE entry at a time: TX_WIDGET names it (scripts/build-web.mjs sets it).
 */
const name = process.env.TX_WIDGET ?? 'leaderboard';

export default defineConfig({
  resolve: { alias: { '@shared': here('../../shared') } },
  build: {
    outDir: here('dist/v1'),
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    reportCompressedSize: false,
    lib: { entry: here(`src/v1/${name}.ts`), name: `Tongxin_${name}`, formats: ['iife'], fileName: () => `${name}.js` },
  },
});
