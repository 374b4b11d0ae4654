import { describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { CommandError, commands, type Command } from '../designer/model/commands/index.ts';
import { execute, initialState, redo, replay, undo, type EditorState } from '../designer/model/editor.ts';
import { fieldTree, schemaPointerOf } from '../designer/model/fields.ts';
import { applyOp, PatchError } from '../designer/model/patch.ts';
import { matters } from './support/catalogue.ts';

const permit = matters().find((m) => m.baseline.title.en.toLowerCase().includes('residence permit'))!.baseline;
const text = (value: unknown) => JSON.stringify(value); // identical means identical bytes: key order included

// A random but reproducible source of numbers (mulberry32).
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One command that applies to `d`, picked at random.
function randomCommand(d: MatterDefinition, next: () => number, n: number): Command {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const fields = fieldTree(d).flatMap(function all(f): ReturnType<typeof fieldTree> { return [f, ...f.children.flatMap(all)]; }).filter((f) => f.name !== '-');
  const objects = ['', ...fields.filter((f) => f.schema.type === 'object' && !('$ref' in f.schema)).map((f) => f.field)];
  const field = fields.length ? pick(fields) : undefined;
  const siblings = field ? fieldTree(d).length : 1;
  const material = d.materials.length ? pick(d.materials) : undefined;
  const options: Command[] = [
    { name: 'add-field', args: { parent: pick(objects), name: `f${n}`, schema: { type: 'string', title: `字段${n}` }, required: next() < 0.5 } },
    { name: 'add-material', args: { material: { id: `m${n}`, name: { zh: `材料${n}`, en: `Material ${n}` }, necessity: 'required', source: 'applicant', format: 'paper', copies: { original: 1, copy: 0 } } as never, index: Math.floor(next() * (d.materials.length + 1)) } },
    { name: 'set-value', args: { pointer: '/timeLimit/promisedDays', value: Math.floor(next() * 20) } },
    { name: 'set-value', args: { pointer: `/title/${pick(['zh', 'en'])}`, value: `t${n}` } },
  ];
  if (field) {
    options.push({ name: 'set-required', args: { field: field.field, required: !field.required } });
    options.push({ name: 'remove-field', args: { field: field.field } });
    options.push({ name: 'rename-field', args: { field: field.field, to: `r${n}` } });
    options.push({ name: 'set-value', args: { pointer: `${field.pointer}/maxLength`, value: 10 + n } });
  }
  if (field && siblings > 1 && objects.length) options.push({ name: 'move-field', args: { field: fieldTree(d)[0]!.field, to: siblings - 1 } });
  if (material) {
    options.push({ name: 'remove-material', args: { id: material.id } });
    options.push({ name: 'move-material', args: { id: material.id, to: d.materials.length - 1 } });
    options.push({ name: 'set-value', args: { pointer: `/materials/${d.materials.indexOf(material)}/format`, value: 'electronic' } });
  }
  return pick(options);
}

describe('the designer editor model', () => {
  it('undoes every command back to the identical definition, and redoes it to the identical result', () => {
    const next = random(7);
    let state = initialState(permit);
    for (let n = 0; n < 300; n++) {
      const before = state;
      const command = randomCommand(state.definition, next, n);
      state = execute(state, command);
      const after = state;
      if (after === before) continue; // nothing to change: no transaction was recorded
      expect(text(undo(after).definition), JSON.stringify(command)).toBe(text(before.definition));
      expect(text(redo(undo(after)).definition)).toBe(text(after.definition));
    }
    expect(state.done.length).toBeGreaterThan(250);
  });

  it('restores the start when a random sequence of 500 commands is undone entirely', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      let state: EditorState = initialState(permit);
      for (let n = 0; n < 500; n++) state = execute(state, randomCommand(state.definition, next, n));
      const end = state;
      while (state.done.length) state = undo(state);
      expect(text(state.definition)).toBe(text(permit));
      while (state.undone.length) state = redo(state);
      expect(text(state.definition)).toBe(text(end.definition));
    }
  });

  it('replays a command log without a browser to the same definition', () => {
    const next = random(11);
    let state = initialState(permit);
    for (let n = 0; n < 100; n++) state = execute(state, randomCommand(state.definition, next, n));
    const log = state.done.map((t) => JSON.parse(JSON.stringify(t.command)) as Command); // through JSON: a log is data
    expect(text(replay(permit, log).definition)).toBe(text(state.definition));
  });

  it('never changes the definition it was given (the state is a value)', () => {
    const frozen = structuredClone(permit);
    let state = initialState(frozen);
    state = execute(state, { name: 'add-field', args: { parent: '/applicant', name: 'phone2', schema: { type: 'string' } } });
    state = execute(state, { name: 'remove-material', args: { id: permit.materials[0]!.id } });
    expect(text(frozen)).toBe(text(permit));
    expect(state.definition.materials).toHaveLength(permit.materials.length - 1);
  });

  it('adds a required field where asked and selects it', () => {
    const state = execute(initialState(permit), { name: 'add-field', args: { parent: '/applicant', name: 'wechat', schema: { type: 'string', title: '微信号' }, required: true, index: 0 } });
    const applicant = (state.definition.form.schema as any).properties.applicant;
    expect(Object.keys(applicant.properties)[0]).toBe('wechat');
    expect(applicant.required.at(-1)).toBe('wechat');
    expect(state.selection).toBe(schemaPointerOf(state.definition, '/applicant/wechat'));
  });

  it('carries prefill and legal-basis references along when a field is renamed, and drops them when it is removed', () => {
    const prefilled = permit.form.prefill![0]!.field;
    const [parent, name] = [prefilled.slice(0, prefilled.lastIndexOf('/')), prefilled.slice(prefilled.lastIndexOf('/') + 1)];
    const renamed = execute(initialState(permit), { name: 'rename-field', args: { field: prefilled, to: `${name}X` } });
    expect(renamed.definition.form.prefill![0]!.field).toBe(`${parent}/${name}X`);
    expect(Object.keys((renamed.definition.form.schema as any).properties[parent.slice(1)].properties)).toEqual(
      Object.keys((permit.form.schema as any).properties[parent.slice(1)].properties).map((k) => (k === name ? `${name}X` : k)),
    );
    const removed = execute(initialState(permit), { name: 'remove-field', args: { field: parent } });
    expect(removed.definition.form.prefill!.filter((p) => p.field.startsWith(`${parent}/`))).toEqual([]);
  });

  it('refuses a command that does not apply, naming why, and leaves the state alone', () => {
    const state = initialState(permit);
    expect(() => execute(state, { name: 'remove-field', args: { field: '/nope' } })).toThrow(CommandError);
    expect(() => execute(state, { name: 'add-field', args: { parent: '', name: '1bad', schema: {} } })).toThrow(/not a field name/);
    expect(() => execute(state, { name: 'add-material', args: { material: permit.materials[0]! } })).toThrow(/exists already/);
    expect(() => execute(state, { name: 'nope' } as never)).toThrow(/no such command/);
    expect(state.done).toEqual([]);
  });

  it('names each command under its own name', () => {
    for (const [name, definition] of Object.entries(commands)) expect(definition.name).toBe(name);
  });
});

describe('patch ops', () => {
  it('keeps key order through delete and its inverse, and through rename', () => {
    const doc = { a: 1, b: 2, c: 3 };
    const del = applyOp(doc, { op: 'delete', path: '/b' });
    expect(text(applyOp(del.doc, del.inverse).doc)).toBe(text(doc));
    const renamed = applyOp(doc, { op: 'rename', path: '/b', to: 'x' });
    expect(Object.keys(renamed.doc as object)).toEqual(['a', 'x', 'c']);
    expect(text(applyOp(renamed.doc, renamed.inverse).doc)).toBe(text(doc));
  });

  it('shares what it does not change', () => {
    const doc = { left: { deep: [1, 2] }, right: { x: 1 } };
    const next = applyOp(doc, { op: 'set', path: '/right/x', value: 2 }).doc as typeof doc;
    expect(next.left).toBe(doc.left);
    expect(next.right).not.toBe(doc.right);
  });

  it('refuses a path that leads nowhere', () => {
    expect(() => applyOp({ a: [] }, { op: 'remove', path: '/a', index: 0 })).toThrow(PatchError);
    expect(() => applyOp({ a: 1 }, { op: 'set', path: '/b/c', value: 1 })).toThrow(PatchError);
    expect(() => applyOp({ a: [1] }, { op: 'insert', path: '/a', index: 5, value: 1 })).toThrow(/outside/);
  });
});

describe('typing into one value', () => {
  it('merges keystrokes within a second into one transaction that undoes to the value before the first', () => {
    let state = initialState(permit);
    const pointer = '/title/en';
    for (const [i, text] of ['R', 'Re', 'Res'].entries()) state = execute(state, { name: 'set-value', args: { pointer, value: text } }, 1000 + i * 200);
    expect(state.done).toHaveLength(1);
    expect(undo(state).definition.title.en).toBe(permit.title.en);
    state = execute(state, { name: 'set-value', args: { pointer, value: 'Resi' } }, 5000); // a pause: a new transaction
    expect(state.done).toHaveLength(2);
    expect(undo(state).definition.title.en).toBe('Res');
    state = execute(state, { name: 'set-value', args: { pointer: '/title/zh', value: '新' } }, 5100); // another value
    expect(state.done).toHaveLength(3);
  });
});

describe('importing a form', () => {
  it('replaces the schema and the uiSchema as one transaction that undoes to the identical definition', () => {
    const withUi = { ...permit, form: { ...permit.form, uiSchema: { applicant: { 'ui:order': ['name'] } } } };
    const state = execute(initialState(withUi), { name: 'import-form', args: { schema: { type: 'object', properties: { card: { type: 'string' } } }, uiSchema: {} } });
    expect(state.done).toHaveLength(1);
    expect(state.definition.form.uiSchema).toBeUndefined(); // the old fields' options went with them
    expect(Object.keys((state.definition.form.schema as any).properties)).toEqual(['card']);
    expect(text(undo(state).definition)).toBe(text(withUi));
  });
});
