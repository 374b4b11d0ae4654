/**
 * Adding a field: its name, Chinese label and type, at the form's top level or inside an object field (by default the
 * chosen field if it is one, else beside the chosen field). The new field is selected.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { localizedText } from '../../../runtime/form/ui-schema.ts';
import { useDesigner } from '../../context.ts';
import { fieldTypes, type FieldType } from '../../model/commands/change-type.ts';
import type { Command } from '../../model/commands/index.ts';
import type { FieldItem, FieldsIndex } from './tree.ts';
import { fieldWords } from './words.ts';

/** The schema a new field starts with: its type, its label, and for an object or a list what they hold. */
export function newFieldSchema(type: FieldType, title: string): Record<string, unknown> {
  const base = { type, ...(title ? { title } : {}) };
  if (type === 'object') return { ...base, additionalProperties: false, properties: {} };
  if (type === 'array') return { ...base, items: { type: 'string' } };
  return base;
}

export function AddFieldForm({ index, selected, run }: { index: FieldsIndex; selected: FieldItem | undefined; run: (command: Command) => string | undefined }) {
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const around = selected && (!selected.ref && selected.type === 'object' ? selected.node.field : selected.parentField);
  const [parent, setParent] = useState<string>();
  useEffect(() => setParent(undefined), [around]);
  const target = parent ?? around ?? '';
  const [error, setError] = useState<string>();
  const ids = useId();
  const label = (c: FieldItem) => {
    const text = localizedText(c.node.schema.title, c.node.schema.description, locale).title;
    return `${c.node.field}${c.isItems ? ` (${w.items})` : ''}${text ? ` ${text}` : ''}`;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const type = String(form.get('type') ?? 'string') as FieldType;
    const problem = run({ name: 'add-field', args: { parent: target, name, schema: newFieldSchema(type, String(form.get('title') ?? '').trim()) } });
    setError(problem);
    if (!problem) event.currentTarget.reset();
  };
  return (
    <form className="add-field" onSubmit={submit} aria-labelledby={`${ids}-heading`} data-testid="add-field-form">
      <h2 id={`${ids}-heading`}>{t.addField}</h2>
      <label>{w.addTo}
        <select value={target} onChange={(e) => setParent(e.target.value)} data-testid="add-field-parent">
          <option value="">{w.topLevel}</option>
          {index.containers.map((c) => <option key={c.node.pointer} value={c.node.field}>{label(c)}</option>)}
        </select>
      </label>
      <label>{t.fieldName}
        <input name="name" required pattern="[A-Za-z][A-Za-z0-9_]{0,63}" title={w.nameHint} spellCheck={false} className="code" data-testid="new-field-name" />
      </label>
      <label>{t.labelZh}<input name="title" lang="zh-CN" data-testid="new-field-title" /></label>
      <label>{t.fieldType}
        <select name="type" defaultValue="string" data-testid="new-field-type">
          {fieldTypes.map((ft) => <option key={ft} value={ft}>{t.types[ft]}</option>)}
        </select>
      </label>
      <button type="submit" className="btn" data-testid="add-field">{t.addField}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
