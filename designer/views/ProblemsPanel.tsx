/** The engine's problems of the draft, as you type; each names where it is, and choosing one selects that element. */
import { renderMessage, type ProblemCode } from '../../engine/index.ts';
import type { Analysis } from '../analysis/protocol.ts';
import { useDesigner } from '../context.ts';

export function ProblemsPanel({ analysis, stale, onSelect }: { analysis: Analysis | undefined; stale: boolean; onSelect: (pointer: string) => void }) {
  const { t, locale } = useDesigner();
  if (!analysis) return <p aria-busy="true">{t.analysing}</p>;
  return (
    <div aria-busy={stale} data-testid="problems">
      {analysis.problems.length === 0 ? (
        <p className="ok">{t.problemsNone}</p>
      ) : (
        <>
          <p>{t.problemsCount(analysis.problems.length)}</p>
          <ul className="problems">
            {analysis.problems.map((p, i) => (
              <li key={`${p.pointer}-${p.code}-${i}`}>
                <button type="button" className="link" onClick={() => onSelect(p.pointer)} data-testid="problem">
                  <code>{p.pointer || '/'}</code> {messageOf(p, locale)} <span className="muted">[{p.code}]</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// The problem's message in the page's language (problems carry their English text; codes render either).
function messageOf(p: { code: string; params: Readonly<Record<string, unknown>>; message: string }, locale: 'zh' | 'en'): string {
  try {
    return renderMessage(p.code as ProblemCode, p.params, locale);
  } catch {
    return p.message;
  }
}
