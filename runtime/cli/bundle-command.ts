/**
 * `onematter bundle <bundle.json>... [--json] [--out <composed.json>]`: each one-thing bundle composed from its
 * members (as the server publishes it), and what it saves applicants against applying for each member on its own.
 */
import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composeBundles, type BundleBurden } from '../../engine/index.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { renderTable } from './table.ts';

export const bundleUsage = 'onematter bundle <bundle.json-or-dir>... [--json] [--out <composed.json>]';

const figures: readonly [keyof BundleBurden, string][] = [
  ['fieldsTyped', 'fields typed'],
  ['materials', 'materials brought'],
  ['visits', 'on-site visits'],
  ['promisedDays', 'promised working days'],
  ['submissions', 'submissions'],
];

export async function bundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, out: { type: 'string' } } });
  if (positionals.length === 0 || values.out === '') throw new UsageError(`usage: ${bundleUsage}`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  // the bundles' own problems, and those composing them found in their members (a fact the members disagree on)
  const problems = loaded.problems.filter((p) => loaded.targets.has(p.file) || p.code.startsWith('bundle.'));
  // (the loaded catalogue holds each bundle composed already, under its bundle's file: composed again here with its members)
  const bundleFiles = new Set(loaded.catalogue.bundles.map((b) => b.file));
  const matters = { ...loaded.catalogue, definitions: loaded.catalogue.definitions.filter((d) => !bundleFiles.has(d.file)) };
  const bundles = composeBundles(matters).filter((b) => loaded.targets.has(b.file));
  if (values.out && bundles.length !== 1) throw new UsageError(`--out writes one composed definition: name one bundle (found ${bundles.length})`);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ bundles: bundles.map((b) => ({ file: b.file, id: b.value.id, version: b.value.version, title: b.value.title, members: b.value.bundle?.members, saving: b.saving })), problems }, null, 2)}\n`);
  } else {
    for (const b of bundles) {
      io.stdout.write(`${b.value.id}@${b.value.version}  ${b.value.title.zh} / ${b.value.title.en}  (${b.file})\n`);
      io.stdout.write(`members: ${(b.value.bundle?.members ?? []).map((m) => `${m.title.zh} (${m.matter.id}@${m.matter.version}, ${m.department})`).join('; ')}\n`);
      io.stdout.write(renderTable(['', 'separately', 'one thing', 'saved'], figures.map(([k, label]) => [label, b.saving.separately[k], b.saving.together[k], b.saving.saved[k]])));
      io.stdout.write('\n');
    }
  }
  if (values.out && bundles[0]) {
    await writeFile(resolve(io.cwd, values.out), `${JSON.stringify(bundles[0].value, null, 2)}\n`);
    (values.json ? io.stderr : io.stdout).write(`wrote ${relative(io.cwd, resolve(io.cwd, values.out))}: the composed definition of ${bundles[0].value.id}@${bundles[0].value.version}\n`);
  }
  if (problems.length > 0) io.stderr.write(`${formatProblems(problems)}${problems.length} problems: a bundle with problems is not composed\n`);
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}
