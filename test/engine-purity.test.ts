import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineDir = fileURLToPath(new URL('../engine/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const sources = files(engineDir).map((f) => ({ file: relative(engineDir, f), text: readFileSync(f, 'utf8') }));

describe('engine/ is pure', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources)('$file imports no Node built-in, runtime/ or designer/', ({ text }) => {
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(imports.filter((i) => i.startsWith('node:') || /^(fs|path|http|https|net|child_process|os|crypto)$/.test(i))).toEqual([]);
    expect(imports.filter((i) => /(^|\/)(runtime|designer)\//.test(i))).toEqual([]);
  });

  it.each(sources)('$file reads no clock, environment or process state', ({ text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bDate\.now\(|\bnew Date\(|\bperformance\.now\(|\bprocess\.(env|argv|exit|cwd|stdout|stderr|hrtime|memoryUsage|platform)\b|\bglobalThis\.|\bBuffer\.|\bfetch\(|\bMath\.random\(/);
  });
});
