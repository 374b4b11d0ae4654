/**
 * The string lengths a JSON Schema `pattern` allows, read from the AST of regex/parse.ts. A `pattern` is not
 * anchored: the string only has to contain a match, so it bounds the length from above only when every branch is
 * written `^…$`. Lengths count code points, as ajv's `minLength`/`maxLength` do and as a 'u'-flag regex consumes them.
 */
import { Alphabet } from './charset.ts';
import type { RegexNode } from './parse.ts';
import { parseRegex } from './parse.ts';
import { checkPattern } from '../regex-safety.ts';

/** Inclusive bounds on a length; `max` may be Infinity. */
export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The lengths of the strings `source` can match as a JSON Schema pattern, or undefined when the pattern is not one
 * the validator accepts (invalid, unsafe, too long or too deep: the same limits as regex-safety.ts).
 */
export function patternLengths(source: string): LengthRange | undefined {
  if (!checkPattern(source).ok) return undefined;
  let root: RegexNode;
  try {
    root = parseRegex(source, new Alphabet(source));
  } catch {
    return undefined;
  }
  return { min: matchLength(root).min, max: longestString(root, source) };
}

/**
 * Whether the bounds patternLengths gives are lengths some string really has: not when a lookaround, a word boundary
 * or a backreference constrains the match in ways the length count does not see (`^(?=.{1,20}$)[a-z]+$` has no string
 * longer than 20, though its letters count to Infinity). False for a pattern patternLengths reads nothing from.
 */
export function patternLengthsExact(source: string): boolean {
  if (patternLengths(source) === undefined) return false;
  const stack: RegexNode[] = [parseRegex(source, new Alphabet(source))];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'look' || (node.kind === 'char' && node.nullable)) return false;
    if (node.kind === 'assert' && !['^', '$'].includes(source.slice(node.start, node.end))) return false;
    if (node.kind === 'group' || node.kind === 'repeat') stack.push(node.body);
    else if (node.kind === 'seq') stack.push(...node.items);
    else if (node.kind === 'alt') stack.push(...node.branches);
  }
  return true;
}

/** The lengths a match of `node` can have (a backreference repeats text of any length). */
export function matchLength(node: RegexNode): LengthRange {
  switch (node.kind) {
    case 'char':
      return node.nullable ? { min: 0, max: Infinity } : { min: 1, max: 1 }; // only backreferences are nullable chars
    case 'assert':
    case 'look':
      return { min: 0, max: 0 };
    case 'group':
      return matchLength(node.body);
    case 'seq':
      return node.items.reduce((sum, item) => {
        const l = matchLength(item);
        return { min: sum.min + l.min, max: sum.max + l.max };
      }, { min: 0, max: 0 });
    case 'alt': {
      const ls = node.branches.map(matchLength);
      return { min: Math.min(...ls.map((l) => l.min)), max: Math.max(...ls.map((l) => l.max)) };
    }
    case 'repeat': {
      if (node.max === 0) return { min: 0, max: 0 };
      const l = matchLength(node.body);
      return { min: l.min * node.min, max: l.max === 0 ? 0 : l.max * node.max };
    }
  }
}

// The longest string the pattern allows: a branch written `^…$` (through groups) is the whole string, any other
// branch lets text run on either side of its match.
function longestString(node: RegexNode, source: string): number {
  let n = node;
  while (n.kind === 'group') n = n.body;
  if (n.kind === 'alt') return Math.max(...n.branches.map((b) => longestString(b, source)));
  if (n.kind !== 'seq') return Infinity;
  const is = (item: RegexNode | undefined, text: string) => item !== undefined && item.kind === 'assert' && source.slice(item.start, item.end) === text;
  return is(n.items[0], '^') && is(n.items[n.items.length - 1], '$') ? matchLength(n).max : Infinity;
}
