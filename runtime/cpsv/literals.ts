/** JSON-LD values: language-tagged text, typed literals and references, written the same way everywhere. */

/** A text in Chinese and English, as the definitions carry it. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface LangString {
  readonly '@value': string;
  readonly '@language': 'zh' | 'en';
}

export interface Ref {
  readonly '@id': string;
}

/** A bilingual text as two `rdf:langString` literals, `@zh` then `@en`. */
export const text = (t: Bilingual): LangString[] => [
  { '@value': t.zh, '@language': 'zh' },
  { '@value': t.en, '@language': 'en' },
];

/** A link to another resource. */
export const ref = (iri: string): Ref => ({ '@id': iri });

/** Links to other resources, in the order given. */
export const refs = (iris: readonly string[]): Ref[] => iris.map(ref);

/** A literal with an explicit datatype (a compact IRI such as `xsd:date`). */
export const typed = (value: string | number, type: string) => ({ '@value': value, '@type': type });

/** A JSON value kept as one `rdf:JSON` literal (JSON-LD 1.1 `@json`), e.g. a situation's JSON Schema. */
export const json = (value: unknown) => ({ '@value': value, '@type': '@json' });

/**
 * One IRI path segment: unreserved ASCII and the Unicode characters RFC 3987 allows in IRIs (so Chinese titles stay
 * readable) as they are, anything else (spaces, `/`, `#`, `?`, controls, formatting and private-use characters, lone
 * surrogates) percent-encoded as UTF-8.
 */
export function segment(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (/^[A-Za-z0-9._~-]$/.test(ch) || (isUcschar(cp) && !/^[\p{White_Space}\p{Cc}\p{Cf}\p{Co}]$/u.test(ch))) out += ch;
    else out += cp >= 0xd800 && cp <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(ch); // a lone surrogate becomes U+FFFD
  }
  return out;
}

// RFC 3987 `ucschar`.
function isUcschar(cp: number): boolean {
  if (cp < 0x10000) return (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xf900 && cp <= 0xfdcf) || (cp >= 0xfdf0 && cp <= 0xffef);
  return (cp & 0xffff) <= 0xfffd && cp < 0xf0000 && !(cp >= 0xe0000 && cp < 0xe1000);
}

/** Orders strings by UTF-16 code units, the same on every machine and locale (the export's bytes must not vary). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
