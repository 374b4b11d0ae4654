/**
 * After the walk, every `$ref` of the input is resolved as the input meant it — against the base URI of the
 * resource holding it, into the resources and anchors its `$id`s declared — and rewritten as a JSON Pointer into the
 * output when its target moved or its way there (an `$id`) is gone. References the input cannot resolve (another
 * document, the shared schemas) are left as written: the form check judges them.
 */
import { encodePointer, refTarget } from '../form/refs.ts';
import { decode, mapPointer, resolveUri, type WalkState } from './walk.ts';
import type { Describe } from './rule.ts';

/** The message of a rewritten `$ref`. */
export const refChanges: Readonly<Record<'import.ref-rewritten', Describe>> = {
  'import.ref-rewritten': {
    en: (p) => `$ref ${JSON.stringify(p.from)} now reads ${JSON.stringify(p.to)}, where the subschema it refers to is in the converted form`,
    zh: (p) => `$ref ${JSON.stringify(p.from)} 改为 ${JSON.stringify(p.to)}，即所引用的子模式在转换后表单中的位置`,
  },
};

const noShared: ReadonlyMap<string, unknown> = new Map();

/** Rewrites the recorded `$ref`s of `output` whose targets moved, reporting each. */
export function rewriteRefs(output: unknown, state: WalkState): void {
  // from the last, so that each change goes in its place in the order of the input
  for (const site of [...state.refs].reverse()) {
    const url = resolveUri(site.ref, site.base);
    if (!url) continue;
    const fragment = decode(url.hash.slice(1));
    url.hash = '';
    const root = state.resources.get(url.href);
    if (root === undefined) continue;
    const target = fragment === '' ? root : fragment.startsWith('/') ? root + fragment : state.anchors.get(`${url.href}#${fragment}`);
    if (target === undefined) continue;
    const to = mapPointer(target, state.inToOut);
    // a reference that already leads there in the output stays as the author wrote it
    if (refTarget(site.ref, output, noShared)?.pointer === to) continue;
    let ref: string;
    try {
      ref = `#${encodePointer(to)}`;
    } catch {
      continue; // a lone surrogate cannot be percent-encoded: the form check reports the reference
    }
    site.holder.$ref = ref;
    const params = { from: site.ref, to: ref };
    const describe = refChanges['import.ref-rewritten'];
    state.changes.splice(site.slot, 0, { code: 'import.ref-rewritten', pointer: `${site.at}/$ref`, to: `${site.out}/$ref`, params, message: { en: describe.en(params), zh: describe.zh(params) } });
  }
}
