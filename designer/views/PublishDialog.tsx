/**
 * Publishing: the draft is saved, the proposed next version shown (from the diff against the last published version:
 * a stricter form is a major version, additions minor, wording a patch) for the official to confirm or change, and
 * the server runs the full validator — its problems, if any, are listed and nothing is published. Once published, it
 * says how many running cases older versions hold and how many could move, on the way to the running-cases panel.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { api, ApiError } from '../../runtime/web/api.ts';
import { Link } from '../../runtime/web/router.tsx';
import type { Analysis } from '../analysis/protocol.ts';
import { useDesigner } from '../context.ts';
import type { Draft } from '../types.ts';
import { RunningCasesSummary } from './cases/RunningCasesSummary.tsx';
import type { SaveState } from './autosave.ts';
import { proposal } from './version-proposal.ts';

export function PublishDialog({ draft, save, analysis, definition, sharedSchemas, onClose, onShowCases }: { draft: Draft; save: SaveState; analysis: Analysis | undefined; definition: MatterDefinition; sharedSchemas: readonly object[]; onClose: () => void; onShowCases: () => void }) {
  const { t, locale } = useDesigner();
  // the version this draft would follow: the one it started from (a variant's baseline is not its previous version)
  const [previous, setPrevious] = useState<MatterDefinition>();
  useEffect(() => {
    if (!draft.baseVersion) return;
    api.get<{ definition: MatterDefinition }>(`/api/definitions/${draft.matterId}/${draft.region}/${draft.baseVersion}`).then((r) => setPrevious(r.definition), () => undefined);
  }, [draft]);
  const shared = useMemo(() => new Map(sharedSchemas.map((s) => [String((s as { $id?: unknown }).$id), s as unknown])), [sharedSchemas]);
  const proposed = useMemo(() => proposal(draft, definition, previous, shared), [draft, definition, previous, shared]);
  const [version, setVersion] = useState(proposed.version);
  const [problems, setProblems] = useState<{ pointer: string; message: string }[]>();
  const [published, setPublished] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => setVersion(proposed.version), [proposed.version]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setProblems(undefined);
    try {
      const revision = await save.flush();
      const reply = await api.post<{ version: string }>(`/api/drafts/${draft.id}/publish`, { revision, version });
      setPublished(reply.version);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid-definition') setProblems((e.details.problems ?? []) as { pointer: string; message: string }[]);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="publish-title" data-testid="publish-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="publish-title">{t.publishTitle}</h2>
        {published ? (
          <>
            <p role="status" data-testid="published">{t.publishedAs(published)}</p>
            <RunningCasesSummary matterId={draft.matterId} region={draft.region} version={published} onOpen={onShowCases} />
            <Link to="/designer" className="btn btn-primary">{t.catalogueTitle}</Link>
          </>
        ) : (
          <>
            <p data-testid="proposed-version">{t.proposedVersion(proposed.version, t.bumps[proposed.bump] ?? proposed.bump)}</p>
            {proposed.reasons.length > 0 && (
              <ul className="reasons">{proposed.reasons.slice(0, 8).map((r, i) => <li key={i}>{r.message[locale]}</li>)}</ul>
            )}
            {(analysis?.problems.length ?? 0) > 0 && <p className="warning">{t.problemsCount(analysis!.problems.length)}</p>}
            <label>{t.versionLabel}<input value={version} onChange={(e) => setVersion(e.target.value)} pattern="[0-9]+\.[0-9]+\.[0-9]+" required autoFocus data-testid="publish-version" /></label>
            {problems && (
              <div role="alert">
                <p>{t.publishRefused}</p>
                <ul>{problems.map((p, i) => <li key={i}><code>{p.pointer || '/'}</code> {p.message}</li>)}</ul>
              </div>
            )}
            {error && <p role="alert" className="error">{error}</p>}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={onClose}>{t.cancel}</button>
              <button type="submit" className="btn btn-primary" data-testid="confirm-publish">{t.confirmPublish}</button>
            </div>
          </>
        )}
      </form>
    </div>
  );
}
