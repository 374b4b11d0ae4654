/**
 * `onematter import --files <dir> [--data <folder>] [--by <user>]`: publishes a folder of definitions (an export, or
 * a province's catalogue kept in version control) into the server's store. The whole folder is validated by the
 * engine first, as one catalogue; then every definition is compared with what the store holds under its id +
 * version + region: the same content is unchanged, other content a conflict (published versions never change). Any
 * problem or conflict publishes nothing. The folder's shared data, schemas and regions serve the validation only:
 * the store does not keep them. Each bundle is published as the definition it composes (as the server does).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateSources, withComposedBundles, type Loaded, type MatterDefinition } from '../../engine/index.ts';
import { compareVersions } from '../store/versions.ts';
import { dataFolderOf, openDataStore } from './data-store.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { listJsonFiles, readSources } from './sources.ts';
import { plural } from './table.ts';

export const importUsage = 'onematter import --files <dir> [--data <folder>] [--by <user>]';

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { files: { type: 'string' }, data: { type: 'string' }, by: { type: 'string' } } });
  if (!values.files) throw new UsageError(`usage: ${importUsage}`);
  if (values.by !== undefined && values.by.trim() === '') throw new UsageError('--by names the user the versions are published by; it cannot be empty');
  const dir = resolve(io.cwd, values.files);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`no such folder: ${values.files}`);
  const files = await listJsonFiles([dir], io.cwd);
  const { catalogue, problems } = validateSources(await readSources(files, io.cwd));
  if (problems.length > 0) {
    for (const p of problems) io.stderr.write(`${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`);
    io.stderr.write(`✖ ${plural(problems.length, 'problem')} in ${new Set(problems.map((p) => p.file)).size} of ${plural(files.length, 'file')}: nothing imported\n`);
    return exitCodes.problems;
  }
  if (catalogue.definitions.length === 0) throw new UsageError(`no matter definitions in ${values.files}`);
  const folder = dataFolderOf(values.data, io.cwd);
  if ((await stat(folder.dir).catch(() => undefined))?.isDirectory() === false) throw new UsageError(`--data ${folder.dir} is a file, not a folder`);
  const { store, definitionHash } = await openDataStore(folder, 'write');
  try {
    const fresh: { file: string; definition: MatterDefinition; hash: string }[] = [];
    const conflicts: string[] = [];
    let unchanged = 0;
    // each bundle of the folder composed into one definition and published with the rest, as the server does on start
    for (const { file, value } of [...withComposedBundles(catalogue).definitions].sort(publishingOrder)) {
      const hash = definitionHash(value);
      const stored = await store.getDefinition(value.id, value.version, value.region.code);
      if (!stored) fresh.push({ file, definition: value, hash });
      else if (stored.hash === hash) unchanged++;
      else conflicts.push(`${file}: ${label(value)} is already published with other content (sha256 ${stored.hash.slice(0, 12)}…, this file ${hash.slice(0, 12)}…); publish the change as a new version`);
    }
    if (conflicts.length > 0) {
      for (const c of conflicts) io.stderr.write(`${c}\n`);
      io.stderr.write(`✖ ${plural(conflicts.length, 'conflict')} with published versions: nothing imported\n`);
      return exitCodes.problems;
    }
    const at = Date.now();
    let published = 0;
    for (const { file, definition, hash } of fresh) {
      const d = definition;
      const result = await store.publish({ id: d.id, version: d.version, region: d.region.code, hash, definition: d, publishedAt: at, ...(values.by ? { publishedBy: values.by } : {}) });
      if (result === 'conflict') {
        // published by someone else since the check above: what came before stays published (versions never change)
        io.stderr.write(`${file}: ${label(d)} was published meanwhile with other content; the import stopped after publishing ${plural(published, 'definition')}\n`);
        return exitCodes.problems;
      }
      if (result === 'published') {
        io.stdout.write(`published ${label(d)} from ${file}\n`);
        published++;
      } else unchanged++; // the same content published meanwhile
    }
    io.stdout.write(`✔ imported ${values.files}: ${published} published, ${unchanged} unchanged\n`);
    return exitCodes.ok;
  } finally {
    await store.close();
  }
}

const label = (d: MatterDefinition) => `${d.id}@${d.version} (${d.region.code})`;

// Matter by matter, oldest version first, the baseline before its variants: the order the versions were made in.
const publishingOrder = (a: Loaded<MatterDefinition>, b: Loaded<MatterDefinition>) =>
  a.value.id.localeCompare(b.value.id) || compareVersions(a.value.version, b.value.version) || Number(a.value.kind === 'variant') - Number(b.value.kind === 'variant') || a.value.region.code.localeCompare(b.value.region.code);
