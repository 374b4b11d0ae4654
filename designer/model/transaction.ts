/**
 * A transaction: what one command changed, as the ops that did it and the ops that undo it, with the command that
 * made it (serializable, so a session's command log can be replayed in a test without a browser).
 */
import type { LocalizedText } from '../../engine/index.ts';
import type { Op } from './patch.ts';

/** A command as data: its name and arguments (see commands/). */
export interface CommandSpec {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

export interface Transaction {
  readonly command: CommandSpec;
  /** What the history shows: "add field /applicant/phone". */
  readonly label: LocalizedText;
  readonly ops: readonly Op[];
  readonly inverse: readonly Op[];
  /** The pointer to select after the change (e.g. the new field). */
  readonly select?: string;
  /** When it was made (ms), if the editor was told: typing into one value merges into one transaction. */
  readonly at?: number;
}
