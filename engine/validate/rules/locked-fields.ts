import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { propertyAt } from '../../form/fields.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { RuleContext } from '../context.ts';
import { inclusionGaps, type Gap } from '../inclusion/gaps.ts';
import { fieldParts, partsOf, type Place, type SharedPlaces } from '../inclusion/parts.ts';
import type { Rule } from '../rule.ts';
import { typeClash } from './prefill-references.ts';

/**
 * Locked fields accept what they lock: a field prefilled from shared data and locked accepts every value the
 * shared-data field can yield, or a verified applicant could not submit their own verified data. A keyword shown to
 * refuse such a value is `prefill.locked-field-rejects`, pointing at the form's keyword and naming the shared one.
 * Only refusals are reported: a keyword whose inclusion is not decided either way (a different `pattern` that no
 * example shows stricter, say) says nothing, since every problem blocks publishing and `\d` beside `[0-9]` must not.
 */
export const lockedFieldsRule: Rule<MatterDefinition> = {
  name: 'locked-fields',
  codes: ['prefill.locked-field-rejects'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const prefills = value.form.prefill ?? [];
    if (!prefills.some((p) => p.locked !== false)) return problems;
    const { places, items } = catalogueOf(ctx);
    const form: Place = { file, root: value.form.schema, base: '/form/schema' };
    prefills.forEach((prefill, i) => {
      if (prefill.locked === false) return;
      const item = ctx.sharedDataItems.get(prefill.item);
      const source = item && Object.hasOwn(item.fields, prefill.value) ? item.fields[prefill.value] : undefined;
      const itemAt = items.get(prefill.item);
      const target = fieldParts(form, prefill.field, places);
      if (!source || !itemAt || !target) return; // prefill-references reports a prefill that names nothing
      const written = propertyAt(value.form.schema, prefill.field, ctx.sharedSchemas);
      if (typeClash(written, value.form.schema, source.schema, ctx.sharedSchemas)) return; // ref.prefill-type-mismatch says it
      const base = join(itemAt.ptr, 'fields', prefill.value, 'schema');
      const shared = partsOf(source.schema, { file: itemAt.file, root: source.schema, base }, base, places);
      const gaps = inclusionGaps(target.parts, shared, places, { form: { file, ptr: target.anchor }, shared: { file: itemAt.file, ptr: base } });
      for (const gap of gaps) if (gap.verdict === 'rejects') problems.push(toProblem(gap, file, target.anchor, { field: prefill.field, item: prefill.item, value: prefill.value, prefill: join('/form/prefill', i) }));
    });
    return problems;
  },
};

function toProblem(gap: Gap, file: string, anchor: string, about: { field: string; item: string; value: string; prefill: string }): Problem {
  const inDefinition = gap.form.file === file;
  return problem('prefill.locked-field-rejects', file, inDefinition ? gap.form.ptr : anchor, {
    ...about,
    field: about.field + (gap.path === '' ? '' : gap.path),
    keyword: gap.keyword,
    formValue: gap.form.value,
    sharedValue: gap.shared.value,
    sharedFile: gap.shared.file,
    sharedPointer: gap.shared.ptr,
    ...(inDefinition ? {} : { formSchema: `${gap.form.file}#${gap.form.ptr}` }),
    ...(gap.refused === undefined ? {} : { refused: gap.refused }),
    ...(gap.property === undefined ? {} : { property: gap.property }),
  });
}

interface CatalogueIndex {
  readonly places: SharedPlaces;
  /** Where each shared-data item in use is written: its file and pointer. */
  readonly items: ReadonlyMap<string, { file: string; ptr: string }>;
}

const indexes = new WeakMap<RuleContext, CatalogueIndex>();
// Built once per validation run, on the first definition that locks a field.
function catalogueOf(ctx: RuleContext): CatalogueIndex {
  let index = indexes.get(ctx);
  if (index) return index;
  const files = new Map<string, string>();
  for (const doc of ctx.catalogue.schemas) {
    const id = doc.value.$id as string;
    if (ctx.sharedSchemas.get(id) === doc.value) files.set(id, doc.file);
  }
  const items = new Map<string, { file: string; ptr: string }>();
  for (const doc of ctx.catalogue.sharedData) {
    doc.value.items.forEach((item, i) => {
      if (ctx.sharedDataItems.get(item.id) === item) items.set(item.id, { file: doc.file, ptr: join('/items', i) });
    });
  }
  indexes.set(ctx, (index = { places: { schemas: ctx.sharedSchemas, files }, items }));
  return index;
}
