import type { MatterDefinition } from '../../model/index.ts';
import { problem } from '../../problems/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';

/** One definition per matter, version and region (one baseline per matter and version): later files are refused. */
export const duplicateDefinitionsRule: Rule<MatterDefinition> = {
  name: 'duplicate-definitions',
  codes: ['ref.duplicate-definition'],
  check(doc, ctx) {
    const same = ctx.definitionsByVersion.get(versionKey(doc.value)) ?? [];
    const clash = (o: MatterDefinition) =>
      doc.value.kind === 'baseline' ? o.kind === 'baseline' : o.kind === 'variant' && o.region.code === doc.value.region.code;
    const first = same.find((o) => clash(o.value));
    if (!first || first === doc) return [];
    return [problem('ref.duplicate-definition', doc.file, '', { id: doc.value.id, version: doc.value.version, region: doc.value.region.code, other: first.file })];
  },
};
