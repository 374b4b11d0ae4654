/** The ordered rule lists, per kind of document. Adding a check means adding a file and listing it here. */
import type { BundleDefinition, MatterDefinition, RegionCatalogue, SharedDataCatalogue } from '../../model/index.ts';
import type { Rule } from '../rule.ts';
import { baselineReferenceRule } from './baseline-reference.ts';
import { bundleReferencesRule } from './bundle-references.ts';
import { departmentNatureRule, providerNatureRule } from './department-nature.ts';
import { duplicateDefinitionsRule } from './duplicate-definitions.ts';
import { feeWaiversRule } from './fee-waivers.ts';
import { formSchemaRule } from './form-schema.ts';
import { lockedFieldsRule } from './locked-fields.ts';
import { locationsRule } from './locations.ts';
import { materialReferencesRule } from './material-references.ts';
import { oneOfGroupsRule } from './one-of-groups.ts';
import { outputValidityRule } from './output-validity.ts';
import { prefillReferencesRule } from './prefill-references.ts';
import { processAutomaticRule } from './process-automatic.ts';
import { processRolesRule } from './process-roles.ts';
import { processSoundnessRule } from './process-soundness.ts';
import { processStructureRule } from './process-structure.ts';
import { processVocabularyRule } from './process-vocabulary.ts';
import { regionCatalogueRule } from './region-catalogue.ts';
import { regionKnownRule } from './region-known.ts';
import { serviceElementsRule } from './service-elements.ts';
import { sharedDataItemsRule } from './shared-data-items.ts';
import { situationConditionsRule } from './situation-conditions.ts';
import { timeLimitsRule } from './time-limits.ts';
import { uniqueIdsRule } from './unique-ids.ts';
import { variantRegionRule } from './variant-region.ts';

export const definitionRules: readonly Rule<MatterDefinition>[] = [
  duplicateDefinitionsRule,
  baselineReferenceRule,
  regionKnownRule,
  variantRegionRule,
  uniqueIdsRule,
  formSchemaRule,
  prefillReferencesRule,
  lockedFieldsRule,
  materialReferencesRule,
  situationConditionsRule,
  oneOfGroupsRule,
  processStructureRule,
  processSoundnessRule,
  processVocabularyRule,
  processRolesRule,
  processAutomaticRule,
  serviceElementsRule,
  timeLimitsRule,
  feeWaiversRule,
  outputValidityRule,
  departmentNatureRule,
  locationsRule,
];

export const bundleRules: readonly Rule<BundleDefinition>[] = [bundleReferencesRule, regionKnownRule];

export const regionRules: readonly Rule<RegionCatalogue>[] = [regionCatalogueRule];

export const sharedDataRules: readonly Rule<SharedDataCatalogue>[] = [sharedDataItemsRule, providerNatureRule];
