/**
 * What ajv's strict mode refuses when it compiles a form, as data: the message ajv throws, the problem code it
 * becomes and the params read from the message (the message renders the reason; docs/definition-format.md lists
 * them). Checks done earlier with a pointer (unknown keywords and formats, `if` without `then`, …) are not here.
 */
import type { ProblemCode } from '../problems/index.ts';

export interface StrictRefusal {
  readonly match: RegExp;
  readonly code: ProblemCode;
  readonly params: (m: RegExpExecArray) => Record<string, unknown>;
}

export const strictRefusals: readonly StrictRefusal[] = [
  // strictTypes: a type-specific keyword with no `type` to apply to
  { match: /missing type "([^"]+)" for keyword "([^"]+)"/, code: 'form.type-missing', params: (m) => ({ type: m[1]!.split(','), keyword: m[2] }) },
  // strictTypes: a subschema declares a type its context already excludes
  { match: /type "([^"]+)" not allowed by context "([^"]+)"/, code: 'form.type-conflict', params: (m) => ({ type: m[1], context: m[2]!.split(',') }) },
  // strictTuples: `prefixItems` without saying the array has exactly that many items
  { match: /"(prefixItems|items)" is (\d+)-tuple/, code: 'form.tuple-open', params: (m) => ({ keyword: m[1], length: Number(m[2]) }) },
  // any other strict-mode refusal: a keyword without effect or that can never be satisfied
  { match: /^strict mode: (.*?)(?: at "#[^"]*" \(\w+\))?$/, code: 'form.strict-mode', params: (m) => ({ detail: m[1] }) },
];
