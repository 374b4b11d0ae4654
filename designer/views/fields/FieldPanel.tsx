/**
 * The chosen field's properties: its place (move, remove), name, type, whether it is required, its Chinese label
 * (`title`) and English help (`description`), the constraints its type has, its options, prefill and condition.
 * Typing dispatches set-value per keystroke (the editor merges a word into one transaction); the rest are commands.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { knownFormats, renderMessage, type Problem, type ProblemCode } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import { fieldTypes, numberFormats, type FieldType } from '../../model/commands/change-type.ts';
import type { Command } from '../../model/commands/index.ts';
import type { SectionProps } from '../section.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { NumberInput } from './NumberInput.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { PrefillEditor } from './PrefillEditor.tsx';
import type { FieldItem, FieldsIndex } from './tree.ts';
import { fieldWords } from './words.ts';

export interface FieldPanelProps {
  readonly item: FieldItem;
  readonly index: FieldsIndex;
  readonly section: SectionProps;
  readonly problems: readonly Problem[];
  /** Runs a command; returns its error message, if it did not apply. */
  run(command: Command): string | undefined;
  onMove(item: FieldItem, to: number): void;
}

export function FieldPanel({ item, index, section, problems, run, onMove }: FieldPanelProps) {
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const ids = useId();
  const { node } = item;
  const { schema, pointer, field } = node;
  const { editor, readOnly } = section;
  const set = (key: string, value: unknown) => editor.dispatch({ name: 'set-value', args: { pointer: `${pointer}/${key}`, value } });
  const text = (key: string) => (typeof schema[key] === 'string' ? (schema[key] as string) : '');
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  const shared = item.ref !== undefined;
  const inList = field.includes('/-');
  const formats = knownFormats.filter((f) => numberFormats.has(f) === (type === 'integer' || type === 'number'));
  const [error, setError] = useState<string>();
  useEffect(() => setError(undefined), [pointer]);
  const report = (command: Command) => setError(run(command));

  return (
    <section className="properties field-panel" aria-labelledby={`${ids}-title`} data-testid="field-panel" data-field={field}>
      <h2 id={`${ids}-title`}>{w.fieldOf(field)}</h2>
      {!readOnly && !item.isItems && (
        <div className="row-actions" data-testid="field-actions">
          <button type="button" className="btn btn-small" disabled={item.position === 0} onClick={() => onMove(item, item.position - 1)} data-testid="move-up">{t.moveUp}</button>
          <button type="button" className="btn btn-small" disabled={item.position === item.siblings - 1} onClick={() => onMove(item, item.position + 1)} data-testid="move-down">{t.moveDown}</button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => report({ name: 'remove-field', args: { field } })} data-testid="remove-field">{t.removeField}</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {problems.length > 0 && (
        <div className="field-problems" data-testid="field-problems">
          <h3>{w.fieldProblems}</h3>
          <ul>
            {problems.map((p, i) => <li key={`${p.code}-${i}`}>{messageOf(p, locale)} <span className="muted">[{p.code}]</span></li>)}
          </ul>
        </div>
      )}
      <fieldset className="field-form" disabled={readOnly}>
        <legend className="visually-hidden">{w.fieldOf(field)}</legend>
        {item.isItems ? <p className="muted">{w.itemsNote}</p> : <NameInput name={node.name} hint={w.nameHint} label={t.fieldName} onRename={(to) => run({ name: 'rename-field', args: { field, to } })} />}
        <label>{t.fieldType}
          <select value={type ?? ''} disabled={shared} onChange={(e) => report({ name: 'change-type', args: { field, type: e.target.value as FieldType } })} data-testid="field-type">
            {type === undefined && <option value="">–</option>}
            {fieldTypes.map((ft) => <option key={ft} value={ft}>{t.types[ft]}</option>)}
          </select>
        </label>
        {shared && <p className="muted">{t.refField} <code>{item.ref}</code></p>}
        {!item.isItems && (
          <label className="check">
            <input type="checkbox" checked={item.required} onChange={(e) => report({ name: 'set-required', args: { field, required: e.target.checked } })} data-testid="field-required" />
            {t.required}
          </label>
        )}
        <fieldset>
          <legend>{w.labels}</legend>
          <label>{t.labelZh}<input lang="zh-CN" value={text('title')} onChange={(e) => set('title', e.target.value || undefined)} data-testid="field-label-zh" /></label>
          <label>{t.labelEn}<input lang="en" value={text('description')} onChange={(e) => set('description', e.target.value || undefined)} data-testid="field-label-en" /></label>
        </fieldset>
        {!shared && (type === 'string' || type === 'integer' || type === 'number') && (
          <fieldset key={`${pointer} constraints`}>
            <legend>{w.constraints}</legend>
            {type === 'string' ? (
              <div className="field-grid">
                <NumberInput label={t.minLength} integer value={num('minLength')} onChange={(v) => set('minLength', v)} invalidText={w.badValue} />
                <NumberInput label={t.maxLength} integer value={num('maxLength')} onChange={(v) => set('maxLength', v)} invalidText={w.badValue} testId="field-maxLength" />
                <label>{t.pattern}<input value={text('pattern')} onChange={(e) => set('pattern', e.target.value || undefined)} spellCheck={false} className="code" /></label>
                <FormatSelect label={t.format} value={text('format')} formats={formats} none={w.formatNone} onChange={(v) => set('format', v || undefined)} />
              </div>
            ) : (
              <div className="field-grid">
                <NumberInput label={t.minimum} integer={type === 'integer'} value={num('minimum')} onChange={(v) => set('minimum', v)} invalidText={w.badValue} />
                <NumberInput label={t.maximum} integer={type === 'integer'} value={num('maximum')} onChange={(v) => set('maximum', v)} invalidText={w.badValue} />
                <FormatSelect label={t.format} value={text('format')} formats={formats} none={w.formatNone} onChange={(v) => set('format', v || undefined)} />
              </div>
            )}
          </fieldset>
        )}
        {!shared && (type === 'string' || type === 'integer' || type === 'number') && <OptionsEditor key={`${pointer} options`} item={item} editor={editor} run={run} />}
        {!item.isItems && !inList && <PrefillEditor key={`${pointer} prefill`} item={item} definition={section.state.definition} sharedData={section.context.sharedData} run={run} />}
        {!item.isItems && <ConditionEditor key={`${pointer} condition`} item={item} index={index} editor={editor} run={run} />}
      </fieldset>
    </section>
  );
}

// Renamed when the name is committed (Enter or leaving the input): every keystroke would rename through invalid names.
function NameInput({ name, label, hint, onRename }: { name: string; label: string; hint: string; onRename: (to: string) => string | undefined }) {
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string>();
  const ids = useId();
  useEffect(() => {
    setDraft(name);
    setError(undefined);
  }, [name]);
  const commit = () => {
    if (draft !== name) setError(onRename(draft));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(name);
  };
  return (
    <label>{label}
      <input value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} aria-describedby={`${ids}-hint`} aria-invalid={!!error || undefined} spellCheck={false} className="code" data-testid="field-name" />
      <span id={`${ids}-hint`} className={error ? 'error field-hint' : 'muted field-hint'} role={error ? 'alert' : undefined}>{error ?? hint}</span>
    </label>
  );
}

function FormatSelect({ label, value, formats, none, onChange }: { label: string; value: string; formats: readonly string[]; none: string; onChange: (format: string) => void }) {
  return (
    <label>{label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="field-format">
        <option value="">{none}</option>
        {value && !formats.includes(value) && <option value={value}>{value}</option>}
        {formats.map((f) => <option key={f} value={f}>{f}</option>)}
      </select>
    </label>
  );
}

// The problem's message in the page's language (as the problems panel shows it).
function messageOf(p: Problem, locale: 'zh' | 'en'): string {
  try {
    return renderMessage(p.code as ProblemCode, p.params, locale);
  } catch {
    return p.message;
  }
}
