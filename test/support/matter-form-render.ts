/** Renders MatterForm in jsdom for the form tests (task D): the catalogue's definitions and shared schemas, real React. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { MatterDefinition } from '../../engine/index.ts';
import { MatterForm, type MatterFormProps } from '../../runtime/form/MatterForm.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not accept
const definitionsDir = join(dirname(fileURLToPath(import.meta.url)), '../../definitions');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** A residence-permit definition from the catalogue (`baseline`, `ningbo`, …). */
export const residencePermit = (name: string): MatterDefinition => readJson(join(definitionsDir, `matters/residence-permit/${name}.json`)) as MatterDefinition;

/** definitions/schemas/*.json, as the portal bundles them. */
export const sharedSchemas: readonly object[] = readdirSync(join(definitionsDir, 'schemas'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => readJson(join(definitionsDir, 'schemas', f)) as object);

let mounted: { root: Root; container: HTMLElement } | undefined;

/** Mounts MatterForm (unmounting the previous one); `changes` collects what onChange hands over. */
export async function renderForm(overrides: Partial<MatterFormProps> & { definition: MatterDefinition }) {
  unmountForm();
  const changes: unknown[] = [];
  const submitted: unknown[] = [];
  const props: MatterFormProps = { locale: 'zh', formData: {}, locked: {}, waived: [], sharedSchemas, onChange: (d) => changes.push(d), onSubmit: (d) => submitted.push(d), ...overrides };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(MatterForm, props)));
  mounted = { root, container };
  return {
    container,
    changes,
    submitted,
    rerender: (next: Partial<MatterFormProps>) => act(async () => root.render(createElement(MatterForm, { ...props, ...next }))),
  };
}

export function unmountForm(): void {
  if (!mounted) return;
  const { root, container } = mounted;
  act(() => root.unmount());
  container.remove();
  mounted = undefined;
}

/** The element `#id` in `container`; throws when there is none. */
export const byId = <T extends HTMLElement = HTMLElement>(container: HTMLElement, id: string): T => {
  const el = container.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`no element #${id}`);
  return el;
};

/** Chooses `value` in a select as a user does (React sees the change event). */
export const choose = (select: HTMLSelectElement, value: string) =>
  act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

/** The texts of a select's options, placeholder included. */
export const optionTexts = (select: HTMLSelectElement): string[] => [...select.options].map((o) => o.textContent ?? '');

/** Clicks as a user does. */
export const click = (el: HTMLElement) => act(async () => el.click());
