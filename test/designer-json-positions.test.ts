import { describe, expect, it } from 'vitest';
import { locatePointer, locatePointers } from '../designer/model/json-positions.ts';
import { escapeToken, resolvePointer } from '../engine/json/pointer.ts';
import { matters } from './support/catalogue.ts';

// The text a location covers (what the JSON view underlines or selects).
const at = (text: string, pointer: string) => {
  const found = locatePointer(text, pointer);
  return found && { text: text.slice(found.from, found.to), key: found.keyFrom === undefined ? undefined : text.slice(found.keyFrom, found.to), pointer: found.pointer, exact: found.exact };
};

describe('locating JSON Pointers in a JSON text', () => {
  const text = JSON.stringify({ title: { zh: '居住证', en: 'Residence permit' }, materials: [{ id: 'photo', copies: 1 }, { id: 'lease' }], empty: {}, none: [] }, null, 2);

  it('finds the value of a member, with its key, and of the whole document', () => {
    expect(at(text, '/title/en')).toEqual({ text: '"Residence permit"', key: '"en": "Residence permit"', pointer: '/title/en', exact: true });
    expect(at(text, '/title')!.text).toBe(JSON.stringify({ zh: '居住证', en: 'Residence permit' }, null, 2).replace(/\n/g, '\n  '));
    expect(at(text, '')).toEqual({ text, key: undefined, pointer: '', exact: true });
  });

  it('counts array elements, nested containers included', () => {
    expect(at(text, '/materials/1')!.text).toBe('{\n      "id": "lease"\n    }');
    expect(at(text, '/materials/1')!.key).toBeUndefined();
    expect(at(text, '/materials/0/copies')!.text).toBe('1');
    expect(at(text, '/materials/1/id')!.text).toBe('"lease"');
    expect(at(text, '/empty')!.text).toBe('{}');
    expect(at(text, '/none')!.text).toBe('[]');
  });

  it('maps a pointer to a missing member or element to the nearest ancestor that is there', () => {
    expect(at(text, '/title/fr')).toMatchObject({ text: at(text, '/title')!.text, pointer: '/title', exact: false });
    expect(at(text, '/materials/2/id')).toMatchObject({ pointer: '/materials', exact: false });
    expect(at(text, '/materials/-')).toMatchObject({ pointer: '/materials', exact: false });
    expect(at(text, '/title/en/deeper')).toMatchObject({ text: '"Residence permit"', pointer: '/title/en', exact: false });
    expect(at(text, '/none/0')).toMatchObject({ text: '[]', pointer: '/none', exact: false });
  });

  it('decodes escaped keys and unescapes ~0 and ~1 in pointers', () => {
    const tricky = '{"a/b": 1, "m~n": 2, "q\\"uote": 3, "\\u0041": 4, "": 5, "x": {"a~1b": 6}}';
    expect(at(tricky, '/a~1b')!.text).toBe('1');
    expect(at(tricky, '/m~0n')!.text).toBe('2');
    expect(at(tricky, '/q"uote')!.text).toBe('3');
    expect(at(tricky, '/A')!.text).toBe('4');
    expect(at(tricky, '/')!.text).toBe('5'); // the empty key
    expect(at(tricky, '/x/a~01b')!.text).toBe('6'); // the key "a~1b" itself
    expect(at(tricky, '/x/a~1b')).toMatchObject({ pointer: '/x', exact: false }); // "a/b" is not in x
    expect(at(tricky, '/nope/a~1b')).toMatchObject({ pointer: '', exact: false });
  });

  it('does not confuse a key with the same text inside a string value or another object', () => {
    const t = '{"note": "\\"id\\": 1", "other": {"id": 2}, "id": 3}';
    expect(at(t, '/id')!.text).toBe('3');
    expect(at(t, '/other/id')!.text).toBe('2');
  });

  it('takes the last of duplicate keys, as JSON.parse does, forgetting what the first held', () => {
    const t = '{"a": {"b": 1, "c": 2}, "a": {"c": 3}}';
    expect(at(t, '/a/c')!.text).toBe('3');
    expect(at(t, '/a/b')).toMatchObject({ pointer: '/a', text: '{"c": 3}', exact: false });
  });

  it('locates many pointers in one pass, leaving out malformed pointers', () => {
    const found = locatePointers(text, ['/title/zh', '/materials/0/id', 'title', '/missing']);
    expect([...found.keys()].sort()).toEqual(['/materials/0/id', '/missing', '/title/zh']);
    expect(found.get('/missing')).toMatchObject({ pointer: '', exact: false });
  });

  it('answers as far as it got in malformed text, and nothing before the first value', () => {
    const broken = '{"title": {"zh": "居住证", "en": }, "later": 1}';
    expect(at(broken, '/title/zh')!.text).toBe('"居住证"');
    expect(at(broken, '/later')).toMatchObject({ pointer: '', exact: false }); // the scan stopped before it
    expect(at(broken, '/title')!.text).toBe('{"zh": "居住证", "en": ');
    expect(at('', '/a')).toBeUndefined();
    expect(at('   ', '')).toBeUndefined();
    expect(at('{"a": "unterminated', '/a')).toMatchObject({ pointer: '', exact: false });
  });

  it('walks nesting far deeper than any call stack without recursing', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}"core"${']'.repeat(depth)}`;
    const pointer = '/0'.repeat(depth);
    expect(at(deep, pointer)!.text).toBe('"core"');
    expect(at(`{"a": ${'['.repeat(depth)}`, '/a')!.text.length).toBe(depth); // unclosed: up to where it stopped
  });

  it('agrees with resolvePointer on every value of a real definition', () => {
    const definition = matters().find((m) => m.baseline.title.en.toLowerCase().includes('residence permit'))!.baseline;
    const doc = JSON.stringify(definition, null, 2);
    const pointers: string[] = [];
    const todo: [string, unknown][] = [['', definition]];
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [pointer, value] = next;
      pointers.push(pointer);
      if (Array.isArray(value)) value.forEach((v, i) => todo.push([`${pointer}/${i}`, v]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) todo.push([`${pointer}/${escapeToken(k)}`, v]);
    }
    expect(pointers.length).toBeGreaterThan(200);
    const found = locatePointers(doc, pointers);
    for (const pointer of pointers) {
      const location = found.get(pointer)!;
      expect(location.exact, pointer).toBe(true);
      expect(JSON.parse(doc.slice(location.from, location.to)), pointer).toEqual(resolvePointer(definition, pointer));
    }
  });

  it('scans a megabyte in well under the time a keystroke may take, however many pointers are asked', () => {
    const big = JSON.stringify({ items: Array.from({ length: 12_000 }, (_, i) => ({ id: `item-${i}`, name: { zh: `第${i}项`, en: `Item ${i}` }, values: [i, i + 1, true, null] })) }, null, 2);
    expect(big.length).toBeGreaterThan(1_000_000);
    const pointers = Array.from({ length: 2_000 }, (_, i) => `/items/${i * 6}/name/en`);
    locatePointers(big, pointers); // warm up the JIT
    const started = performance.now();
    const found = locatePointers(big, pointers);
    const took = performance.now() - started;
    expect(found.get('/items/11994/name/en')).toMatchObject({ exact: true });
    expect(big.slice(found.get('/items/11994/name/en')!.from, found.get('/items/11994/name/en')!.to)).toBe('"Item 11994"');
    expect(took).toBeLessThan(250);
  });
});
