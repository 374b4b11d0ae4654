/**
 * proposeVersion(previous, next): the version a definition is published under. Minimal pairs on a real definition
 * (Hangzhou's residence permit, pinned at 1.1.0): each test edits one thing and reads the bump, the version and its reason.
 * Major is "data submitted under the previous version could fail the new form", not "more burden".
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { applyFixes, diff, proposeVersion, type MatterDefinition, type VersionProposal } from '../engine/index.ts';
import { bumpVersion } from '../engine/versioning/semver.ts';
import { matters, realCatalogue, sharedSchemas } from './support/catalogue.ts';

const ctx = { sharedSchemas };
// Pinned at 1.1.0 whatever the catalogue's version is, so the proposed versions below read as numbers.
const hangzhou: MatterDefinition = { ...realCatalogue.catalogue.definitions.find((d) => d.file.endsWith('residence-permit/hangzhou.json'))!.value, version: '1.1.0' };
const applicant = (d: any) => d.form.schema.properties.applicant;

/** Hangzhou's permit as `previous` (after `setup`, when given) and the same with `edit` applied as `next`. */
function propose(edit: (next: any) => void, setup?: (d: any) => void): VersionProposal {
  const previous: any = structuredClone(hangzhou);
  setup?.(previous);
  const next = structuredClone(previous);
  edit(next);
  return proposeVersion(previous, next, ctx);
}
/** `bump code path` of each reason. */
const reasons = (p: VersionProposal) => p.reasons.map((r) => `${r.bump} ${r.change.code} ${r.change.path}`);

describe('proposeVersion(): none', () => {
  it('proposes no new version for the same definition, nor for one that only changed its version number', () => {
    expect(proposeVersion(hangzhou, structuredClone(hangzhou), ctx)).toEqual({ bump: 'none', version: '1.1.0', reasons: [] });
    expect(propose((d) => (d.version = '7.0.0'))).toEqual({ bump: 'none', version: '1.1.0', reasons: [] });
  });
});

describe('proposeVersion(): major — data submitted under the previous version could fail the new form', () => {
  it('a new required field', () => {
    const p = propose((d) => {
      applicant(d).properties.occupation = { type: 'string', maxLength: 50 };
      applicant(d).required.push('occupation');
    });
    expect(p.bump).toBe('major');
    expect(p.version).toBe('2.0.0');
    expect(reasons(p)).toEqual(['major form.field /form/schema/properties/applicant/properties/occupation']);
    expect(p.reasons[0]!.message).toEqual({
      en: 'major: data submitted under the previous version lacks this new required field — asks for the extra field applicant.occupation',
      zh: '主版本：按旧版本提交的数据缺少这一新增必填字段——增加填写字段 applicant.occupation',
    });
  });

  it('an optional field made required', () => {
    expect(reasons(propose((d) => applicant(d).required.push('ethnicity')))).toEqual(['major form.required /form/schema/properties/applicant/required']);
  });

  it('a narrower constraint: a lower maximum length', () => {
    expect(reasons(propose((d) => (applicant(d).properties.name.maxLength = 20)))).toEqual(['major form.upper-bound /form/schema/properties/applicant/properties/name/maxLength']);
  });

  it('an enum option removed', () => {
    const p = propose((d) => (applicant(d).properties.gender.enum = ['男']));
    expect(reasons(p)).toEqual(['major form.enum /form/schema/properties/applicant/properties/gender/enum']);
    expect(p.reasons[0]!.message.en).toContain('no longer allows "女"');
  });

  it('a type change, and a new pattern', () => {
    expect(propose((d) => (applicant(d).properties.ethnicity.type = 'integer')).bump).toBe('major');
    expect(propose((d) => (applicant(d).properties.ethnicity.pattern = '^[\\u4e00-\\u9fa5]+$')).bump).toBe('major');
  });

  it('a field dropped from a closed object — less burden, yet earlier data that filled it fails', () => {
    const p = propose((d) => {
      delete applicant(d).properties.ethnicity;
    });
    expect(applicant(hangzhou).additionalProperties).toBe(false);
    expect(p.reasons.map((r) => [r.bump, r.change.code, r.change.burden])).toEqual([['major', 'form.field', 'less']]);
  });

  it('array items given a schema where any item was accepted, which the diff does not report', () => {
    const p = propose(
      (d) => (applicant(d).properties.aliases.items = { type: 'string', maxLength: 20 }),
      (d) => (applicant(d).properties.aliases = { type: 'array' }),
    );
    expect(p.bump).toBe('major');
    expect(reasons(p)).toEqual(['major version.form-shape /form/schema/properties/applicant/properties/aliases/items']);
    expect(p.reasons[0]!.change).toMatchObject({ burden: 'more', message: { en: 'narrows what the items of applicant.aliases may be' } });
  });

  it('puts major reasons first, before minor and patch ones', () => {
    const p = propose((d) => {
      d.title.en = 'Residence permit';
      d.timeLimit.promisedDays = 4;
      applicant(d).properties.name.maxLength = 20;
    });
    expect(p.reasons.map((r) => r.bump)).toEqual(['major', 'minor', 'patch']);
  });
});

describe('proposeVersion(): minor — any other change', () => {
  it('a new optional field: more burden for applicants, but earlier data still passes', () => {
    const p = propose((d) => (applicant(d).properties.occupation = { type: 'string', maxLength: 50 }));
    expect(p.reasons.map((r) => [r.bump, r.change.code, r.change.burden])).toEqual([['minor', 'form.field', 'more']]);
    expect(p.version).toBe('1.2.0');
  });

  it('a looser form: a higher maximum, an extra enum option, a required field made optional', () => {
    expect(propose((d) => (applicant(d).properties.name.maxLength = 80)).bump).toBe('minor');
    expect(propose((d) => applicant(d).properties.gender.enum.push('未说明')).bump).toBe('minor');
    expect(propose((d) => (applicant(d).required = applicant(d).required.filter((n: string) => n !== 'mobile'))).bump).toBe('minor');
  });

  it('a field dropped from an open object', () => {
    const open = (d: any) => delete applicant(d).additionalProperties;
    expect(reasons(propose((d) => delete applicant(d).properties.ethnicity, open))).toEqual(['minor form.field /form/schema/properties/applicant/properties/ethnicity']);
  });

  it('materials, fees, process steps, time limits and channels', () => {
    const material = { id: 'photo', name: { zh: '免冠照片', en: 'Photo' }, necessity: 'required', source: 'applicant', format: ['electronic'], copies: { originals: 1, photocopies: 0 } };
    expect(reasons(propose((d) => d.materials.push(material)))).toEqual([`minor materials.material /materials/${hangzhou.materials.length}`]);
    expect(reasons(propose((d) => d.fees.push({ id: 'fee', name: { zh: '工本费', en: 'Fee' }, amount: 20 })))).toEqual(['minor service.fee /fees/0']);
    expect(reasons(propose((d) => (d.timeLimit.promisedDays = 3)))).toEqual(['minor service.promised-days /timeLimit/promisedDays']);
    expect(reasons(propose((d) => (d.channels = d.channels.filter((c: string) => c !== 'mobile'))))).toEqual(['minor service.channel /channels/1']);
    const withCheck = propose((d) => {
      d.process.states.check = { meta: { role: 'clerk', step: { zh: '核查', en: 'Check' } }, on: { DONE: 'approved' } };
      d.process.states.submitted.on.ACCEPT = 'check';
    });
    expect(withCheck.bump).toBe('minor');
    expect(reasons(withCheck)).toContain('minor process.step /process/states/check');
  });

  it('form behaviour that is not wording: a default, a field order', () => {
    expect(reasons(propose((d) => (applicant(d).properties.ethnicity.default = '汉族')))).toEqual(['minor form.annotation /form/schema/properties/applicant/properties/ethnicity/default']);
    const ui = (order: string[]) => (d: any) => (d.form.uiSchema = { 'ui:order': order });
    expect(propose(ui(['residence', 'applicant', '*']), ui(['applicant', '*'])).bump).toBe('minor');
  });

  it('a change the diff does not classify: a guard on a transition', () => {
    const p = propose((d) => (d.process.states.submitted.on.ACCEPT.guard = 'materialsComplete'));
    expect(reasons(p)).toEqual(['minor version.unclassified /process/states/submitted/on/ACCEPT/guard']);
    expect(p.reasons[0]!.change).toMatchObject({ kind: 'added', burden: 'neutral', weight: 0, fix: [{ op: 'remove', path: '/process/states/submitted/on/ACCEPT/guard' }] });
  });
});

describe('proposeVersion(): patch — wording only', () => {
  it('a field’s title or description, the matter’s title or summary', () => {
    const p = propose((d) => (applicant(d).properties.name.title = '姓名（与身份证一致）'));
    expect(reasons(p)).toEqual(['patch form.annotation /form/schema/properties/applicant/properties/name/title']);
    expect(p.version).toBe('1.1.1');
    expect(propose((d) => (applicant(d).properties.name.description = 'Full name')).bump).toBe('patch');
    expect(reasons(propose((d) => (d.summary = { zh: '办理居住证', en: 'Apply for a permit' })))).toEqual(['patch service.description /summary']);
  });

  it('a material or step renamed, which the diff does not report', () => {
    expect(reasons(propose((d) => (d.materials[0].name.en = 'Identity card (both sides)')))).toEqual(['patch version.wording /materials/0/name/en']);
    const review = Object.keys(hangzhou.process.states).find((s) => hangzhou.process.states[s]!.meta?.step)!;
    expect(propose((d) => (d.process.states[review].meta.step.zh = '审核（复核）')).bump).toBe('patch');
  });

  it('a help text in the uiSchema, and a department renamed under the same code', () => {
    const help = (text: string) => (d: any) => (d.form.uiSchema = { applicant: { name: { 'ui:help': text } } });
    expect(propose(help('与身份证一致'), help('按身份证填写')).bump).toBe('patch');
    const department = (zh: string) => (d: any) => (d.department = { code: '11330100002489112X', name: { zh, en: 'Public Security Bureau' } });
    expect(propose(department('杭州市公安局（新）'), department('杭州市公安局')).bump).toBe('patch');
  });
});

describe('proposeVersion(): the next version number', () => {
  it('bumps major.minor.patch from the previous version, releasing a pre-release the bump anticipates', () => {
    expect(['major', 'minor', 'patch', 'none'].map((b) => bumpVersion('1.2.3', b as never))).toEqual(['2.0.0', '1.3.0', '1.2.4', '1.2.3']);
    expect(['major', 'minor', 'patch'].map((b) => bumpVersion('2.0.0-rc.1', b as never))).toEqual(['2.0.0', '2.0.0', '2.0.0']);
    expect(['major', 'minor', 'patch'].map((b) => bumpVersion('1.3.0-rc.1', b as never))).toEqual(['2.0.0', '1.3.0', '1.3.0']);
    expect(['major', 'minor', 'patch'].map((b) => bumpVersion('1.2.4-rc.1', b as never))).toEqual(['2.0.0', '1.3.0', '1.2.4']);
    expect(() => bumpVersion('1.2', 'patch')).toThrow(RangeError);
  });

  it('refuses two different definitions (another matter or another region)', () => {
    const { baseline, variants } = matters().find((m) => m.id === hangzhou.id)!;
    expect(() => proposeVersion(baseline, hangzhou, ctx)).toThrow(/different definitions/);
    const other = matters().find((m) => m.id !== hangzhou.id && m.variants.length > 0)!;
    expect(() => proposeVersion(variants[0]!, other.variants[0]!, ctx)).toThrow(RangeError);
  });

  it('proposes a version for each step of every real level-up plan: a bump, never none, and never a throw', () => {
    let proposals = 0;
    for (const { baseline, variants } of matters()) {
      for (const v of variants) {
        for (const change of diff(v, baseline, ctx)) {
          const next: MatterDefinition = applyFixes(v, change.fix);
          const p = proposeVersion(v, next, ctx);
          expect(p.bump, `${v.region.name.en} ${change.code} ${change.path}`).not.toBe('none');
          expect(p.version).toBe(bumpVersion(v.version, p.bump));
          proposals++;
        }
      }
    }
    expect(proposals).toBeGreaterThan(400);
  });
});
