import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateModelTypes, generatedTypesPath } from '../runtime/dev/typegen-model.ts';

describe('generated model types', () => {
  it('match the meta-schemas (run `npm run typegen:model` after changing a schema)', async () => {
    expect(readFileSync(generatedTypesPath, 'utf8')).toBe(await generateModelTypes());
  });
});
