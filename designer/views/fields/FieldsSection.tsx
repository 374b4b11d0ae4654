/** The form's field tree and the chosen field's properties (placeholder until the full editor lands). */
import { fieldTree } from '../../model/fields.ts';
import type { SectionProps } from '../section.ts';

export function FieldsSection({ state }: SectionProps) {
  const tree = fieldTree(state.definition);
  return <ul data-testid="field-tree">{tree.map((f) => <li key={f.field}>{f.field}</li>)}</ul>;
}
