/**
 * The designer's bundle model (designer/model/bundle.ts), without a browser: every command of the bundle editor,
 * undo and redo (the bundle comes back identical, key order included), and what the bundle composes into after
 * edits — the relocation bundle of the catalogue with the residence permit and the insurance transfer: a fact both
 * members ask the same way is asked once (one field fewer to type), a fact whose fields differ is a conflict naming
 * both members' fields and pointing at the fact, removing a member takes its fields out of the facts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BundleDefinition } from '../engine/index.ts';
import {
  BundleCommandError, bundleFileText, composeBundle, executeBundle, factIdOf, initialBundleState, memberFields, redoBundle, runBundleCommand, undoBundle,
  type BundleCommand, type BundleEditorState,
} from '../designer/model/bundle.ts';
import { realCatalogue } from './support/catalogue.ts';

const relocationText = readFileSync(new URL('../definitions/bundles/relocation.json', import.meta.url), 'utf8');
const relocation = (): BundleDefinition => JSON.parse(relocationText) as BundleDefinition;
const definitions = realCatalogue.catalogue.definitions;
const run = (commands: readonly BundleCommand[], from = initialBundleState(relocation())): BundleEditorState => commands.reduce((s, c) => executeBundle(s, c), from);
const view = (s: BundleEditorState) => composeBundle(s.bundle, definitions, 'bundles/relocation.json');
const fact = (a: string, b: string): BundleCommand => ({ name: 'add-fact', args: { fields: [{ member: 'residencePermit', field: a }, { member: 'insuranceTransfer', field: b }] } });
const mobile = fact('/applicant/mobile', '/applicant/mobile');
const reason = fact('/residence/reason', '/reason');
const undoAll = (s: BundleEditorState) => s.done.reduce((x) => undoBundle(x), s);

describe('the relocation bundle as it is', () => {
  it('composes without problems, saving one submission and 1.14 working days', () => {
    const v = view(initialBundleState(relocation()));
    expect(v.problems).toEqual([]);
    expect(v.saving?.saved).toEqual({ fieldsTyped: 0, materials: 0, visits: 0, promisedDays: 1.14, submissions: 1 });
    expect(v.members?.map((m) => m.value.id)).toEqual(['330000-GA-0101', '330000-YB-0101']);
  });
});

describe('facts', () => {
  it('a fact both members ask alike is asked once: one field fewer typed; the second member no longer asks it', () => {
    const s = run([mobile]);
    expect(s.bundle.facts).toEqual([{ id: 'mobile', fields: [{ member: 'residencePermit', field: '/applicant/mobile' }, { member: 'insuranceTransfer', field: '/applicant/mobile' }] }]);
    expect(Object.keys(s.bundle).indexOf('facts')).toBe(Object.keys(s.bundle).indexOf('members') + 1); // where a bundle file has it
    expect(s.selection).toBe('/facts/0');
    const v = view(s);
    expect(v.problems).toEqual([]);
    expect(v.saving?.together.fieldsTyped).toBe(6);
    expect(v.saving?.saved.fieldsTyped).toBe(1);
    const schema = v.composition!.definition!.form.schema as { properties: Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }> };
    // the transfer's applicant had only fields the permit asks too: the whole box is gone
    expect(schema.properties.insuranceTransfer!.properties.applicant).toBeUndefined();
    expect(schema.properties.residencePermit!.properties.applicant!.properties).toHaveProperty('mobile');
    expect(v.composition!.merged.get('insuranceTransfer/applicant/mobile')).toBe('/residencePermit/applicant/mobile');
  });

  it('a fact whose fields differ is a conflict naming both fields, pointed at the fact; both stay asked', () => {
    const v = view(run([mobile, reason]));
    expect(v.problems).toHaveLength(1);
    const [p] = v.problems;
    expect(p!.code).toBe('bundle.fact-conflict');
    expect(p!.at).toBe('/facts/1');
    expect(p!.params).toMatchObject({ member: 'insuranceTransfer', field: '/reason', otherMember: 'residencePermit', otherField: '/residence/reason' });
    expect(p!.source?.pointer).toBe('/form/schema/properties/reason');
    expect(v.saving?.saved.fieldsTyped).toBe(1); // only the mobile number is saved
  });

  it('a field that is not in its member is reported where the bundle lists it', () => {
    const v = view(run([fact('/applicant/fax', '/applicant/mobile')]));
    expect(v.problems.map((p) => [p.code, p.at])).toEqual([['bundle.fact-field-missing', '/facts/0/fields/0']]);
  });

  it('ids are made from the first field and kept unique; the same fact twice, one member twice or one field are refused', () => {
    const s = run([mobile, fact('/applicant/name', '/applicant/mobile')]);
    expect(s.bundle.facts!.map((f) => f.id)).toEqual(['mobile', 'name']);
    expect(run([fact('/applicant/mobile', '/transferIn/regionCode')], s).bundle.facts!.map((f) => f.id)).toEqual(['mobile', 'name', 'mobile2']);
    expect(() => run([mobile], s)).toThrow(BundleCommandError);
    expect(() => run([{ name: 'add-fact', args: { fields: [{ member: 'residencePermit', field: '/a' }, { member: 'residencePermit', field: '/b' }] } }])).toThrow(/another member/);
    expect(() => run([{ name: 'add-fact', args: { fields: [{ member: 'residencePermit', field: '/a' }] } }])).toThrow(/two members/);
    expect(() => run([{ name: 'add-fact', args: { fields: [{ member: 'nobody', field: '/a' }, { member: 'residencePermit', field: '/a' }] } }])).toThrow(/no member/);
    expect(factIdOf('/x/1st')).toBe('fact1st');
  });

  it('removing the last fact removes the list; removing one of several keeps the others', () => {
    const two = run([mobile, reason]);
    expect(run([{ name: 'remove-fact', args: { index: 0 } }], two).bundle.facts!.map((f) => f.id)).toEqual(['reason']);
    expect('facts' in run([{ name: 'remove-fact', args: { index: 0 } }], run([mobile])).bundle).toBe(false);
  });
});

describe('undo and redo', () => {
  it('undo gives back the bundle identical (key order included) and the composition as it was; redo the edit again', () => {
    const s = run([mobile, reason, { name: 'set-submission', args: { submission: 'separate' } }, { name: 'set-promised-days', args: { days: 10 } }]);
    expect(view(s).saving?.together.submissions).toBe(2);
    const back = undoAll(s);
    expect(bundleFileText(back.bundle)).toBe(bundleFileText(relocation()));
    expect(back.undone).toHaveLength(4);
    const twice = undoBundle(undoBundle(s));
    expect(view(twice).saving?.together.submissions).toBe(1);
    expect(view(twice).problems).toHaveLength(1);
    expect(view(undoBundle(twice)).problems).toEqual([]); // the conflict goes with its fact
    const again = redoBundle(redoBundle(redoBundle(redoBundle(back))));
    expect(again.bundle).toEqual(s.bundle);
    expect(again.revision).toBe(s.revision + 8);
  });

  it('a new edit clears what was undone; an edit that changes nothing is not recorded', () => {
    const s = undoBundle(run([mobile]));
    expect(s.undone).toHaveLength(1);
    const edited = executeBundle(s, { name: 'set-visits', args: { visits: 1 } });
    expect(edited.undone).toEqual([]);
    expect(executeBundle(edited, { name: 'set-visits', args: { visits: 1 } })).toBe(edited);
  });

  it('typing into one text within a second is one step of the history', () => {
    const s0 = initialBundleState(relocation());
    const typed = ['异', '异地', '异地迁居'].reduce((s, value, i) => executeBundle(s, { name: 'set-bundle-value', args: { pointer: '/title/zh', value } }, 1000 + i * 200), s0);
    expect(typed.done).toHaveLength(1);
    expect(typed.bundle.title.zh).toBe('异地迁居');
    expect(undoBundle(typed).bundle.title.zh).toBe(relocation().title.zh);
  });
});

describe('members', () => {
  const newborn = { name: 'add-member', args: { key: 'birthRegistration', matter: { id: '330000-GA-0102' }, department: 'police' } } as const satisfies BundleCommand;

  it('adding one composes it in (its definition resolved as the catalogue has it); its key and department are checked', () => {
    const s = run([newborn]);
    expect(s.bundle.members.map((m) => m.key)).toEqual(['residencePermit', 'insuranceTransfer', 'birthRegistration']);
    expect(s.selection).toBe('/members/2');
    const v = view(s);
    expect(v.problems).toEqual([]);
    expect(v.saving?.separately.submissions).toBe(3);
    expect(Object.keys((v.composition!.definition!.form.schema as { properties: object }).properties)).toEqual(['residencePermit', 'insuranceTransfer', 'birthRegistration']);
    expect(() => run([{ ...newborn, args: { ...newborn.args, key: 'residencePermit', matter: { id: '330000-WJ-0101' } } }])).toThrow(/taken/);
    expect(() => run([{ ...newborn, args: { ...newborn.args, key: '1st' } }])).toThrow(/not a key/);
    expect(() => run([{ ...newborn, args: { ...newborn.args, department: 'police clerk' } }])).toThrow(/department/);
    expect(() => run([newborn, { ...newborn, args: { ...newborn.args, key: 'again' } }])).toThrow(/member already/);
  });

  it('a matter the catalogue does not have is a problem at the member', () => {
    const v = view(run([{ name: 'add-member', args: { key: 'unknown', matter: { id: '330000-XX-9999' }, department: 'x' } }]));
    expect(v.problems.map((p) => [p.code, p.at])).toEqual([['ref.bundle-matter-missing', '/members/2/matter']]);
    expect(v.composition).toBeUndefined();
  });

  it('moving reorders the form; renaming a key renames it in the facts; removing takes its fields out of the facts', () => {
    const moved = run([mobile, { name: 'move-member', args: { from: 1, to: 0 } }]);
    const v = view(moved);
    expect(Object.keys((v.composition!.definition!.form.schema as { properties: object }).properties)).toEqual(['insuranceTransfer', 'residencePermit']);
    expect(v.composition!.merged.get('residencePermit/applicant/mobile')).toBe('/insuranceTransfer/applicant/mobile'); // the first member keeps it
    const renamed = run([mobile, { name: 'set-member-key', args: { index: 0, key: 'permit' } }]);
    expect(renamed.bundle.facts![0]!.fields.map((f) => f.member)).toEqual(['permit', 'insuranceTransfer']);
    expect(view(renamed).problems).toEqual([]);
    const removed = run([mobile, { name: 'remove-member', args: { index: 1 } }]);
    expect(removed.bundle.members.map((m) => m.key)).toEqual(['residencePermit']);
    expect('facts' in removed.bundle).toBe(false);
    expect(view(removed).problems.map((p) => p.code)).toEqual(['bundle.too-few-members']);
    expect(bundleFileText(undoBundle(removed).bundle)).toBe(bundleFileText(run([mobile]).bundle));
  });

  it('a department is set per member', () => {
    const s = run([{ name: 'set-member-department', args: { index: 1, department: 'hrss' } }]);
    expect(s.bundle.members[1]!.department).toBe('hrss');
    expect(view(s).composition!.definition!.roles.some((r) => r.id.startsWith('hrss-'))).toBe(true);
  });
});

describe('the service', () => {
  it('event type and event come from the national vocabulary; a change of type takes its first event', () => {
    const s = run([{ name: 'set-event', args: { eventType: 'business' } }]);
    expect([s.bundle.eventType, s.bundle.event]).toEqual(['business', 'market-entry']);
    expect(() => run([{ name: 'set-event', args: { eventType: 'life', event: 'exit' } }])).toThrow(/not an event/);
    expect(view(run([{ name: 'set-event', args: { eventType: 'life', event: 'housing' } }])).composition!.definition!.lifeEvents).toEqual(['housing']);
  });

  it('lead department, promised days and visits go into the composed definition; visits need their reason', () => {
    const s = run([
      { name: 'set-bundle-value', args: { pointer: '/leadDepartment/name/zh', value: '居住地公安机关' } },
      { name: 'set-promised-days', args: { days: 3 } },
      { name: 'set-visits', args: { visits: 1 } },
    ]);
    const v = view(s);
    expect(v.composition!.definition!.department.name.zh).toBe('居住地公安机关');
    expect(v.saving?.together).toMatchObject({ promisedDays: 3, visits: 1 });
    expect(v.problems.map((p) => [p.code, p.at])).toEqual([['bundle.visit-reason-missing', '/visitReason']]);
    const reasoned = run([{ name: 'set-bundle-value', args: { pointer: '/visitReason/zh', value: '核验' } }, { name: 'set-bundle-value', args: { pointer: '/visitReason/en', value: 'Checks' } }], s);
    expect(reasoned.bundle.visitReason).toEqual({ zh: '核验', en: 'Checks' });
    expect(view(reasoned).problems).toEqual([]);
    expect(() => run([{ name: 'set-promised-days', args: { days: -1 } }])).toThrow(BundleCommandError);
    expect(() => run([{ name: 'set-visits', args: { visits: 21 } }])).toThrow(BundleCommandError);
    expect(view(run([{ name: 'set-bundle-value', args: { pointer: '/title/en', value: '' } }])).problems.map((p) => p.at)).toEqual(['/title']);
  });

  it('an unknown command is refused; commands are data a test replays', () => {
    expect(() => runBundleCommand(relocation(), { name: 'nope', args: {} } as unknown as BundleCommand)).toThrow(/no such command/);
    expect(JSON.parse(JSON.stringify(run([mobile, reason]).done.map((t) => t.command)))).toEqual([mobile, reason]);
  });
});

describe("a member's fields", () => {
  it('lists leaf fields through properties with their titles', () => {
    const permit = definitions.find((d) => d.value.id === '330000-GA-0101' && d.value.kind === 'baseline')!.value;
    const fields = memberFields(permit);
    expect(fields.find((f) => f.pointer === '/applicant/mobile')?.title).toBe('申请人 › 手机号码');
    expect(fields.some((f) => f.pointer === '/applicant')).toBe(false);
  });
});
