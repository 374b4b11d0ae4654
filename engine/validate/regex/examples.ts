/**
 * Example strings built from a pattern's AST: each character from the character's set (from its start or its end),
 * each repetition at its fewest (or one more), each alternation's branches in turn. Lookarounds and anchors are not honoured, so an example
 * may not match: callers test every example with the real regex before relying on it.
 */
import { Alphabet } from './charset.ts';
import { parseRegex, type RegexNode } from './parse.ts';
import { checkPattern } from '../regex-safety.ts';

const maxExampleLength = 256;

/** Up to `count` distinct example strings of `source`; none when the pattern is not one the validator accepts. */
export function patternExamples(source: string, count: number): string[] {
  if (!checkPattern(source).ok) return [];
  let root: RegexNode;
  const alphabet = new Alphabet(source);
  try {
    root = parseRegex(source, alphabet);
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (let variant = 0; variant < count * 2 && out.size < count; variant++) {
    const text = build(root, variant, alphabet);
    if (text !== undefined && [...text].length <= maxExampleLength) out.add(text);
  }
  return [...out];
}

function build(node: RegexNode, variant: number, alphabet: Alphabet): string | undefined {
  switch (node.kind) {
    case 'char':
      // odd variants count from the end of each set ([0-9X] → 'X'); a backreference's text is not known here
      return node.nullable ? '' : alphabet.pick(node.chars, variant % 2 === 0 ? variant / 2 : -1 - (variant - 1) / 2);
    case 'assert':
    case 'look':
      return '';
    case 'group':
      return build(node.body, variant, alphabet);
    case 'seq': {
      let out = '';
      for (const item of node.items) {
        const part = build(item, variant, alphabet);
        if (part === undefined || out.length > maxExampleLength) return undefined;
        out += part;
      }
      return out;
    }
    case 'alt':
      return build(node.branches[variant % node.branches.length]!, Math.floor(variant / node.branches.length), alphabet);
    case 'repeat': {
      const times = Math.min(node.min + (variant % 2 === 1 && node.max > node.min ? 1 : 0), maxExampleLength + 1);
      let out = '';
      for (let i = 0; i < times; i++) {
        const part = build(node.body, variant + i, alphabet);
        if (part === undefined || out.length > maxExampleLength) return undefined;
        out += part;
      }
      return out;
    }
  }
}
