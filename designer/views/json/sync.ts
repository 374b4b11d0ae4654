/**
 * The JSON text and the editor model's definition, kept in step (no DOM, no CodeMirror: a test drives it). Typing
 * makes the text pending; after the pause it is parsed safely (the engine's parseDocument: size, depth, hostile and
 * duplicate keys) and, when it parses to something else than the model holds, becomes the definition to dispatch.
 * When the model's definition changes elsewhere the text follows, unless what the official typed is still pending.
 */
import type { MatterDefinition, Problem } from '../../../engine/index.ts';
import { parseDocument } from '../../../engine/json/parse.ts';

/** The text the view shows for a definition. */
export const pretty = (definition: unknown): string => JSON.stringify(definition, null, 2) ?? 'null';

/** A change of a text: replace [from, to) by `insert`. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The smallest single change turning `before` into `after` (their common start and end kept, so a cursor there stays). */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

// Equal including the order of members (reordering fields is an edit), as the text would show it.
const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

export type SyncStatus = 'synced' | 'pending' | 'invalid';

export class JsonSync {
  /** What the editor shows (while typing is pending: what it showed before). */
  text: string;
  /** Why the text does not parse (empty when it does). */
  problems: readonly Problem[] = [];
  private pending = false;
  // the definition the text stands for (the model's, or the one parsed from the text)
  private shown: unknown;

  constructor(definition: unknown) {
    this.shown = definition;
    this.text = pretty(definition);
  }

  get status(): SyncStatus {
    return this.pending ? 'pending' : this.problems.length > 0 ? 'invalid' : 'synced';
  }

  /** The official is typing: the text is parsed after the pause (the editor holds it meanwhile). */
  typing(): void {
    this.pending = true;
  }

  /**
   * The pause came (or the view needs it now): parses the typed `text`. Returns the definition to dispatch when it
   * parsed to something else than `current` (the model's); the problems otherwise, the text staying as typed.
   */
  settle(current: unknown, text: string): MatterDefinition | undefined {
    if (!this.pending) return undefined;
    this.pending = false;
    this.text = text;
    const parsed = parseDocument('draft.json', this.text);
    if (!parsed.ok) {
      this.problems = parsed.problems;
      return undefined;
    }
    this.problems = [];
    if (same(parsed.value, current)) {
      this.shown = current;
      return undefined;
    }
    this.shown = parsed.value;
    return parsed.value as unknown as MatterDefinition;
  }

  /**
   * The model's definition is `definition` (another section's edit, undo, redo, or the one just dispatched): the change
   * that makes the text show it, or undefined when the text already does or is pending.
   */
  follow(definition: unknown): TextChange | undefined {
    if (definition === this.shown || this.pending) return undefined;
    if (this.problems.length === 0 && same(definition, this.shown)) {
      this.shown = definition; // the text says it already, in the official's own layout
      return undefined;
    }
    return this.show(definition);
  }

  /** Undo while the text does not parse: back to the text of the model's definition (what was last valid). */
  revert(definition: unknown): TextChange | undefined {
    this.pending = false;
    return this.show(definition);
  }

  private show(definition: unknown): TextChange | undefined {
    const next = pretty(definition);
    const change = textChange(this.text, next);
    this.shown = definition;
    this.text = next;
    this.problems = [];
    return change;
  }
}
