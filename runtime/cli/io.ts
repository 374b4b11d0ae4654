/** What a CLI command may touch: its output streams and working directory (tests pass their own). */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly cwd: string;
}

/** Exit codes: 0 = all good, 1 = problems found, 2 = usage error, 70 = internal error (a bug). */
export const exitCodes = { ok: 0, problems: 1, usage: 2, internal: 70 } as const;

/** A usage error: bad arguments or unreadable paths. Reported on stderr with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
