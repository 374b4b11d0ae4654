/** Builds the applicant portal and clerk workbench: `vite build --config runtime/web/vite.config.ts` → runtime/web/dist. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // the form component reads JSON schemas from definitions/ at build time
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // rjsf marks its modules 'use client' (a React Server Components hint that means nothing in this bundle)
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
