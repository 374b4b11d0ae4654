/**
 * A read-only SQLite store, as `onematter export` opens a server's database: it reads beside a writer (WAL) and sees
 * what the writer publishes, refuses every write, and never creates or migrates a database — a missing, foreign or
 * outdated file is a StoreOpenError and stays as it was.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreOpenError } from '../runtime/store/sqlite/readonly.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import type { PublishedDefinition } from '../runtime/store/types.ts';
import { realCatalogue } from './support/catalogue.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-store-readonly-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const [first, second] = realCatalogue.catalogue.definitions.map(({ value: d }): PublishedDefinition => ({ id: d.id, version: d.version, region: d.region.code, hash: `hash-${d.region.code}`, definition: d, publishedAt: 1 }));

const openError = (path: string): StoreOpenError => {
  try {
    openSqliteStore({ path, readonly: true });
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error(`${path} opened read only`);
};

describe('a read-only SQLite store', () => {
  it('reads beside a writer, sees what it publishes, and leaves it free to write', async () => {
    const path = join(dir, 'live.sqlite');
    const writer = openSqliteStore({ path });
    await writer.publish(first!);
    const reader = openSqliteStore({ path, readonly: true });
    expect((await reader.listDefinitions()).map((d) => d.region)).toEqual([first!.region]);
    expect(await writer.publish(second!)).toBe('published'); // the reader holds no lock that stops the writer
    expect((await reader.listDefinitions()).map((d) => d.region).sort()).toEqual([first!.region, second!.region].sort());
    expect((await reader.searchCatalogue({ offset: 0, limit: 10 })).total).toBe(2);
    await expect(reader.publish({ ...second!, version: '9.0.0' })).rejects.toThrow(/readonly/);
    expect(await writer.versions(second!.id, second!.region)).toEqual([second!.version]);
    await reader.close();
    await writer.close();
  });

  it('never creates a database: a missing file is an error and stays missing', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const error = openError(join(empty, 'onematter.sqlite'));
    expect(error).toMatchObject({ problem: 'missing', path: join(empty, 'onematter.sqlite') });
    expect(error.message).toContain('no database at');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses a file that is not an onematter database', () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'not a database, just notes\n'.repeat(100));
    expect(openError(text)).toMatchObject({ problem: 'not-a-store' });
    const foreign = join(dir, 'foreign.sqlite');
    new Database(foreign).exec('create table t (x)').close();
    expect(openError(foreign)).toMatchObject({ problem: 'not-a-store' });
  });

  it('never migrates: a database an older onematter wrote is refused and left as it was', async () => {
    const path = join(dir, 'older.sqlite');
    await openSqliteStore({ path }).close();
    const db = new Database(path);
    db.prepare('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)').run(); // as before the newest migration
    const applied = (db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    db.close();
    const error = openError(path);
    expect(error).toMatchObject({ problem: 'outdated' });
    expect(error.message).toContain('start the server on it once');
    const after = new Database(path, { readonly: true });
    expect((after.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(applied);
    after.close();
  });
});
