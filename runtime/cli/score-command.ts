/** `onematter score <dir> [--json] [--levelled <points>]`: every variant against its baseline, and the catalogue's metrics. */
import { parseArgs } from 'node:util';
import { provinceMetrics, reviewCatalogue, summarizeCatalogue } from '../../engine/index.ts';
import { catalogueText } from '../report/catalogue-text.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { levelledOption, parseLevelled } from './levelled.ts';
import { loadAndValidate } from './load.ts';
import { progressBar } from './progress.ts';
import { renderTable } from './table.ts';

export const scoreUsage = 'onematter score <dir>... [--json] [--levelled <points>]';

export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, ...levelledOption } });
  if (positionals.length === 0) throw new UsageError(`usage: ${scoreUsage}`);
  const levelled = parseLevelled(values.levelled);
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
      levelled: r.score >= levelled,
      changes: { more: r.changes.filter((c) => c.burden === 'more').length, less: r.changes.filter((c) => c.burden === 'less').length, neutral: r.changes.filter((c) => c.burden === 'neutral').length },
      planSteps: r.plan.length,
      metrics: r.metrics.variant,
      province: provinceMetrics(v, r.metrics.variant),
    })),
  ).filter((r) => loaded.targets.has(r.file));
  // the catalogue's figures count matters; bundles (whose members are counted already) are scored beside them
  const summary = summarizeCatalogue(reviews.filter((m) => !m.baseline.value.bundle && (loaded.targets.has(m.baseline.file) || m.variants.some((v) => loaded.targets.has(v.file)))), { levelled });
  if (values.json) io.stdout.write(`${JSON.stringify({ scores: rows, catalogue: summary, problems }, null, 2)}\n`);
  else {
    io.stdout.write(renderTable(['matter', 'region', 'score', `≥ ${levelled}`, 'more', 'less', 'plan steps', 'materials', 'typed', 'days', 'visits', 'fees'],
      rows.map((r) => [r.id, `${r.region.name.zh} ${r.region.name.en}`, r.score, r.levelled ? 'yes' : 'no', r.changes.more, r.changes.less, r.planSteps, r.metrics.materials, r.metrics.fieldsTyped, r.metrics.promisedDays, r.metrics.visits, r.metrics.fees])));
    io.stdout.write(`\n${catalogueText(summary)}`);
    if (problems.length > 0) io.stderr.write(formatProblems(problems));
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}
