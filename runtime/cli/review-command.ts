/**
 * `onematter review <dir>... [--out <file.html>] [--json] [--levelled <points>]`: the province's catalogue metrics
 * (text or JSON), and the reviewers' self-contained HTML report when `--out` names a file.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provinceMetrics, reviewCatalogue, summarizeCatalogue, type MatterReview } from '../../engine/index.ts';
import { catalogueText } from '../report/catalogue-text.ts';
import { renderReviewHtml } from '../report/review-html.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { levelledOption, parseLevelled } from './levelled.ts';
import { loadAndValidate } from './load.ts';
import { progressBar } from './progress.ts';

export const reviewUsage = 'onematter review <dir>... [--out <file.html>] [--json] [--levelled <points>]';

export async function reviewCommand(args: string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, json: { type: 'boolean' }, ...levelledOption } });
  if (positionals.length === 0 || values.out === '') throw new UsageError(`usage: ${reviewUsage}`);
  const levelled = parseLevelled(values.levelled);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const problems = loaded.problems.filter((p) => loaded.targets.has(p.file));
  const progress = progressBar(io.stderr, 'reviewing');
  const reviews = reviewCatalogue(loaded.catalogue, progress.update).filter((m) => loaded.targets.has(m.baseline.file));
  progress.finish();
  // the catalogue's figures count matters; bundles (whose members are counted already) are reviewed beside them
  const summary = summarizeCatalogue(reviews.filter((m) => !m.baseline.value.bundle), { levelled });
  if (values.json) io.stdout.write(`${JSON.stringify({ catalogue: summary, matters: reviews.map((m) => matterJson(m, levelled)), problems }, null, 2)}\n`);
  else io.stdout.write(catalogueText(summary));
  if (values.out) {
    const html = renderReviewHtml(reviews, { generatedAt: now().toISOString(), source: positionals.join(' '), levelled });
    await writeFile(resolve(io.cwd, values.out), html);
    const variants = reviews.reduce((n, m) => n + m.variants.length, 0);
    // the JSON on stdout stays one document
    (values.json ? io.stderr : io.stdout).write(`wrote ${values.out}: ${reviews.length} matters, ${variants} variants\n`);
  }
  if (problems.length > 0) io.stderr.write(`${formatProblems(problems)}${problems.length} problems: invalid definitions are left out of the review\n`);
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}

// One matter in --json: its convergence and, per definition, the province's metrics (and each variant's score).
function matterJson(m: MatterReview, levelled: number) {
  const base = m.baseline.value;
  return {
    id: m.id,
    title: base.title,
    baseline: { file: m.baseline.file, region: base.region, version: base.version, province: provinceMetrics(base) },
    convergence: m.convergence,
    variants: m.variants.map(({ file, definition: v, review: r }) => ({
      file,
      region: v.region,
      version: v.version,
      score: Math.round(r.score * 10) / 10,
      levelled: r.score >= levelled,
      planSteps: r.plan.length,
      metrics: r.metrics.variant,
      province: provinceMetrics(v, r.metrics.variant),
    })),
  };
}
