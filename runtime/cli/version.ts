/** The installed package's version, read from its package.json (found above this file, in a checkout or in node_modules). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** onematter's version, e.g. `0.1.0` (`unknown` if no package.json names it). */
export function packageVersion(): string {
  if (cached) return cached;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'onematter' && typeof pkg.version === 'string') return (cached = pkg.version);
    }
    if (dirname(dir) === dir) return (cached = 'unknown');
  }
}
