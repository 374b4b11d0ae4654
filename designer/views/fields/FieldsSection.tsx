/**
 * The form fields editor: the field tree (select, reorder by keyboard or drag and drop, add, remove) beside the chosen
 * field's properties. The tree is indexed once per form schema, and what its items read changes only when its content
 * does, so typing into a label redraws the items on the edited path alone. A selection anywhere inside the form (a
 * problem followed from the panel) selects the nearest field.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { SectionProps } from '../section.ts';
import { AddFieldForm } from './AddFieldForm.tsx';
import { FieldPanel } from './FieldPanel.tsx';
import { FieldTree } from './FieldTree.tsx';
import { indexFields, nearestField, type FieldItem } from './tree.ts';
import { fieldWords } from './words.ts';

export function FieldsSection(props: SectionProps) {
  const { editor, state, problems, readOnly } = props;
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const ids = useId();
  const definition = state.definition;
  const schema = definition?.form?.schema;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the tree is the form schema's: other edits keep it
  const index = useMemo(() => indexFields(definition), [schema]);
  const selected = nearestField(definition, index, state.selection);
  const item = selected === undefined ? undefined : index.byPointer.get(selected);
  const [announcement, setAnnouncement] = useState('');

  // a selection that lands on another field (a problem followed) selects that field; one inside the field already
  // chosen (its label being typed) is left as precise as it is, sparing the page a second render per keystroke
  const chosen = useRef<string>(undefined);
  useEffect(() => {
    if (selected !== undefined && selected !== state.selection && selected !== chosen.current) editor.select(selected);
    chosen.current = selected;
  }, [editor, selected, state.selection]);

  // both kept while only a label is typed, so the tree's items (which read them) stay as they are: each analysis
  // brings a new list of mostly the same problems, matched to the fields anew (a few pointers) but kept if the same
  const prefill = definition?.form?.prefill;
  const prefilled = useMemo(() => new Set((prefill ?? []).map((p) => p.field)), [prefill]);
  const matched = new Map<string, Problem[]>();
  for (const p of problems) {
    const at = nearestField(definition, index, p.pointer);
    if (at !== undefined) matched.set(at, [...(matched.get(at) ?? []), p]);
  }
  const matchedKey = [...matched].map(([at, list]) => `${at}\t${list.map((p) => `${p.code} ${p.message}`).join('\t')}`).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the map's content
  const problemsByField = useMemo(() => matched, [matchedKey]);

  // a command the official asked for, refused (a name taken…): its message, shown where it was asked
  const run = useCallback((command: Command): string | undefined => {
    try {
      editor.dispatch(command);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [editor]);
  const onSelect = useCallback((field: FieldItem) => editor.select(field.node.pointer), [editor]);
  const onMove = useCallback((field: FieldItem, to: number) => {
    if (run({ name: 'move-field', args: { field: field.node.field, to } }) === undefined) setAnnouncement(w.moved(field.node.name, to + 1, field.siblings));
  }, [run, w]);

  return (
    <div className="fields" data-testid="fields">
      <div className="fields-tree">
        <p id={`${ids}-help`} className="muted field-hint">{w.treeHelp}</p>
        <FieldTree index={index} selected={selected} problemsByField={problemsByField} prefilled={prefilled} readOnly={readOnly} describedBy={`${ids}-help`} onSelect={onSelect} onMove={onMove} />
        <p role="status" className="visually-hidden" data-testid="fields-status">{announcement}</p>
        {!readOnly && <AddFieldForm index={index} selected={item} run={run} />}
      </div>
      <div className="fields-panel">
        {item ? (
          <FieldPanel item={item} index={index} section={props} problems={problemsByField.get(item.node.pointer) ?? []} run={run} onMove={onMove} />
        ) : (
          <p className="muted">{t.noSelection}</p>
        )}
      </div>
    </div>
  );
}
