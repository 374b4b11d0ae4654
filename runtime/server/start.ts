/**
 * Starting the server: the data folder (database, accounts, secrets), the runtime over the embedded SQLite store —
 * the catalogue is published on first start, later starts serve what the store holds — and the HTTP listener.
 */
import type { FastifyServerOptions } from 'fastify';
import { indexRegions } from '../../engine/index.ts';
import { createRuntime } from '../cases/runtime.ts';
import { CaseFiles } from '../files/case-files.ts';
import { localFileStore } from '../files/store.ts';
import { systemClock, type Clock } from '../effects/clock.ts';
import { demoSharedData } from '../shared-data/demo.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { buildApp } from './app.ts';
import type { Authenticator } from './auth.ts';
import { defaultDefinitionsDir, loadDefinitions } from '../definitions-folder.ts';
import { openDataFolder } from './data-folder.ts';
import { DefinitionIndex } from './definition-index.ts';
import { Sessions, type SessionTimeouts } from './session.ts';
import { defaultSweepSeconds, startSweeper } from './sweep.ts';
import { SignInThrottle } from './throttle.ts';
import { publicBase } from '../certificates/qr.ts';
import { UserFile } from './users.ts';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The data folder: onematter.sqlite, users.json, cookie-secret, seal-key.pem. */
  readonly dataDir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The catalogue published on first start (default: the project's definitions/). */
  readonly definitionsDir?: string;
  /** Replaces the local accounts (e.g. with an OIDC provider's). */
  readonly authenticator?: Authenticator;
  readonly sharedData?: SharedDataSource;
  readonly clock?: Clock;
  /** Session timeouts: 30 idle minutes and 8 hours after sign-in by default. */
  readonly sessions?: SessionTimeouts;
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Seconds between sweeps that fire due delayed transitions (`after`): 30 by default (at most 86400), 0 for only
   * the sweep at start. The first sweep runs once the server listens, before `startServer` resolves.
   */
  readonly sweepSeconds?: number;
  /** Largest evidence file accepted per upload, in bytes (default 10 MiB; 413 above it). */
  readonly maxFileBytes?: number;
  /**
   * The portal's public address, e.g. https://zwfw.example.gov.cn: printed certificates link to
   * `<publicUrl>/verify/<id>` (and their QR codes encode it). Set it behind a proxy; unset, each request's own origin
   * (scheme and Host header) is used.
   */
  readonly publicUrl?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly port: number;
  /** Stops listening, waits for requests in flight, closes the database. */
  close(): Promise<void>;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const publicUrl = options.publicUrl === undefined ? undefined : publicBase(options.publicUrl); // before anything opens
  const folder = openDataFolder(options.dataDir);
  const { catalogue, context, bundles } = loadDefinitions(options.definitionsDir ?? defaultDefinitionsDir);
  const store = openSqliteStore({ path: folder.databasePath });
  try {
    const sharedData = options.sharedData ?? demoSharedData;
    const clock = options.clock ?? systemClock;
    const firstStart = (await store.searchCatalogue({ offset: 0, limit: 1 })).total === 0; // never loads the catalogue
    const sharedSchemas = catalogue.schemas.map((s) => s.value);
    const runtime = await createRuntime({ store, sharedSchemas, sharedData, clock, signer: folder.signer, ...(firstStart ? { catalogue } : {}) });
    const authenticator = options.authenticator ?? (await UserFile.open(folder.usersPath));
    const files = new CaseFiles({ files: localFileStore(folder.filesDir), store: runtime.store, clock, ...(options.maxFileBytes === undefined ? {} : { maxBytes: options.maxFileBytes }) });
    const ctx = {
      runtime, files, definitions: new DefinitionIndex(store), sharedData, clock, authenticator, catalogueContext: context, bundles, sharedSchemas, regions: indexRegions(catalogue.regions.flatMap((r) => r.value.regions)),
      sessions: new Sessions(store, clock, options.sessions), signInThrottle: new SignInThrottle(store, clock), ...(publicUrl ? { publicUrl } : {}),
    };
    const sweepSeconds = options.sweepSeconds ?? defaultSweepSeconds;
    if (!(Number.isFinite(sweepSeconds) && sweepSeconds >= 0 && sweepSeconds <= 86_400)) throw new RangeError(`sweepSeconds must be from 0 to 86400, not ${sweepSeconds}`);
    const app = await buildApp(ctx, { cookieSecret: folder.cookieSecret, logger: options.logger });
    let sweeper: ReturnType<typeof startSweeper> | undefined;
    app.addHook('onClose', async () => {
      await sweeper?.stop(); // no sweep is left writing to a closed store
      await store.close();
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    // catch up what fell due while the server was down, then sweep on a timer that does not keep the process alive
    sweeper = startSweeper(runtime, app.log, sweepSeconds, files);
    await sweeper.sweep();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close: () => app.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
