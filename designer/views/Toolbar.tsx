/** Undo, redo (buttons and Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y outside text fields), the save status, a conflict's choices, publish. */
import { useDesigner } from '../context.ts';
import type { Editor, EditorState } from '../model/editor.ts';
import type { SaveState } from './autosave.ts';
import { useUndoKeys } from './undo-keys.ts';

export function Toolbar({ editor, state, save, readOnly, onPublish, problems }: { editor: Editor; state: EditorState; save: SaveState; readOnly: boolean; onPublish: () => void; problems: number | undefined }) {
  const { t, locale } = useDesigner();
  useUndoKeys(editor, readOnly);
  const last = state.done.at(-1);
  const next = state.undone.at(-1);
  const time = save.savedAt ? new Date(save.savedAt).toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en') : '';
  return (
    <div className="toolbar" role="toolbar" aria-label={t.appName}>
      <button type="button" className="btn btn-small" disabled={readOnly || !last} onClick={() => editor.undo()} title={last?.label[locale]} data-testid="undo">{t.undo}</button>
      <button type="button" className="btn btn-small" disabled={readOnly || !next} onClick={() => editor.redo()} title={next?.label[locale]} data-testid="redo">{t.redo}</button>
      <span className="save-status" role="status" data-testid="save-status" data-status={save.status}>
        {save.status === 'saving' ? t.saving : save.status === 'unsaved' ? t.unsaved : save.status === 'error' ? save.error : save.status === 'saved' ? t.saved(time) : ''}
      </span>
      {save.status === 'conflict' && save.conflict && (
        <span className="conflict" role="alert" data-testid="save-conflict">
          {t.conflict(save.conflict.updatedBy)}{' '}
          <button type="button" className="btn btn-small" onClick={() => void save.loadTheirs()}>{t.loadTheirs}</button>{' '}
          <button type="button" className="btn btn-small" onClick={() => void save.keepMine()}>{t.keepMine}</button>
        </span>
      )}
      {!readOnly && (
        <button type="button" className="btn btn-primary" onClick={onPublish} data-testid="publish">
          {t.publish}{problems ? ` (${t.problemsCount(problems)})` : ''}
        </button>
      )}
    </div>
  );
}
