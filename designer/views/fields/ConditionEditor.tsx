/**
 * "Show this field when field X equals Y": X is a sibling (the condition sits on their parent object, see
 * model/conditions.ts), Y one of X's options, yes/no, a number or a text. Choosing X or a listed Y is set-condition;
 * typing Y is set-value on the condition's `const`, so a typed word is one transaction.
 */
import { useState } from 'react';
import { escapeToken } from '../../../engine/json/pointer.ts';
import { localizedText } from '../../../runtime/form/ui-schema.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { Editor } from '../../model/editor.ts';
import { optionsOf, type OptionValue } from '../../model/options.ts';
import { NumberInput } from './NumberInput.tsx';
import type { FieldItem, FieldsIndex } from './tree.ts';
import { fieldWords } from './words.ts';

const deciding = new Set(['string', 'integer', 'number', 'boolean']);

// A value of the sibling's type to start the condition with (its first option, yes, 0 or the empty text).
function firstValue(sibling: FieldItem): OptionValue {
  const options = optionsOf(sibling.node.schema)?.options;
  if (options?.length) return options[0]!.value;
  return sibling.type === 'boolean' ? true : sibling.type === 'integer' || sibling.type === 'number' ? 0 : '';
}

export function ConditionEditor({ item, index, editor, run }: { item: FieldItem; index: FieldsIndex; editor: Editor; run: (command: Command) => string | undefined }) {
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const [error, setError] = useState<string>();
  const parent = index.byPointer.get(item.parentPointer);
  const siblings = (parent ? parent.children : index.roots).filter((s) => s !== item && !s.isItems && s.type !== undefined && deciding.has(s.type));
  const condition = item.condition;
  const on = condition && siblings.find((s) => s.node.name === condition.field);
  const write = (when: { field: string; equals: OptionValue } | undefined) => setError(run({ name: 'set-condition', args: { field: item.node.field, when } }));
  const constPointer = condition && `${item.parentPointer}/allOf/${condition.index}/if/properties/${escapeToken(condition.field)}/const`;
  const typeEquals = (value: OptionValue) => editor.dispatch({ name: 'set-value', args: { pointer: constPointer!, value } });
  const options = on && optionsOf(on.node.schema)?.options;
  const label = (s: FieldItem) => localizedText(s.node.schema.title, s.node.schema.description, locale).title ?? s.node.name;

  const chooseField = (name: string) => {
    const sibling = siblings.find((s) => s.node.name === name);
    if (!sibling) return write(undefined);
    const keep = condition && typeof condition.equals === typeof firstValue(sibling) && (!optionsOf(sibling.node.schema) || optionsOf(sibling.node.schema)!.options.some((o) => o.value === condition.equals));
    write({ field: sibling.node.field, equals: keep ? condition.equals : firstValue(sibling) });
  };
  if (siblings.length === 0 && !condition) return <p className="muted">{t.showWhen}: {w.conditionNoSibling}</p>;
  return (
    <fieldset data-testid="field-condition">
      <legend>{t.showWhen}</legend>
      <label>{t.showWhenField}
        <select value={condition?.field ?? ''} onChange={(e) => chooseField(e.target.value)} data-testid="condition-field">
          <option value="">{w.conditionNone}</option>
          {condition && !on && <option value={condition.field}>{condition.field}</option>}
          {siblings.map((s) => <option key={s.node.pointer} value={s.node.name}>{label(s)} ({s.node.name})</option>)}
        </select>
      </label>
      {condition && on && (
        options?.length || on.type === 'boolean' ? (
          <label>{t.showWhenEquals}
            <select value={JSON.stringify(condition.equals)} onChange={(e) => write({ field: on.node.field, equals: JSON.parse(e.target.value) as OptionValue })} data-testid="condition-value">
              {!(options ?? [{ value: true }, { value: false }]).some((o) => o.value === condition.equals) && <option value={JSON.stringify(condition.equals)}>{String(condition.equals)}</option>}
              {options?.length
                ? options.map((o) => <option key={JSON.stringify(o.value)} value={JSON.stringify(o.value)}>{(locale === 'en' ? o.en : o.zh) || String(o.value)}</option>)
                : [true, false].map((b) => <option key={String(b)} value={JSON.stringify(b)}>{b ? w.yes : w.no}</option>)}
            </select>
          </label>
        ) : on.type === 'integer' || on.type === 'number' ? (
          <NumberInput label={t.showWhenEquals} integer={on.type === 'integer'} value={typeof condition.equals === 'number' ? condition.equals : undefined} onChange={(v) => v !== undefined && typeEquals(v)} invalidText={w.badValue} />
        ) : (
          <label>{t.showWhenEquals}<input value={String(condition.equals)} onChange={(e) => typeEquals(e.target.value)} data-testid="condition-text" /></label>
        )
      )}
      <p className="muted field-hint">{w.conditionHint}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </fieldset>
  );
}
