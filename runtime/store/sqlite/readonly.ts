/**
 * Opening an existing SQLite store for reading only: beside a running server (WAL lets readers run while it writes)
 * or a stopped one. A reader can neither create, migrate nor repair a database, so the file must exist and hold
 * every migration this code knows.
 */
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync } from 'node:fs';

/** Why a database could not be opened read-only. */
export type StoreOpenProblem = 'missing' | 'not-a-store' | 'outdated';

/** A database that cannot be opened read-only: missing, not an onematter store, or not migrated to this version. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(
    readonly problem: StoreOpenProblem,
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Opens `path` read-only (writes throw SQLITE_READONLY) after checking that it is a fully migrated store. */
export function openReadonlyDatabase(path: string, migrationsFolder: string, busyTimeoutMs: number): Database.Database {
  if (path === ':memory:' || !existsSync(path)) throw new StoreOpenError('missing', path, `no database at ${path}`);
  let sqlite: Database.Database | undefined;
  let applied: number;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // the migrator records each migration's folder time; it applies every one newer than the last recorded
    const last = sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | string | null };
    applied = Number(last.at ?? 0);
  } catch (error) {
    sqlite?.close();
    throw new StoreOpenError('not-a-store', path, `cannot read ${path} as an onematter database: ${(error as Error).message}`, { cause: error });
  }
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  if (applied < newest) {
    sqlite.close();
    throw new StoreOpenError('outdated', path, `${path} is not migrated to this version of onematter yet; start the server on it once (it migrates on start), then try again`);
  }
  return sqlite;
}
