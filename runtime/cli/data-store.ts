/**
 * The server's store as `export` and `import` open it: the data folder is `--data`, else `ONEMATTER_DATA`, else
 * `./.onematter` (as the server finds it), and its database `onematter.sqlite` (as runtime/server/data-folder.ts names
 * it). The store and the runtime are loaded on use: every other command would pay their start-up time.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MatterDefinition } from '../../engine/index.ts';
import type { Store } from '../store/types.ts';
import { UsageError } from './io.ts';

/** The data folder a command works on, and its database file. */
export function dataFolderOf(option: string | undefined, cwd: string): { readonly dir: string; readonly databasePath: string } {
  const dir = resolve(cwd, option ?? process.env.ONEMATTER_DATA ?? '.onematter');
  return { dir, databasePath: join(dir, 'onematter.sqlite') };
}

export interface OpenedStore {
  readonly store: Store;
  /** The content hash the server publishes a definition under. */
  readonly definitionHash: (definition: MatterDefinition) => string;
}

/**
 * Opens the data folder's store. `read`: the database must exist and be migrated (a missing or outdated one is a
 * usage error); nothing is created or written, and a running server may keep writing. `write`: the folder and the
 * database are made (and migrated) if needed, as on a server's first start.
 */
export async function openDataStore(folder: { readonly dir: string; readonly databasePath: string }, mode: 'read' | 'write'): Promise<OpenedStore> {
  const [{ openSqliteStore }, { StoreOpenError }, { definitionHash }] = await Promise.all([
    import('../store/sqlite/store.ts'),
    import('../store/sqlite/readonly.ts'),
    import('../cases/runtime.ts'),
  ]);
  if (mode === 'write') {
    await mkdir(folder.dir, { recursive: true, mode: 0o700 });
    return { store: openSqliteStore({ path: folder.databasePath }), definitionHash };
  }
  try {
    return { store: openSqliteStore({ path: folder.databasePath, readonly: true }), definitionHash };
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    const hint = error.problem === 'missing' ? ` (the data folder is --data, else ONEMATTER_DATA, else ./.onematter; the server makes the database on its first start)` : '';
    throw new UsageError(`${error.message}${hint}`);
  }
}
