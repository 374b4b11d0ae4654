/** The definition as JSON (placeholder until the CodeMirror view lands). */
import type { SectionProps } from '../section.ts';

export function JsonSection({ state }: SectionProps) {
  return <pre data-testid="json-view">{JSON.stringify(state.definition, null, 2)}</pre>;
}
