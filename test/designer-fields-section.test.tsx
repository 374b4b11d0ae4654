// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatterDefinition, Problem } from '../engine/index.ts';
import { Editor, initialState } from '../designer/model/editor.ts';
import { FieldsSection } from '../designer/views/fields/FieldsSection.tsx';
import * as tree from '../designer/views/fields/tree.ts';

// count how often the tree is indexed (the real indexer runs)
vi.mock('../designer/views/fields/tree.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../designer/views/fields/tree.ts')>();
  return { ...actual, indexFields: vi.fn(actual.indexFields) };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not accept
const permit = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../definitions/matters/residence-permit/baseline.json'), 'utf8')) as MatterDefinition;
const applicant = '/form/schema/properties/applicant';

let mounted: { root: Root; container: HTMLElement } | undefined;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = undefined;
});

// Mounts the section on an editor, re-rendering on every new state as the editor page does.
function mount(definition: MatterDefinition, problems: Problem[] = []) {
  const editor = new Editor(initialState(definition));
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const render = () => root.render(<FieldsSection editor={editor} state={editor.state} problems={problems} readOnly={false} context={{ sharedData: undefined, sharedSchemas: [] }} />);
  editor.subscribe(() => act(render));
  act(render);
  mounted = { root, container };
  return { editor, container, item: (field: string) => container.querySelector(`[role="treeitem"][data-field="${field}"]`) };
}

describe('the form fields section', () => {
  it('shows every field as an item of a tree, nested by aria-level', () => {
    const { container, item } = mount(permit);
    expect(container.querySelectorAll('[role="tree"] > [role="treeitem"]')).toHaveLength(4 + 7 + 5 + 3 + 2);
    expect(item('/applicant')!.getAttribute('aria-level')).toBe('1');
    expect(item('/applicant/mobile')!.getAttribute('aria-level')).toBe('2');
    expect(item('/applicant/mobile')!.getAttribute('aria-posinset')).toBe('7');
    expect(container.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1); // one tab stop
  });

  it('indexes the tree again only when the form schema changes', () => {
    const { editor } = mount(permit);
    const indexed = vi.mocked(tree.indexFields).mock.calls.length;
    act(() => editor.dispatch({ name: 'set-value', args: { pointer: '/title/zh', value: '居住证' } }));
    act(() => editor.dispatch({ name: 'set-value', args: { pointer: '/materials/0/copies/originals', value: 1 } }));
    expect(vi.mocked(tree.indexFields).mock.calls.length).toBe(indexed);
    act(() => editor.dispatch({ name: 'set-value', args: { pointer: `${applicant}/properties/name/title`, value: '名' } }));
    expect(vi.mocked(tree.indexFields).mock.calls.length).toBe(indexed + 1);
  });

  it('selects the nearest field of a selection inside the form, and shows its properties', () => {
    const { editor, container, item } = mount(permit);
    act(() => editor.select(`${applicant}/properties/name/maxLength`));
    expect(editor.state.selection).toBe(`${applicant}/properties/name`);
    expect(item('/applicant/name')!.getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector('[data-testid="field-panel"]')!.getAttribute('data-field')).toBe('/applicant/name');
    const gender = permit.form.prefill!.findIndex((p) => p.field === '/applicant/gender');
    act(() => editor.select(`/form/prefill/${gender}/value`));
    expect(editor.state.selection).toBe(`${applicant}/properties/gender`);
  });

  it('puts each problem on the field it is about, in the tree and in the panel', () => {
    const at = permit.form.prefill!.findIndex((p) => p.field === '/applicant/ethnicity');
    const problem: Problem = { code: 'ref.prefill-type-mismatch', file: 'x.json', pointer: `/form/prefill/${at}/field`, params: { field: '/applicant/ethnicity', formType: 'string', itemType: 'integer' }, message: 'mismatch' };
    const { editor, container, item } = mount(permit, [problem]);
    expect(item('/applicant/ethnicity')!.textContent).toContain('1 个问题');
    expect(item('/applicant/name')!.textContent).not.toContain('问题');
    act(() => editor.select(`${applicant}/properties/ethnicity`));
    expect(container.querySelector('[data-testid="field-problems"]')!.textContent).toContain('ref.prefill-type-mismatch');
  });

  it('moves the focused field with Alt+↑ and keeps the focus on it', () => {
    const { container, item } = mount(permit);
    const mobile = item('/applicant/mobile') as HTMLElement;
    act(() => mobile.querySelector('.tree-row')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 })));
    act(() => mobile.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true })));
    const order = [...container.querySelectorAll('[role="treeitem"][data-parent="/applicant"]')].map((e) => e.getAttribute('data-field'));
    expect(order.slice(-2)).toEqual(['/applicant/mobile', '/applicant/householdAddress']);
    expect(document.activeElement?.getAttribute('data-field')).toBe('/applicant/mobile');
  });
});
