/**
 * An answer in words, as the form showed it: an option's label in the reader's language (the uiSchema's bilingual
 * `ui:enumNames`, or a labelled `oneOf`), a division code as its places (浙江省宁波市海曙区 / Haishu, Ningbo, Zhejiang).
 * For pages that list answers (check your answers, the case page), so no Chinese option shows in the English UI.
 * Pure: no React.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { ancestorsOf } from '../../engine/regions/index.ts';
import { isObject } from '../../engine/json/pointer.ts';
import { schemaAt } from './fix-messages.ts';
import type { Locale } from './messages.ts';
import { prepareForm } from './prepare.ts';
import { projectRegions } from './region-options.ts';
import { sharedOrigin } from './render-schema.ts';
import { buildUiSchema, divisionCodeSchemaId, uiPath, type UiNode } from './ui-schema.ts';

const built = new WeakMap<object, Partial<Record<Locale, UiNode>>>();

/** The text for `value` at data pointer `pointer` of `definition`'s form in `locale`; other values as they are. */
export function answerText(definition: MatterDefinition, pointer: string, value: unknown, locale: Locale, sharedSchemas?: readonly object[]): string {
  const plain = typeof value === 'string' ? value : JSON.stringify(value);
  const { schema } = prepareForm(definition, sharedSchemas);
  const node = schemaAt(schema, pointer);
  if (sharedOrigin(node) === divisionCodeSchemaId && typeof value === 'string' && projectRegions.byCode.has(value)) {
    const chain = [projectRegions.byCode.get(value)!, ...ancestorsOf(projectRegions, value)].map((e) => e.name[locale]);
    return locale === 'zh' ? chain.reverse().join('') : chain.join(', ');
  }
  const perLocale = built.get(schema) ?? {};
  built.set(schema, perLocale);
  const authored = definition.form.uiSchema as UiNode | undefined;
  const ui = (perLocale[locale] ??= buildUiSchema(schema, { locale, ...(authored && { authored }) }));
  let at: unknown = ui;
  for (const key of uiPath(schema, pointer) ?? []) at = isObject(at) ? at[key] : undefined;
  if (!isObject(at)) return plain;
  const names = at['ui:enumNames'];
  if (isObject(names) && typeof names[plain] === 'string') return names[plain] as string;
  if (Array.isArray(names) && Array.isArray(node?.enum)) {
    const i = node.enum.indexOf(value);
    if (i >= 0 && typeof names[i] === 'string') return names[i] as string;
  }
  const options = Array.isArray(node?.oneOf) ? node.oneOf : [];
  const i = options.findIndex((o) => isObject(o) && o.const === value);
  const title = i >= 0 && Array.isArray(at.oneOf) && isObject(at.oneOf[i]) ? at.oneOf[i]['ui:title'] : undefined;
  return typeof title === 'string' ? title : plain;
}
