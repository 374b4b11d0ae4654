#!/usr/bin/env node
// Builds the package embedders install: ESM JavaScript, `.d.ts` types and source maps of engine/ and runtime/ (not
// the server, the web UI or dev tools) into dist/, with the SQLite migrations beside the store that runs them.
// `npm run build` runs it; `npm pack` runs it first (prepack). Plain Node, so it runs before anything is built.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

// tsc rewrites `./x.ts` to `./x.js` in JavaScript but keeps `.ts` in declarations: consumers resolve `.js`.
let declarations = 0;
for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+?)\.tsx?\2/g, '$1$2$3.js$2');
  if (rewritten !== text) writeFileSync(file, rewritten);
  declarations++;
}
cpSync(join(root, 'runtime/store/sqlite/migrations'), join(dist, 'runtime/store/sqlite/migrations'), { recursive: true });
console.log(`built dist/: ${declarations} declaration files, SQLite migrations copied`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
