/**
 * What the meta-schema refuses on purpose where "unknown property" or "does not match the pattern" would not say
 * why, as data: where (the instance path of the object ajv complains about), which property, and the problem it
 * becomes. ajv-errors.ts looks an error up here before falling back to the generic `schema.*` codes.
 */
import type { XStateFeature } from '../problems/xstate-features.ts';

// A state at any depth: /process/states/a, /process/states/a/states/b, …
const stateAt = /^\/process(?:\/states\/[^/]+)+$/;

/** XState keys a definition's process may not hold, by where they appear. */
export const refusedXStateKeys: readonly { readonly at: RegExp; readonly key: string; readonly feature: XStateFeature }[] = [
  { at: /^\/process$/, key: 'invoke', feature: 'invoke' },
  { at: stateAt, key: 'invoke', feature: 'invoke' },
  { at: /^\/process$/, key: 'always', feature: 'root-always' },
  { at: /^\/process$/, key: 'after', feature: 'root-after' },
  { at: /^\/process$/, key: 'context', feature: 'context' },
  { at: /^\/process$/, key: 'type', feature: 'root-type' },
  { at: stateAt, key: 'history', feature: 'history-states' },
  { at: /^\/process(?:(?:\/states\/[^/]+)+\/(?:(?:on|after)\/[^/]+|always|onDone)|\/on\/[^/]+)(\/\d+)?$/, key: 'cond', feature: 'cond' },
];

/** Where a state's `type` is refused (final, compound and parallel are allowed): history states. */
export const stateTypeAt = /^\/process(?:\/states\/[^/]+)+\/type$/;

/** Maps whose key names are restricted, and the problem a bad name becomes. */
export const restrictedNames: readonly { readonly at: RegExp; readonly code: 'process.event-name' | 'process.delay-name' | 'process.state-name' }[] = [
  { at: /^\/process(?:\/states\/[^/]+)*\/on$/, code: 'process.event-name' },
  { at: /^\/process(?:\/states\/[^/]+)+\/after$/, code: 'process.delay-name' },
  { at: /^\/process(?:\/states\/[^/]+)*\/states$/, code: 'process.state-name' },
];
