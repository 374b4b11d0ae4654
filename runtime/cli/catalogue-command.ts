/** `onematter catalogue <dir> [--json]`: a summary of every matter, its baseline and regional variants. */
import { parseArgs } from 'node:util';
import { burdenMetrics } from '../../engine/index.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { plural, renderTable } from './table.ts';

export const catalogueUsage = 'onematter catalogue <file-or-dir>... [--json]';

export async function catalogueCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length === 0) throw new UsageError(`usage: ${catalogueUsage}`);
  const { catalogue, problems, targets } = await loadAndValidate(positionals, io.cwd);
  const defs = catalogue.definitions
    .filter((d) => targets.has(d.file))
    .map((d) => ({ ...d.value, metrics: burdenMetrics(d.value) }))
    .sort((a, b) => a.id.localeCompare(b.id) || (a.kind === 'baseline' ? -1 : b.kind === 'baseline' ? 1 : a.region.code.localeCompare(b.region.code)));
  if (values.json) {
    const rows = defs.map((d) => ({ id: d.id, version: d.version, kind: d.kind, region: d.region, title: d.title, metrics: d.metrics }));
    io.stdout.write(`${JSON.stringify({ definitions: rows }, null, 2)}\n`);
  } else {
    const header = ['matter', 'title', 'region', 'kind', 'materials', 'waived', 'typed', 'prefilled', 'steps', 'days', 'visits', 'fees'];
    const rows = defs.map((d) => [d.id, d.title.en, d.region.name.en, d.kind, d.metrics.materials, d.metrics.waivedMaterials, d.metrics.fieldsTyped,
      d.metrics.fieldsPrefilled, d.metrics.humanSteps, d.metrics.promisedDays, d.metrics.visits, d.metrics.fees]);
    io.stdout.write(renderTable(header, rows));
    const matters = new Set(defs.map((d) => d.id)).size;
    const count = (kind: string) => defs.filter((d) => d.kind === kind).length;
    io.stdout.write(`${plural(matters, 'matter')}, ${plural(count('baseline'), 'baseline')}, ${plural(count('variant'), 'variant')}, ${plural(catalogue.bundles.length, 'bundle')}\n`);
  }
  const own = problems.filter((p) => targets.has(p.file));
  if (own.length > 0) io.stderr.write(`${own.length} problems; run \`onematter validate\` for details\n`);
  return own.length === 0 ? exitCodes.ok : exitCodes.problems;
}
