/** Diff rules as data: each one small object in its own file, collected in rules/index.ts. */
import type { LocalizedText, MatterDefinition } from '../model/index.ts';
import type { Area, Burden, Change, ChangeKind } from './change.ts';
import type { FixOp } from './fix.ts';
import type { SchemaPair } from './form/pair.ts';

export interface Describe {
  readonly en: (p: Record<string, unknown>) => string;
  readonly zh: (p: Record<string, unknown>) => string;
}

/** What every rule has: its code, area and message. */
export interface RuleBase {
  readonly code: string;
  readonly area: Area;
  /** The message of each change this rule reports, rendered from its params. */
  readonly describe: Describe;
}

/** Compares whole definitions (materials, process, service elements, prefill). */
export interface DefinitionRule extends RuleBase {
  readonly scope: 'definition';
  /** The parts of a definition (JSON Pointers) the rule reads: when they are the same objects on both sides, it is skipped. */
  readonly reads: readonly string[];
  compare(a: MatterDefinition, b: MatterDefinition, emit: Emit): void;
}

/** Compares one pair of form subschemas matched by field path (the walker calls it at every pair). */
export interface SchemaRule extends RuleBase {
  readonly scope: 'schema';
  /** The keywords the rule compares: the walker calls it only where one of them differs. */
  readonly keywords: readonly string[];
  compare(pair: SchemaPair, emit: Emit): void;
}

export type DiffRule = DefinitionRule | SchemaRule;

export interface Finding {
  readonly kind: ChangeKind;
  readonly path: string;
  readonly burden: Burden;
  readonly weight: number;
  readonly params: Record<string, unknown>;
  /** The fix, or a function that makes it when first asked for (most changes of a bulk review never are). */
  readonly fix: readonly FixOp[] | (() => readonly FixOp[]);
}

export type Emit = (finding: Finding) => void;

/**
 * A change as the engine hands it out. The bilingual message is rendered on first read (a bulk review of 200,000
 * variants reads few of the millions of messages it could show); `toJSON` includes it, so output is plain data.
 */
class ChangeRecord implements Change {
  readonly area: Area;
  readonly code: string;
  readonly weight: number;
  readonly #rule: RuleBase;
  #message: LocalizedText | undefined;
  #fix: readonly FixOp[] | (() => readonly FixOp[]);

  constructor(
    rule: RuleBase,
    readonly kind: ChangeKind,
    readonly path: string,
    readonly burden: Burden,
    readonly params: Record<string, unknown>,
    weight: number,
    fix: readonly FixOp[] | (() => readonly FixOp[]),
  ) {
    this.#fix = fix;
    this.#rule = rule;
    this.area = rule.area;
    this.code = rule.code;
    this.weight = burden === 'neutral' ? 0 : weight;
  }

  get message(): LocalizedText {
    return (this.#message ??= { zh: this.#rule.describe.zh(this.params), en: this.#rule.describe.en(this.params) });
  }

  get fix(): readonly FixOp[] {
    if (typeof this.#fix === 'function') this.#fix = this.#fix();
    return this.#fix;
  }

  toJSON(): Change {
    const { area, kind, path, burden, code, message, params, weight, fix } = this;
    return { area, kind, path, burden, code, message, params, weight, fix };
  }
}

/** Makes a change from a rule and what it found; neutral changes weigh nothing. */
export function toChange(rule: RuleBase, f: Finding): Change {
  return new ChangeRecord(rule, f.kind, f.path, f.burden, f.params, f.weight, f.fix);
}

/** more / less / neutral from a signed comparison: positive = `a` asks more of the applicant. */
export const burdenOf = (sign: number): Burden => (sign > 0 ? 'more' : sign < 0 ? 'less' : 'neutral');
