/** What `onematter --help` and `onematter <command> --help` print: each command's usage, purpose and options. */
import { catalogueUsage } from './catalogue-command.ts';
import { diffUsage } from './diff-command.ts';
import { reviewUsage } from './review-command.ts';
import { scoreUsage } from './score-command.ts';
import { typegenUsage } from './typegen-command.ts';
import { validateUsage } from './validate-command.ts';

interface CommandHelp {
  readonly usage: string;
  readonly summary: string;
  readonly details: string;
}

const exitCodes = 'exit codes: 0 all good, 1 problems found in the definitions, 2 usage error';

/** Every command's help, in the order the overview lists them. */
export const commandHelp: Readonly<Record<string, CommandHelp>> = {
  validate: {
    usage: validateUsage,
    summary: 'check definitions; exit 0 when valid, 1 when problems were found, 2 on a usage error',
    details: `Checks matter definitions, bundles, the shared-data catalogue, shared schemas and the region catalogue:
the meta-schema, the form schema (ajv strict), regular expressions, process soundness and cross references.
Each problem names its file and a JSON Pointer into it. A file is checked against the rest of its catalogue
(the nearest folder above it holding shared-data.json).

options:
  --json              print { "problems": [ { file, pointer, code, message, params } ] }
  --catalogue <dir>   the catalogue to check the files against (default: found above each file)

${exitCodes}
example: onematter validate definitions`,
  },
  catalogue: {
    usage: catalogueUsage,
    summary: 'summarize matters, baselines and variants with their burden metrics',
    details: `One row per definition: materials the applicant supplies, materials waived through shared data, fields
typed and prefilled, human steps, promised working days, on-site visits and fees.

options:
  --json   print the rows as JSON

${exitCodes}
example: onematter catalogue definitions`,
  },
  diff: {
    usage: diffUsage,
    summary: 'how definition a differs from b (same matter), what it costs applicants, and a’s score against b',
    details: `Every difference classified as more (+), less (−) or neutral (·) burden for a's applicants, grouped by
area, in English and Chinese, with both sides' burden metrics and a's score against b (0–100).

options:
  --json   print { "changes": [...], "metrics": { "a", "b" }, "score" }

${exitCodes} (two definitions of different matters is a usage error)
example: onematter diff definitions/matters/residence-permit/ningbo.json definitions/matters/residence-permit/baseline.json`,
  },
  score: {
    usage: scoreUsage,
    summary: 'score every variant against its top-runner baseline (0–100)',
    details: `A progress bar shows on a terminal, never in a pipe.

options:
  --json   print the scores as JSON

${exitCodes}
example: onematter score definitions`,
  },
  review: {
    usage: reviewUsage,
    summary: 'write the reviewers’ report: region × metric matrix, score chart, level-up plans, proposed top runner',
    details: `Writes one self-contained HTML file (no scripts, nothing fetched) that opens offline.

options:
  --out <file.html>   where to write the report (required)

${exitCodes}
example: onematter review definitions --out review.html`,
  },
  typegen: {
    usage: typegenUsage,
    summary: 'write one TypeScript type per matter form (its form.schema data) and an index.ts re-exporting them',
    details: `matters/residence-permit/hangzhou.json gives <dir>/residence-permit.hangzhou.ts exporting
ResidencePermitHangzhouForm. $refs into the shared schemas are resolved from the catalogue, never fetched.
An object type takes other keys unless its schema closes it (additionalProperties or unevaluatedProperties false).

options:
  --out <dir>   the folder to write the types into (required)

${exitCodes}
example: onematter typegen definitions --out src/forms`,
  },
};

/** The overview: every command with its usage and purpose. */
export function overview(version: string): string {
  const lines = Object.values(commandHelp).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `onematter ${version} — one matter, one form, one process

usage:
${lines.join('\n')}
  onematter <command> --help
      what a command does, its options and an example
  onematter --version
      print the version
`;
}

/** One command's help. */
export const helpOf = (name: string): string => {
  const c = commandHelp[name]!;
  return `usage: ${c.usage}\n\n${c.summary}\n\n${c.details}\n`;
};
