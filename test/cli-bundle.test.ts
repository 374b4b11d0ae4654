/** `onematter bundle`: each bundle of the catalogue composed as the server publishes it, and its saving, as text and JSON. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBundles } from '../engine/index.ts';
import { projectRoot, realCatalogue } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';

const sandbox = cliSandbox(join(projectRoot, 'definitions'), 'definitions');
afterAll(() => sandbox.remove());
const composed = composeBundles(realCatalogue.catalogue);

describe('onematter bundle', () => {
  it('prints every bundle with its members and its saving, as JSON', async () => {
    const { code, stdout, stderr } = await sandbox.run('bundle', 'definitions/bundles', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(stdout);
    expect(out.problems).toEqual([]);
    expect(out.bundles.map((b: { file: string }) => b.file).sort()).toEqual(composed.map((c) => c.file).sort());
    const newborn = out.bundles.find((b: { file: string }) => b.file === 'definitions/bundles/newborn.json');
    expect(newborn.members.map((m: { key: string }) => m.key)).toEqual(['birthCertificate', 'birthRegistration', 'vaccination', 'medicalInsurance', 'socialSecurityCard']);
    expect(newborn.saving).toEqual(composed.find((c) => c.file === 'definitions/bundles/newborn.json')!.saving);
    expect(newborn.saving.together.submissions).toBe(1);
    expect(newborn.saving.saved.fieldsTyped).toBeGreaterThan(0);
  });

  it('prints the saving as a table, and writes the composed definition of one bundle with --out', async () => {
    const { code, stdout } = await sandbox.run('bundle', 'definitions/bundles/newborn.json', '--out', 'newborn.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/submissions\s+5\s+1\s+4/);
    expect(stdout).toContain('wrote newborn.json: the composed definition of 330000-YJS-0201@1.0.0');
    const written = JSON.parse(readFileSync(join(sandbox.dir, 'newborn.json'), 'utf8'));
    expect(written).toEqual(composed.find((c) => c.file === 'definitions/bundles/newborn.json')!.value);
    expect((await sandbox.run('bundle', 'definitions/bundles', '--out', 'all.json')).code).toBe(2); // --out takes one bundle
  });

  it('reports a bundle whose members disagree on a fact, and exits 1', async () => {
    const file = join(sandbox.dir, 'definitions/bundles/relocation.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    bundle.facts = [{ id: 'reason', fields: [{ member: 'residencePermit', field: '/residence/reason' }, { member: 'insuranceTransfer', field: '/reason' }] }];
    writeFileSync(file, JSON.stringify(bundle));
    const { code, stderr } = await sandbox.run('bundle', 'definitions/bundles/relocation.json');
    expect(code).toBe(1);
    expect(stderr).toContain('[bundle.fact-conflict]');
  });
});
