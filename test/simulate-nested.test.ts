/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The simulator runs a draft with a parallel and a compound state with the runtime's own logic: each event is acted
 * by the role of its region unless a role is named, another region's role is refused, and the frames show both
 * regions' steps, the join and the two-level decision.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../runtime/cases/simulate.ts';
import { catalogueSources, realCatalogue } from './support/catalogue.ts';
import { nestedPermit } from './support/nested.ts';

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const nested = nestedPermit(realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value);
const context = catalogueSources().filter((s) => s.file !== baselineFile && !s.file.startsWith('definitions/matters/'));
const sharedSchemas = realCatalogue.catalogue.schemas.map((s) => s.value as object);

describe('simulate: compound and parallel states', () => {
  it('runs the departments side by side, each event by its region\'s role, and refuses another region\'s role', async () => {
    const steps = [
      { kind: 'fill' }, { kind: 'submit' }, { kind: 'event', type: 'ACCEPT', materials: nested.materials.map((m: any) => m.id) },
      { kind: 'event', type: 'RECORDS_OK', role: 'clerk' }, { kind: 'event', type: 'POLICE_OK' }, { kind: 'event', type: 'RECORDS_OK' },
      { kind: 'event', type: 'PASS' }, { kind: 'event', type: 'APPROVE' },
    ] as const;
    const result = await simulate(nested, sharedSchemas, steps as any, { context });
    const frames = result.frames as any[];
    expect(frames.map((f) => [f.state, f.role, f.actor?.role ?? null, f.error?.code ?? null])).toEqual([
      ['draft', 'applicant', null, null],
      ['draft', 'applicant', 'applicant', null],
      ['submitted', 'clerk', 'applicant', null],
      ['checks.police.checking,checks.records.checking', 'clerk approver', 'clerk', null],
      ['checks.police.checking,checks.records.checking', 'clerk approver', null, 'forbidden'], // a refused step names no actor
      ['checks.police.ok,checks.records.checking', 'approver', 'clerk', null],
      ['decision.first', 'approver', 'approver', null],
      ['decision.second', 'approver', 'approver', null],
      ['approved', null, 'approver', null],
    ]);
    expect(frames[3].stepName).toEqual({ zh: '户籍核查、档案核查', en: 'Residence check · Records check' });
    expect(frames[3].events.map((e: any) => [e.type, e.allowed, e.to ?? null])).toEqual([
      ['POLICE_OK', true, 'checks.police.ok,checks.records.checking'],
      ['RECORDS_OK', true, 'checks.police.checking,checks.records.ok'],
      ['REJECT', true, 'rejected'],
    ]);
    expect(frames.at(-1).certificates ?? frames.at(-1).audit.at(-1).payload.certificates).toBeTruthy();
  }, 60_000);
});
