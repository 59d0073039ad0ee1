import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import solid from 'vite-plugin-solid';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The part every app's vite.config.ts shares: Solid, the @shared/@ui aliases and a modern
 * target. Each app adds its own root, base and outDir so it builds and ships on its own.
 */
export function appConfig(opts: { root: string; base: string; solid?: boolean }): UserConfig {
  return {
    root: opts.root,
    base: opts.base,
    plugins: opts.solid === false ? [] : [solid()],
    resolve: {
      alias: {
        '@shared': here('../../shared'),
        '@ui': here('.'),
      },
    },
    server: { fs: { allow: [here('../..')] } },
    build: {
      outDir: `${opts.root}/dist`,
      emptyOutDir: true,
      target: 'es2020',
      assetsDir: 'assets',
      reportCompressedSize: false,
    },
  };
}
