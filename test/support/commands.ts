/** Running the designer's editor-model commands in tests: every one undone, redone and replayed from its log. */
import { expect } from 'vitest';
import type { MatterDefinition } from '../../engine/index.ts';
import type { Command } from '../../designer/model/commands/index.ts';
import { execute, initialState, redo, replay, undo } from '../../designer/model/editor.ts';

/** Identical means identical bytes: key order included. */
export const text = (value: unknown): string => JSON.stringify(value);

/**
 * Runs commands one after another; each must change the definition, undo to the identical definition before it, redo
 * to the identical one after it, and replay from its log (as JSON data) to the same result. Returns the end.
 */
export function runCommands(definition: MatterDefinition, ...commands: Command[]): MatterDefinition {
  let state = initialState(definition);
  for (const command of commands) {
    const before = state;
    state = execute(state, command);
    expect(state, `${command.name} changed nothing`).not.toBe(before);
    expect(text(undo(state).definition)).toBe(text(before.definition));
    expect(text(redo(undo(state)).definition)).toBe(text(state.definition));
  }
  const log = JSON.parse(JSON.stringify(commands)) as Command[];
  expect(text(replay(definition, log).definition)).toBe(text(state.definition));
  return state.definition;
}
