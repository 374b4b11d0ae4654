/** `onematter diff <a> <b> [--json]`: how definition a differs from b, what it costs applicants, and a's score. */
import { parseArgs } from 'node:util';
import { burdenMetrics, diff, diffContextOf, scoreChanges, type Change } from '../../engine/index.ts';
import { definitionAt, formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { renderTable } from './table.ts';

export const diffUsage = 'onematter diff <a> <b> [--json]';

const areas = ['form', 'materials', 'process', 'service'] as const;
const mark = { more: '+', less: '−', neutral: '·' } as const;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 2) throw new UsageError(`usage: ${diffUsage}`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const sides = positionals.map((p) => definitionAt(loaded, p, io.cwd));
  const problems = sides.flatMap((s) => ('problems' in s ? s.problems : []));
  if (problems.length > 0) {
    io.stderr.write(`${formatProblems(problems)}cannot compare invalid definitions; fix the problems above\n`);
    return exitCodes.problems;
  }
  const [a, b] = sides.map((s) => ('doc' in s ? s.doc.value : undefined!));
  if (a!.id !== b!.id) throw new UsageError(`${positionals[0]} is matter ${a!.id} and ${positionals[1]} is matter ${b!.id}: only definitions of the same matter can be compared`);
  const changes = diff(a!, b!, diffContextOf(loaded.catalogue));
  const metrics = { a: burdenMetrics(a!), b: burdenMetrics(b!) };
  const score = scoreChanges(changes);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ changes, metrics, score: round(score) }, null, 2)}\n`);
    return exitCodes.ok;
  }
  io.stdout.write(`${a!.title.zh} ${a!.title.en}\n${positionals[0]} (${a!.region.name.en}) against ${positionals[1]} (${b!.region.name.en}): score ${round(score)}\n\n`);
  const keys = Object.keys(metrics.a) as (keyof typeof metrics.a)[];
  io.stdout.write(renderTable(['metric', 'a', 'b', 'a − b'], keys.map((k) => [k, metrics.a[k], metrics.b[k], round(metrics.a[k] - metrics.b[k])])));
  for (const area of areas) {
    const inArea = changes.filter((c) => c.area === area);
    if (inArea.length === 0) continue;
    io.stdout.write(`\n${area} (${count(inArea)})\n`);
    for (const c of inArea) io.stdout.write(`  ${mark[c.burden]} ${c.message.en}${c.weight > 0 ? ` [${c.weight}]` : ''}\n    ${c.message.zh}  ${c.path}\n`);
  }
  if (changes.length === 0) io.stdout.write('\nno differences\n');
  io.stdout.write(`\n+ more burden for a's applicants   − less   · neutral   [weight]\n`);
  return exitCodes.ok;
}

const round = (n: number) => Math.round(n * 10) / 10;
const count = (changes: readonly Change[]) =>
  (['more', 'less', 'neutral'] as const).map((b) => `${changes.filter((c) => c.burden === b).length} ${b}`).join(', ');
