/** Every import rule, in the order each subschema goes through them. Adding a conversion means adding a file here. */
import type { ImportRule } from '../rule.ts';
import { definitionsRule } from './definitions.ts';
import { dependenciesRule } from './dependencies.ts';
import { enumNamesRule } from './enum-names.ts';
import { exclusiveBoundsRule } from './exclusive-bounds.ts';
import { idsRule } from './ids.ts';
import { impliedTypesRule } from './implied-types.ts';
import { ineffectiveKeywordsRule } from './ineffective-keywords.ts';
import { nullableRule } from './nullable.ts';
import { patternOverlapRule } from './pattern-overlap.ts';
import { requiredBooleanRule } from './required-boolean.ts';
import { rootTypeRule } from './root-type.ts';
import { schemaDialectRule } from './schema-dialect.ts';
import { tupleItemsRule } from './tuple-items.ts';
import { typeListRule } from './type-list.ts';
import { uiOptionsRule } from './ui-options.ts';
import { unknownKeywordsRule } from './unknown-keywords.ts';

/**
 * The rules in order: renames first (later rules read 2020-12 keywords), then what removes or moves keywords, then
 * the types the remaining keywords need.
 */
export const importRules: readonly ImportRule[] = [
  schemaDialectRule,
  idsRule,
  definitionsRule,
  dependenciesRule,
  tupleItemsRule,
  exclusiveBoundsRule,
  typeListRule,
  requiredBooleanRule,
  nullableRule,
  enumNamesRule,
  uiOptionsRule,
  unknownKeywordsRule,
  ineffectiveKeywordsRule,
  impliedTypesRule,
  rootTypeRule,
  patternOverlapRule,
];
