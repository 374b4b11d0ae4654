/** What the routes share: the runtime and its store, the definition index, shared data, the clock and sign-in. */
import type { SourceDocument } from '../../engine/index.ts';
import type { Runtime } from '../cases/runtime.ts';
import type { Clock } from '../effects/clock.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { Authenticator } from './auth.ts';
import type { DefinitionIndex } from './definition-index.ts';

export interface ServerContext {
  readonly runtime: Runtime;
  readonly definitions: DefinitionIndex;
  readonly sharedData: SharedDataSource;
  readonly clock: Clock;
  readonly authenticator: Authenticator;
  /** The catalogue's shared data, shared schemas and bundles: the context a published definition is validated in. */
  readonly catalogueContext: readonly SourceDocument[];
}
