/**
 * Static detection of exponential backtracking (ReDoS) on the AST of regex/parse.ts.
 *
 * A backtracking engine blows up exponentially when a loop's body can consume the same text in several ways,
 * because on failure it retries every way of splitting the input between iterations. Two shapes cause
 * nearly all real cases, and are what this module looks for inside every "unbounded" loop R:
 *   1. nested quantifiers: R's body holds a variable-count quantifier I, and everything else R's body must
 *      match along the way to I can also be made of I's characters, e.g. (a+)+, (\w+\s?)*, (x+x+)+y;
 *   2. overlapping alternation: an alternation in R's body has two branches that can start with the same
 *      character, e.g. (a|a)*, (\d|\w)+ — each iteration may take either branch.
 * Out of scope: polynomial backtracking from adjacent overlapping quantifiers (^\S+@\S+\.\S+$ is O(n³) on
 * bad input but not exponential), and the polynomial blow-up of bounded loops below LARGE_BOUND, e.g. (a+){2,9}.
 */
import type { CharSet } from './charset.ts';
import type { RegexNode, RepeatNode } from './parse.ts';

/** A repetition bound from which a loop counts as unbounded (as {0,200} is, in practice). */
export const LARGE_BOUND = 10;

/** An unbounded loop that can backtrack exponentially, and why. */
export interface Finding {
  readonly loop: RepeatNode;
  readonly reason: string;
}

/** The first (outermost, leftmost) loop of the pattern that backtracks exponentially, if any. */
export function findExponentialBacktracking(node: RegexNode): Finding | undefined {
  if (node.kind === 'repeat' && isUnbounded(node)) {
    if (hasAmbiguousNesting(node.body, [])) {
      return { loop: node, reason: 'nested quantifiers: the inner and outer loop can split the same input in exponentially many ways' };
    }
    if (hasOverlappingAlternation(node.body)) {
      return { loop: node, reason: 'repeated alternation whose branches can match the same character, so every iteration can take either branch' };
    }
  }
  for (const child of childrenOf(node)) {
    const finding = findExponentialBacktracking(child);
    if (finding) return finding;
  }
  return undefined;
}

const isUnbounded = (node: RepeatNode): boolean => node.max >= LARGE_BOUND;

function childrenOf(node: RegexNode): readonly RegexNode[] {
  switch (node.kind) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.branches;
    case 'look':
    case 'group':
    case 'repeat':
      return [node.body];
    default:
      return [];
  }
}

/**
 * Shape 1. Walks a loop body looking for a variable-count quantifier I; `rest` collects what else the body
 * must match on the path to I (siblings in sequences, and other iterations of bounded loops in between).
 */
function hasAmbiguousNesting(node: RegexNode, rest: readonly RegexNode[]): boolean {
  switch (node.kind) {
    case 'group':
      return hasAmbiguousNesting(node.body, rest);
    case 'alt':
      return node.branches.some((branch) => hasAmbiguousNesting(branch, rest));
    case 'seq':
      return node.items.some(
        (item, i) => item.kind !== 'char' && hasAmbiguousNesting(item, [...rest, ...node.items.filter((_, j) => j !== i)]),
      );
    case 'repeat':
      if (node.max > node.min && isAmbiguousWith(node, rest)) return true;
      // An unbounded inner loop is checked as a loop of its own; anything it hides, it would catch first.
      if (isUnbounded(node)) return false;
      return hasAmbiguousNesting(node.body, node.max >= 2 ? [...rest, node.body] : rest);
    default:
      return false; // characters; assertions and lookarounds consume nothing, and are atomic in JS
  }
}

/**
 * True when a loop around `inner` + `rest` can spend the same run of inner's characters in two ways: either
 * inner alone can (it repeats at least twice, as in (a+)+ or (a{1,2})+), or some part of the rest can also
 * eat inner's characters (as in (a?a)+). Either way the rest must be able to keep out of the way.
 */
function isAmbiguousWith(inner: RepeatNode, rest: readonly RegexNode[]): boolean {
  const chars = inner.chars;
  if (chars === 0n) return false;
  let restEatsChars = false;
  for (const part of rest) {
    const f = fit(part, chars);
    if (f === Fit.None) return false;
    if (f === Fit.NonEmpty) restEatsChars = true;
  }
  return inner.max >= 2 || restEatsChars;
}

/** How well a node can match text drawn only from a given set of characters. */
const Fit = { None: 0, EmptyOnly: 1, NonEmpty: 2 } as const;
type Fit = (typeof Fit)[keyof typeof Fit];

function fit(node: RegexNode, chars: CharSet): Fit {
  switch (node.kind) {
    case 'char':
      return (node.chars & chars) !== 0n ? Fit.NonEmpty : node.nullable ? Fit.EmptyOnly : Fit.None;
    case 'assert':
    case 'look':
      return Fit.EmptyOnly; // assumed satisfiable
    case 'group':
      return fit(node.body, chars);
    case 'seq': {
      let best: Fit = Fit.EmptyOnly;
      for (const item of node.items) {
        const f = fit(item, chars);
        if (f === Fit.None) return Fit.None;
        if (f === Fit.NonEmpty) best = Fit.NonEmpty;
      }
      return best;
    }
    case 'alt':
      return node.branches.reduce<Fit>((best, branch) => Math.max(best, fit(branch, chars)) as Fit, Fit.None);
    case 'repeat': {
      const f = node.max === 0 ? Fit.EmptyOnly : fit(node.body, chars);
      return f === Fit.None && node.min === 0 ? Fit.EmptyOnly : f;
    }
  }
}

/** Shape 2: an alternation inside a loop body (not behind a nested unbounded loop) with overlapping starts. */
function hasOverlappingAlternation(node: RegexNode): boolean {
  switch (node.kind) {
    case 'group':
      return hasOverlappingAlternation(node.body);
    case 'seq':
      return node.items.some(hasOverlappingAlternation);
    case 'repeat':
      return !isUnbounded(node) && hasOverlappingAlternation(node.body);
    case 'alt': {
      let seen: CharSet = 0n;
      for (const branch of node.branches) {
        if ((branch.first & seen) !== 0n) return true;
        seen |= branch.first;
      }
      return node.branches.some(hasOverlappingAlternation);
    }
    default:
      return false;
  }
}
