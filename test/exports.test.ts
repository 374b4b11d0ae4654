import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../engine/index.ts';
import * as runtime from '../runtime/index.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('public API', () => {
  it('names its entry points in the exports map', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './engine', './model', './runtime', './form', './package.json']);
    expect(pkg.bin).toEqual({ onematter: './runtime/cli/bin.js' });
  });

  it('exports exactly these engine values (a change here is an API change)', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'addressedEvent',
      'ancestorsOf',
      'applyFixes',
      'applyPlan',
      'bundleRole',
      'bundleSaving',
      'bundleSchema',
      'burdenMetrics',
      'compareVersions',
      'compose',
      'composeBundles',
      'conditionDescription',
      'conditionError',
      'conditionHolds',
      'createFormAjv',
      'defaultLevelled',
      'definitionSchema',
      'deriveTopRunner',
      'describeCondition',
      'diff',
      'diffContextOf',
      'documentLimits',
      'fromStately',
      'importForm',
      'indexRegions',
      'isInside',
      'knownActions',
      'knownFormats',
      'knownGuards',
      'levelUp',
      'loadCatalogue',
      'messages',
      'missingOf',
      'parseDocument',
      'planAction',
      'problem',
      'proposeVersion',
      'provinceMetrics',
      'regionalElements',
      'regionsSchema',
      'renderMessage',
      'resolveMembers',
      'reviewCatalogue',
      'reviewVariant',
      'score',
      'scoreChanges',
      'scoreScale',
      'sharedDataSchema',
      'sharedSchemaBase',
      'situationOf',
      'summarizeCatalogue',
      'toStately',
      'validateSources',
      'weights',
      'withComposedBundles',
    ]);
  });

  it('exports exactly these runtime values', () => {
    expect(Object.keys(runtime).sort()).toEqual([
      'CaseTamperedError', 'ConflictError', 'DefinitionError', 'ForbiddenError', 'InternalRuntimeError', 'InvalidArgumentError', 'InvalidEventError',
      'InvalidEventPayloadError', 'NotFoundError', 'PayloadError', 'Runtime', 'RuntimeError', 'StoreError',
      'TamperedError', 'ValidationFailedError', 'addWorkingDays', 'createRuntime', 'definitionHash', 'demoCitizens', 'demoSharedData',
      'ed25519Signer', 'manualClock', 'openSqliteStore', 'precompiledFormModule', 'recordSource', 'renderCertificateHtml', 'systemClock', 'verifyCertificate',
    ]);
  });
});
