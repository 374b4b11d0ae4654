/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * What the runtime's tests on a changed residence permit share: the matter, its people, a manual clock from Monday
 * 2026-11-30 10:00 CST, the signer, and a catalogue in which the permit's baseline is replaced by the test's version.
 */
import type { Catalogue } from '../../engine/index.ts';
import { ed25519Signer } from '../../runtime/certificates/signer.ts';
import { manualClock } from '../../runtime/effects/clock.ts';
import { demoCitizens } from '../../runtime/shared-data/demo.ts';
import { realCatalogue } from './catalogue.ts';

export const baselineFile = 'definitions/matters/residence-permit/baseline.json';
export const day = 86_400_000;
export const monday = Date.parse('2026-11-30T02:00:00Z');
export const permit = { matterId: '330000-GA-0101', region: '330000' };
export const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
export const clerk = { id: 'clerk-1', role: 'clerk' };
export const approver = { id: 'approver-1', role: 'approver' };
export const signer = ed25519Signer('zhejiang-public-security-2026');
export const newClock = () => manualClock(monday);

/** The permit's baseline as the catalogue holds it (a copy to change). */
export const permitBaseline = (): any => structuredClone(realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value);

/** The project's catalogue with the permit's baseline replaced by `definition`. */
export const catalogueWith = (definition: unknown): Catalogue => ({
  ...realCatalogue.catalogue,
  definitions: realCatalogue.catalogue.definitions.map((d) => (d.file === baselineFile ? { ...d, value: definition as any } : d)),
});

/** The answers the prefilled form still needs, added to a case's data. */
export const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });
