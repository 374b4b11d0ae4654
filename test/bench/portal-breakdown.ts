/**
 * `npx tsx test/bench/portal-breakdown.ts [outDir] [--files]`: builds the portal (runtime/web) with source maps into its own
 * folder (default: a temporary one; never runtime/web/dist) and prints, per chunk, its minified and gzipped size and
 * which packages and project folders its minified bytes come from. A chunk's gzipped size is shared out in proportion
 * to the minified bytes (gzip does not attribute), so those figures are estimates; the chunk totals are exact.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build } from 'vite';
import { projectRoot } from '../support/catalogue.ts';

// `--files`: the project's own sources file by file, not by folder
const byFile = process.argv.includes('--files');
const given = process.argv.slice(2).find((a) => !a.startsWith('--'));
const outDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'onematter-portal-breakdown-'));
await build({ configFile: join(projectRoot, 'runtime/web/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: true } });

/** A source's group: its npm package, or the project folder two levels down (runtime/form, engine/situations). */
function groupOf(source: string): string {
  const inModules = source.split('node_modules/');
  if (inModules.length > 1) {
    const parts = inModules.at(-1)!.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const local = source.replace(/^(\.\.\/)+/, '').replace(projectRoot.replace(/^\//, ''), '');
  return byFile ? local : local.split('/').slice(0, 2).join('/');
}

const assets = join(outDir, 'assets');
for (const file of readdirSync(assets).filter((f) => f.endsWith('.js')).sort()) {
  const code = readFileSync(join(assets, file), 'utf8');
  const gzipped = gzipSync(code).length;
  // a chunk the bundler writes itself (rolldown's runtime) has no source map
  if (!existsSync(join(assets, `${file}.map`))) {
    console.log(`${file}  ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipped / 1024).toFixed(1)} kB gzipped (no source map)`);
    continue;
  }
  const map = JSON.parse(readFileSync(join(assets, `${file}.map`), 'utf8')) as RawSourceMap;
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  // each mapping owns the generated text up to the next mapping on its line
  let last: { line: number; column: number; group: string } | undefined;
  const close = (line: number, column: number) => {
    if (!last) return;
    const length = line === last.line ? column - last.column : lines[last.line - 1]!.length - last.column;
    bytes.set(last.group, (bytes.get(last.group) ?? 0) + Math.max(0, length));
  };
  new SourceMapConsumer(map).eachMapping((m) => {
    close(m.generatedLine, m.generatedColumn);
    last = { line: m.generatedLine, column: m.generatedColumn, group: m.source ? groupOf(m.source) : '(unmapped)' };
  });
  close(Number.MAX_SAFE_INTEGER, 0);
  const gz = gzipSync(code).length;
  console.log(`${file}  ${(code.length / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzipped`);
  for (const [group, n] of [...bytes].sort((a, b) => b[1] - a[1]).filter(([, n]) => n >= 512)) {
    console.log(`  ${(n / 1024).toFixed(1).padStart(6)} kB  ~${((gz * n) / code.length / 1024).toFixed(1).padStart(5)} kB gz  ${group}`);
  }
}
if (!given) rmSync(outDir, { recursive: true, force: true });
