import type { Op } from '../patch.ts';
import { command } from './command.ts';

/**
 * Replaces the form with one imported from elsewhere (already normalized by the engine's importForm): its schema, and
 * the uiSchema options the import moved out of it (the old form's uiSchema belonged to the old fields).
 */
export const importFormCommand = command<{ schema: Record<string, unknown>; uiSchema: Record<string, unknown> }>({
  name: 'import-form',
  plan(definition, { schema, uiSchema }) {
    const ops: Op[] = [{ op: 'set', path: '/form/schema', value: schema }];
    if (Object.keys(uiSchema).length > 0) ops.push({ op: 'set', path: '/form/uiSchema', value: uiSchema });
    else if (definition.form?.uiSchema !== undefined) ops.push({ op: 'delete', path: '/form/uiSchema' });
    return { ops, label: { zh: '导入表单', en: 'import a form' }, select: '/form/schema' };
  },
});
