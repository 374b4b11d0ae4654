import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './support/cli.ts';
import { miniDir } from './support/fixtures.ts';

const cli = cliSandbox(miniDir, 'mini');
afterAll(() => cli.remove());

const definition = 'mini/matters/baseline.json';
const original = readFileSync(join(miniDir, 'matters/baseline.json'), 'utf8');
const read = (file: string) => readFileSync(join(cli.dir, file), 'utf8');
const reset = () => writeFileSync(join(cli.dir, definition), original);
const write = (file: string, value: unknown) => writeFileSync(join(cli.dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));

describe('onematter process', () => {
  it('exports the process as machine JSON and imports it back to the same definition (written with 2-space indent)', async () => {
    reset();
    const exported = await cli.run('process', 'export', definition, '--out', 'machine.json');
    expect(exported.code).toBe(0);
    const machine = JSON.parse(read('machine.json'));
    expect(machine.id).toBe(JSON.parse(original).process.id);
    const imported = await cli.run('process', 'import', 'machine.json', '--into', definition);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/✔ imported machine\.json as the process of mini\/matters\/baseline\.json/);
    expect(read(definition)).toBe(`${JSON.stringify(JSON.parse(original), null, 2)}\n`);
    // to standard output without --out
    const printed = await cli.run('process', 'export', definition);
    expect(JSON.parse(printed.stdout)).toEqual(machine);
  });

  it('imports a machine Stately wrote, and refuses what onematter cannot run with the validator’s pointer, writing nothing', async () => {
    reset();
    const machine = JSON.parse(original).process;
    const first = Object.keys(machine.states)[0]!;
    write('stately.json', { ...machine, context: { n: 0 }, version: '1' });
    const ok = await cli.run('process', 'import', 'stately.json', '--into', definition, '--json');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.changes.map((c: { pointer: string }) => c.pointer)).toEqual(['/context', '/version']);
    expect(report.written).toBe(true);

    reset();
    write('history.json', { ...machine, states: { ...machine.states, [first]: { ...machine.states[first], initial: 'inner', states: { inner: { meta: machine.states[first].meta }, back: { type: 'history' } } } } });
    const refused = await cli.run('process', 'import', 'history.json', '--into', definition);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`mini/matters/baseline.json#/process/states/${first}/states/back/type`);
    expect(refused.stdout).toContain('[process.xstate-unsupported]');
    expect(refused.stdout).toMatch(/nothing written/);
    expect(read(definition)).toBe(original);
  });

  it('imports nested states from a machine Stately renamed: the definition keeps its process id, root targets follow it', async () => {
    reset();
    const machine = JSON.parse(original).process;
    const { review } = machine.states;
    const approve = review.on.APPROVE;
    write('renamed.json', {
      ...machine,
      id: 'Untitled',
      states: {
        ...machine.states,
        review: {
          meta: { role: review.meta.role },
          initial: 'first',
          on: { REJECT: '#Untitled.rejected' },
          states: {
            first: { meta: { step: { zh: '初审', en: 'First review' } }, on: { PASS: '#Untitled.review.second' } },
            second: { meta: { step: { zh: '复审', en: 'Second review' } }, on: { APPROVE: [{ ...approve[0], target: '#Untitled.approved' }] } },
          },
        },
      },
    });
    const imported = await cli.run('process', 'import', 'renamed.json', '--into', definition, '--json');
    const report = JSON.parse(imported.stdout);
    expect({ code: imported.code, problems: report.problems, written: report.written }).toEqual({ code: 0, problems: [], written: true });
    expect(report.changes.map((c: { pointer: string; message: { en: string } }) => `${c.pointer} ${c.message.en}`)).toEqual([
      '/id the machine\'s id ("Untitled") became the process\'s, "test"',
      '/states/review/on/REJECT target "#Untitled.rejected" became "rejected"',
      '/states/review/states/first/on/PASS target "#Untitled.review.second" became "second"',
      '/states/review/states/second/on/APPROVE/0/target target "#Untitled.approved" became "#test.approved"',
    ]);
    const written = JSON.parse(read(definition)).process;
    expect(written.id).toBe('test');
    expect(written.states.review.states.second.on.APPROVE[0].target).toBe('#test.approved');
    // and it exports as it was imported
    expect((await cli.run('process', 'export', definition, '--out', 'again.json')).code).toBe(0);
    expect(JSON.parse(read('again.json')).states.review.states.first).toEqual({ meta: { step: { zh: '初审', en: 'First review' } }, on: { PASS: 'second' } });
    reset();
  });

  it('answers bad arguments with a usage error', async () => {
    expect((await cli.run('process', 'export')).code).toBe(2);
    expect((await cli.run('process', 'draw', definition)).code).toBe(2);
    expect((await cli.run('process', 'import', 'machine.json')).code).toBe(2);
    const missing = await cli.run('process', 'export', 'nope.json');
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('no such file: nope.json') });
    write('not-a-definition.json', { kind: 'bundle' });
    expect((await cli.run('process', 'export', 'not-a-definition.json')).stderr).toContain('not a matter definition');
  });
});
