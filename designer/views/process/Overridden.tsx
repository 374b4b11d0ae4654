/** What an event every step accepts (the process's own `on`) means where a top-level step handles it itself. */
import { overriding, type ProcessGraph, type ProcessNode } from '../../model/process.ts';
import { processWords } from './words.ts';

/** Which top-level steps handle `event` themselves, said for a transition every step accepts (or for one being added). */
export function Overridden({ graph, event, locale }: { graph: ProcessGraph; event: string; locale: 'zh' | 'en' }) {
  const w = processWords[locale];
  const steps = overriding(graph, event);
  const name = (n: ProcessNode) => `${n.step?.[locale] ?? n.id} (${n.id})`;
  return (
    <p className="field-hint" role="note" data-testid="process-root-overridden" data-states={steps.map((n) => n.id).join(' ')}>
      {steps.length > 0 ? w.overriddenBy(event, steps.map(name).join(locale === 'zh' ? '、' : ', ')) : w.notOverridden(event)}
    </p>
  );
}
