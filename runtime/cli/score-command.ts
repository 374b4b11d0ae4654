/** `onematter score <dir> [--json]`: every variant against its baseline. */
import { parseArgs } from 'node:util';
import { reviewCatalogue } from '../../engine/index.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { progressBar } from './progress.ts';
import { renderTable } from './table.ts';

export const scoreUsage = 'onematter score <dir>... [--json]';

export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length === 0) throw new UsageError(`usage: ${scoreUsage}`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const problems = loaded.problems.filter((p) => loaded.targets.has(p.file));
  const progress = progressBar(io.stderr, 'scoring');
  const reviews = reviewCatalogue(loaded.catalogue, progress.update);
  progress.finish();
  const rows = reviews.flatMap((m) =>
    m.variants.map(({ file, definition: v, review: r }) => ({
      id: v.id,
      title: v.title,
      region: v.region,
      version: v.version,
      file,
      baseline: v.baseline,
      score: Math.round(r.score * 10) / 10,
      changes: { more: r.changes.filter((c) => c.burden === 'more').length, less: r.changes.filter((c) => c.burden === 'less').length, neutral: r.changes.filter((c) => c.burden === 'neutral').length },
      planSteps: r.plan.length,
      metrics: r.metrics.variant,
    })),
  ).filter((r) => loaded.targets.has(r.file));
  if (values.json) io.stdout.write(`${JSON.stringify({ scores: rows, problems }, null, 2)}\n`);
  else {
    io.stdout.write(renderTable(['matter', 'region', 'score', 'more', 'less', 'plan steps', 'materials', 'typed', 'days', 'visits', 'fees'],
      rows.map((r) => [r.id, `${r.region.name.zh} ${r.region.name.en}`, r.score, r.changes.more, r.changes.less, r.planSteps, r.metrics.materials, r.metrics.fieldsTyped, r.metrics.promisedDays, r.metrics.visits, r.metrics.fees])));
    if (problems.length > 0) io.stderr.write(formatProblems(problems));
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}
