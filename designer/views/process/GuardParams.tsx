/**
 * A guard over the case data, edited in place (automatic decisions, 秒批): `dataMatches` — a condition on the form
 * data, written as JSON (the situations' condition editor) and described in words by the engine — or `olderThan` —
 * a date field older than a duration, optionally only when the date was verified from shared data. Each change is
 * one set-transition command; the validator checks the parameters and its problems show on the transition.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { describeCondition, type MatterDefinition } from '../../../engine/index.ts';
import { isObject } from '../../../engine/json/pointer.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { Editor } from '../../model/editor.ts';
import type { ParamGuard } from '../../model/commands/process.ts';
import { fieldTree, type FieldNode } from '../../model/fields.ts';
import type { TransitionRef } from '../../model/process.ts';

const ConditionJson = lazy(() => import('../situations/ConditionJson.tsx'));

const words = {
  zh: {
    dataMatches: '数据条件（表单数据满足时成立）',
    olderThan: '日期早于（某日期距今超过一段时间时成立）',
    field: '日期字段',
    duration: '时长（ISO 8601，如 P6M 表示 6 个月）',
    verified: '仅当该日期来自共享数据并已核验（申请人填写的日期不算）',
    holds: (text: string) => `成立条件：${text}`,
  },
  en: {
    dataMatches: 'Data condition (holds when the form data matches)',
    olderThan: 'Date older than (holds when a date lies further back than a duration)',
    field: 'Date field',
    duration: 'Duration (ISO 8601, e.g. P6M for six months)',
    verified: 'Only when the date came verified from shared data (a date the applicant typed does not count)',
    holds: (text: string) => `Holds when: ${text}`,
  },
};

/** The guard a parameterised choice starts from. */
export function defaultGuard(type: ParamGuard['type'], definition: MatterDefinition): ParamGuard {
  if (type === 'dataMatches') return { type, params: { when: { required: [] } } };
  const date = dateFields(definition)[0];
  return { type, params: { field: date?.field ?? '', duration: 'P6M', verified: true } };
}

// The form's string fields, dates first — those prefilled and locked from shared data (verifiable) before the rest.
function dateFields(definition: MatterDefinition): FieldNode[] {
  const all: FieldNode[] = [];
  const walk = (nodes: readonly FieldNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
  walk(fieldTree(definition));
  const locked = new Set((Array.isArray(definition.form?.prefill) ? definition.form.prefill : []).filter((p) => p?.locked).map((p) => p.field));
  const rank = (n: FieldNode) => (n.schema.format === 'date' ? 0 : 2) + (locked.has(n.field) ? 0 : 1);
  return all.filter((n) => n.schema.type === 'string' || n.schema.format === 'date').sort((a, b) => rank(a) - rank(b));
}

export function GuardParams({ guard, at, definition, editor, readOnly, run }: {
  guard: ParamGuard; at: TransitionRef; definition: MatterDefinition; editor: Editor; readOnly: boolean; run: (command: Command) => boolean;
}) {
  const { locale } = useDesigner();
  const w = words[locale];
  const set = (params: Record<string, unknown>) => run({ name: 'set-transition', args: { at, guard: { type: guard.type, params } } });
  const [duration, setDuration] = useState(String(guard.params.duration ?? ''));
  useEffect(() => setDuration(String(guard.params.duration ?? '')), [guard.params.duration]);
  if (guard.type === 'dataMatches') {
    const when = guard.params.when;
    return (
      <div className="guard-params" data-testid="process-guard-params">
        <p className="muted">{w.dataMatches}</p>
        {isObject(when) && <p data-testid="process-guard-words">{w.holds(describeCondition(when, definition.form?.schema, locale))}</p>}
        <Suspense fallback={null}>
          <ConditionJson condition={when} readOnly={readOnly} onApply={(c) => set({ ...guard.params, when: c })} onUndo={() => editor.undo()} onRedo={() => editor.redo()} testId="process-guard-when" />
        </Suspense>
      </div>
    );
  }
  const fields = dateFields(definition);
  const field = String(guard.params.field ?? '');
  return (
    <div className="guard-params" data-testid="process-guard-params">
      <p className="muted">{w.olderThan}</p>
      <label>{w.field}
        <select value={field} disabled={readOnly} onChange={(e) => set({ ...guard.params, field: e.target.value })} data-testid="process-guard-field">
          {!fields.some((f) => f.field === field) && <option value={field}>{field || '—'}</option>}
          {fields.map((f) => <option key={f.field} value={f.field}>{f.field}{typeof f.schema.title === 'string' ? ` ${f.schema.title}` : ''}</option>)}
        </select>
      </label>
      <label>{w.duration}
        <input value={duration} disabled={readOnly} className="code" onChange={(e) => setDuration(e.target.value.toUpperCase())} onBlur={() => duration !== guard.params.duration && set({ ...guard.params, duration })} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), duration !== guard.params.duration && set({ ...guard.params, duration }))} data-testid="process-guard-duration" />
      </label>
      <label className="check">
        <input type="checkbox" disabled={readOnly} checked={guard.params.verified === true} onChange={(e) => set({ ...guard.params, verified: e.target.checked })} data-testid="process-guard-verified" />
        {w.verified}
      </label>
    </div>
  );
}
