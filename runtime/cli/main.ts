/** The `onematter` command line: parses the command and maps errors to exit codes. */
import { catalogueCommand, catalogueUsage } from './catalogue-command.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { validateCommand, validateUsage } from './validate-command.ts';
import { diffCommand, diffUsage } from './diff-command.ts';
import { scoreCommand, scoreUsage } from './score-command.ts';
import { reviewCommand, reviewUsage } from './review-command.ts';
import { typegenCommand, typegenUsage } from './typegen-command.ts';

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate: validateCommand,
  catalogue: catalogueCommand,
  diff: diffCommand,
  score: scoreCommand,
  review: reviewCommand,
  typegen: typegenCommand,
};

const help = `onematter — one matter, one form, one process

usage:
  ${validateUsage}
      check definitions; exit 0 when valid, 1 when problems were found, 2 on a usage error
  ${catalogueUsage}
      summarize matters, baselines and variants with their burden metrics
  ${diffUsage}
      how definition a differs from b (same matter), what it costs applicants, and a's score against b
  ${scoreUsage}
      score every variant against its top-runner baseline (0–100)
  ${reviewUsage}
      write the reviewers' report: region × metric matrix, score chart, level-up plans, proposed top runner
  ${typegenUsage}
      write one TypeScript type per matter form (its form.schema data) and an index.ts re-exporting them
`;

/** Runs one CLI invocation and returns its exit code; never throws (a bug is reported with exit code 70). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(help);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`unknown command: ${name}\n\n${help}`);
    return exitCodes.usage;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`onematter ${name}: ${error.message}\n`);
      return exitCodes.usage;
    }
    io.stderr.write(`onematter ${name}: internal error, please report it:\n${error instanceof Error ? error.stack : String(error)}\n`);
    return exitCodes.internal;
  }
}
