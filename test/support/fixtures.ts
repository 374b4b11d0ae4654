/** The mini catalogue under test/fixtures/mini, and a way to validate it with one file broken on purpose. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSources, type Problem, type SourceDocument } from '../../engine/index.ts';

export const miniDir = fileURLToPath(new URL('../fixtures/mini/', import.meta.url));

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** Every file of the mini catalogue, named relative to it (e.g. `matters/baseline.json`). */
export function miniSources(): SourceDocument[] {
  return walk(miniDir)
    .sort()
    .map((f) => ({ file: relative(miniDir, f), text: readFileSync(f, 'utf8') }));
}

/** A fresh, mutable copy of one mini-catalogue document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const miniDoc = (file: string): any => JSON.parse(readFileSync(join(miniDir, file), 'utf8'));

/**
 * Validates the mini catalogue with `file` replaced — by `mutate` applied to its parsed copy, or by raw text —
 * and returns the problems reported for that file.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function problemsWith(file: string, change: ((doc: any) => void) | string): Problem[] {
  const sources = miniSources().filter((s) => s.file !== file);
  let text: string;
  if (typeof change === 'string') text = change;
  else {
    const doc = miniDoc(file);
    change(doc);
    text = JSON.stringify(doc, null, 2);
  }
  sources.push({ file, text });
  return validateSources(sources).problems.filter((p) => p.file === file);
}

/** Code and pointer of each problem: what the tests pin down. */
export const codesAt = (problems: readonly Problem[]) => problems.map(({ code, pointer }) => ({ code, pointer }));
