/** Running the CLI in-process against a temporary copy of a catalogue, capturing its output. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../runtime/cli/main.ts';

/** A temporary working folder holding a copy of `source` at `as`; `run(...)` runs `onematter` there. */
export function cliSandbox(source: string, as: string) {
  const dir = mkdtempSync(join(tmpdir(), 'onematter-cli-'));
  cpSync(source, join(dir, as), { recursive: true });
  return {
    dir,
    async run(...argv: string[]) {
      let stdout = '';
      let stderr = '';
      const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir });
      return { code, stdout, stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
