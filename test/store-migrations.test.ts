import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';

const exec = promisify(execFile);

describe('SQLite migrations', () => {
  it('match the drizzle schema (run `npm run db:generate` after changing runtime/store/sqlite/schema.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onematter-migrations-'));
    try {
      const committed = join(projectRoot, 'runtime/store/sqlite/migrations');
      cpSync(committed, join(dir, 'migrations'), { recursive: true });
      const schema = join(projectRoot, 'runtime/store/sqlite/schema.ts');
      writeFileSync(join(dir, 'drizzle.config.ts'), `export default ${JSON.stringify({ dialect: 'sqlite', schema, out: './migrations' })};\n`);
      const { stdout } = await exec(join(projectRoot, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', 'drizzle.config.ts'], { cwd: dir });
      expect(stdout).toContain('No schema changes');
      expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(readdirSync(committed).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
