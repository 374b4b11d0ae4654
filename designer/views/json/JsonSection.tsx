/**
 * The definition as JSON in a CodeMirror editor (json-editor.ts): typing becomes one replace-definition command per
 * pause, undo and redo are the editor model's, the engine's problems are diagnostics at their pointers, and a
 * selection made elsewhere is selected in the text. React only mounts the editor and passes the model's state on.
 */
import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Editor } from '../../model/editor.ts';
import type { SectionProps } from '../section.ts';
import { messageOf } from './diagnostics.ts';
import type { JsonEditor } from './json-editor.ts';
import { JsonSync, type SyncStatus } from './sync.ts';
import { words } from './words.ts';

// One text per draft, kept across switching tabs: a text that does not parse yet is still there on coming back.
const syncs = new WeakMap<Editor, JsonSync>();

export function JsonSection({ editor, state, problems, readOnly }: SectionProps) {
  const { t, locale } = useDesigner();
  const w = words[locale];
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<JsonEditor>(undefined);
  const [loaded, setLoaded] = useState<boolean | 'failed'>(false);
  const [status, setStatus] = useState<SyncStatus>('synced');
  const [parseProblems, setParseProblems] = useState<readonly Problem[]>([]);
  // what the editor is to show once CodeMirror has loaded (a chunk of its own, fetched on opening this tab)
  const latest = useRef({ problems, readOnly, locale, selection: state.selection });
  latest.current = { problems, readOnly, locale, selection: state.selection };

  useEffect(() => {
    let live = true;
    let created: JsonEditor | undefined;
    void import('./json-editor.ts').then(({ JsonEditor }) => {
      if (!live) return;
      let sync = syncs.get(editor);
      if (!sync) syncs.set(editor, (sync = new JsonSync(editor.state.definition)));
      sync.follow(editor.state.definition); // changed while the tab was away
      const { problems: now, readOnly: ro, locale: lang, selection } = latest.current;
      created = new JsonEditor(host.current!, sync, {
        definition: () => editor.state.definition,
        commit: (definition) => editor.dispatch({ name: 'replace-definition', args: { definition } }),
        undo: () => editor.undo(),
        redo: () => editor.redo(),
        statusChanged: (next, why) => {
          setStatus(next);
          setParseProblems(why);
        },
      }, { readOnly: ro, locale: lang });
      created.showProblems(now);
      if (selection !== undefined) created.select(selection);
      view.current = created;
      setLoaded(true);
    }, () => live && setLoaded('failed'));
    return () => {
      live = false;
      view.current = undefined;
      created?.destroy();
    };
  }, [editor]);
  useEffect(() => view.current?.showDefinition(state.definition), [state.definition]);
  useEffect(() => view.current?.showProblems(problems), [problems]);
  useEffect(() => view.current?.configure(readOnly, locale), [readOnly, locale]);
  useEffect(() => {
    if (state.selection !== undefined) view.current?.select(state.selection);
  }, [state.selection]);

  const why = parseProblems[0];
  if (loaded === 'failed') return <p role="alert" className="error">{w.loadFailed}</p>;
  return (
    <div className="json-view" data-testid="json-view">
      <p className="muted">{readOnly ? w.keysReadOnly : w.keys}</p>
      <p role="status" className={status === 'invalid' ? 'error' : 'muted'} data-testid="json-status" data-state={loaded ? status : 'loading'}>
        {!loaded ? t.loading : status === 'invalid' && why ? w.invalid(messageOf(why, locale)) : status === 'pending' ? w.pending : w.synced}
      </p>
      {status === 'invalid' && <p><button type="button" className="btn btn-small" onClick={() => view.current?.revealError()} data-testid="json-go-to-error">{w.goToError}</button></p>}
      <div ref={host} data-testid="json-editor" />
    </div>
  );
}
