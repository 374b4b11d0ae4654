/** What every command is: a name, and a plan of ops computed against the current definition (pure). */
import type { LocalizedText, MatterDefinition } from '../../../engine/index.ts';
import type { Op } from '../patch.ts';

/** The ops a command would apply, what the history calls it, and what to select afterwards. */
export interface Plan {
  readonly ops: readonly Op[];
  readonly label: LocalizedText;
  readonly select?: string;
}

export interface CommandDefinition<A> {
  readonly name: string;
  /** The plan for `args` against `definition`; throws CommandError when it does not apply. */
  plan(definition: MatterDefinition, args: A): Plan;
}

/** A command that does not apply to the current definition (a field that is gone, a name taken…). */
export class CommandError extends Error {
  constructor(readonly command: string, message: string) {
    super(`${command}: ${message}`);
    this.name = 'CommandError';
  }
}

/** Defines a command (keeps `A` for the typed union in index.ts). */
export const command = <A>(definition: CommandDefinition<A>): CommandDefinition<A> => definition;
