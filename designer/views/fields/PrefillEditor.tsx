/**
 * Prefill from shared data: the item (from the catalogue's shared-data list) and which of its fields fills this one,
 * offering only fields whose type fits (the validator refuses the others), and whether the value is locked once
 * verified. Writes one `form.prefill` entry through set-prefill.
 */
import { useEffect, useState } from 'react';
import type { MatterDefinition, SharedDataCatalogue } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { FieldItem } from './tree.ts';
import { fieldWords } from './words.ts';

const fits = (formType: string | undefined, itemType: unknown): boolean => {
  if (formType === undefined || typeof itemType !== 'string') return true;
  const numeric = (x: string) => x === 'number' || x === 'integer';
  return formType.split('|').some((f) => f === itemType || (numeric(f) && numeric(itemType)));
};

export function PrefillEditor({ item, definition, sharedData, run }: { item: FieldItem; definition: MatterDefinition; sharedData: SharedDataCatalogue | undefined; run: (command: Command) => string | undefined }) {
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const field = item.node.field;
  const entry = (definition.form?.prefill ?? []).find((p) => p.field === field);
  // an item chosen that no field of this one's type could come from: shown, not written
  const [pending, setPending] = useState<string>();
  useEffect(() => setPending(undefined), [field, entry?.item]);
  const items = sharedData?.items ?? [];
  const chosen = pending ?? entry?.item ?? '';
  const source = items.find((i) => i.id === chosen);
  const candidates = Object.entries(source?.fields ?? {}).filter(([, f]) => f && fits(item.type, f.schema?.type));
  const [error, setError] = useState<string>();
  const write = (prefill: { item: string; value: string; locked?: boolean } | undefined) => setError(run({ name: 'set-prefill', args: { field, prefill } }));

  const chooseItem = (id: string) => {
    if (!id) return write(undefined);
    const fields = Object.entries(items.find((i) => i.id === id)?.fields ?? {}).filter(([, f]) => f && fits(item.type, f.schema?.type));
    const keep = fields.find(([key]) => key === entry?.value) ?? fields.find(([key]) => key === item.node.name) ?? fields[0];
    if (!keep) return setPending(id);
    write({ item: id, value: keep[0], locked: entry?.locked ?? true });
  };
  return (
    <fieldset data-testid="field-prefill">
      <legend>{t.prefill}</legend>
      <label>{w.prefillItem}
        <select value={chosen} onChange={(e) => chooseItem(e.target.value)} data-testid="prefill-item">
          <option value="">{t.prefillNone}</option>
          {entry && !items.some((i) => i.id === entry.item) && <option value={entry.item}>{entry.item}</option>}
          {items.map((i) => <option key={i.id} value={i.id}>{i.name[locale]} ({i.id})</option>)}
        </select>
      </label>
      {chosen && (candidates.length === 0 ? (
        <p className="muted">{w.prefillNoField}</p>
      ) : (
        <label>{w.prefillField}
          <select value={entry?.item === chosen ? entry.value : ''} onChange={(e) => write({ item: chosen, value: e.target.value, locked: entry?.locked ?? true })} data-testid="prefill-field">
            {entry?.item !== chosen && <option value="">–</option>}
            {entry?.item === chosen && !candidates.some(([key]) => key === entry.value) && <option value={entry.value}>{entry.value}</option>}
            {candidates.map(([key, f]) => <option key={key} value={key}>{f!.title[locale]} ({key})</option>)}
          </select>
        </label>
      ))}
      {entry && (
        <label className="check">
          <input type="checkbox" checked={entry.locked !== false} onChange={(e) => write({ item: entry.item, value: entry.value, locked: e.target.checked })} data-testid="prefill-locked" />
          {t.prefillLocked}
        </label>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </fieldset>
  );
}
