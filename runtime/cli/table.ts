/** Plain-text tables that line up with CJK text (two columns per wide character). */
const width = (s: string): number => {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
};

/** Renders rows under a header; numbers are right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[], raw: readonly (string | number)[]) =>
    r.map((c, i) => (typeof raw[i] === 'number' ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c)))).join('  ').trimEnd();
  return [line(cells[0]!, header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r, i) => line(cells[i + 1]!, r))].join('\n') + '\n';
}

/** `3 files`, `1 file`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
