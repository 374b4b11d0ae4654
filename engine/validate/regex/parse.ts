/**
 * A small parser for JavaScript regexes under the 'u' flag, producing just the AST the ReDoS analysis needs.
 * It runs only on sources `new RegExp(source, 'u')` has already accepted, so it can stay lenient: it does not
 * report syntax errors, it only refuses (throws) when it meets something it does not understand.
 */
import { ANY_CHAR, NO_CHARS, type Alphabet, type CharSet } from './charset.ts';

/** Deepest group nesting the parser accepts: deeper patterns are refused rather than risk the stack. */
export const MAX_DEPTH = 100;

/** Facts every node carries, computed bottom-up while parsing. */
interface NodeBase {
  /** Span of the node in the pattern source (a repeat's span includes its quantifier). */
  readonly start: number;
  readonly end: number;
  /** Whether the node can match the empty string. */
  readonly nullable: boolean;
  /** Characters a non-empty match can start with. */
  readonly first: CharSet;
  /** Characters the node can consume anywhere. */
  readonly chars: CharSet;
}

/** One parsed piece of a regex: a character matcher, an assertion, or a combination of pieces. */
export type RegexNode =
  | (NodeBase & { readonly kind: 'char' }) // a literal, escape, class, `.`, or backreference
  | (NodeBase & { readonly kind: 'assert' }) // ^ $ \b \B
  | (NodeBase & { readonly kind: 'look'; readonly body: RegexNode }) // lookahead / lookbehind
  | (NodeBase & { readonly kind: 'group'; readonly body: RegexNode })
  | (NodeBase & { readonly kind: 'seq'; readonly items: readonly RegexNode[] })
  | (NodeBase & { readonly kind: 'alt'; readonly branches: readonly RegexNode[] })
  | RepeatNode;

/** A quantified node: `body{min,max}` (max may be Infinity); greedy and lazy forms are alike here. */
export type RepeatNode = NodeBase & {
  readonly kind: 'repeat';
  readonly body: RegexNode;
  readonly min: number;
  readonly max: number;
};

/** Thrown when groups nest deeper than MAX_DEPTH; `at` is the offset of the group that went too deep. */
export class TooDeepError extends Error {
  constructor(readonly at: number) {
    super(`groups nest deeper than ${MAX_DEPTH} levels`);
  }
}

/** Parses a source that compiles with the 'u' flag; throws TooDeepError, or Error on unsupported syntax. */
export function parseRegex(source: string, alphabet: Alphabet): RegexNode {
  const parser = new Parser(source, alphabet);
  const root = parser.disjunction();
  if (parser.pos !== source.length) throw new Error(`unexpected "${source[parser.pos]}" at ${parser.pos}`);
  return root;
}

const BRACE_QUANTIFIER = /\{(\d+)(?:(,)(\d*))?\}/y;

class Parser {
  pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly alphabet: Alphabet,
  ) {}

  disjunction(): RegexNode {
    const start = this.pos;
    const branches = [this.alternative()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? branches[0]! : alt(branches, start, this.pos);
  }

  private alternative(): RegexNode {
    const start = this.pos;
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const before = this.pos;
      items.push(this.term());
      if (this.pos === before) throw new Error(`parser stuck at ${before}`); // guarantees termination
    }
    return items.length === 1 ? items[0]! : seq(items, start, this.pos);
  }

  private term(): RegexNode {
    const atom = this.atom();
    // The 'u' flag forbids quantifying assertions and lookarounds, so only other atoms take a quantifier.
    return atom.kind === 'assert' || atom.kind === 'look' ? atom : this.quantified(atom);
  }

  private quantified(body: RegexNode): RegexNode {
    let min: number;
    let max: number;
    const c = this.src[this.pos];
    if (c === '*' || c === '+' || c === '?') {
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      this.pos++;
    } else if (c === '{') {
      BRACE_QUANTIFIER.lastIndex = this.pos;
      const m = BRACE_QUANTIFIER.exec(this.src);
      if (!m) throw new Error(`bad quantifier at ${this.pos}`);
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos = BRACE_QUANTIFIER.lastIndex;
    } else {
      return body;
    }
    if (this.src[this.pos] === '?') this.pos++; // lazy: backtracks just as much when the match fails
    return repeat(body, min, max, body.start, this.pos);
  }

  private atom(): RegexNode {
    const start = this.pos;
    switch (this.src[this.pos]) {
      case '^':
      case '$':
        this.pos++;
        return assertion(start, this.pos);
      case '.':
        this.pos++;
        return char(this.alphabet.matching('.'), start, this.pos);
      case '[':
        return this.charClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default: {
        const cp = this.src.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        return char(this.alphabet.literal(cp), start, this.pos);
      }
    }
  }

  private charClass(): RegexNode {
    // Without the 'v' flag classes do not nest, and under 'u' a ']' is never literal unless escaped, so the
    // class ends at the first unescaped ']' (`[]` and `[^]` included: nothing, and any character).
    const start = this.pos++;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new Error(`unterminated class at ${start}`);
      this.pos += c === '\\' ? 2 : 1;
      if (c === ']') break;
    }
    return char(this.alphabet.matching(this.src.slice(start, this.pos)), start, this.pos);
  }

  private group(): RegexNode {
    const start = this.pos;
    if (++this.depth > MAX_DEPTH) throw new TooDeepError(start);
    let look = false;
    if (this.src.startsWith('(?=', start) || this.src.startsWith('(?!', start)) {
      look = true;
      this.pos = start + 3;
    } else if (this.src.startsWith('(?<=', start) || this.src.startsWith('(?<!', start)) {
      look = true;
      this.pos = start + 4;
    } else if (this.src.startsWith('(?<', start)) {
      this.pos = this.skipPast('>', start); // named capturing group
    } else if (this.src.startsWith('(?', start)) {
      this.pos = this.skipPast(':', start); // (?:…), and (?i:…) modifiers on engines that have them
    } else {
      this.pos = start + 1;
    }
    const body = this.disjunction();
    if (this.src[this.pos] !== ')') throw new Error(`unterminated group at ${start}`);
    this.pos++;
    this.depth--;
    return look ? lookaround(body, start, this.pos) : group(body, start, this.pos);
  }

  private escape(): RegexNode {
    const start = this.pos;
    const c = this.src[start + 1] ?? '';
    if (c === 'b' || c === 'B') {
      this.pos = start + 2;
      return assertion(start, this.pos);
    }
    if (c >= '1' && c <= '9') {
      this.pos = start + 2;
      while (/[0-9]/.test(this.src[this.pos] ?? '')) this.pos++;
      return backreference(start, this.pos);
    }
    if (c === 'k') {
      this.pos = this.skipPast('>', start);
      return backreference(start, this.pos);
    }
    if (c === 'p' || c === 'P' || (c === 'u' && this.src[start + 2] === '{')) this.pos = this.skipPast('}', start);
    else if (c === 'u') this.pos = this.surrogatePairAt(start) ? start + 12 : start + 6;
    else if (c === 'x') this.pos = start + 4;
    else if (c === 'c') this.pos = start + 3;
    else this.pos = start + 2; // \d \w \s \D \W \S \t \n \v \f \r \0 and escaped syntax characters
    return char(this.alphabet.matching(this.src.slice(start, this.pos)), start, this.pos);
  }

  /** Under 'u', `\uD83D\uDE00` is one code point (so one atom for a following quantifier). */
  private surrogatePairAt(start: number): boolean {
    const lead = Number.parseInt(this.src.slice(start + 2, start + 6), 16);
    const trail = this.src.startsWith('\\u', start + 6) ? Number.parseInt(this.src.slice(start + 8, start + 12), 16) : NaN;
    return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff;
  }

  private skipPast(terminator: string, from: number): number {
    const at = this.src.indexOf(terminator, from);
    if (at < 0) throw new Error(`missing "${terminator}" after ${from}`);
    return at + 1;
  }
}

function char(set: CharSet, start: number, end: number): RegexNode {
  return { kind: 'char', start, end, nullable: false, first: set, chars: set };
}

// A backreference repeats unknown text: it may be empty and may contain anything.
function backreference(start: number, end: number): RegexNode {
  return { kind: 'char', start, end, nullable: true, first: ANY_CHAR, chars: ANY_CHAR };
}

function assertion(start: number, end: number): RegexNode {
  return { kind: 'assert', start, end, nullable: true, first: NO_CHARS, chars: NO_CHARS };
}

// Lookarounds consume nothing, so they contribute no characters to what surrounds them.
function lookaround(body: RegexNode, start: number, end: number): RegexNode {
  return { kind: 'look', body, start, end, nullable: true, first: NO_CHARS, chars: NO_CHARS };
}

function group(body: RegexNode, start: number, end: number): RegexNode {
  return { kind: 'group', body, start, end, nullable: body.nullable, first: body.first, chars: body.chars };
}

function seq(items: RegexNode[], start: number, end: number): RegexNode {
  let nullable = true;
  let first = NO_CHARS;
  let chars = NO_CHARS;
  for (const item of items) {
    if (nullable) first |= item.first; // an item can start the match while everything before it is empty
    nullable &&= item.nullable;
    chars |= item.chars;
  }
  return { kind: 'seq', items, start, end, nullable, first, chars };
}

function alt(branches: RegexNode[], start: number, end: number): RegexNode {
  return {
    kind: 'alt',
    branches,
    start,
    end,
    nullable: branches.some((b) => b.nullable),
    first: branches.reduce((set, b) => set | b.first, NO_CHARS),
    chars: branches.reduce((set, b) => set | b.chars, NO_CHARS),
  };
}

function repeat(body: RegexNode, min: number, max: number, start: number, end: number): RepeatNode {
  const never = max === 0;
  return {
    kind: 'repeat',
    body,
    min,
    max,
    start,
    end,
    nullable: min === 0 || body.nullable,
    first: never ? NO_CHARS : body.first,
    chars: never ? NO_CHARS : body.chars,
  };
}
