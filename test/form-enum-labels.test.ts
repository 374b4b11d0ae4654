// @vitest-environment jsdom
/**
 * Enum options carry bilingual labels: the definition's uiSchema labels each value with rjsf's `ui:enumNames` as
 * `{ zh, en }`, so the English form shows no Chinese option and the schema's `enum` (what ajv, the diff, the review
 * and the designer read) stays exactly as it was. The labels are wording: they move no score and bump a patch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { burdenMetrics, diff, proposeVersion, type MatterDefinition } from '../engine/index.ts';
import { optionsOf } from '../designer/model/options.ts';
import { answerText } from '../runtime/form/answer-text.ts';
import { prepareForm } from '../runtime/form/prepare.ts';
import { buildUiSchema, localizeOptionLabels } from '../runtime/form/ui-schema.ts';
import { byId, optionTexts, renderForm, residencePermit, sharedSchemas, unmountForm } from './support/matter-form-render.ts';

afterEach(unmountForm);

const names = ['baseline', 'hangzhou', 'ningbo', 'wenzhou', 'pujiang'] as const;
const enumFields = ['/applicant/gender', '/residence/reason', '/residence/housingType', '/delivery/method'] as const;
const cjk = /[\u3400-\u9fff]/;
const schemaAt = (d: MatterDefinition, pointer: string) => pointer.split('/').slice(1).reduce((n: any, k) => n.properties[k], d.form.schema as any);
const unlabelled = (d: MatterDefinition): MatterDefinition => {
  const { uiSchema: _labels, ...form } = d.form;
  return { ...d, form } as MatterDefinition;
};

describe('the residence permit’s option labels', () => {
  it.each(names)('%s: every enum value has a Chinese and an English label', (name) => {
    const d = residencePermit(name);
    for (const pointer of enumFields) {
      const values = schemaAt(d, pointer).enum as string[];
      const labels = pointer.split('/').slice(1).reduce((n: any, k) => n?.[k], d.form.uiSchema)?.['ui:enumNames'];
      for (const value of values) {
        expect(labels?.[value]?.zh, `${name} ${pointer} ${value}`).toMatch(cjk);
        expect(labels?.[value]?.en, `${name} ${pointer} ${value}`).toMatch(/^[A-Z][^\u3400-\u9fff]*$/);
      }
    }
  });

  it('gives rjsf plain strings in the form’s language (keyed by value, or listed in enum order)', () => {
    const { schema } = prepareForm(residencePermit('ningbo'), sharedSchemas);
    const authored = residencePermit('ningbo').form.uiSchema!;
    const en = buildUiSchema(schema, { locale: 'en', authored }) as any;
    expect(en.applicant.gender['ui:enumNames']).toEqual({ 男: 'Male', 女: 'Female' });
    expect(en.delivery.method['ui:enumNames']['邮寄送达']).toBe('By post');
    const zh = buildUiSchema(schema, { locale: 'zh', authored }) as any;
    expect(zh.applicant.gender['ui:enumNames']).toEqual({ 男: '男', 女: '女' });
    expect(localizeOptionLabels({ a: { 'ui:enumNames': [{ zh: '是', en: 'Yes' }, 'plain', { zh: '仅中文' }] } }, 'en', 0)).toEqual({ a: { 'ui:enumNames': ['Yes', 'plain', '仅中文'] } });
  });
});

describe('the form shows the options in its language', () => {
  const data = { applicant: { gender: '女' }, residence: { reason: '就业', housingType: '租赁住房' }, delivery: { method: '邮寄送达' } };
  const optionsOfField = (container: HTMLElement, id: string): string[] => {
    const select = container.querySelector<HTMLSelectElement>(`select#${id}`);
    if (select) return optionTexts(select).filter((t) => t !== '' && t !== 'Select' && t !== '请选择');
    return [...container.querySelectorAll<HTMLInputElement>(`input[id^="${id}-"]`)].map((r) => r.closest('label')?.textContent ?? '');
  };
  const ids = ['root_applicant_gender', 'root_residence_reason', 'root_residence_housingType', 'root_delivery_method'];

  it('in English: no Chinese option label, on selects and radios alike', async () => {
    const { container } = await renderForm({ definition: residencePermit('ningbo'), locale: 'en', formData: data });
    expect(optionsOfField(container, 'root_applicant_gender')).toEqual(['Male', 'Female']);
    expect(optionsOfField(container, 'root_delivery_method')).toEqual(['Electronic licence', 'By post', 'Collect at the service counter']);
    for (const id of ids) {
      const texts = optionsOfField(container, id);
      expect(texts.length, id).toBeGreaterThan(1);
      for (const text of texts) expect(text, id).not.toMatch(cjk);
    }
    byId(container, 'root_residence_reason'); // the field is there
  });

  it('in Chinese: the Chinese labels, and the stored values stay the enum’s', async () => {
    const { container, changes } = await renderForm({ definition: residencePermit('pujiang'), formData: data });
    expect(optionsOfField(container, 'root_residence_housingType')).toEqual(['自有住房', '租赁住房', '单位宿舍']); // Pujiang's narrower list
    expect(optionsOfField(container, 'root_delivery_method')).toEqual(['窗口领取']);
    expect(changes.every((c: any) => c?.applicant?.gender === undefined || c.applicant.gender === '女')).toBe(true);
  });
});

describe('answers in words, for the pages that list them', () => {
  it('names an option and a region in the reader’s language, and leaves other answers as they are', () => {
    const d = residencePermit('ningbo');
    expect(answerText(d, '/applicant/gender', '女', 'en', sharedSchemas)).toBe('Female');
    expect(answerText(d, '/delivery/method', '邮寄送达', 'en', sharedSchemas)).toBe('By post');
    expect(answerText(d, '/delivery/method', '邮寄送达', 'zh', sharedSchemas)).toBe('邮寄送达');
    expect(answerText(d, '/residence/regionCode', '330203', 'en', sharedSchemas)).toBe('Haishu, Ningbo, Zhejiang');
    expect(answerText(d, '/delivery/postalAddress/regionCode', '330203', 'zh', sharedSchemas)).toBe('浙江省宁波市海曙区');
    expect(answerText(d, '/residence/regionCode', '110105', 'en', sharedSchemas)).toBe('110105');
    expect(answerText(d, '/applicant/mobile', '13800138000', 'en', sharedSchemas)).toBe('13800138000');
  });
});

describe('labels are wording: the engine reads the enum as before', () => {
  const context = { sharedSchemas: new Map(sharedSchemas.map((s) => [(s as { $id: string }).$id, s as unknown])) };
  const baseline = residencePermit('baseline');

  it.each(names.filter((n) => n !== 'baseline'))('%s: the diff against the baseline is the same with or without the labels', (name) => {
    const variant = residencePermit(name);
    expect(diff(variant, baseline, context)).toEqual(diff(unlabelled(variant), unlabelled(baseline), context));
    expect(diff(variant, baseline, context).some((c) => c.code === 'form.ui')).toBe(false); // the same labels everywhere
  });

  it.each(names)('%s: the burden metrics ignore the labels, and adding them changes only the layout (no constraint)', (name) => {
    const d = residencePermit(name);
    expect(burdenMetrics(d)).toEqual(burdenMetrics(unlabelled(d)));
    // versioning counts a uiSchema that appears as a layout change (a minor bump), never as a stricter form
    const proposal = proposeVersion(unlabelled(d), d, context);
    expect(proposal.reasons.map((r) => r.change.code)).toEqual(['form.ui']);
    expect(proposal.reasons[0]!.change.weight).toBe(0);
  });

  it('the designer still edits the options as the plain enum they are', () => {
    for (const pointer of enumFields) expect(optionsOf(schemaAt(baseline, pointer))?.keyword, pointer).toBe('enum');
  });
});
