/** React's view of the editor model: the current state, re-rendered on every new state (the model knows no React). */
import { useSyncExternalStore } from 'react';
import type { Editor, EditorState } from '../model/editor.ts';

export function useEditorState(editor: Editor): EditorState {
  return useSyncExternalStore(
    (listener) => editor.subscribe(listener),
    () => editor.state,
  );
}
