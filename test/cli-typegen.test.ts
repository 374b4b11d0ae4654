/* eslint-disable @typescript-eslint/no-explicit-any */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormAjv, type Loaded, type MatterDefinition } from '../engine/index.ts';
import { refTarget } from '../engine/form/refs.ts';
import { isObject } from '../engine/json/pointer.ts';
import { generateFormTypes } from '../runtime/cli/typegen-command.ts';
import { formTypeNames } from '../runtime/cli/typegen-names.ts';
import { problemsInCatalogue, projectRoot, realCatalogue, sharedSchemas } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';

const exec = promisify(execFile);
let sandbox: ReturnType<typeof cliSandbox>;
let dir: string;
const run = (...argv: string[]) => sandbox.run(...argv);
const permit = 'definitions/matters/residence-permit';

beforeAll(() => {
  sandbox = cliSandbox(join(projectRoot, 'definitions'), 'definitions');
  dir = sandbox.dir;
});
afterAll(() => sandbox.remove());

/** A residence-permit application that the Hangzhou form schema accepts. */
const validHangzhouForm = {
  applicant: {
    name: '张三',
    idNumber: '33010619900101123X',
    gender: '男',
    birthDate: '1990-01-01',
    householdAddress: '安徽省合肥市蜀山区长江西路 1 号',
    mobile: '13800000000',
  },
  residence: { regionCode: '330106', address: '杭州市西湖区文三路 100 号', registrationDate: '2026-01-05', reason: '就业', housingType: '租赁住房' },
  delivery: { method: '邮寄送达', postalAddress: { regionCode: '330106', detail: '杭州市西湖区文三路 100 号' } },
};

/** Type-checks `files` (name → source) in `folder` with strict tsc; resolves to tsc's output ('' when clean). */
async function typeCheck(folder: string, files: Record<string, string>): Promise<string> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const tsc = join(projectRoot, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', ...Object.keys(files)];
  return exec(tsc, args, { cwd: folder }).then(
    () => '',
    (error: { stdout: string }) => error.stdout || 'tsc failed',
  );
}

/**
 * The object-valued fields of a form (the form itself first) and whether the schema closes each to the keys it
 * names: `additionalProperties` or `unevaluatedProperties` false, on the field or on the schema its `$ref` names.
 */
function objectFields(schema: unknown, shared: ReadonlyMap<string, unknown>): ObjectField[] {
  const out: ObjectField[] = [];
  const visit = (node: unknown, root: unknown, type: string, path: readonly string[], depth: number): void => {
    if (!isObject(node) || depth > 8) return;
    let merged: Record<string, unknown> = node;
    if (typeof node.$ref === 'string') {
      const target = refTarget(node.$ref, root, shared);
      if (!target || !isObject(target.node)) return;
      merged = { ...target.node, ...node };
      root = target.doc;
    }
    if (merged.type === 'object' || isObject(merged.properties)) {
      out.push({ type, path, closed: merged.additionalProperties === false || merged.unevaluatedProperties === false });
      for (const [name, child] of Object.entries(isObject(merged.properties) ? merged.properties : {})) visit(child, root, `NonNullable<${type}>[${JSON.stringify(name)}]`, [...path, name], depth + 1);
    }
    if (isObject(merged.items)) visit(merged.items, root, `NonNullable<${type}>[number]`, [...path, '[]'], depth + 1);
  };
  visit(schema, schema, 'T', [], 0);
  return out;
}

interface ObjectField {
  /** A TypeScript type expression for the field in the form type `T`. */
  readonly type: string;
  /** Its data path ('[]' for array items). */
  readonly path: readonly string[];
  readonly closed: boolean;
}

/** A snippet that assigns an extra key to every object field of form type `typeName`: a type error exactly where the schema is closed. */
function extraKeySnippet(typeName: string, from: string, fields: readonly Pick<ObjectField, 'type' | 'closed'>[]): string {
  const lines = [`import type { ${typeName} as T } from '${from}';`, ''];
  fields.forEach(({ type, closed }, i) => {
    lines.push(`declare const v${i}: ${type};`);
    lines.push(closed ? `// @ts-expect-error closed: ${type}` : `// open: ${type}`);
    lines.push(`export const x${i}: ${type} = { ...v${i}, notAFieldOfTheForm: 1 };`);
  });
  return `${lines.join('\n')}\n`;
}

// the catalogue's definitions and its bundles, composed
const typed = realCatalogue.catalogue.definitions.length + realCatalogue.catalogue.bundles.length;

describe('onematter typegen', () => {
  let files: string[];
  beforeAll(async () => {
    const { code, stdout, stderr } = await run('typegen', 'definitions', '--out', 'types');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${typed} form types and index.ts to types\n`);
    files = readdirSync(join(dir, 'types')).sort();
  });
  const generated = (file: string) => readFileSync(join(dir, 'types', file), 'utf8');

  it('writes one file per definition, named after the matter folder and the region file, and an index', () => {
    // every matter definition, and each bundle's composed form (named after its bundle file)
    const expected = [
      ...realCatalogue.catalogue.definitions.map((d) => d.file.replace(/^definitions\/matters\/([^/]+)\/([^/]+)\.json$/, '$1.$2.ts')),
      ...realCatalogue.catalogue.bundles.map((b) => b.file.replace(/^definitions\/bundles\/([^/]+)\.json$/, 'bundles.$1.ts')),
    ];
    expect(expected).toHaveLength(typed);
    expect(files).toEqual([...expected, 'index.ts'].sort());
    const index = generated('index.ts');
    expect(index.match(/^export type \{ \w+ \} from '\.\/[\w.-]+\.js';$/gm)).toHaveLength(typed);
    expect(index).toContain("export type { ResidencePermitHangzhouForm } from './residence-permit.hangzhou.js';");
    expect(index).toContain("export type { ResidencePermitBaselineForm } from './residence-permit.baseline.js';");
    expect(index).toContain("export type { HkMacaoTaiwanEndorsementQuzhouForm } from './hk-macao-taiwan-endorsement.quzhou.js';");
    expect(generated('residence-permit.hangzhou.ts')).toMatch(/^export interface ResidencePermitHangzhouForm \{$/m);
  });

  it('says in a banner that the file is generated, from which definition and version, with a content hash', () => {
    const versionOf = (file: string) => realCatalogue.catalogue.definitions.find((d) => d.file === `${permit}/${file}`)!.value.version;
    const text = generated('residence-permit.hangzhou.ts');
    expect(text).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED by `onematter typegen` from definitions\/matters\/residence-permit\/hangzhou\.json\n/);
    expect(text).toContain(`(matter 330000-GA-0101 version ${versionOf('hangzhou.json')}, variant for Hangzhou 330100)`);
    expect(text).toMatch(/Content hash: sha256:[0-9a-f]{64}\n/);
    expect(generated('residence-permit.baseline.ts')).toContain(`version ${versionOf('baseline.json')}, baseline for Zhejiang 330000`);
  });

  it('is deterministic: a second run writes the same bytes', async () => {
    const before = files.map(generated);
    expect((await run('typegen', 'definitions', '--out', 'types')).code).toBe(0);
    expect(files.map(generated)).toEqual(before);
  });

  it('resolves $refs into the shared schemas offline: the id number is a string, labels become doc comments', () => {
    const text = generated('residence-permit.hangzhou.ts');
    expect(text).toMatch(/公民身份号码 — Citizen identity number\n\s+\*\/\n\s+idNumber: string;/);
    expect(text).toMatch(/^\s+mobile: string;$/m);
    expect(text).toMatch(/^\s+gender: '男' \| '女';$/m);
    expect(text).not.toMatch(/NoName|Https/);
  });

  it('gives types that embedding code can use: valid data type-checks and invalid data is rejected', async () => {
    const hangzhou = realCatalogue.catalogue.definitions.find((d) => d.file === `${permit}/hangzhou.json`)!.value;
    const ajv = createFormAjv(realCatalogue.catalogue.schemas.map((s) => s.value));
    expect(ajv.validate(hangzhou.form.schema, validHangzhouForm), JSON.stringify(ajv.errors)).toBe(true);

    writeFileSync(join(dir, 'types', 'embed-valid.ts'), `import type { ResidencePermitHangzhouForm } from './index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const idNumberIsString: Equal<ResidencePermitHangzhouForm['applicant']['idNumber'], string> = true;
export const application: ResidencePermitHangzhouForm = ${JSON.stringify(validHangzhouForm, null, 2)};
`);
    writeFileSync(join(dir, 'types', 'embed-invalid.ts'), `import type { ResidencePermitHangzhouForm } from './residence-permit.hangzhou.js';

export const application: ResidencePermitHangzhouForm = {
  applicant: {
    name: '张三',
    // @ts-expect-error the id number is a string, not a number
    idNumber: 330106199001011234,
    gender: '男',
    birthDate: '1990-01-01',
    householdAddress: '安徽省合肥市蜀山区长江西路 1 号',
    mobile: '13800000000',
  },
  residence: {
    regionCode: '330106',
    address: '杭州市西湖区文三路 100 号',
    registrationDate: '2026-01-05',
    // @ts-expect-error not one of the reasons the form offers
    reason: '旅游',
    housingType: '租赁住房',
  },
  delivery: { method: '电子证照' },
};
`);
    const tsc = join(projectRoot, 'node_modules/.bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', 'embed-valid.ts', 'embed-invalid.ts'];
    const result = await exec(tsc, args, { cwd: join(dir, 'types') }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it("closes the type exactly where the schema is closed: an extra key is a type error in every real form's closed objects", async () => {
    const names = formTypeNames(realCatalogue.catalogue.definitions.map((d) => ({ file: d.file, titleEn: d.value.title.en, regionEn: d.value.region.name.en })));
    const files: Record<string, string> = {};
    let closed = 0;
    for (const d of realCatalogue.catalogue.definitions) {
      const { typeName, fileName } = names.get(d.file)!;
      const fields = objectFields(d.value.form.schema, sharedSchemas);
      closed += fields.filter((f) => f.closed).length;
      files[`extra-${fileName}`] = extraKeySnippet(typeName, `./${fileName.replace(/\.ts$/, '.js')}`, fields);
    }
    expect(closed).toBeGreaterThan(100); // the catalogue's forms close their objects, through shared $refs too
    expect(await typeCheck(join(dir, 'types'), files)).toBe('');
  }, 60_000);

  it('generates the named files only', async () => {
    const { code, stdout } = await run('typegen', `${permit}/ningbo.json`, `${permit}/baseline.json`, '--out', 'two');
    expect(code).toBe(0);
    expect(stdout).toBe('wrote 2 form types and index.ts to two\n');
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(['index.ts', 'residence-permit.baseline.ts', 'residence-permit.ningbo.ts']);
  });

  it('prints the problems of an invalid definition as validate does and exits 1; valid ones are still generated', async () => {
    const broken = JSON.parse(readFileSync(join(dir, `${permit}/ningbo.json`), 'utf8'));
    broken.process.initial = 'nowhere';
    writeFileSync(join(dir, `${permit}/broken.json`), JSON.stringify({ ...broken, region: { ...broken.region, code: '330400' } }));
    writeFileSync(join(dir, `${permit}/truncated.json`), '{"kind": "variant"');
    const validate = await run('validate', permit);
    const { code, stdout, stderr } = await run('typegen', permit, '--out', 'partial');
    rmSync(join(dir, `${permit}/broken.json`));
    rmSync(join(dir, `${permit}/truncated.json`));
    expect(validate.code).toBe(1);
    expect(code).toBe(1);
    const problemLines = validate.stdout.split('\n').filter((l) => l.includes('#'));
    expect(problemLines.length).toBeGreaterThanOrEqual(2);
    expect(stderr).toBe(`${problemLines.join('\n')}\n${problemLines.length} problems: no type is generated for an invalid definition\n`);
    expect(stderr).toContain(`${permit}/truncated.json#: `);
    expect(stderr).toContain('[json.invalid]');
    expect(stdout).toBe('wrote 5 form types and index.ts to partial\n');
    expect(readdirSync(join(dir, 'partial'))).not.toContain('residence-permit.broken.ts');
  });

  it('exits 2 on a usage error', async () => {
    const noOut = await run('typegen', 'definitions');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('usage: onematter typegen <file-or-dir>... --out <dir>');
    expect((await run('typegen', '--out', 'types')).code).toBe(2);
    expect((await run('typegen', 'no-such-folder', '--out', 'types')).code).toBe(2);
    const notADefinition = await run('typegen', 'definitions/shared-data.json', '--out', 'types');
    expect(notADefinition.code).toBe(2);
    expect(notADefinition.stderr).toContain('no matter definitions in definitions/shared-data.json');
    const outIsAFile = await run('typegen', 'definitions', '--out', `${permit}/baseline.json`);
    expect(outIsAFile.code).toBe(2);
    expect(outIsAFile.stderr).toContain('is a file, not a folder');
  });
});

describe('onematter typegen: objects as open as the runtime validator has them, and anchors', () => {
  const hangzhou = realCatalogue.catalogue.definitions.find((d) => d.file === `${permit}/hangzhou.json`)!;
  const file = 'definitions/matters/variations/hangzhou.json';
  /** The Hangzhou form with one object opened, objects closed and opened by other keywords, and fields behind anchors. */
  const variation = (): MatterDefinition => {
    const d = structuredClone(hangzhou.value);
    const s = d.form.schema as Record<string, any>;
    delete s.properties.delivery.additionalProperties; // open
    delete s.properties.residence.additionalProperties;
    s.properties.residence.unevaluatedProperties = false; // closed again, by another keyword
    s.properties.extras = { type: 'object', patternProperties: { '^x-': { type: 'string' } } }; // open: other keys too
    s.properties.counts = { type: 'object', properties: { a: { type: 'integer' } }, unevaluatedProperties: { type: 'integer' } }; // integer extras
    s.properties.flags = { // closed, but a conditional may evaluate `why`, typed as optional
      type: 'object', unevaluatedProperties: false, properties: { urgent: { type: 'boolean' } },
      if: { properties: { urgent: { const: true } }, required: ['urgent'] }, then: { properties: { why: { type: 'string' } } },
    };
    s.properties.withAllOf = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, allOf: [{ required: ['a'] }] };
    s.$defs = { reason: { ...s.properties.residence.properties.reason, $anchor: 'reason' }, housing: { ...s.properties.residence.properties.housingType, $dynamicAnchor: 'housing' } };
    s.properties.residence.properties.reason = { $ref: '#reason' };
    s.properties.residence.properties.housingType = { $ref: '#housing' };
    return d;
  };
  const valid = { ...validHangzhouForm, extras: {}, counts: { a: 1 }, flags: { urgent: false }, withAllOf: { a: 'x' } };
  let folder: string;
  let typeName: string;

  beforeAll(async () => {
    const [generated] = await generateFormTypes([{ file, value: variation() } as Loaded<MatterDefinition>], sharedSchemas);
    if (!generated || 'problem' in generated) throw new Error(JSON.stringify(generated));
    folder = join(dir, 'variations');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, generated.fileName), generated.source);
    typeName = generated.typeName;
    expect(generated.fileName).toBe('variations.hangzhou.ts');
  });

  it('is a valid form the runtime validator compiles, and the sample data passes it', () => {
    expect(problemsInCatalogue(`${permit}/hangzhou.json`, variation()).filter((p) => p.code.startsWith('form.'))).toEqual([]);
    const validate = createFormAjv(realCatalogue.catalogue.schemas.map((x) => x.value)).compile(variation().form.schema);
    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
  });

  it('takes an extra key in its type exactly where the runtime validator takes it', async () => {
    const validate = createFormAjv(realCatalogue.catalogue.schemas.map((x) => x.value)).compile(variation().form.schema);
    const fields = objectFields(variation().form.schema, sharedSchemas).flatMap((f) => {
      if (f.path.includes('[]')) return [];
      const data = structuredClone(valid) as Record<string, any>;
      let at: any = data;
      for (const key of f.path) at = at?.[key];
      if (!isObject(at)) return []; // no sample data there
      at.notAFieldOfTheForm = 1;
      return [{ type: f.type, closed: !validate(data), path: f.path.join('.') }];
    });
    expect(Object.fromEntries(fields.map((f) => [f.path || '(form)', f.closed ? 'closed' : 'open']))).toEqual({
      '(form)': 'closed', applicant: 'closed', residence: 'closed', delivery: 'open', 'delivery.postalAddress': 'closed',
      extras: 'open', counts: 'open', flags: 'closed', withAllOf: 'closed',
    });
    expect(await typeCheck(folder, { 'extra-keys.ts': extraKeySnippet(typeName, './variations.hangzhou.js', fields) })).toBe('');
  }, 60_000);

  it('types the extra keys an object takes, and the fields reached through an $anchor or a $dynamicAnchor', async () => {
    const snippet = `import type { ${typeName} as T } from './variations.hangzhou.js';
import type { ResidencePermitHangzhouForm as Real } from '../types/index.js';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
export const reason: Equal<T['residence']['reason'], Real['residence']['reason']> = true;
export const housing: Equal<T['residence']['housingType'], Real['residence']['housingType']> = true;
export const reasonIsNarrow: Equal<T['residence']['reason'], string> = false;
export const counts: NonNullable<T['counts']> = { a: 1, b: 2 };
// @ts-expect-error unevaluated keys of counts are integers
export const notCounts: NonNullable<T['counts']> = { a: 1, b: 'two' };
export const extras: NonNullable<T['extras']> = { 'x-note': 'a', other: true };
export const flags: NonNullable<T['flags']> = { urgent: true, why: 'a fire' };
`;
    expect(await typeCheck(folder, { 'anchors.ts': snippet })).toBe('');
  }, 60_000);
});

describe('form type names', () => {
  const name = (file: string, titleEn = 'A matter', regionEn = 'Somewhere') => ({ file, titleEn, regionEn });

  it('come from the matter folder and the file', () => {
    const names = formTypeNames([name('definitions/matters/residence-permit/hangzhou.json'), name('x\\newbornRegistration\\baseline.json')]);
    expect(names.get('definitions/matters/residence-permit/hangzhou.json')).toEqual({ typeName: 'ResidencePermitHangzhouForm', fileName: 'residence-permit.hangzhou.ts' });
    expect(names.get('x\\newbornRegistration\\baseline.json')).toEqual({ typeName: 'NewbornRegistrationBaselineForm', fileName: 'newborn-registration.baseline.ts' });
  });

  it('fall back to English names for segments without ASCII letters, and never start with a digit', () => {
    const names = formTypeNames([name('matters/居住证/杭州.json', 'Residence permit', 'Hangzhou'), name('matters/330000-GA-0101/baseline.json')]);
    expect(names.get('matters/居住证/杭州.json')).toEqual({ typeName: 'ResidencePermitHangzhouForm', fileName: 'residence-permit.hangzhou.ts' });
    expect(names.get('matters/330000-GA-0101/baseline.json')!.typeName).toBe('Matter330000Ga0101BaselineForm');
  });

  it('take in parent folders when they clash, then number the later files', () => {
    const files = ['zj/matters/residence-permit/hangzhou.json', 'js/matters/residence-permit/hangzhou.json', 'zj/matters/residence-permit/ningbo.json', 'm/a-b/c.json', 'm/a/b-c.json'];
    const names = formTypeNames(files.map((f) => name(f)));
    expect(files.map((f) => names.get(f)!.typeName)).toEqual([
      'ZjMattersResidencePermitHangzhouForm',
      'JsMattersResidencePermitHangzhouForm',
      'ResidencePermitNingboForm',
      'MABCForm',
      'MABC2Form',
    ]);
    expect(names.get('m/a/b-c.json')!.fileName).toBe('m.a.b-c.2.ts');
    expect(new Set([...names.values()].map((n) => n.fileName.toLowerCase())).size).toBe(5);
  });
});
