// @vitest-environment jsdom
/**
 * rjsf's parts no catalogue form uses are chunks fetched on first use in the portal (runtime/web/lazy-rjsf.tsx, task
 * E2): a form that does use one (an array here) shows it once the chunk is in, working as the real one, and a chunk
 * that cannot be fetched reaches the error boundary instead of leaving a silent gap.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { act, Component, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { createFormValidator } from '../runtime/form/prepare.ts';
import { lazyRjsf } from '../runtime/web/lazy-rjsf.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const schema: RJSFSchema = { type: 'object', properties: { phones: { type: 'array', title: 'Phones', items: { type: 'string' } } } };

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p data-testid="boundary">{this.state.error.message}</p> : this.props.children;
  }
}

describe('rjsf parts loaded on first use', () => {
  it('renders the array field once its chunk is in, with the items and their inputs', async () => {
    let fetched = 0;
    const ArrayField = lazyRjsf(async () => {
      fetched++;
      return import('@rjsf/core/lib/components/fields/ArrayField.js');
    }, 'ArrayField');
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<Form schema={schema} formData={{ phones: ['138', '139'] } as never} validator={createFormValidator()} fields={{ ArrayField }} />));
    await expect.poll(() => container.querySelectorAll('input[type="text"]').length, { timeout: 10_000 }).toBe(2);
    expect([...container.querySelectorAll<HTMLInputElement>('input[type="text"]')].map((i) => i.value)).toEqual(['138', '139']);
    expect(fetched).toBe(1);
    await act(async () => root.unmount());
  });

  it('hands a chunk that cannot be fetched to the error boundary', async () => {
    const Broken = lazyRjsf<object>(() => Promise.reject(new Error('chunk gone')), 'Broken');
    const container = document.createElement('div');
    const root = createRoot(container);
    const quiet = console.error;
    console.error = () => {}; // React reports the caught error
    try {
      await act(async () => root.render(<Boundary><Broken /></Boundary>));
      await expect.poll(() => container.querySelector('[data-testid="boundary"]')?.textContent, { timeout: 10_000 }).toBe('chunk gone');
    } finally {
      console.error = quiet;
      await act(async () => root.unmount());
    }
  });
});
