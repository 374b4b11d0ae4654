import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { realCatalogue } from './support/catalogue.ts';
import { storeContract } from './support/store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite file (WAL)', async () => openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) }));
storeContract('SQLite :memory:', async () => openSqliteStore({ path: ':memory:' }));

describe('the SQLite catalogue index', () => {
  it('is rebuilt from the published definitions when a store from before it is opened', async () => {
    const path = join(dir, 'rebuild.sqlite');
    const store = openSqliteStore({ path });
    for (const { value: d } of realCatalogue.catalogue.definitions) await store.publish({ id: d.id, version: d.version, region: d.region.code, hash: d.region.code, definition: d, publishedAt: 1 });
    const before = await store.searchCatalogue({ offset: 0, limit: 100 });
    await store.close();
    const db = new Database(path);
    db.prepare('delete from catalogue').run(); // as a store written before the index existed
    db.close();
    const reopened = openSqliteStore({ path });
    expect(await reopened.searchCatalogue({ offset: 0, limit: 100 })).toEqual(before);
    await reopened.close();
  });
});
