/** What the routes share: the runtime and its store, the definition index, shared data, the clock, sign-in and sessions. */
import type { RegionIndex, SourceDocument } from '../../engine/index.ts';
import type { Runtime } from '../cases/runtime.ts';
import type { CaseFiles } from '../files/case-files.ts';
import type { Clock } from '../effects/clock.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { FolderBundle } from '../definitions-folder.ts';
import type { Authenticator } from './auth.ts';
import type { DefinitionIndex } from './definition-index.ts';
import type { Sessions } from './session.ts';
import type { SignInThrottle } from './throttle.ts';

export interface ServerContext {
  readonly runtime: Runtime;
  /** Evidence files uploaded for cases' materials. */
  readonly files: CaseFiles;
  readonly definitions: DefinitionIndex;
  readonly sharedData: SharedDataSource;
  readonly clock: Clock;
  readonly authenticator: Authenticator;
  readonly sessions: Sessions;
  readonly signInThrottle: SignInThrottle;
  /** The catalogue's shared data, shared schemas and bundles: the context a published definition is validated in. */
  readonly catalogueContext: readonly SourceDocument[];
  /**
   * The definitions folder's bundles, composed at start, by bundleKey (id@version@region): the guide shows their
   * saving. A bundle version published otherwise has none here.
   */
  readonly bundles?: ReadonlyMap<string, FolderBundle>;
  /** The catalogue's shared schemas (the forms' `$ref` targets). */
  readonly sharedSchemas: readonly object[];
  /** The administrative divisions of the catalogue's region list (officials' scopes, region pickers). */
  readonly regions: RegionIndex;
  /** The portal's public address (certificate verification links and QR codes); unset: each request's own origin. */
  readonly publicUrl?: string;
}
