import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importForm } from '../engine/index.ts';
import { cliSandbox } from './support/cli.ts';
import { miniSharedSchemas } from './support/import.ts';
import { miniDir } from './support/fixtures.ts';

const cli = cliSandbox(miniDir, 'mini');
afterAll(() => cli.remove());

const definition = 'mini/matters/baseline.json';
const read = (file: string) => readFileSync(join(cli.dir, file), 'utf8');
const reset = () => writeFileSync(join(cli.dir, definition), readFileSync(join(miniDir, 'matters/baseline.json')));
const write = (file: string, value: unknown) => writeFileSync(join(cli.dir, file), typeof value === 'string' ? value : JSON.stringify(value));

// A draft-07 form keeping the fields the mini baseline prefills (applicant name and idNumber).
const form = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['applicant'],
  definitions: { phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' } },
  properties: {
    applicant: {
      type: 'object',
      properties: {
        name: { type: 'string', 'ui:placeholder': '姓名' },
        idNumber: { $ref: 'https://onematter.dev/schemas/shared/id-number.json' },
        phone: { $ref: '#/definitions/phone' },
      },
    },
    kind: { type: 'string', enum: ['first', 'renewal'], enumNames: ['首次申领', '换领'] },
  },
};

describe('onematter import-form', () => {
  it('replaces form.schema with the normalized form, moves ui options to form.uiSchema, keeps the rest, 2-space indent', async () => {
    reset();
    write('form.json', form);
    const before = JSON.parse(read(definition));
    const { code, stdout, stderr } = await cli.run('import-form', 'form.json', '--into', definition);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const expected = importForm(form, { sharedSchemas: miniSharedSchemas });
    const after = read(definition);
    expect(after).toBe(`${JSON.stringify({ ...before, form: { ...before.form, schema: expected.schema, uiSchema: { applicant: { name: { 'ui:placeholder': '姓名' } } } } }, null, 2)}\n`);
    expect(stdout).toContain('~ /definitions: "definitions" renamed "$defs"');
    expect(stdout).toContain('"definitions" 改名为 "$defs"');
    expect(stdout).toMatch(/✔ imported form\.json into mini\/matters\/baseline\.json \(form\.schema and form\.uiSchema\) with 5 changes\n$/);
    expect(await cli.run('validate', 'mini/matters/baseline.json')).toMatchObject({ code: 0 });
    // the mini bundle now asks the applicant's name twice: the two members no longer agree on it, and the other
    // member is told so (a merge never weakens a constraint)
    expect((await cli.run('validate', 'mini')).stdout).toContain('[bundle.fact-conflict]');
  });

  it('writes nothing on --dry-run, and prints the report as JSON with --json', async () => {
    reset();
    write('form.json', form);
    const original = read(definition);
    const { code, stdout } = await cli.run('import-form', 'form.json', '--into', definition, '--dry-run', '--json');
    expect(code).toBe(0);
    expect(read(definition)).toBe(original);
    const report = JSON.parse(stdout);
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([]);
    expect(report.changes.map((c: { code: string; pointer: string }) => [c.code, c.pointer])).toEqual([
      ['import.schema-dropped', '/$schema'],
      ['import.definitions-renamed', '/definitions'],
      ['import.ui-moved', '/properties/applicant/properties/name/ui:placeholder'],
      ['import.ref-rewritten', '/properties/applicant/properties/phone/$ref'],
      ['import.enum-names', '/properties/kind/enumNames'],
    ]);
    expect(report.changes[1].message.zh).toContain('改名为');
  });

  it('exits 1 and writes nothing when the form cannot be imported, naming each problem in the schema file', async () => {
    reset();
    write('upload.json', { type: 'object', properties: { scan: { type: 'string', format: 'data-url' }, words: { type: 'string', pattern: '^(a+)+$' } } });
    const original = read(definition);
    const { code, stdout } = await cli.run('import-form', 'upload.json', '--into', definition);
    expect(code).toBe(1);
    expect(read(definition)).toBe(original);
    expect(stdout).toContain('upload.json#/properties/scan/format: unknown format "data-url"');
    expect(stdout).toContain('[form.pattern-unsafe]');
    expect(stdout).toContain('未知的格式 "data-url"');
    expect(stdout).toContain('✖ 2 problems: nothing written to mini/matters/baseline.json');
  });

  it('exits 1 and writes nothing when the definition would not stay valid (a prefilled field the new form lacks)', async () => {
    reset();
    write('other.json', { type: 'object', properties: { other: { type: 'string' } } });
    const original = read(definition);
    const { code, stdout } = await cli.run('import-form', 'other.json', '--into', definition, '--json');
    expect(code).toBe(1);
    expect(read(definition)).toBe(original);
    expect(JSON.parse(stdout).problems.map((p: { code: string; pointer: string }) => [p.code, p.pointer])).toEqual([
      ['ref.prefill-field-missing', '/form/prefill/0/field'],
      ['ref.prefill-field-missing', '/form/prefill/1/field'],
    ]);
  });

  it('exits 1 on a schema file that is not JSON', async () => {
    write('broken.json', '{"type": "object",');
    const { code, stdout } = await cli.run('import-form', 'broken.json', '--into', definition);
    expect(code).toBe(1);
    expect(stdout).toContain('[json.invalid]');
  });

  it('refuses a file that is not a matter definition, and bad arguments, with exit 2', async () => {
    write('form.json', form);
    for (const argv of [
      ['import-form', 'form.json', '--into', 'mini/shared-data.json'],
      ['import-form', 'form.json', '--into', 'form.json'],
      ['import-form', 'form.json', '--into', 'mini/nope.json'],
      ['import-form', 'nope.json', '--into', definition],
      ['import-form', 'form.json'],
      ['import-form', '--into', definition],
      ['import-form', 'form.json', '--into', definition, '--frobnicate'],
    ]) {
      const { code, stderr } = await cli.run(...argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(stderr).toContain('onematter import-form --help');
    }
    expect((await cli.run('import-form', 'form.json', '--into', 'mini/shared-data.json')).stderr).toContain('is not a matter definition');
  });
});
