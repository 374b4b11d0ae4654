/** Why an uploaded file is refused: too large, empty, or not a PDF, JPEG or PNG by its content. */

export type FileProblem = 'file-too-large' | 'file-empty' | 'file-type';

/** A refused upload; `limit` (bytes) for one too large. The server names the material in its answer. */
export class FileRejectedError extends Error {
  constructor(
    readonly problem: FileProblem,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** The file module used out of order (a programmer's slip, not the applicant's): the server answers 500. */
export class FileUsageError extends Error {}

/** "10 MiB" for whole mebibytes, else bytes. */
export const describeBytes = (bytes: number): string => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`);
