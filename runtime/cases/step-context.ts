/**
 * The context one step leaves a case with: what the event and actions change (contextAfter), each bundle member's
 * outcome as its region ends (the join to 办结 leaves no region's final state behind), and the certificates the step
 * issues — or holds back while a material is outstanding (容缺: a bundle keeps the first hold's time and every
 * member's outputs held).
 */
import type { AnyStateMachine } from 'xstate';
import type { MatterDefinition } from '../../engine/index.ts';
import { issuedOutputs } from '../certificates/issue.ts';
import type { CaseRecord } from '../store/types.ts';
import { baseEvent, contextAfter, memberOutcomes, transitionTargets, type CaseContext, type CaseEvent, type Outcome } from './machine.ts';
import { outstandingOf, type ChecklistContext } from './materials-check.ts';

export function stepContext(
  def: MatterDefinition, record: CaseRecord, next: Outcome, event: CaseEvent,
  step: { type: string; by: string; now: number; machine?: AnyStateMachine },
): { context: CaseContext; issuing: string[]; held?: ChecklistContext['certificateHeld'] } {
  const { now, machine } = step;
  let context = contextAfter(record.context as CaseContext, event, next, { type: step.type, by: step.by, now, submits: record.status === 'draft' && baseEvent(event.type) === 'SUBMIT' });
  if (def.bundle && machine) {
    const targets = transitionTargets(machine, record.state, record.context as CaseContext, event, { data: record.data, verified: record.verified, now });
    const ended = memberOutcomes(def, [...next.state.split(','), ...targets]);
    if (Object.keys(ended).length > 0) context = { ...context, memberOutcomes: { ...(context.memberOutcomes as Record<string, string> | undefined), ...ended } };
  }
  const issuing = next.actions.includes('issueCertificate') ? issuedOutputs(def, event.type, record.state, next.state) : [];
  const outstanding = issuing.length > 0 ? outstandingOf(def, record.data, context, event) : [];
  const before = (context as ChecklistContext).certificateHeld;
  const held = outstanding.length
    ? { at: def.bundle && before ? before.at : now, reason: 'materials-outstanding' as const, materials: outstanding.map((o) => o.id), ...(def.bundle ? { outputs: [...new Set([...(before?.outputs ?? []), ...issuing])] } : {}) }
    : undefined;
  if (held) context = { ...context, certificateHeld: held };
  return { context, issuing, ...(held ? { held } : {}) };
}
