/** `onematter validate <file-or-dir>... [--json] [--catalogue <dir>]` */
import { parseArgs } from 'node:util';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { plural } from './table.ts';

export const validateUsage = 'onematter validate <file-or-dir>... [--json] [--catalogue <dir>]';

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, catalogue: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError(`usage: ${validateUsage}`);
  const result = await loadAndValidate(positionals, io.cwd, values.catalogue);
  const problems = result.problems.filter((p) => result.targets.has(p.file));
  if (values.json) {
    const out = problems.map(({ file, pointer, code, message, params }) => ({ file, pointer, code, message, params }));
    io.stdout.write(`${JSON.stringify({ problems: out }, null, 2)}\n`);
  } else {
    for (const p of problems) io.stdout.write(`${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`);
    const files = new Set(problems.map((p) => p.file)).size;
    const n = result.targets.size;
    io.stdout.write(
      problems.length === 0
        ? `✔ ${plural(n, 'file')} valid\n`
        : `✖ ${plural(problems.length, 'problem')} in ${files} of ${plural(n, 'file')}\n`,
    );
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}
