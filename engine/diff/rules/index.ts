/** Every diff rule, in report order. Adding a rule means adding a file and listing it here. */
import type { DefinitionRule, SchemaRule } from '../rule.ts';
import { additionalPropertiesRule } from './form/additional-properties.ts';
import { allOfRule, alternativesRule } from './form/alternatives.ts';
import { annotationsRule } from './form/annotations.ts';
import { lowerBoundRule, upperBoundRule } from './form/bounds.ts';
import { enumRule } from './form/enum.ts';
import { fieldRule } from './form/field.ts';
import { otherConstraintsRule } from './form/other-constraints.ts';
import { prefillRule } from './form/prefill.ts';
import { requiredRule } from './form/required.ts';
import { formatRule as formFormatRule, patternRule } from './form/text-constraint.ts';
import { typeRule } from './form/type.ts';
import { uiRule } from './form/ui.ts';
import { copiesRule, formatRule, necessityRule, sourceRule } from './materials/attributes.ts';
import { materialPresenceRule } from './materials/presence.ts';
import { stepRule } from './process/steps.ts';
import { roleRule, transitionRule } from './process/wiring.ts';
import { feeRule } from './service/fees.ts';
import { handlingTypeRule } from './service/handling.ts';
import { channelRule, conditionRule, identityRule, outputRule } from './service/lists.ts';
import { onlineDepthRule, promisedDaysRule, statutoryDaysRule, visitsRule } from './service/numbers.ts';

/** Rules run at every matched pair of form subschemas. */
export const schemaRules: readonly SchemaRule[] = [
  fieldRule, requiredRule, typeRule, enumRule, upperBoundRule, lowerBoundRule, patternRule, formFormatRule,
  additionalPropertiesRule, alternativesRule, allOfRule, otherConstraintsRule, annotationsRule,
];

/** Rules run once per pair of definitions. */
export const definitionRules: readonly DefinitionRule[] = [
  prefillRule, uiRule,
  materialPresenceRule, necessityRule, sourceRule, formatRule, copiesRule,
  stepRule, roleRule, transitionRule,
  promisedDaysRule, statutoryDaysRule, visitsRule, feeRule, handlingTypeRule, channelRule, onlineDepthRule, outputRule, conditionRule, identityRule,
];
