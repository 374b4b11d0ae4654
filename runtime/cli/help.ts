/** What `onematter --help` and `onematter <command> --help` print: each command's usage, purpose and options. */
import { bundleUsage } from './bundle-command.ts';
import { catalogueUsage } from './catalogue-command.ts';
import { diffUsage } from './diff-command.ts';
import { importFormUsage } from './import-form-command.ts';
import { exportUsage } from './export-command.ts';
import { importUsage } from './import-command.ts';
import { processUsage } from './process-command.ts';
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
  bundle: {
    usage: bundleUsage,
    summary: 'compose one-thing bundles (一件事) from their members, and show what each saves applicants',
    details: `Composes each bundle as the server publishes it: one form (each fact asked once), one process (the members'
departments acting in parallel), one material list. Prints, per bundle, its members and the saving against applying
for each member on its own: fields typed, materials brought, on-site visits, promised working days and submissions.

options:
  --json               print { "bundles": [...], "problems": [...] }
  --out <file.json>    write the composed definition of the one bundle named

${exitCodes}
example: onematter bundle definitions/bundles`,
  },
  diff: {
    usage: diffUsage,
    summary: 'how definition a differs from b (same matter), what it costs applicants, and a’s score against b',
    details: `Every difference classified as more (+), less (−) or neutral (·) burden for a's applicants, grouped by
area, in English and Chinese, with both sides' burden metrics and a's score against b (0–100). Invalid
definitions (drafts) are compared too: each side's problems first, then what could be compared; a part that
could not be is marked · could not compare.

options:
  --json   print { "changes": [...], "metrics": { "a", "b" }, "score", "problems": { "a", "b" } }

${exitCodes} (1 when a side has problems; two definitions of different matters is a usage error)
example: onematter diff definitions/matters/residence-permit/ningbo.json definitions/matters/residence-permit/baseline.json`,
  },
  score: {
    usage: scoreUsage,
    summary: 'score every variant against its top-runner baseline (0–100), with the catalogue’s metrics',
    details: `One row per variant, whether it is levelled (scores at least the threshold), then the province's
catalogue metrics: zero materials, zero forms, at most one visit, immediate matters' minutes on site, regions
levelled, and per matter its distinct variants. A progress bar shows on a terminal, never in a pipe.

options:
  --json                print { "scores": [...], "catalogue": {...}, "problems": [...] }
  --levelled <points>   the score at which a region counts as levelled, 0–100 (default 90)

${exitCodes}
example: onematter score definitions`,
  },
  review: {
    usage: reviewUsage,
    summary: 'the catalogue’s metrics, and the reviewers’ report: region × metric matrix, score chart, level-up plans, proposed top runner',
    details: `Prints the province's catalogue metrics: the shares of definitions with zero materials (零材料), zero
forms (零表单) and at most one visit (最多跑一次), immediate matters' minutes on site, the regions levelled, and per
matter the number of distinct variants (1 = one matter, one form, one process). With --out, also writes one
self-contained HTML file (no scripts, nothing fetched) that opens offline.

options:
  --out <file.html>     also write the HTML report there
  --json                print { "catalogue": {...}, "matters": [...], "problems": [...] } instead of text
  --levelled <points>   the score at which a region counts as levelled, 0–100 (default 90)

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
  'import-form': {
    usage: importFormUsage,
    summary: 'import a JSON Schema form written elsewhere (draft-04 to 2020-12, an rjsf form) as a definition’s form.schema',
    details: `Normalizes the form into onematter's strict JSON Schema 2020-12 (definitions → $defs and $refs rewritten,
dependencies → dependentRequired/dependentSchemas, tuple items → prefixItems, $id removed, implied types added,
draft-04 exclusive bounds, rjsf enumNames → oneOf of const/title, ui:* options moved to form.uiSchema, unknown
keywords removed, …) and lists every change with its JSON Pointer in the schema file, in English and Chinese.
What cannot be converted (an external $ref, an unknown format, an unsafe pattern, a root that is not an object, …)
is a problem. The definition keeps everything else and is written back with 2-space indent, only when there is no
problem and it stays as valid in its catalogue as it was (a prefill naming a field the new form lacks stops it).

options:
  --into <definition.json>   the baseline or variant whose form.schema is replaced (required)
  --json                     print { "changes": [ { code, pointer, to, params, message } ], "problems": [...], "written" }
  --dry-run                  report what would change; write nothing

exit codes: 0 imported, 1 problems stopped it (nothing written), 2 usage error (not a matter definition, …)
example: onematter import-form rjsf-form.json --into definitions/matters/residence-permit/baseline.json --dry-run`,
  },
  export: {
    usage: exportUsage,
    summary: 'write the server’s published catalogue as files shaped like definitions/ (--files), or the catalogue as CPSV-AP 3.2 JSON-LD (--cpsv)',
    details: `--files <dir>: opens the server's database read only (it may be running) and writes the newest version of
every matter in every region to <dir>/matters/<matter>/<region>.json, as published (2-space JSON), with the shared
data, shared schemas, regions and bundles of the catalogue folder beside them: a complete catalogue \`onematter
validate\` passes. Older versions a variant or bundle still refers to go beside as <name>@<version>.json. Names: a
file already holding the matter and region keeps its name; else the folder is a slug of the English title, the
baseline baseline.json, a variant the slug of its region's English name (-<id> or -<region code> added on a clash).
Only changed files are rewritten; a file holding an edit that is not published yet stops the export (exit 1,
nothing written).

--cpsv <dir> [<definitions-dir>]: the catalogue in the EU's CPSV-AP 3.2 as JSON-LD, one document per definition
(<dir>/matters/<id>/<region code>.jsonld, an older version as <region code>@<version>.jsonld) and the index
<dir>/catalogue.jsonld; each document embeds its context, so reading it fetches nothing. From a definitions folder
when one is named (validated first: any problem stops the export, exit 1, nothing written), else from the server's
database (read only) with the bundles of --catalogue. What CPSV-AP lacks is under https://onematter.dev/ns#
(docs/cpsv.md). Only changed files are rewritten, so exporting twice writes nothing.

options:
  --files <dir>       write a definitions folder (made if missing)
  --cpsv <dir>        write CPSV-AP 3.2 JSON-LD (made if missing)
  --data <folder>     the server's data folder (default: ONEMATTER_DATA, else ./.onematter); its database must exist
  --all-versions      also every older version, as <name>@<version>.json(ld)
  --catalogue <dir>   where the shared data, schemas, regions and bundles come from (default: the project's
                      definitions/; for a definitions folder: the catalogue root above it)

exit codes: 0 exported, 1 files would be overwritten or the definitions have problems (nothing written), 2 usage error (no database there, …)
example: onematter export --files catalogue --data /srv/onematter
example: onematter export --cpsv cpsv definitions`,
  },
  import: {
    usage: importUsage,
    summary: 'publish a folder of definitions (an export, a catalogue in version control) into the server’s store',
    details: `Validates the whole folder as one catalogue, then publishes every definition not published yet. The same id,
version and region with the same content is unchanged; with other content it is a conflict (a published version
never changes: give the change a new version). Any problem or conflict is listed and nothing is published. The
database is made if the data folder has none (a server started on it then serves what was imported).

options:
  --files <dir>     the folder to import (required)
  --data <folder>   the server's data folder (default: ONEMATTER_DATA, else ./.onematter)
  --by <user>       who the versions are recorded as published by (default: none, as for files)

${exitCodes}; conflicts with published versions count as problems
example: onematter import --files catalogue --data /srv/onematter --by official`,
  },
  process: {
    usage: processUsage,
    summary: 'export a definition’s process as Stately-compatible XState machine JSON, or import such a machine into a definition',
    details: `export: writes the process as XState v5 machine JSON that Stately Studio and createMachine read (guards and
actions as { "type": … } objects), to --out or standard output.
import: reads machine JSON (as Stately Studio exports it) and puts it in place of the definition's process: guard and
action objects without parameters become their names, "#machine.state" targets and one-item target lists become the
state's name, and the machine's context, types, version and schemas keys are dropped (the runtime owns the case's
context). Each change is listed with its JSON Pointer in the machine file, in English and Chinese. What onematter
cannot run is kept and reported by the validator with its pointer in the definition. The definition is written back
(2-space JSON) only when it stays as valid in its catalogue as it was.

options:
  --out <machine.json>       export: the file to write (default: standard output)
  --into <definition.json>   import: the baseline or variant whose process is replaced (required)
  --json                     import: print { "changes": [ { pointer, message } ], "problems": [...], "written" }
  --dry-run                  import: report what would change; write nothing

exit codes: 0 exported or imported, 1 problems stopped the import (nothing written), 2 usage error
example: onematter process export definitions/matters/residence-permit/baseline.json --out permit.machine.json`,
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
