/**
 * Character sets for the ReDoS analysis, as bitsets over a small sample alphabet. Asking "can these two
 * atoms match a common character?" then costs one bigint AND instead of reasoning about Unicode properties,
 * ranges and negations by hand: each atom's own source is compiled as a RegExp and tried on every sample.
 */

/** A set of sample characters, one bit each; `ANY_CHAR` (all bits set) stands for "every character". */
export type CharSet = bigint;

/** The empty set. */
export const NO_CHARS: CharSet = 0n;
/** Every character, including ones outside the sample (used for backreferences, whose text is unknown). */
export const ANY_CHAR: CharSet = -1n;

// ASCII plus a few characters from the classes patterns commonly use: Latin/Greek/Cyrillic letters, CJK and
// kana, Hangul, non-ASCII digits and marks, and the odd whitespace and line terminators `.`/`\s` disagree on.
const NON_ASCII_SAMPLES = [
  'é', 'ß', 'λ', 'Я', 'ع', '中', 'あ', '한', '٣', '\u0301', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '😀',
];
const BASE_SAMPLES: readonly string[] = [
  ...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)),
  ...NON_ASCII_SAMPLES,
];

// Escapes that spell a code point: \u{…}, \uXXXX, \xHH. Only used to add samples, so a mis-read is harmless.
const CODE_POINT_ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g;

/** The sample alphabet for one pattern: the fixed samples plus every code point the pattern mentions. */
export class Alphabet {
  private readonly samples: string[] = [];
  private readonly bitOf = new Map<number, number>();
  private readonly cache = new Map<string, CharSet>();
  private nextPrivateBit: number;

  constructor(patternSource: string) {
    for (const sample of BASE_SAMPLES) this.add(sample.codePointAt(0) ?? 0);
    // Range ends and literals of the pattern itself ([α-ω], [\u4e00-\u9fa5]) become samples too, so
    // that sets outside the fixed sample are still seen to overlap when they really do.
    for (const char of patternSource) this.add(char.codePointAt(0) ?? 0);
    for (const match of patternSource.matchAll(CODE_POINT_ESCAPE)) {
      this.add(Number.parseInt(match[1] ?? match[2] ?? match[3] ?? '0', 16));
    }
    this.nextPrivateBit = this.samples.length;
  }

  /** The set holding just the literal code point `cp` (a pattern character always is a sample). */
  literal(cp: number): CharSet {
    const bit = this.bitOf.get(cp);
    return bit === undefined ? this.matching(String.fromCodePoint(cp)) : 1n << BigInt(bit);
  }

  /** The samples matched by `atomSource`: one character, escape, class or `.`, valid under the 'u' flag. */
  matching(atomSource: string): CharSet {
    const cached = this.cache.get(atomSource);
    if (cached !== undefined) return cached;
    const re = new RegExp(`^(?:${atomSource})$`, 'u');
    let set = NO_CHARS;
    this.samples.forEach((sample, bit) => {
      if (re.test(sample)) set |= 1n << BigInt(bit);
    });
    // An atom matching no sample (say \p{Script=Ogham}) still matches *something*: give it a private bit,
    // shared by identical atoms, rather than let it look like it overlaps nothing at all.
    if (set === NO_CHARS) set = 1n << BigInt(this.nextPrivateBit++);
    this.cache.set(atomSource, set);
    return set;
  }

  /** The `k`-th sample character in `set`, counting round (from the last when `k` is negative); undefined when it holds none. */
  pick(set: CharSet, k: number): string | undefined {
    const members: string[] = [];
    this.samples.forEach((sample, bit) => {
      if ((set >> BigInt(bit)) & 1n) members.push(sample);
    });
    if (members.length === 0) return undefined;
    const i = k % members.length;
    return members[i < 0 ? i + members.length : i];
  }

  private add(cp: number): void {
    if (cp > 0x10ffff || this.bitOf.has(cp)) return;
    this.bitOf.set(cp, this.samples.length);
    this.samples.push(String.fromCodePoint(cp));
  }
}
