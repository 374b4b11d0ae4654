import { describe, expect, it } from 'vitest';
import type { MatterDefinition, Problem } from '../engine/index.ts';
import { Editor, initialState } from '../designer/model/editor.ts';
import { offsetOf, parseDiagnostics, problemDiagnostics } from '../designer/views/json/diagnostics.ts';
import { JsonSync, pretty, textChange, type TextChange } from '../designer/views/json/sync.ts';
import { matters } from './support/catalogue.ts';

const permit = matters().find((m) => m.baseline.title.en.toLowerCase().includes('residence permit'))!.baseline;
const days = permit.timeLimit.promisedDays; // 3 in the baseline
const applied = (text: string, change: TextChange | undefined) => (change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text);

// The JSON view without its editor: a model, its sync, and typing as the view does it (typing, then the pause).
function session(definition: MatterDefinition = permit) {
  const editor = new Editor(initialState(definition));
  const sync = new JsonSync(definition);
  let text = sync.text;
  editor.subscribe((state) => (text = applied(text, sync.follow(state.definition))));
  return {
    editor,
    sync,
    get text() {
      return text;
    },
    type(next: string) {
      text = next;
      sync.typing();
    },
    pause() {
      const definition = sync.settle(editor.state.definition, text);
      if (definition) editor.dispatch({ name: 'replace-definition', args: { definition } });
    },
  };
}

describe('the smallest text change', () => {
  it('keeps what the two texts share at either end, so a cursor there stays put', () => {
    expect(textChange('"days": 20,', '"days": 15,')).toEqual({ from: 8, to: 10, insert: '15' });
    expect(textChange('abc', 'abc')).toBeUndefined();
    expect(textChange('aXa', 'aa')).toEqual({ from: 1, to: 2, insert: '' });
    expect(textChange('aa', 'aXa')).toEqual({ from: 1, to: 1, insert: 'X' });
    for (const [a, b] of [['', 'x'], ['x', ''], ['abab', 'ab'], ['ab', 'abab'], ['aaa', 'aaaa']] as const) expect(applied(a, textChange(a, b))).toBe(b);
  });
});

describe('the JSON view and the editor model, in step', () => {
  it('shows the definition as JSON with 2-space indentation', () => {
    expect(session().text).toBe(JSON.stringify(permit, null, 2));
  });

  it('turns a typed change into one replace-definition command after the pause, undone and redone with the text', () => {
    const s = session();
    s.type(s.text.replace(`"promisedDays": ${days}`, '"promisedDays": 12'));
    expect(s.sync.status).toBe('pending');
    expect(s.editor.state.done).toHaveLength(0); // nothing before the pause
    s.pause();
    expect(s.sync.status).toBe('synced');
    expect(s.editor.state.done.map((t) => t.command.name)).toEqual(['replace-definition']);
    expect(s.editor.state.definition.timeLimit.promisedDays).toBe(12);
    s.editor.undo();
    expect(s.editor.state.definition.timeLimit.promisedDays).toBe(days);
    expect(s.text).toBe(pretty(permit));
    s.editor.redo();
    expect(s.text).toContain('"promisedDays": 12');
  });

  it('keeps the official’s own layout of a text that parses', () => {
    const s = session();
    const compact = JSON.stringify({ ...permit, summary: { zh: '简介', en: 'Summary' } });
    s.type(compact);
    s.pause();
    expect(s.editor.state.definition.summary).toEqual({ zh: '简介', en: 'Summary' });
    expect(s.text).toBe(compact);
  });

  it('records reordering members as an edit (field order is the form’s order)', () => {
    const s = session();
    const { title, ...rest } = permit;
    s.type(pretty({ ...rest, title }));
    s.pause();
    expect(s.editor.state.done).toHaveLength(1);
    expect(Object.keys(s.editor.state.definition).at(-1)).toBe('title');
  });

  it('records nothing for a text that parses to the definition it shows', () => {
    const s = session();
    s.type(`${s.text}\n\n`);
    s.pause();
    expect(s.editor.state.done).toHaveLength(0);
    expect(s.text.endsWith('\n\n')).toBe(true);
  });

  it('keeps malformed text as typed, says where it breaks, and leaves the last good definition in the model', () => {
    const s = session();
    const broken = s.text.replace('"timeLimit": {', '"timeLimit": {,');
    s.type(broken);
    s.pause();
    expect(s.sync.status).toBe('invalid');
    expect(s.text).toBe(broken);
    expect(s.editor.state.definition).toBe(permit);
    const comma = broken.indexOf('{,') + 1;
    const line = broken.slice(0, comma).split('\n').length;
    expect(s.sync.problems).toMatchObject([{ code: 'json.invalid', params: { line, column: comma - broken.lastIndexOf('\n', comma) } }]);
    // undo with nothing recorded: the text goes back to the last valid definition
    expect(applied(s.text, s.sync.revert(s.editor.state.definition))).toBe(pretty(permit));
    expect(s.sync.status).toBe('synced');
  });

  it('refuses hostile text the way the engine refuses a file: keys, depth, size, a root that is not an object', () => {
    const cases: [string, string][] = [
      [`{"title": 1, "__proto__": {"polluted": true}}`, 'json.forbidden-key'],
      [`{"title": 1, "title": 2}`, 'json.duplicate-key'],
      [`{"a": ${'['.repeat(70)}${']'.repeat(70)}}`, 'json.too-deep'],
      [`{"a": "${'x'.repeat(2 * 1024 * 1024)}"}`, 'json.too-large'],
      ['[1, 2]', 'json.not-object'],
    ];
    for (const [text, code] of cases) {
      const s = session();
      s.type(text);
      s.pause();
      expect(s.sync.problems.map((p) => p.code), code).toContain(code);
      expect(s.editor.state.definition, code).toBe(permit);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('follows an edit made elsewhere, and an undo, only changing the text where the definition changed', () => {
    const s = session();
    const before = s.text;
    expect(days).toBe(3);
    s.editor.dispatch({ name: 'set-value', args: { pointer: '/timeLimit/promisedDays', value: 7 } });
    const change = textChange(before, s.text)!;
    expect(before.slice(change.from - '"promisedDays": '.length, change.to)).toBe('"promisedDays": 3'); // only the digit differs
    expect(change.insert).toBe('7');
  });

  it('never replaces text the official typed while it is still pending; the typed text wins at the pause', () => {
    const s = session();
    s.type(s.text.replace(`"promisedDays": ${days}`, '"promisedDays": 9'));
    const typed = s.text;
    s.editor.dispatch({ name: 'set-value', args: { pointer: '/title/en', value: 'Elsewhere' } });
    expect(s.text).toBe(typed);
    s.pause();
    expect(s.editor.state.definition.timeLimit.promisedDays).toBe(9);
    expect(s.editor.state.definition.title.en).toBe(permit.title.en);
    s.editor.undo(); // the typed text is a transaction of its own: undo brings back the other edit
    expect(s.editor.state.definition.title.en).toBe('Elsewhere');
    expect(s.text).toContain('"en": "Elsewhere"');
  });

  it('replaces text that does not parse when the definition changes elsewhere (undo from the toolbar)', () => {
    const s = session();
    s.editor.dispatch({ name: 'set-value', args: { pointer: '/title/en', value: 'Changed' } });
    s.type('{ broken');
    s.pause();
    expect(s.sync.status).toBe('invalid');
    s.editor.undo();
    expect(s.sync.status).toBe('synced');
    expect(s.text).toBe(pretty(permit));
  });
});

describe('problems as diagnostics', () => {
  const text = pretty({ title: { zh: '居住证', en: 'Residence permit' }, timeLimit: { promisedDays: 20 } });
  const problem = (pointer: string, code = 'schema.type', params: Record<string, unknown> = { expected: 'integer' }): Problem => ({ code, file: 'draft.json', pointer, params, message: 'english message' });
  const marked = (d: { from: number; to: number }) => text.slice(d.from, d.to);

  it('underlines a value on one line, and only the key and first line of a container spanning lines', () => {
    const [limit, value] = problemDiagnostics(text, [problem('/timeLimit/promisedDays'), problem('/timeLimit')], 'en');
    expect(marked(limit!)).toBe('"timeLimit": {');
    expect(marked(value!)).toBe('20');
    expect(value!.message).toBe('must be of type integer [schema.type]');
  });

  it('puts a problem about a missing member on its parent, in the page’s language', () => {
    const [d] = problemDiagnostics(text, [problem('/title/fr', 'schema.required', { property: 'fr' })], 'zh');
    expect(marked(d!)).toBe('"title": {');
    expect(d!.message).toBe('缺少必填属性 "fr" [schema.required]');
  });

  it('puts a syntax error at its line and column, and a hostile key at its value', () => {
    const broken = '{\n  "a": 1,\n  "b": ]\n}';
    const [syntax] = parseDiagnostics(broken, [problem('', 'json.invalid', { line: 3, column: 8, detail: 'unexpected character "]"' })], 'en');
    expect(syntax!.from).toBe(broken.indexOf(']'));
    expect(syntax!.message).toContain('line 3, column 8');
    const hostile = '{"a": 1, "__proto__": {"x": 1}}';
    const [key] = parseDiagnostics(hostile, [problem('/__proto__', 'json.forbidden-key', { key: '__proto__' })], 'en');
    expect(hostile.slice(key!.from, key!.to)).toBe('{"x": 1}');
  });

  it('clamps a line and column to the text', () => {
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab\ncd', 2, 99)).toBe(5);
    expect(offsetOf('ab\ncd', 9, 1)).toBe(5);
  });
});
