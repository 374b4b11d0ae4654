/**
 * Importing a form written elsewhere (draft-07 or 2020-12 JSON Schema, e.g. an rjsf form): pasted or read from a file,
 * normalized by the engine in the analysis worker, shown with every change it made and every problem that stops it;
 * applying replaces the draft's form as one undoable command.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ImportResult } from '../../engine/index.ts';
import { parseDocument } from '../../engine/index.ts';
import type { AnalysisClient } from '../analysis/client.ts';
import { useDesigner } from '../context.ts';
import type { Editor } from '../model/editor.ts';

const words = {
  zh: { title: '导入表单', hint: '粘贴 JSON Schema 表单（draft-07 或 2020-12，如 rjsf 表单），或选择文件。', file: '选择文件', check: '检查', apply: '替换当前表单', changes: (n: number) => `将做 ${n} 处转换`, problems: (n: number) => `${n} 个问题，无法导入`, clean: '可以导入，无需转换。', notJson: '不是有效的 JSON' },
  en: { title: 'Import a form', hint: 'Paste a JSON Schema form (draft-07 or 2020-12, e.g. an rjsf form), or choose a file.', file: 'Choose a file', check: 'Check', apply: 'Replace the current form', changes: (n: number) => `${n} conversion${n === 1 ? '' : 's'}`, problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}: it cannot be imported`, clean: 'It imports as it is.', notJson: 'Not valid JSON' },
};

export function ImportFormDialog({ client, editor, onClose }: { client: AnalysisClient; editor: Editor; onClose: () => void }) {
  const { t, locale } = useDesigner();
  const w = words[locale];
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const check = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    const parsed = parseDocument('form.json', text); // sizes, depth and hostile keys first
    if (!parsed.ok) return setError(`${w.notJson}: ${parsed.problems[0]?.message ?? ''}`);
    setError(undefined);
    setResult(await client.importForm(parsed.value));
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const apply = () => {
    if (!result || result.problems.length > 0) return;
    editor.dispatch({ name: 'import-form', args: { schema: result.schema, uiSchema: result.uiSchema } });
    onClose();
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
      <form onSubmit={(e) => void check(e)}>
        <h2 id="import-title">{w.title}</h2>
        <p>{w.hint}</p>
        <label>JSON<textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="code" autoFocus data-testid="import-text" /></label>
        <label>{w.file}<input type="file" accept="application/json,.json" onChange={(e) => void readFile(e)} /></label>
        {error && <p role="alert" className="error">{error}</p>}
        {result && (
          <div role="status" data-testid="import-report">
            {result.problems.length > 0 ? (
              <>
                <p className="error">{w.problems(result.problems.length)}</p>
                <ul>{result.problems.map((p, i) => <li key={i}><code>{p.pointer || '/'}</code> {p.message}</li>)}</ul>
              </>
            ) : <p className="ok">{result.changes.length === 0 ? w.clean : w.changes(result.changes.length)}</p>}
            {result.changes.length > 0 && <ul className="import-changes">{result.changes.map((c, i) => <li key={i}><code>{c.pointer || '/'}</code> {c.message[locale]}</li>)}</ul>}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>{t.cancel}</button>
          <button type="submit" className="btn">{w.check}</button>
          <button type="button" className="btn btn-primary" disabled={!result || result.problems.length > 0} onClick={apply} data-testid="import-apply">{w.apply}</button>
        </div>
      </form>
    </div>
  );
}
