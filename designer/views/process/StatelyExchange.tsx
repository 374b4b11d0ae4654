/**
 * The process to and from Stately: export downloads it as Stately-compatible XState machine JSON (engine/stately);
 * import reads such a file, normalizes what Stately writes and puts it in place of the process as one command (undo
 * takes it back), listing each change. What onematter cannot run stays for the validator, whose problems show on the
 * graph as for any edit.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { fromStately, parseDocument, toStately, type StatelyChange } from '../../../engine/index.ts';
import type { Process } from '../../../engine/model/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';

const words = {
  zh: {
    export: '导出为 Stately 状态机 JSON',
    import: '从 Stately 状态机 JSON 导入…',
    imported: (n: number) => `已导入流程（${n} 处改写，可撤销）`,
    notJson: (why: string) => `无法导入：${why}`,
  },
  en: {
    export: 'Export as Stately machine JSON',
    import: 'Import Stately machine JSON…',
    imported: (n: number) => `Process imported (${n} ${n === 1 ? 'change' : 'changes'}; undo takes it back)`,
    notJson: (why: string) => `Not imported: ${why}`,
  },
};

export function StatelyExchange({ process, readOnly, run }: { process: Process; readOnly: boolean; run: (command: Command) => boolean }) {
  const { locale } = useDesigner();
  const w = words[locale];
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ text: string; changes: readonly StatelyChange[]; error?: boolean }>();

  const download = () => {
    const blob = new Blob([`${JSON.stringify(toStately(process), null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${process.id || 'process'}.machine.json`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // the engine's safe parser: size and depth limits, no __proto__ keys, duplicate keys refused
    const parsed = parseDocument(file.name, await file.text());
    if (!parsed.ok) {
      setReport({ text: w.notJson(parsed.problems[0]!.message), changes: [], error: true });
      return;
    }
    const imported = fromStately(parsed.value);
    if (run({ name: 'set-value', args: { pointer: '/process', value: imported.process } })) setReport({ text: w.imported(imported.changes.length), changes: imported.changes });
  };

  return (
    <div className="process-stately">
      <button type="button" className="btn btn-small" onClick={download} data-testid="process-export-stately">{w.export}</button>
      {!readOnly && (
        <>
          <button type="button" className="btn btn-small" onClick={() => input.current?.click()} data-testid="process-import-stately">{w.import}</button>
          <input ref={input} type="file" accept="application/json,.json" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void upload(e)} data-testid="process-import-file" />
        </>
      )}
      {report && (
        <div role="status" className={report.error ? 'error' : 'muted'} data-testid="process-import-report">
          <p>{report.text}</p>
          {report.changes.length > 0 && <ul>{report.changes.map((c, i) => <li key={i}><code>{c.pointer || '/'}</code> {c.message[locale]}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
