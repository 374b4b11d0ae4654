/** The `onematter` command line: parses the command and maps errors to exit codes. */
import { pathToFileURL } from 'node:url';
import { bundleCommand } from './bundle-command.ts';
import { catalogueCommand } from './catalogue-command.ts';
import { diffCommand } from './diff-command.ts';
import { exportCommand } from './export-command.ts';
import { helpOf, overview } from './help.ts';
import { importFormCommand } from './import-form-command.ts';
import { importCommand } from './import-command.ts';
import { processCommand } from './process-command.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { reviewCommand } from './review-command.ts';
import { scoreCommand } from './score-command.ts';
import { typegenCommand } from './typegen-command.ts';
import { validateCommand } from './validate-command.ts';
import { packageVersion } from './version.ts';

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate: validateCommand,
  catalogue: catalogueCommand,
  bundle: bundleCommand,
  diff: diffCommand,
  score: scoreCommand,
  review: reviewCommand,
  typegen: typegenCommand,
  'import-form': importFormCommand,
  export: exportCommand,
  import: importCommand,
  process: processCommand,
};

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Runs one CLI invocation and returns its exit code; never throws (a bug is reported with exit code 70). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`onematter ${packageVersion()}\n`);
    return exitCodes.ok;
  }
  if (name === undefined || name === 'help' || isHelp(name)) {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic !== undefined && Object.hasOwn(commands, topic)) {
      io.stdout.write(helpOf(topic));
      return exitCodes.ok;
    }
    (name === undefined ? io.stderr : io.stdout).write(overview(packageVersion()));
    return name === undefined || topic !== undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (!Object.hasOwn(commands, name)) {
    io.stderr.write(`unknown command: ${name}\n\n${overview(packageVersion())}`);
    return exitCodes.usage;
  }
  // `--help` anywhere before a `--` answers with the command's help, whatever else is on the line
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some(isHelp)) {
    io.stdout.write(helpOf(name));
    return exitCodes.ok;
  }
  try {
    return await commands[name]!(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`onematter ${name}: ${error.message}\n(onematter ${name} --help shows its usage and options)\n`);
      return exitCodes.usage;
    }
    io.stderr.write(`onematter ${name}: internal error, please report it:\n${error instanceof Error ? error.stack : String(error)}\n`);
    return exitCodes.internal;
  }
}

// Run as a script (`npx tsx runtime/cli/main.ts …`) it behaves like the `onematter` command; imported, it does nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
}
