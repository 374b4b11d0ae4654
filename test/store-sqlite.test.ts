import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { storeContract } from './support/store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite file (WAL)', async () => openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) }));
storeContract('SQLite :memory:', async () => openSqliteStore({ path: ':memory:' }));
