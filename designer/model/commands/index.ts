/**
 * Every command of the designer, by name. A command is data — `{ name, args }` — so views dispatch it, the history
 * records it and a test replays a log of them; its plan is computed against the current definition.
 */
import type { MatterDefinition } from '../../../engine/index.ts';
import { applyOps } from '../patch.ts';
import type { Transaction } from '../transaction.ts';
import { CommandError, type CommandDefinition } from './command.ts';
import { changeType } from './change-type.ts';
import { applyFix, replaceDefinition } from './document.ts';
import { importFormCommand } from './import-form.ts';
import { addField, moveField, removeField, renameField, setRequired } from './fields.ts';
import { addMaterial, moveMaterial, removeMaterial } from './materials.ts';
import { setCondition } from './set-condition.ts';
import { setOptions } from './set-options.ts';
import { setPrefill } from './set-prefill.ts';
import { addState, removeState, renameState, setInitial, setStateFinal, setStateRole, setStateStep } from './process.ts';
import { setOnDone, setStateType } from './process-nesting.ts';
import { addTransition, removeTransition, renameEvent, setTransition } from './process-transitions.ts';
import { setOneOfGroup, setSituation, setSituationClause } from './situations.ts';
import { setValue } from './set-value.ts';

export { CommandError } from './command.ts';

/** Every command under its name (each definition carries the same name). */
export const commands = {
  'set-value': setValue,
  'add-field': addField,
  'remove-field': removeField,
  'rename-field': renameField,
  'move-field': moveField,
  'set-required': setRequired,
  'change-type': changeType,
  'set-options': setOptions,
  'set-prefill': setPrefill,
  'set-condition': setCondition,
  'add-material': addMaterial,
  'remove-material': removeMaterial,
  'move-material': moveMaterial,
  'set-situation': setSituation,
  'set-situation-clause': setSituationClause,
  'set-one-of-group': setOneOfGroup,
  'add-state': addState,
  'remove-state': removeState,
  'rename-state': renameState,
  'set-state-role': setStateRole,
  'set-state-step': setStateStep,
  'set-state-final': setStateFinal,
  'set-initial': setInitial,
  'set-state-type': setStateType,
  'set-on-done': setOnDone,
  'add-transition': addTransition,
  'remove-transition': removeTransition,
  'set-transition': setTransition,
  'rename-event': renameEvent,
  'replace-definition': replaceDefinition,
  'apply-fix': applyFix,
  'import-form': importFormCommand,
} as const;
type Args<C> = C extends CommandDefinition<infer A> ? A : never;
type All = typeof commands;

/** A command as data, e.g. `{ name: 'add-field', args: { parent: '/applicant', name: 'phone', schema: { type: 'string' } } }`. */
export type Command = { [K in keyof All]: { readonly name: K; readonly args: Args<All[K]> } }[keyof All];

/** Plans and applies a command: the new definition and the transaction that records (and undoes) it. */
export function runCommand(definition: MatterDefinition, command: Command): { definition: MatterDefinition; transaction: Transaction } {
  const found = Object.hasOwn(commands, command.name) ? (commands[command.name] as CommandDefinition<unknown>) : undefined;
  if (!found) throw new CommandError(String(command.name), 'no such command');
  const plan = found.plan(definition, command.args);
  const applied = applyOps(definition, plan.ops);
  return {
    definition: applied.doc as MatterDefinition,
    transaction: { command, label: plan.label, ops: plan.ops, inverse: applied.inverse, ...(plan.select !== undefined ? { select: plan.select } : {}) },
  };
}
