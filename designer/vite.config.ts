/** Builds the designer for officials and reviewers: `vite build --config designer/vite.config.ts` → designer/dist, served at /designer. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/designer/',
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  oxc: { jsx: { runtime: 'automatic' } },
  // the analysis worker's file name is known to the server, which lets the engine compile schemas there (see web.ts)
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'assets/analysis-worker-[hash].js' } } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
