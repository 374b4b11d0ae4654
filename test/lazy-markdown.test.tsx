// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../runtime/web/lazy-markdown.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('rjsf\'s markdown in the portal, loaded on first use', () => {
  it('renders the markdown as rjsf asks (raw HTML left as text) once the parser has loaded', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<Markdown options={{ disableParsingRawHTML: true }}>{'See **the guide** <b>here</b>'}</Markdown>));
    // the parser is imported on first render; once it is in, the text is markdown, raw HTML left as text
    await expect.poll(() => container.querySelector('strong')?.textContent, { timeout: 10_000 }).toBe('the guide');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>here</b>');
    await act(async () => root.unmount());
  });
});
