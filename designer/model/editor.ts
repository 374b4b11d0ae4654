/**
 * The designer's editor state as a value: the definition being edited, the selection and the history. A command
 * becomes a transaction (its ops and their inverse); undo applies the inverse, redo the ops again. Nothing here
 * knows React: views read the state and dispatch commands, and subscribers hear of every new state.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { applyOps } from './patch.ts';
import type { Transaction } from './transaction.ts';
import { runCommand, type Command } from './commands/index.ts';

export interface EditorState {
  /** The draft: usually invalid while it is edited (problems come from the worker, not from here). */
  readonly definition: MatterDefinition;
  /** A JSON Pointer into the definition (a field, a material, a state…), or undefined. */
  readonly selection: string | undefined;
  readonly done: readonly Transaction[];
  readonly undone: readonly Transaction[];
  /** Bumped by every change of the definition: what the worker and autosave key their work on. */
  readonly revision: number;
}

/** A fresh state for a definition (no history). */
export const initialState = (definition: MatterDefinition): EditorState => ({ definition, selection: undefined, done: [], undone: [], revision: 0 });

/** Keystrokes into one value less than this apart (ms) are one transaction: undo takes back the word, not a letter. */
export const typingMergeMs = 1000;

/**
 * Runs a command: its transaction is applied and recorded; the redo list is cleared. Throws on a command that cannot
 * apply. With `now`, a `set-value` of the same pointer as the newest transaction, soon after it, merges into it.
 */
export function execute(state: EditorState, command: Command, now?: number): EditorState {
  const { definition, transaction } = runCommand(state.definition, command);
  if (transaction.ops.length === 0) return state;
  const last = state.done.at(-1);
  const merges = now !== undefined && last?.at !== undefined && now - last.at < typingMergeMs && command.name === 'set-value' && last.command.name === 'set-value'
    && (last.command.args as { pointer: string }).pointer === command.args.pointer && state.undone.length === 0;
  const recorded = merges ? { ...transaction, inverse: [...transaction.inverse, ...last.inverse], at: now } : { ...transaction, ...(now !== undefined ? { at: now } : {}) };
  return {
    definition,
    selection: transaction.select ?? state.selection,
    done: merges ? [...state.done.slice(0, -1), recorded] : [...state.done, recorded],
    undone: [],
    revision: state.revision + 1,
  };
}

/** Undoes the newest transaction (no-op without one). */
export function undo(state: EditorState): EditorState {
  const last = state.done.at(-1);
  if (!last) return state;
  return { definition: applyOps(state.definition, last.inverse).doc as MatterDefinition, selection: state.selection, done: state.done.slice(0, -1), undone: [...state.undone, last], revision: state.revision + 1 };
}

/** Redoes the newest undone transaction (no-op without one). */
export function redo(state: EditorState): EditorState {
  const next = state.undone.at(-1);
  if (!next) return state;
  return { definition: applyOps(state.definition, next.ops).doc as MatterDefinition, selection: next.select ?? state.selection, done: [...state.done, next], undone: state.undone.slice(0, -1), revision: state.revision + 1 };
}

/** Selects an element (a pointer into the definition). */
export const select = (state: EditorState, pointer: string | undefined): EditorState => (pointer === state.selection ? state : { ...state, selection: pointer });

/** Replays a command log from a definition: what a session did, without a browser. */
export function replay(definition: MatterDefinition, log: readonly Command[]): EditorState {
  return log.reduce(execute, initialState(definition));
}

/** A store around the state for views: get, dispatch, subscribe. */
export class Editor {
  private listeners = new Set<(state: EditorState) => void>();
  constructor(private current: EditorState) {}

  get state(): EditorState {
    return this.current;
  }

  /** Runs a command (see commands/). */
  dispatch(command: Command): void {
    this.set(execute(this.current, command, Date.now()));
  }

  undo(): void {
    this.set(undo(this.current));
  }

  redo(): void {
    this.set(redo(this.current));
  }

  select(pointer: string | undefined): void {
    this.set(select(this.current, pointer));
  }

  /** Replaces the state wholesale (loading another draft). */
  reset(state: EditorState): void {
    this.set(state);
  }

  /** Calls `listener` with every new state; returns the unsubscribe function. */
  subscribe(listener: (state: EditorState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: EditorState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
