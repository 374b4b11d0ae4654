/**
 * One situation as JSON, in a small CodeMirror editor (the JSON view's extensions, loaded with this chunk on demand):
 * what the official types is applied with Ctrl+Enter or the Apply button, as one set-situation command. Ctrl+Z first
 * drops unapplied typing, then undoes in the editor model, like every other edit. The editor lives in a shadow root,
 * where CodeMirror's styles are a constructed style sheet the page's CSP (style-src 'self') allows (see json-editor.ts).
 */
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useDesigner } from '../../context.ts';
import { jsonExtensions } from '../json/setup.ts';
import { words as jsonWords } from '../json/words.ts';
import { situationWords } from './words.ts';

export interface ConditionJsonProps {
  readonly condition: unknown;
  readonly readOnly: boolean;
  /** Applies a parsed condition (a JSON object). */
  onApply(condition: Record<string, unknown>): void;
  onUndo(): void;
  onRedo(): void;
  readonly testId?: string;
}

const textOf = (condition: unknown) => JSON.stringify(condition ?? {}, null, 2);

// the condition editor is a few lines, not the whole definition's 70vh
const compact = Prec.highest(EditorView.theme({ '&': { height: 'auto', minHeight: '6rem' }, '.cm-scroller': { maxHeight: '18rem', overflow: 'auto' } }));

export default function ConditionJson({ condition, readOnly, onApply, onUndo, onRedo, testId }: ConditionJsonProps) {
  const { locale } = useDesigner();
  const w = situationWords[locale];
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const settings = useRef(new Compartment());
  const [error, setError] = useState<string>();
  const text = textOf(condition);
  // the latest props, for the editor's key handlers (made once)
  const latest = useRef({ text, onApply, onUndo, onRedo, w });
  latest.current = { text, onApply, onUndo, onRedo, w };

  const apply = (): boolean => {
    const current = view.current?.state.doc.toString() ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(current);
    } catch (e) {
      setError(latest.current.w.notJson(e instanceof Error ? e.message : String(e)));
      return true;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError(latest.current.w.notObject);
      return true;
    }
    setError(undefined);
    latest.current.onApply(parsed as Record<string, unknown>);
    return true;
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    const element = host.current!;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const undo = () => {
      const v = view.current!;
      if (v.state.doc.toString() !== latest.current.text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: latest.current.text } });
      else latest.current.onUndo();
      setError(undefined);
      return true;
    };
    const redo = () => {
      latest.current.onRedo();
      return true;
    };
    const created = new EditorView({
      state: EditorState.create({
        doc: latest.current.text,
        extensions: [
          keymap.of([{ key: 'Mod-Enter', run: () => applyRef.current() }]),
          jsonExtensions({ undo, redo }),
          compact,
          settings.current.of([]),
        ],
      }),
      parent: root,
      root,
    });
    view.current = created;
    // keys the editor acted on stay in it (the toolbar's window-wide Ctrl+Z would undo a second time)
    const keep = (event: KeyboardEvent) => event.defaultPrevented && event.stopPropagation();
    element.addEventListener('keydown', keep);
    return () => {
      element.removeEventListener('keydown', keep);
      created.destroy();
      view.current = undefined;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: settings.current.reconfigure([
        EditorState.readOnly.of(readOnly),
        EditorState.phrases.of(jsonWords[locale].phrases),
        // (an aria-describedby would not reach across the shadow root: the label says what it is)
        EditorView.contentAttributes.of({ 'aria-label': w.jsonLabel, tabindex: '0' }),
      ]),
    });
  }, [readOnly, locale, w]);

  // the condition changed in the model (applied, undone, edited elsewhere): the text shows it
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [text]);

  return (
    <div className="condition-json" data-testid={testId}>
      <p className="muted field-hint">{w.jsonHint}</p>
      <div ref={host} />
      {error && <p role="alert" className="error">{error}</p>}
      {!readOnly && <button type="button" className="btn btn-small" onClick={() => apply()} data-testid="condition-json-apply">{w.apply}</button>}
    </div>
  );
}
