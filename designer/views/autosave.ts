/**
 * Autosave: every change of the draft is saved through the server after a short pause, at the revision last saved.
 * When another official saved in between, the server answers 409 and nothing is lost: the official chooses to load
 * theirs or to keep theirs own (saved again at the other's revision).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../runtime/web/api.ts';
import type { MatterDefinition } from '../../engine/index.ts';
import type { Draft } from '../types.ts';

export interface SaveState {
  readonly status: 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';
  readonly revision: number;
  readonly savedAt: string | undefined;
  readonly conflict: { readonly updatedBy: string; readonly revision: number } | undefined;
  readonly error: string | undefined;
  /** Saves now (if anything is unsaved) and returns the revision saved. */
  flush(): Promise<number>;
  /** After a conflict: replace this draft by the other official's. */
  loadTheirs(): Promise<void>;
  /** After a conflict: save this one over theirs. */
  keepMine(): Promise<void>;
}

const pauseMs = 600;

export function useAutosave(draft: Draft, definition: unknown, readOnly: boolean, replace: (definition: MatterDefinition) => void): SaveState {
  const [state, setState] = useState<Omit<SaveState, 'flush' | 'loadTheirs' | 'keepMine'>>({ status: 'saved', revision: draft.revision, savedAt: draft.updatedAt, conflict: undefined, error: undefined });
  const saved = useRef<unknown>(draft.definition);
  const revision = useRef(draft.revision);
  const latest = useRef(definition);
  latest.current = definition;
  const running = useRef<Promise<number> | undefined>(undefined);
  // a definition the server refused (too large, hostile): not sent again until it changes
  const refused = useRef<unknown>(undefined);

  // one save at a time, each at the revision the one before it left: a slow save is followed, never overtaken
  const send = useCallback(async (at: number = revision.current): Promise<number> => {
    if (latest.current === saved.current) return revision.current;
    const sending = latest.current;
    setState((s) => ({ ...s, status: 'saving' }));
    try {
      const reply = await api.put<{ revision: number; updatedAt: string }>(`/api/drafts/${draft.id}`, { definition: sending, revision: at });
      saved.current = sending;
      revision.current = reply.revision;
      setState({ status: latest.current === sending ? 'saved' : 'unsaved', revision: reply.revision, savedAt: reply.updatedAt, conflict: undefined, error: undefined });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'draft-conflict') {
        setState((s) => ({ ...s, status: 'conflict', conflict: { updatedBy: String(e.details.updatedBy), revision: Number(e.details.revision) } }));
      } else {
        if (e instanceof ApiError && e.status >= 400 && e.status < 500) refused.current = sending;
        setState((s) => ({ ...s, status: 'error', error: e instanceof Error ? e.message : String(e) }));
      }
    }
    return revision.current;
  }, [draft.id]);
  const save = useCallback((at?: number): Promise<number> => {
    const next = (running.current ?? Promise.resolve(0)).catch(() => 0).then(() => send(at));
    running.current = next;
    return next;
  }, [send]);

  useEffect(() => {
    if (readOnly || definition === saved.current || definition === refused.current || state.status === 'conflict') return;
    setState((s) => (s.status === 'saving' ? s : { ...s, status: 'unsaved' }));
    const timer = window.setTimeout(() => void save(), pauseMs);
    return () => window.clearTimeout(timer);
  }, [definition, readOnly, save, state.status]);

  const flush = useCallback(() => save(), [save]);
  const loadTheirs = useCallback(async () => {
    const theirs = await api.get<Draft>(`/api/drafts/${draft.id}`);
    saved.current = theirs.definition;
    revision.current = theirs.revision;
    replace(theirs.definition);
    setState({ status: 'saved', revision: theirs.revision, savedAt: theirs.updatedAt, conflict: undefined, error: undefined });
  }, [draft.id, replace]);
  const keepMine = useCallback(async () => {
    const at = state.conflict?.revision ?? revision.current;
    setState((s) => ({ ...s, status: 'unsaved', conflict: undefined }));
    await save(at);
  }, [save, state.conflict]);
  return { ...state, flush, loadTheirs, keepMine };
}
