/** Diff rules as data: each one small object in its own file, collected in rules/index.ts. */
import type { LocalizedText, MatterDefinition } from '../model/index.ts';
import type { Area, Burden, Change, ChangeKind } from './change.ts';
import type { FixOp } from './fix.ts';
import type { SchemaPair } from './form/walk.ts';

export interface Describe {
  readonly en: (p: Record<string, unknown>) => string;
  readonly zh: (p: Record<string, unknown>) => string;
}

interface RuleBase {
  readonly code: string;
  readonly area: Area;
  /** The message of each change this rule reports, rendered from its params. */
  readonly describe: Describe;
}

/** Compares whole definitions (materials, process, service elements, prefill). */
export interface DefinitionRule extends RuleBase {
  readonly scope: 'definition';
  /** The parts of a definition (JSON Pointers) the rule reads: when they are equal on both sides, it is skipped. */
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
  readonly fix: readonly FixOp[];
}

export type Emit = (finding: Finding) => void;

/** Makes a change from a rule and what it found; neutral changes weigh nothing. */
export function toChange(rule: RuleBase, f: Finding): Change {
  const message: LocalizedText = { zh: rule.describe.zh(f.params), en: rule.describe.en(f.params) };
  return { area: rule.area, kind: f.kind, path: f.path, burden: f.burden, code: rule.code, message, params: f.params, weight: f.burden === 'neutral' ? 0 : f.weight, fix: f.fix };
}

/** more / less / neutral from a signed comparison: positive = `a` asks more of the applicant. */
export const burdenOf = (sign: number): Burden => (sign > 0 ? 'more' : sign < 0 ? 'less' : 'neutral');
