/**
 * The analysis itself, pure: validate the draft in its catalogue, diff it against what it is compared with, score it
 * and plan its level-up. Runs in the worker; a test runs it directly. Never throws: a draft is invalid most of the
 * time while it is edited, and whatever can be compared is.
 */
import { burdenMetrics, diff, diffContextOf, levelUp, scoreChanges, validateSources, type Change, type MatterDefinition, type SourceDocument } from '../../engine/index.ts';
import type { Analysis, AnalysisRequest } from './protocol.ts';

export const draftFile = 'draft.json';
const againstFile = 'against.json';

// The engine's changes render their message and fix in getters, which postMessage's structured clone drops.
const plain = ({ area, kind, path, burden, code, message, params, weight, fix }: Change): Change => ({ area, kind, path, burden, code, message, params, weight, fix });

/** Analyses a draft against its comparison within the catalogue `context`. */
export function analyze(request: AnalysisRequest, context: readonly SourceDocument[], now: () => number = () => 0): Analysis {
  const started = now();
  const text = JSON.stringify(request.draft ?? null);
  // a variant is validated with its baseline beside it; a baseline's own last version would only be a duplicate of it
  const withAgainst = request.against !== undefined && !sameVersion(request.draft, request.against);
  const sources = [...context, ...(withAgainst ? [{ file: againstFile, text: JSON.stringify(request.against) }] : []), { file: draftFile, text }];
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
  const changes: Change[] = request.against ? attempt(() => diff(draft, request.against!, diffContext).map(plain), []) : [];
  const plan: Change[] = request.against ? attempt(() => levelUp(draft, request.against!, diffContext).map(plain), []) : [];
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

// Whether the draft still carries the id, version and region of `against` (a new version of it, before publishing).
function sameVersion(draft: unknown, against: MatterDefinition): boolean {
  const d = draft as { id?: unknown; version?: unknown; region?: { code?: unknown } } | null;
  return d?.id === against.id && d?.version === against.version && d?.region?.code === against.region?.code;
}
