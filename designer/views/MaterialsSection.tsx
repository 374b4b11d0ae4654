/**
 * The materials editor: the list (reorder with the buttons or by dragging), and the chosen material's necessity,
 * source, the shared-data item that waives it, formats, copies and legal basis, the situation it is asked for in and
 * its one-of group. Every edit is a command.
 */
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { MatterDefinition, Problem } from '../../engine/index.ts';
import { useDesigner } from '../context.ts';
import { newGroupId, oneOfGroups } from '../model/situations.ts';
import type { SectionProps } from './section.ts';
import { messageOf, SituationEditor } from './situations/SituationEditor.tsx';
import { situationWords } from './situations/words.ts';

type Material = MatterDefinition['materials'][number];
const necessities = ['required', 'optional', 'tolerated-missing', 'exempted'] as const;
const sources = ['applicant', 'government-issued', 'third-party', 'shared-data'] as const;

export function MaterialsSection({ editor, state, problems, readOnly, context }: SectionProps) {
  const { t, locale } = useDesigner();
  const w = situationWords[locale];
  const ids = useId();
  const materials: Material[] = Array.isArray(state.definition?.materials) ? state.definition.materials : [];
  const selected = /^\/materials\/(\d+)/.exec(state.selection ?? '')?.[1];
  const index = selected === undefined ? -1 : Number(selected);
  const material = materials[index];
  const [dragging, setDragging] = useState<number>();
  const move = (id: string, to: number) => editor.dispatch({ name: 'move-material', args: { id, to } });
  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    const from = dragging;
    setDragging(undefined);
    if (from !== undefined && materials[from] && from !== to) move(materials[from]!.id, to);
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const zh = String(f.get('zh') ?? '').trim();
    const en = String(f.get('en') ?? '').trim() || zh;
    let id = en.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^[^A-Za-z]+/, '');
    id = (id.charAt(0).toLowerCase() + id.slice(1)) || `material${materials.length + 1}`;
    while (materials.some((m) => m.id === id)) id += '2';
    const value: Material = { id, name: { zh, en }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } };
    editor.dispatch({ name: 'add-material', args: { material: value } });
    event.currentTarget.reset();
  };
  const own = (at: number) => problems.filter((p) => p.pointer === `/materials/${at}` || p.pointer.startsWith(`/materials/${at}/`));
  return (
    <div className="materials" data-testid="materials">
      <ol className="material-list" aria-label={t.sections.materials}>
        {materials.map((m, i) => (
          <li key={m.id} draggable={!readOnly} onDragStart={() => setDragging(i)} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, i)} className={i === index ? 'selected' : undefined}>
            <button type="button" className="link" aria-current={i === index} onClick={() => editor.select(`/materials/${i}`)} data-testid="material">
              {m.name?.[locale] ?? m.id} <span className="muted">{t.necessities[m.necessity] ?? m.necessity} · {t.sources[m.source] ?? m.source}</span>
              {m.when !== undefined && <span className="badge" data-testid="material-conditional">{w.conditionalBadge}</span>}
              {m.oneOfGroup !== undefined && <span className="badge">{w.groupBadge(m.oneOfGroup)}</span>}
              {own(i).length > 0 && <span className="problem-badge"><span aria-hidden="true">!</span><span className="visually-hidden">{t.problemsCount(own(i).length)}</span></span>}
            </button>
            {!readOnly && (
              <span className="row-actions">
                <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(m.id, i - 1)} aria-label={`${t.moveUp}: ${m.name?.[locale]}`}>↑</button>
                <button type="button" className="btn btn-small" disabled={i === materials.length - 1} onClick={() => move(m.id, i + 1)} aria-label={`${t.moveDown}: ${m.name?.[locale]}`}>↓</button>
                <button type="button" className="btn btn-small" onClick={() => editor.dispatch({ name: 'remove-material', args: { id: m.id } })} aria-label={`${t.removeField}: ${m.name?.[locale]}`}>✕</button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form className="inline-form" onSubmit={add} aria-label={t.addMaterial}>
          <label>{t.titleZh}<input name="zh" required data-testid="new-material-zh" /></label>
          <label>{t.titleEn}<input name="en" data-testid="new-material-en" /></label>
          <button type="submit" className="btn" data-testid="add-material">{t.addMaterial}</button>
        </form>
      )}
      {material && <MaterialForm key={material.id} material={material} at={index} ids={ids} props={{ editor, readOnly, context, definition: state.definition, problems: own(index), selection: state.selection }} />}
    </div>
  );
}

interface MaterialFormProps {
  editor: SectionProps['editor'];
  readOnly: boolean;
  context: SectionProps['context'];
  definition: MatterDefinition;
  /** The material's own problems (its situation's among them). */
  problems: readonly Problem[];
  selection: string | undefined;
}

function MaterialForm({ material, at, ids, props }: { material: Material; at: number; ids: string; props: MaterialFormProps }) {
  const { t, locale } = useDesigner();
  const w = situationWords[locale];
  const { editor, readOnly, context, definition, problems, selection } = props;
  const legalBasis = definition?.legalBasis ?? [];
  const target = `/materials/${at}/when`;
  const set = (path: string, value: unknown) => editor.dispatch({ name: 'set-value', args: { pointer: `/materials/${at}${path}`, value } });
  const formats = new Set(material.format ?? []);
  const toggleFormat = (format: 'paper' | 'electronic', on: boolean) => {
    const next = (['electronic', 'paper'] as const).filter((f) => (f === format ? on : formats.has(f)));
    set('/format', next);
  };
  const basis = new Set(material.legalBasis ?? []);
  return (
    <fieldset className="properties" disabled={readOnly} data-testid="material-form">
      <legend>{material.name?.[locale] ?? material.id}</legend>
      <label>{t.titleZh}<input value={material.name?.zh ?? ''} onChange={(e) => set('/name/zh', e.target.value)} /></label>
      <label>{t.titleEn}<input value={material.name?.en ?? ''} onChange={(e) => set('/name/en', e.target.value)} /></label>
      <label>{t.necessity}
        <select value={material.necessity} onChange={(e) => set('/necessity', e.target.value)} data-testid="material-necessity">
          {necessities.map((n) => <option key={n} value={n}>{t.necessities[n]}</option>)}
        </select>
      </label>
      <label>{t.source}
        <select value={material.source} onChange={(e) => set('/source', e.target.value)} data-testid="material-source">
          {sources.map((s) => <option key={s} value={s}>{t.sources[s]}</option>)}
        </select>
      </label>
      <label>{t.waivedBy}
        <select value={material.sharedData?.item ?? ''} onChange={(e) => set('/sharedData', e.target.value ? { ...(material.sharedData ?? {}), item: e.target.value } : undefined)}>
          <option value="">–</option>
          {(context.sharedData?.items ?? []).map((item) => <option key={item.id} value={item.id}>{item.name[locale]} ({item.id})</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{t.format}</legend>
        <label className="check"><input type="checkbox" checked={formats.has('paper')} onChange={(e) => toggleFormat('paper', e.target.checked)} data-testid="material-paper" />{t.formatPaper}</label>
        <label className="check"><input type="checkbox" checked={formats.has('electronic')} onChange={(e) => toggleFormat('electronic', e.target.checked)} />{t.formatElectronic}</label>
      </fieldset>
      <label>{t.originals}<input type="number" min={0} max={99} value={material.copies?.originals ?? 0} onChange={(e) => set('/copies/originals', Number(e.target.value))} /></label>
      <label>{t.photocopies}<input type="number" min={0} max={99} value={material.copies?.photocopies ?? 0} onChange={(e) => set('/copies/photocopies', Number(e.target.value))} /></label>
      <fieldset>
        <legend id={`${ids}-basis`}>{t.legalBasis}</legend>
        {(legalBasis ?? []).map((b) => (
          <label key={b.id} className="check">
            <input type="checkbox" checked={basis.has(b.id)} onChange={(e) => set('/legalBasis', (legalBasis ?? []).map((x) => x.id).filter((x) => (x === b.id ? e.target.checked : basis.has(x))))} />
            {b.title?.[locale] ?? b.id}{b.article ? ` ${b.article}` : ''}
          </label>
        ))}
      </fieldset>
      <SituationEditor
        target={target} condition={material.when} definition={definition} editor={editor} readOnly={readOnly} kind="materialWhen" selection={selection}
        problems={problems.filter((p) => p.pointer === target || p.pointer.startsWith(`${target}/`))}
      />
      <GroupSelect material={material} definition={definition} editor={editor} problems={problems.filter((p) => p.code.startsWith('materials.one-of-'))} />
    </fieldset>
  );
}

// The material's one-of group: none, an existing group (its members named), or a new one; with the validator's
// problems of the group (a group of one while its second member is still to be chosen, members of unlike necessity).
function GroupSelect({ material, definition, editor, problems }: { material: Material; definition: MatterDefinition; editor: SectionProps['editor']; problems: readonly Problem[] }) {
  const { locale } = useDesigner();
  const w = situationWords[locale];
  const [error, setError] = useState<string>();
  const groups = oneOfGroups(definition);
  const nameOf = (id: string) => definition.materials.find((m) => m.id === id)?.name?.[locale] ?? id;
  const fresh = newGroupId(definition);
  const choose = (group: string) => {
    try {
      editor.dispatch({ name: 'set-one-of-group', args: { id: material.id, group: group || undefined } });
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="one-of-group">
      <label>{w.group}
        <select
          value={material.oneOfGroup ?? ''} onChange={(e) => choose(e.target.value)} data-testid="material-group"
          aria-describedby={`group-hint-${material.id}${problems.length ? ` group-problems-${material.id}` : ''}`} aria-invalid={problems.length > 0 || undefined}
        >
          <option value="">{w.groupNone}</option>
          {groups.map((g) => <option key={g.id} value={g.id}>{w.groupOption(g.id, g.members.map(nameOf).join(locale === 'zh' ? '、' : ', '))}</option>)}
          <option value={fresh}>{w.groupNew(fresh)}</option>
        </select>
      </label>
      <p className="muted field-hint" id={`group-hint-${material.id}`}>{w.groupHint}</p>
      {problems.length > 0 && (
        <ul className="field-problems" id={`group-problems-${material.id}`} data-testid="group-problems">
          {problems.map((p, i) => <li key={`${p.code}-${i}`}>{messageOf(p, locale)} <span className="muted">[{p.code}]</span></li>)}
        </ul>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
