import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const modelFiles = walk(join(projectRoot, 'designer/model'));

describe("the designer's editor model (designer/model)", () => {
  it.each(modelFiles.map((f) => [f.slice(projectRoot.length), f]))('%s knows no React, no DOM, no runtime and no I/O', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith('.') && !i.startsWith('../../engine/'))).toEqual([]);
    expect(imports.filter((i) => /runtime\/|views\/|react/.test(i))).toEqual([]);
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/^import .*$/gm, ''); // words in comments are words
    expect(code).not.toMatch(/\b(window|document|localStorage|fetch)\s*[.(]/);
  });
});
