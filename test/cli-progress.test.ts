import { describe, expect, it } from 'vitest';
import { progressBar } from '../runtime/cli/progress.ts';

describe('progressBar()', () => {
  it('draws on a terminal, at most every 50 ms, always the last step, and clears its line at the end', () => {
    let out = '';
    let now = 0;
    const bar = progressBar({ isTTY: true, write: (s: string) => (out += s) }, 'scoring', () => now);
    bar.update(1, 4);
    now = 10;
    bar.update(2, 4); // too soon: skipped
    now = 100;
    bar.update(3, 4);
    bar.update(4, 4); // the last step is always drawn
    bar.finish();
    const frames = out.split('\r').filter(Boolean);
    expect(frames.map((f) => f.replace(/\x1b\[2K/, 'CLEAR').split(' ').at(-1))).toEqual(['1/4', '3/4', '4/4', 'CLEAR']);
    expect(frames[0]).toContain('scoring [');
  });

  it('stays quiet when the output is piped', () => {
    let out = '';
    const bar = progressBar({ isTTY: false, write: (s: string) => (out += s) }, 'scoring');
    bar.update(1, 2);
    bar.update(2, 2);
    bar.finish();
    expect(out).toBe('');
  });
});
