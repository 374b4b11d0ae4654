/** Whole-document commands: the JSON view's edit, and applying a level-up plan's fixes (undoable like any other edit). */
import { applyFixes, type FixOp, type LocalizedText, type MatterDefinition } from '../../../engine/index.ts';
import { jsonEqual } from '../../../engine/json/equal.ts';
import { command } from './command.ts';

/** Replaces the definition with the JSON view's text, parsed (the view refuses text that does not parse). */
export const replaceDefinition = command<{ definition: MatterDefinition }>({
  name: 'replace-definition',
  plan(current, { definition }) {
    const label = { zh: '在 JSON 视图中编辑', en: 'edit in the JSON view' };
    // member order counts: moving a field's schema up in the text reorders the form
    return JSON.stringify(current) === JSON.stringify(definition) ? { ops: [], label } : { ops: [{ op: 'set', path: '', value: definition }], label };
  },
});

/** Applies the fixes of one or more level-up changes (the engine's FixOps), labelled with what they do. */
export const applyFix = command<{ fixes: readonly FixOp[]; label: LocalizedText; select?: string }>({
  name: 'apply-fix',
  plan(current, { fixes, label, select }) {
    const fixed = applyFixes(current, fixes);
    if (jsonEqual(fixed, current)) return { ops: [], label };
    // the engine's fixes work on whole paths; recorded as one replacement of each top-level member they touched
    const ops = Object.keys({ ...current, ...fixed })
      .filter((key) => !jsonEqual((current as Record<string, unknown>)[key], (fixed as Record<string, unknown>)[key]))
      .map((key) => (key in fixed ? { op: 'set' as const, path: `/${key}`, value: (fixed as Record<string, unknown>)[key] } : { op: 'delete' as const, path: `/${key}` }));
    return { ops, label, ...(select ? { select } : {}) };
  },
});
