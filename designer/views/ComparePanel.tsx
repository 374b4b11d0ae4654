/**
 * The draft beside what it is compared with, aligned by element: service elements key by key, materials by id, form
 * fields by their data path. Rows that differ are marked; choosing one selects the draft's element.
 */
import { useMemo } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { jsonEqual } from '../../engine/json/equal.ts';
import { useDesigner } from '../context.ts';
import { fieldTree, type FieldNode } from '../model/fields.ts';

interface Row {
  readonly group: 'service' | 'materials' | 'fields';
  readonly key: string;
  readonly label: string;
  readonly draft: string | undefined;
  readonly against: string | undefined;
  /** The draft's element (to select), when it has one. */
  readonly pointer: string | undefined;
}

const serviceKeys = ['title', 'handlingType', 'channels', 'timeLimit', 'fees', 'visits', 'outputs'] as const;
const short = (value: unknown): string | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value));
const leaves = (nodes: readonly FieldNode[]): FieldNode[] => nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));

/** The aligned rows of two definitions (pure). */
export function alignedRows(draft: MatterDefinition, against: MatterDefinition, locale: 'zh' | 'en'): Row[] {
  const rows: Row[] = [];
  for (const key of serviceKeys) rows.push({ group: 'service', key, label: key, draft: short(draft?.[key]), against: short(against?.[key]), pointer: `/${key}` });
  const mine = Array.isArray(draft?.materials) ? draft.materials : [];
  const theirs = Array.isArray(against?.materials) ? against.materials : [];
  const describe = (m: MatterDefinition['materials'][number] | undefined) => m && `${m.necessity} · ${m.source} · ${(m.format ?? []).join('+')} · ${m.copies?.originals ?? 0}/${m.copies?.photocopies ?? 0}`;
  for (const id of [...new Set([...mine.map((m) => m.id), ...theirs.map((m) => m.id)])]) {
    const a = mine.find((m) => m.id === id);
    const b = theirs.find((m) => m.id === id);
    rows.push({ group: 'materials', key: id, label: (a ?? b)?.name?.[locale] ?? id, draft: describe(a), against: describe(b), pointer: a ? `/materials/${mine.indexOf(a)}` : undefined });
  }
  const fieldsA = new Map(leaves(fieldTree(draft)).map((f) => [f.field, f]));
  const fieldsB = new Map(leaves(fieldTree(against)).map((f) => [f.field, f]));
  const describeField = (f: FieldNode | undefined) => f && `${f.required ? '* ' : ''}${short(f.schema)}`;
  for (const field of [...new Set([...fieldsA.keys(), ...fieldsB.keys()])]) {
    const a = fieldsA.get(field);
    const b = fieldsB.get(field);
    rows.push({ group: 'fields', key: field, label: field, draft: describeField(a), against: describeField(b), pointer: a?.pointer });
  }
  return rows;
}

export function ComparePanel({ draft, against, onSelect }: { draft: MatterDefinition; against: MatterDefinition | undefined; onSelect: (pointer: string) => void }) {
  const { t, locale } = useDesigner();
  const rows = useMemo(() => (against ? alignedRows(draft, against, locale) : []), [draft, against, locale]);
  if (!against) return <p>{t.noAgainst}</p>;
  const groups = [['service', t.sections.service], ['materials', t.sections.materials], ['fields', t.sections.fields]] as const;
  return (
    <div className="compare" data-testid="compare">
      {groups.map(([group, title]) => (
        <table key={group}>
          <caption>{title}</caption>
          <thead><tr><th scope="col"><span className="visually-hidden">{title}</span></th><th scope="col">{t.draftSide}</th><th scope="col">{t.againstSide}</th></tr></thead>
          <tbody>
            {rows.filter((r) => r.group === group).map((r) => {
              const differs = !jsonEqual(r.draft, r.against);
              return (
                <tr key={r.key} className={differs ? 'differs' : undefined} data-testid="compare-row" data-differs={differs}>
                  <th scope="row">{r.pointer ? <button type="button" className="link" onClick={() => onSelect(r.pointer!)}>{r.label}</button> : r.label}</th>
                  <td>{r.draft ?? '—'}</td>
                  <td>{r.against ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
