/**
 * The analysis itself, pure: validate the draft in its catalogue, diff it against what it is compared with, score it
 * and plan its level-up. Runs in the worker; a test runs it directly. Never throws: a draft is invalid most of the
 * time while it is edited, and whatever can be compared is.
 */
import { burdenMetrics, diff, diffContextOf, levelUp, scoreChanges, validateSources, type Change, type MatterDefinition, type SourceDocument } from '../../engine/index.ts';
import type { Analysis, AnalysisRequest } from './protocol.ts';

export const draftFile = 'draft.json';
const againstFile = 'against.json';

/** Analyses a draft against its comparison within the catalogue `context`. */
export function analyze(request: AnalysisRequest, context: readonly SourceDocument[], now: () => number = () => 0): Analysis {
  const started = now();
  const text = JSON.stringify(request.draft ?? null);
  const sources = [...context, ...(request.against ? [{ file: againstFile, text: JSON.stringify(request.against) }] : []), { file: draftFile, text }];
  const { catalogue, problems } = validateSources(sources);
  const own = problems.filter((p) => p.file === draftFile);
  const draft = request.draft as MatterDefinition;
  const diffContext = diffContextOf(catalogue);
  const attempt = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch {
      return fallback; // the engine compares what it can; a draft it cannot read yet gives nothing here
    }
  };
  const changes: Change[] = request.against ? attempt(() => diff(draft, request.against!, diffContext), []) : [];
  const plan: Change[] = request.against ? attempt(() => levelUp(draft, request.against!, diffContext), []) : [];
  return {
    revision: request.revision,
    problems: own,
    changes,
    score: request.against ? attempt(() => scoreChanges(changes), undefined) : undefined,
    metrics: { draft: attempt(() => burdenMetrics(draft), undefined), against: request.against ? attempt(() => burdenMetrics(request.against!), undefined) : undefined },
    plan,
    tookMs: Math.round((now() - started) * 10) / 10,
  };
}
