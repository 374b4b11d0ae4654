/**
 * The CodeMirror extensions of the JSON view: what codemirror's basicSetup has, less its own undo history (undo and
 * redo are the editor model's, so the JSON view and the other sections share one history), closing brackets,
 * completion and rectangular selection; with the page's palette, and a theme that keeps to the page's CSP (no data:
 * images: the lint underline is a text decoration instead).
 */
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** What the view does for the keys it takes over from CodeMirror. */
export interface HistoryKeys {
  undo(): boolean;
  redo(): boolean;
}

export function jsonExtensions(history: HistoryKeys): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    foldGutter(),
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(highlight),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    json(),
    EditorState.tabSize.of(2),
    keymap.of([
      { key: 'Mod-z', run: history.undo, preventDefault: true },
      { key: 'Mod-Shift-z', run: history.redo, preventDefault: true },
      { key: 'Mod-y', run: history.redo, preventDefault: true },
      ...defaultKeymap,
      ...searchKeymap,
      ...foldKeymap,
      ...lintKeymap,
    ]),
    // the browser's own undo (a context menu, a keyboard's undo key) goes to the model's history too
    EditorView.domEventHandlers({
      beforeinput(event) {
        if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return false;
        event.preventDefault();
        return event.inputType === 'historyUndo' ? history.undo() : history.redo();
      },
    }),
    theme,
  ];
}

// The page's palette, each colour at least 7:1 on white (and 4.5:1 on the active line's and the selection's tint).
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: '#0b4f9c' },
  { tag: tags.string, color: '#1b5e20' },
  { tag: tags.number, color: '#8a3c00' },
  { tag: [tags.bool, tags.null], color: '#6a1b9a' },
  { tag: tags.invalid, color: '#a4161a' },
]);

// Custom properties cross the shadow root the view lives in (see json-editor.ts); the page's rules do not.
const theme = EditorView.theme({
  '&': { height: 'min(70vh, 48rem)', border: '1px solid #767676', borderRadius: '4px', backgroundColor: '#fff', color: 'var(--text, #1b1b1b)' },
  '&.cm-focused': { outline: '3px solid #f9a825', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace", fontSize: '0.9rem', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f4f6f8', color: '#4a4a4a', borderRight: '1px solid #c9ced4' },
  '.cm-activeLineGutter': { backgroundColor: '#e8f0fb' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #a4161a', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-diagnostic-error': { borderLeft: '5px solid #a4161a' },
  '.cm-panels': { backgroundColor: '#f4f6f8', color: 'var(--text, #1b1b1b)' },
  '.cm-textfield, .cm-button': { font: 'inherit', fontSize: '0.9rem' },
  '.cm-search label': { fontSize: '0.9rem' },
  '.cm-tooltip': { backgroundColor: '#fff', border: '1px solid #767676' },
});
