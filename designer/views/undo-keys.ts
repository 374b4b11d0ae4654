/** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo an editor's commands, except while the user types in a field. */
import { useEffect } from 'react';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useUndoKeys(editor: { undo(): unknown; redo(): unknown }, readOnly: boolean): void {
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented || typing(event.composedPath()[0] ?? event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) editor.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') editor.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, readOnly]);
}
