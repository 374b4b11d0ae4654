/** `onematter review <dir> --out <file.html>`: the reviewers' self-contained HTML report. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reviewCatalogue } from '../../engine/index.ts';
import { renderReviewHtml } from '../report/review-html.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { progressBar } from './progress.ts';

export const reviewUsage = 'onematter review <dir>... --out <file.html>';

export async function reviewCommand(args: string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length === 0 || !values.out) throw new UsageError(`usage: ${reviewUsage}`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const problems = loaded.problems.filter((p) => loaded.targets.has(p.file));
  const progress = progressBar(io.stderr, 'reviewing');
  const reviews = reviewCatalogue(loaded.catalogue, progress.update).filter((m) => loaded.targets.has(m.baseline.file));
  progress.finish();
  const html = renderReviewHtml(reviews, { generatedAt: now().toISOString(), source: positionals.join(' ') });
  await writeFile(resolve(io.cwd, values.out), html);
  const variants = reviews.reduce((n, m) => n + m.variants.length, 0);
  io.stdout.write(`wrote ${values.out}: ${reviews.length} matters, ${variants} variants\n`);
  if (problems.length > 0) io.stderr.write(`${formatProblems(problems)}${problems.length} problems: invalid definitions are left out of the report\n`);
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}
