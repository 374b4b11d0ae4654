/**
 * A material's or fee's situation (情形): the condition described in words (the engine's describeCondition), and a
 * small builder — clauses that must all hold, each a form field, a relation that fits its type and a value offered
 * from the field's options. Choosing is a set-situation-clause command; typing a value is set-value on its keyword,
 * so a typed word is one transaction. A condition the builder cannot show is described and edited as JSON.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { conditionDescription, renderMessage, type MatterDefinition, type Problem, type ProblemCode } from '../../../engine/index.ts';
import { isObject, resolvePointer } from '../../../engine/json/pointer.ts';
import { localizedText } from '../../../runtime/form/ui-schema.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { Editor } from '../../model/editor.ts';
import { optionsOf, type FieldOption, type OptionValue } from '../../model/options.ts';
import { clauseValuePath, operatorsFor, readSituation, situationFields, type Clause, type ClauseOp, type SituationField } from '../../model/situations.ts';
import { NumberInput } from '../fields/NumberInput.tsx';
import { situationWords, type SituationWords } from './words.ts';

const ConditionJson = lazy(() => import('./ConditionJson.tsx'));

export type SituationKind = 'materialWhen' | 'feeWhen' | 'feeWaivedWhen';

export interface SituationEditorProps {
  /** Where the condition is: `/materials/3/when`, `/fees/0/waivedWhen`… */
  readonly target: string;
  readonly condition: unknown;
  readonly definition: MatterDefinition;
  readonly editor: Editor;
  readonly readOnly: boolean;
  /** The engine's problems at or inside the target. */
  readonly problems: readonly Problem[];
  readonly kind: SituationKind;
  /** The editor's selection: one inside this condition (a problem followed here) brings it into view. */
  readonly selection?: string | undefined;
}

const numeric = (f: SituationField | undefined) => f?.type === 'integer' || f?.type === 'number';
const optionList = (f: SituationField | undefined): readonly FieldOption[] => (f ? optionsOf(f.node.schema)?.options ?? [] : []);

/** The clause a newly chosen field starts with: "is" its first option, yes, 0 or the empty text. */
function firstClause(f: SituationField): Clause {
  const options = optionList(f);
  const value: OptionValue = f.type === 'boolean' ? true : options.length ? options[0]!.value : numeric(f) ? 0 : '';
  return { field: f.node.field, op: 'is', value };
}

/** The clause with another relation, keeping its value where it fits. */
function withOp(clause: Clause, op: ClauseOp, f: SituationField | undefined): Clause {
  const first = clause.op === 'one-of' ? clause.values[0] : clause.value;
  const fallback = f ? (firstClause(f) as { value: OptionValue }).value : first;
  if (op === 'one-of') return { field: clause.field, op, values: [first ?? fallback!] };
  if (op === 'at-least' || op === 'at-most') return { field: clause.field, op, value: typeof first === 'number' ? first : 0 };
  return { field: clause.field, op: 'is', value: first ?? fallback! };
}

export function SituationEditor({ target, condition, definition, editor, readOnly, problems, kind, selection }: SituationEditorProps) {
  const { locale } = useDesigner();
  const w = situationWords[locale];
  const [error, setError] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [json, setJson] = useState(false);
  // the clause just added: its value takes the focus (the row that chose its field is gone)
  const [added, setAdded] = useState<number>();
  const box = useRef<HTMLFieldSetElement>(null);
  const selected = selection !== undefined && (selection === target || selection.startsWith(`${target}/`));
  useEffect(() => {
    if (selected) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected, selection]);
  const run = (command: Command) => {
    try {
      editor.dispatch(command);
      setError(undefined);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const fields = situationFields(definition);
  const clauses = condition === undefined ? [] : readSituation(condition);
  const described = condition === undefined ? undefined : conditionDescription(condition, definition.form?.schema);
  const setClause = (index: number, clause: Clause | undefined) => run({ name: 'set-situation-clause', args: { target, index, clause } });
  const summary = condition === undefined
    ? (kind === 'materialWhen' ? w.always : kind === 'feeWhen' ? w.alwaysFee : w.neverWaived)
    : (kind === 'feeWaivedWhen' ? w.waivedWhenText : w.onlyWhen)(described![locale]);

  return (
    <fieldset ref={box} className="situation-editor" disabled={readOnly} data-testid={`situation-${kind}`} data-target={target}>
      <legend>{w[kind]}</legend>
      <p className={condition === undefined ? 'muted' : 'situation-text'} aria-live="polite" data-testid="situation-text">{summary}</p>
      {clauses === undefined && <p className="muted field-hint">{w.handWritten}</p>}
      {clauses && clauses.length > 0 && (
        <ol className="clauses">
          {clauses.map((clause, i) => (
            <li key={i}>
              <ClauseRow
                n={i + 1} clause={clause} fields={fields} readOnly={readOnly} w={w} focus={added === i}
                onChange={(next) => setClause(i, next)}
                onType={(value) => run({ name: 'set-value', args: { pointer: `${target}${clauseValuePath(clause)}`, value } })}
                onRemove={() => setClause(i, undefined)}
              />
            </li>
          ))}
        </ol>
      )}
      {clauses && adding && !readOnly && (
        <NewClause n={clauses.length + 1} fields={fields} w={w} onAdd={(f) => {
          if (!setClause(clauses.length, firstClause(f))) return;
          setAdding(false);
          setAdded(clauses.length);
        }} onCancel={() => setAdding(false)} />
      )}
      {!readOnly && (
        <div className="row-actions situation-actions">
          {clauses && !adding && (fields.length > 0
            ? <button type="button" className="btn btn-small" onClick={() => setAdding(true)} data-testid="add-clause">{clauses.length ? w.addAnotherClause : w.addClause}</button>
            : <span className="muted">{w.noFields}</span>)}
          {condition !== undefined && <button type="button" className="btn btn-small" onClick={() => run({ name: 'set-situation', args: { target, condition: undefined } })} data-testid="remove-situation">{w.removeSituation}</button>}
          {clauses && condition !== undefined && (
            <button type="button" className="btn btn-small" aria-expanded={json} onClick={() => setJson(!json)} data-testid="edit-situation-json">{json ? w.closeJson : w.editJson}</button>
          )}
        </div>
      )}
      {(clauses === undefined || json) && (
        <Suspense fallback={<p aria-busy="true" className="muted">…</p>}>
          <ConditionJson
            condition={condition} readOnly={readOnly} testId="situation-json"
            onApply={(next) => run({ name: 'set-situation', args: { target, condition: next } })}
            onUndo={() => editor.undo()} onRedo={() => editor.redo()}
          />
        </Suspense>
      )}
      {kind === 'feeWaivedWhen' && condition !== undefined && <WaiverReason at={target.replace(/waivedWhen$/, 'waiverReason')} definition={definition} editor={editor} w={w} />}
      {error && <p role="alert" className="error">{error}</p>}
      {problems.length > 0 && (
        <div className="field-problems" data-testid="situation-problems">
          <h3>{w.problems}</h3>
          <ul>{problems.map((p, i) => <li key={`${p.code}-${i}`}>{messageOf(p, locale)} <span className="muted">[{p.code}]</span></li>)}</ul>
        </div>
      )}
    </fieldset>
  );
}

// A fee's waiver reason, in both languages: typed as set-value per keystroke (a word is one transaction).
function WaiverReason({ at, definition, editor, w }: { at: string; definition: MatterDefinition; editor: Editor; w: SituationWords }) {
  const reason = resolvePointer(definition, at);
  const text = (lang: 'zh' | 'en') => (isObject(reason) && typeof reason[lang] === 'string' ? reason[lang] : '');
  const set = (lang: 'zh' | 'en', value: string) => editor.dispatch({ name: 'set-value', args: { pointer: `${at}/${lang}`, value } });
  return (
    <div className="waiver-reason">
      <label>{w.reasonZh}<input value={text('zh')} onChange={(e) => set('zh', e.target.value)} data-testid="waiver-reason-zh" /></label>
      <label>{w.reasonEn}<input value={text('en')} onChange={(e) => set('en', e.target.value)} data-testid="waiver-reason-en" /></label>
    </div>
  );
}

const fieldLabel = (f: SituationField, locale: 'zh' | 'en') => `${localizedText(f.node.schema.title, f.node.schema.description, locale).title ?? f.node.name} (${f.node.field.slice(1)})`;

// A clause being added: only its field, chosen first (arrowing through the list commits nothing); Add commits it.
function NewClause({ n, fields, w, onAdd, onCancel }: { n: number; fields: readonly SituationField[]; w: SituationWords; onAdd: (f: SituationField) => void; onCancel: () => void }) {
  const { locale, t } = useDesigner();
  const [field, setField] = useState('');
  const chosen = fields.find((f) => f.node.field === field);
  return (
    <div role="group" aria-label={w.clause(n)} className="clause clause-new" data-testid="new-clause">
      <label>{w.field}
        <select value={field} onChange={(e) => setField(e.target.value)} autoFocus data-testid="new-clause-field"
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
          <option value="">{w.chooseField}</option>
          {fields.map((f) => <option key={f.node.field} value={f.node.field}>{fieldLabel(f, locale)}</option>)}
        </select>
      </label>
      <span className="row-actions">
        <button type="button" className="btn btn-small" disabled={!chosen} onClick={() => chosen && onAdd(chosen)} data-testid="new-clause-add">{w.addClause}</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>{t.cancel}</button>
      </span>
    </div>
  );
}

function ClauseRow({ n, clause, fields, readOnly, w, focus, onChange, onType, onRemove }: {
  n: number; clause: Clause; fields: readonly SituationField[]; readOnly: boolean; w: SituationWords; focus: boolean;
  onChange: (clause: Clause) => void; onType: (value: OptionValue) => void; onRemove: () => void;
}) {
  const { locale } = useDesigner();
  const f = fields.find((x) => x.node.field === clause.field);
  const options = optionList(f);
  const ops = f ? operatorsFor(f.type, options.length > 0) : [clause.op];
  const optionText = (o: FieldOption) => (locale === 'en' ? o.en : o.zh) || String(o.value);
  const chooseField = (field: string) => {
    const next = fields.find((x) => x.node.field === field);
    if (next) onChange(firstClause(next));
  };
  const value = clause.op === 'one-of' ? undefined : clause.value;
  return (
    <div role="group" aria-label={w.clause(n)} className="clause" data-testid="clause" data-field={clause.field}>
      {n > 1 && <span className="clause-and" aria-hidden="true">{w.and}</span>}
      <label>{w.field}
        <select value={clause.field} onChange={(e) => chooseField(e.target.value)} disabled={readOnly} data-testid="clause-field">
          {!f && <option value={clause.field}>{w.missingField(clause.field.slice(1))}</option>}
          {fields.map((x) => <option key={x.node.field} value={x.node.field}>{fieldLabel(x, locale)}</option>)}
        </select>
      </label>
      <label>{w.operator}
        <select value={clause.op} onChange={(e) => onChange(withOp(clause, e.target.value as ClauseOp, f))} disabled={readOnly || ops.length < 2} data-testid="clause-op">
          {ops.map((op) => <option key={op} value={op}>{w.ops[op]}</option>)}
        </select>
      </label>
      {clause.op === 'one-of' ? (
        <fieldset className="clause-values" data-testid="clause-values">
          <legend>{w.values}</legend>
          {options.map((o) => {
            const on = clause.values.some((v) => v === o.value);
            const toggle = (checked: boolean) => {
              const values = options.map((x) => x.value).filter((v) => (v === o.value ? checked : clause.values.includes(v)));
              if (values.length > 0) onChange({ ...clause, values });
            };
            return (
              <label key={JSON.stringify(o.value)} className="check">
                <input type="checkbox" checked={on} disabled={readOnly || (on && clause.values.length === 1)} onChange={(e) => toggle(e.target.checked)} />
                {optionText(o)}
              </label>
            );
          })}
        </fieldset>
      ) : f?.type === 'boolean' || (clause.op === 'is' && options.length > 0) ? (
        <label>{w.value}
          <select value={JSON.stringify(value)} onChange={(e) => onChange({ field: clause.field, op: 'is', value: JSON.parse(e.target.value) as OptionValue })} disabled={readOnly} autoFocus={focus} data-testid="clause-value">
            {(f?.type === 'boolean' ? [{ value: true, zh: w.yes, en: w.yes }, { value: false, zh: w.no, en: w.no }] : options).every((o) => o.value !== value) && <option value={JSON.stringify(value)}>{String(value)}</option>}
            {f?.type === 'boolean'
              ? [true, false].map((b) => <option key={String(b)} value={JSON.stringify(b)}>{b ? w.yes : w.no}</option>)
              : options.map((o) => <option key={JSON.stringify(o.value)} value={JSON.stringify(o.value)}>{optionText(o)}</option>)}
          </select>
        </label>
      ) : numeric(f) || clause.op === 'at-least' || clause.op === 'at-most' ? (
        <NumberInput label={w.value} integer={f?.type === 'integer'} value={typeof value === 'number' ? value : undefined} onChange={(v) => v !== undefined && onType(v)} invalidText={w.badValue} testId="clause-number" autoFocus={focus} />
      ) : (
        <label>{w.value}<input value={String(value ?? '')} onChange={(e) => onType(e.target.value)} disabled={readOnly} autoFocus={focus} data-testid="clause-text" /></label>
      )}
      {!readOnly && <button type="button" className="btn btn-small" onClick={onRemove} aria-label={w.removeClause(n)} data-testid="remove-clause">✕</button>}
    </div>
  );
}

/** A problem's message in the page's language (problems carry their English text; codes render either). */
export function messageOf(p: Problem, locale: 'zh' | 'en'): string {
  try {
    return renderMessage(p.code as ProblemCode, p.params, locale);
  } catch {
    return p.message;
  }
}
