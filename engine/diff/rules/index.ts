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
import { materialAlternativesRule } from './materials/alternatives.ts';
import { copiesRule, formatRule, necessityRule, sourceRule } from './materials/attributes.ts';
import { materialConditionRule } from './materials/condition.ts';
import { materialGroupRule } from './materials/group.ts';
import { materialPresenceRule } from './materials/presence.ts';
import { automaticRule } from './process/automatic.ts';
import { parallelRule } from './process/parallel.ts';
import { stepRule } from './process/steps.ts';
import { roleRule, transitionRule } from './process/wiring.ts';
import { acceptanceScopeRule } from './service/acceptance-scope.ts';
import { extensionRule } from './service/extension.ts';
import { feeConditionRule } from './service/fee-condition.ts';
import { feeWaiverRule } from './service/fee-waiver.ts';
import { feeRule } from './service/fees.ts';
import { handlingTypeRule } from './service/handling.ts';
import { informationRule } from './service/information.ts';
import { channelRule, conditionRule, identityRule, outputRule } from './service/lists.ts';
import { onlineDepthRule, visitsRule } from './service/numbers.ts';
import { onSiteMinutesRule } from './service/on-site-minutes.ts';
import { outputDeliveryRule } from './service/output-delivery.ts';
import { outputValidityRule } from './service/output-validity.ts';
import { promisedDaysRule } from './service/promised-days.ts';
import { requiresRule } from './service/requires.ts';
import { statutoryDaysRule } from './service/statutory-days.ts';
import { timeUnitRule } from './service/time-unit.ts';

/** Rules run at every matched pair of form subschemas. */
export const schemaRules: readonly SchemaRule[] = [
  fieldRule, requiredRule, typeRule, enumRule, upperBoundRule, lowerBoundRule, patternRule, formFormatRule,
  additionalPropertiesRule, alternativesRule, allOfRule, otherConstraintsRule, annotationsRule,
];

/** Rules run once per pair of definitions. */
export const definitionRules: readonly DefinitionRule[] = [
  prefillRule, uiRule,
  materialPresenceRule, materialConditionRule, materialGroupRule, materialAlternativesRule, necessityRule, sourceRule, formatRule, copiesRule,
  stepRule, automaticRule, parallelRule, roleRule, transitionRule,
  promisedDaysRule, statutoryDaysRule, extensionRule, timeUnitRule, onSiteMinutesRule, visitsRule,
  feeRule, feeConditionRule, feeWaiverRule, handlingTypeRule, channelRule, onlineDepthRule,
  outputRule, outputValidityRule, outputDeliveryRule, acceptanceScopeRule, conditionRule, requiresRule, identityRule, informationRule,
];
