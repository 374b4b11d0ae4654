/**
 * A problem is data: a stable `code`, a JSON Pointer into the offending file, the `params` the message is rendered
 * from, and the rendered message. The CLI, the designer and the API all show the same thing.
 */
export interface Problem {
  /** Stable machine code, e.g. `process.target-missing`. */
  readonly code: string;
  /** File the problem was found in, as given by the caller. */
  readonly file: string;
  /** JSON Pointer into that file ('' = the whole document). */
  readonly pointer: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** English message rendered from code + params. */
  readonly message: string;
}
