/**
 * `onematter diff <a> <b> [--json]`: how definition a differs from b, what it costs applicants, and a's score.
 * Invalid definitions (drafts) are compared too: their problems come first, then what could be compared.
 */
import { parseArgs } from 'node:util';
import { burdenMetrics, diff, diffContextOf, scoreChanges, type Change, type Problem } from '../../engine/index.ts';
import { definitionAt, formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { plural, renderTable } from './table.ts';

export const diffUsage = 'onematter diff <a> <b> [--json]';

const areas = ['form', 'materials', 'process', 'service'] as const;
const mark = { more: '+', less: '−', neutral: '·' } as const;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 2) throw new UsageError(`usage: ${diffUsage}`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const [sa, sb] = [await definitionAt(loaded, positionals[0]!, io.cwd), await definitionAt(loaded, positionals[1]!, io.cwd)];
  const [a, b] = [sa.value, sb.value];
  const [idA, idB] = [member(a, 'id'), member(b, 'id')];
  if (typeof idA === 'string' && typeof idB === 'string' && idA !== idB) {
    throw new UsageError(`${positionals[0]} is matter ${idA} and ${positionals[1]} is matter ${idB}: only definitions of the same matter can be compared`);
  }
  const valid = sa.problems.length === 0 && sb.problems.length === 0;
  // total on drafts: a part that is not well-formed is reported as not compared, the rest is classified
  const changes = diff(a, b, diffContextOf(loaded.catalogue));
  const metrics = { a: burdenMetrics(a), b: burdenMetrics(b) };
  const score = scoreChanges(changes);
  if (values.json) {
    const problems = { a: sa.problems.map(plain), b: sb.problems.map(plain) };
    io.stdout.write(`${JSON.stringify({ changes, metrics, score: round(score), problems }, null, 2)}\n`);
    return valid ? exitCodes.ok : exitCodes.problems;
  }
  if (!valid) {
    io.stdout.write(formatProblems([...sa.problems, ...sb.problems]));
    const side = (name: string, s: typeof sa) => `${name} ${s.problems.length === 0 ? 'is valid' : `has ${plural(s.problems.length, 'problem')}`}`;
    io.stdout.write(`✖ ${side('a', sa)}, ${side('b', sb)}: the diff below compares what it can\n\n`);
  }
  io.stdout.write(`${textOf(a, 'title')}\n${positionals[0]} (${regionOf(a)}) against ${positionals[1]} (${regionOf(b)}): score ${round(score)}\n\n`);
  const keys = Object.keys(metrics.a) as (keyof typeof metrics.a)[];
  io.stdout.write(renderTable(['metric', 'a', 'b', 'a − b'], keys.map((k) => [k, metrics.a[k], metrics.b[k], round(metrics.a[k] - metrics.b[k])])));
  for (const area of areas) {
    const inArea = changes.filter((c) => c.area === area);
    if (inArea.length === 0) continue;
    io.stdout.write(`\n${area} (${count(inArea)})\n`);
    for (const c of inArea) io.stdout.write(`  ${mark[c.burden]} ${c.message.en}${c.weight > 0 ? ` [${c.weight}]` : ''}\n    ${c.message.zh}  ${c.path}\n`);
  }
  if (changes.length === 0) io.stdout.write('\nno differences\n');
  io.stdout.write(`\n+ more burden for a's applicants   − less   · neutral (or not compared)   [weight]\n`);
  return valid ? exitCodes.ok : exitCodes.problems;
}

const round = (n: number) => Math.round(n * 10) / 10;
const count = (changes: readonly Change[]) =>
  (['more', 'less', 'neutral'] as const).map((b) => `${changes.filter((c) => c.burden === b).length} ${b}`).join(', ');
const plain = ({ file, pointer, code, message, params }: Problem) => ({ file, pointer, code, message, params });

// A draft may lack any member, or hold something else there.
const member = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined);
const textOf = (v: unknown, key: string): string => {
  const t = member(v, key);
  const [zh, en] = [member(t, 'zh'), member(t, 'en')];
  return typeof zh === 'string' && typeof en === 'string' ? `${zh} ${en}` : '(no title yet)';
};
const regionOf = (v: unknown): string => {
  const en = member(member(member(v, 'region'), 'name'), 'en');
  return typeof en === 'string' ? en : 'no region yet';
};
