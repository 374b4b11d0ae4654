// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { MatterForm, type MatterFormProps } from '../runtime/form/MatterForm.tsx';
import { withLocked } from '../runtime/form/data.ts';
import { fieldId, localizeValidationErrors, toErrorSchema } from '../runtime/form/errors.ts';
import { prepareForm } from '../runtime/form/prepare.ts';
import { inlineSharedRefs, withoutDescriptions } from '../runtime/form/render-schema.ts';
import { buildUiSchema, fieldLabel, localizedText, mergeUiSchema, uiPath } from '../runtime/form/ui-schema.ts';
import * as uiSchemaModule from '../runtime/form/ui-schema.ts';
import { sharedDataWaivers } from '../runtime/form/waived.ts';

// count uiSchema builds (the real builder runs) to check MatterForm's memoization
vi.mock('../runtime/form/ui-schema.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../runtime/form/ui-schema.ts')>();
  return { ...actual, buildUiSchema: vi.fn(actual.buildUiSchema) };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not accept
const definitionsDir = join(dirname(fileURLToPath(import.meta.url)), '../definitions');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const residence = readJson(join(definitionsDir, 'matters/residence-permit/baseline.json')) as MatterDefinition;
const schemasDir = join(definitionsDir, 'schemas');
const sharedSchemas = readdirSync(schemasDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readJson(join(schemasDir, f)) as object);

const verified = {
  '/applicant/name': '张三',
  '/applicant/idNumber': '33010619900101123X',
  '/applicant/gender': '男',
  '/applicant/birthDate': '1990-01-01',
};
const validData = {
  applicant: {
    name: '张三',
    idNumber: '33010619900101123X',
    gender: '男',
    birthDate: '1990-01-01',
    householdAddress: '浙江省杭州市西湖区文三路1号',
    mobile: '13800138000',
  },
  residence: { regionCode: '330106', address: '杭州市西湖区文三路100号', registrationDate: '2024-01-01', reason: '就业', housingType: '租赁住房' },
  delivery: { method: '电子证照' },
};

let mounted: { root: Root; container: HTMLElement } | undefined;

async function render(overrides: Partial<MatterFormProps> = {}) {
  const props: MatterFormProps = { definition: residence, locale: 'zh', formData: {}, locked: {}, waived: [], sharedSchemas, ...overrides };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<MatterForm {...props} />));
  mounted = { root, container };
  return {
    container,
    rerender: (next: Partial<MatterFormProps>) => act(async () => root.render(<MatterForm {...props} {...next} />)),
  };
}

afterEach(() => {
  if (mounted) {
    const { root, container } = mounted;
    act(() => root.unmount());
    container.remove();
    mounted = undefined;
  }
});

const byId = <T extends HTMLElement = HTMLElement>(container: HTMLElement, id: string): T => {
  const el = container.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`no element #${id}`);
  return el;
};
const labelOf = (container: HTMLElement, id: string) => container.querySelector(`label[for="${id}"]`)?.textContent ?? '';

async function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const click = (el: HTMLElement) => act(async () => el.click());
const buttonNamed = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name);

describe('MatterForm: labels per locale', () => {
  it('shows Chinese titles, and not the English descriptions, in zh', async () => {
    const { container } = await render({ locale: 'zh' });
    expect(labelOf(container, 'root_applicant_name')).toContain('姓名');
    expect(labelOf(container, 'root_applicant_mobile')).toContain('手机号码');
    expect(container.querySelector('legend#root_applicant__title, #root_applicant__title')?.textContent).toContain('申请人');
    expect(container.textContent).not.toContain('Citizen identity number');
    expect(container.querySelector('.onematter-form')?.getAttribute('lang')).toBe('zh-CN');
    expect(buttonNamed(container, '提交申请')).toBeDefined();
  });

  it('shows the English labels in en, including inside inlined shared schemas', async () => {
    // the postal address shows only when the permit is mailed (the form's if/then)
    const { container } = await render({ locale: 'en', formData: { delivery: { method: '邮寄送达' } } });
    expect(labelOf(container, 'root_applicant_name')).toContain('Name');
    expect(labelOf(container, 'root_applicant_idNumber')).toContain('Citizen identity number');
    expect(labelOf(container, 'root_applicant_name')).not.toContain('姓名');
    expect(container.querySelector('#root_applicant__title')?.textContent).toContain('Applicant');
    expect(labelOf(container, 'root_delivery_postalAddress_detail')).toContain('Street, building and room');
    expect(container.textContent).not.toContain('公民身份号码');
    expect(buttonNamed(container, 'Submit application')).toBeDefined();
  });
});

describe('MatterForm: verified data', () => {
  it('renders locked fields read-only with a verified marker, and their verified values win over the draft', async () => {
    const { container } = await render({ formData: { applicant: { name: '李四', mobile: '139' } }, locked: verified });
    const name = byId<HTMLInputElement>(container, 'root_applicant_name');
    expect(name.readOnly).toBe(true);
    expect(name.value).toBe('张三');
    expect(labelOf(container, 'root_applicant_name')).toContain('已核验');
    expect(byId<HTMLSelectElement>(container, 'root_applicant_gender').disabled).toBe(true); // rjsf: a read-only select
    const mobile = byId<HTMLInputElement>(container, 'root_applicant_mobile');
    expect(mobile.readOnly).toBe(false);
    expect(mobile.value).toBe('139');
    expect(labelOf(container, 'root_applicant_mobile')).not.toContain('已核验');
    expect(container.querySelectorAll('.onematter-verified')).toHaveLength(4);
  });

  it('marks verified fields in English too', async () => {
    const { container } = await render({ locale: 'en', locked: verified });
    expect(labelOf(container, 'root_applicant_idNumber')).toContain('Verified');
  });

  it('leaves a prefill field editable when no verified value came from shared data', async () => {
    const { container } = await render({ locked: { '/applicant/name': '张三' } });
    expect(byId<HTMLInputElement>(container, 'root_applicant_idNumber').readOnly).toBe(false);
  });
});

describe('MatterForm: waived materials', () => {
  it('lists the materials the applicant need not bring, with the reasons, in a live region', async () => {
    const waived = sharedDataWaivers(residence, ['identity', 'idPhoto', 'residenceRegistration']);
    const { container } = await render({ waived });
    const notice = container.querySelector('.onematter-waived')!;
    expect(notice.getAttribute('aria-live')).toBe('polite');
    const items = [...notice.querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-material'))).toEqual(['identityCard', 'photo', 'residenceProof']);
    expect(items[0]!.textContent).toBe('您无需提交“居民身份证”：通过公安人口信息共享核验身份，免于提交证件及复印件');
    expect(notice.textContent).toContain('居住登记信息由公安机关共享');
    expect(notice.textContent).not.toContain('合法稳定就业证明');
  });

  it('words the notice in English', async () => {
    const { container } = await render({ locale: 'en', waived: sharedDataWaivers(residence, ['identity']) });
    expect(container.querySelector('.onematter-waived li')?.textContent).toBe(
      'You need not bring: Resident identity card — Identity is verified through the shared population data; no card or copy is needed',
    );
  });

  it('renders an empty live region when nothing is waived', async () => {
    const { container } = await render();
    expect(container.querySelector('.onematter-waived')?.children).toHaveLength(0);
  });
});

describe('MatterForm: runtime errors', () => {
  it("shows an error for '/applicant/mobile' on that field, described by it, and in the summary", async () => {
    const { container } = await render({ errors: [{ pointer: '/applicant/mobile', message: '手机号码格式不正确' }] });
    const error = byId(container, 'root_applicant_mobile__error');
    expect(error.textContent).toBe('手机号码格式不正确');
    expect(byId(container, 'root_applicant_mobile').getAttribute('aria-describedby')).toContain('root_applicant_mobile__error');
    expect(container.querySelector('#root_applicant_name__error')).toBeNull();
    expect(byId(container, 'root_applicant_mobile').getAttribute('aria-invalid')).toBe('true');
    expect(byId(container, 'root_applicant_name').getAttribute('aria-invalid')).toBeNull();
    const summary = container.querySelector('.onematter-error-summary')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(summary);
    const link = summary.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#root_applicant_mobile');
    // the message names its field already, so the summary does not repeat the label
    expect(link.textContent).toBe('手机号码格式不正确');
  });

  it("says how to fix a runtime error that names its keyword, from the field's constraint and label", async () => {
    const { container } = await render({ errors: [{ pointer: '/applicant/mobile', message: 'must match pattern "^1[3-9][0-9]{9}$"', keyword: 'pattern' }] });
    expect(byId(container, 'root_applicant_mobile__error').textContent).toBe('请输入手机号码（以 1 开头的 11 位数字）');
  });

  it('replaces the errors when the runtime sends new ones', async () => {
    const { container, rerender } = await render({ errors: [{ pointer: '/applicant/mobile', message: 'bad' }] });
    await rerender({ errors: [{ pointer: '/residence/address', message: 'too short' }] });
    expect(container.querySelector('#root_applicant_mobile__error')).toBeNull();
    expect(byId(container, 'root_residence_address__error').textContent).toBe('too short');
  });
});

describe('MatterForm: submit and save draft', () => {
  it('hands the data to onSubmit', async () => {
    const onSubmit = vi.fn();
    const { container } = await render({ formData: validData, locked: verified, onSubmit });
    await click(buttonNamed(container, '提交申请')!);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject(validData);
  });

  it("does not submit while rjsf's own checks fail, and shows them on the field in the locale", async () => {
    const onSubmit = vi.fn();
    const data = { ...validData, applicant: { ...validData.applicant, mobile: '12345' } };
    const { container } = await render({ formData: data, onSubmit });
    await click(buttonNamed(container, '提交申请')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(byId(container, 'root_applicant_mobile__error').textContent).toBe('请输入手机号码（以 1 开头的 11 位数字）');
    // GOV.UK's error summary takes the focus; its link leads to the field
    const summary = container.querySelector<HTMLElement>('.onematter-error-summary')!;
    expect(document.activeElement).toBe(summary);
    const link = summary.querySelector<HTMLAnchorElement>('a[href="#root_applicant_mobile"]')!;
    expect(link.textContent).toBe('请输入手机号码（以 1 开头的 11 位数字）');
    await click(link);
    expect(document.activeElement?.id).toBe('root_applicant_mobile');
    expect(byId(container, 'root_applicant_mobile').getAttribute('aria-invalid')).toBe('true');
  });

  it('works as a controlled component: typed data round-trips through the embedder', async () => {
    const seen: unknown[] = [];
    function Embedder() {
      const [data, setData] = useState<unknown>({});
      return <MatterForm definition={residence} locale="zh" formData={data} locked={verified} waived={[]} sharedSchemas={sharedSchemas} onChange={(d) => (seen.push(d), setData(d))} />;
    }
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    mounted = { root, container };
    await act(async () => root.render(<Embedder />));
    await typeInto(byId<HTMLInputElement>(container, 'root_applicant_mobile'), '138');
    await typeInto(byId<HTMLInputElement>(container, 'root_applicant_mobile'), '1380');
    expect(byId<HTMLInputElement>(container, 'root_applicant_mobile').value).toBe('1380');
    expect(byId<HTMLInputElement>(container, 'root_applicant_name').value).toBe('张三');
    expect(seen.at(-1)).toMatchObject({ applicant: { name: '张三', mobile: '1380' } });
    expect(seen.length).toBeLessThan(10); // no change loop
  });

  it('hands the current data, typed changes and verified values included, to onSaveDraft and onChange', async () => {
    const onSaveDraft = vi.fn();
    const onChange = vi.fn();
    const { container } = await render({ formData: { applicant: { name: '李四' } }, locked: verified, onSaveDraft, onChange });
    await typeInto(byId<HTMLInputElement>(container, 'root_applicant_mobile'), '13800138000');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ applicant: expect.objectContaining({ mobile: '13800138000' }) }));
    await click(buttonNamed(container, '保存草稿')!);
    expect(onSaveDraft).toHaveBeenCalledTimes(1);
    const draft = onSaveDraft.mock.calls[0]![0] as typeof validData;
    expect(draft.applicant.mobile).toBe('13800138000');
    expect(draft.applicant.name).toBe('张三');
    expect(draft.applicant.idNumber).toBe('33010619900101123X');
  });

  it('offers no save-draft button without onSaveDraft', async () => {
    const { container } = await render();
    expect(buttonNamed(container, '保存草稿')).toBeUndefined();
  });
});

describe('MatterForm: memoization', () => {
  it('does not rebuild the uiSchema when props keep their content, only when the locale or locked set changes', async () => {
    const build = vi.mocked(uiSchemaModule.buildUiSchema);
    build.mockClear();
    const { rerender } = await render({ locked: { ...verified } });
    const first = build.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    await rerender({ locked: { ...verified }, errors: [], formData: { applicant: { mobile: '1' } } });
    await rerender({ locked: { ...verified }, errors: [], formData: { applicant: { mobile: '13' } } });
    expect(build.mock.calls.length).toBe(first);
    await rerender({ locale: 'en', locked: { ...verified } });
    expect(build.mock.calls.length).toBe(first + 1);
    await rerender({ locale: 'en', locked: { '/applicant/name': '张三' } });
    expect(build.mock.calls.length).toBe(first + 2);
  });

  it('prepares each definition version once', () => {
    expect(prepareForm(residence, sharedSchemas)).toBe(prepareForm(residence, sharedSchemas));
  });

  it('still renders without the shared schemas (their references dropped)', async () => {
    const { container } = await render({ definition: structuredClone(residence), sharedSchemas: undefined });
    expect(byId<HTMLInputElement>(container, 'root_applicant_idNumber').type).toBe('text');
    expect(container.querySelector('#root_delivery_postalAddress_detail')).toBeNull();
  });
});

describe('MatterForm: fields reached through an $anchor', () => {
  // rjsf follows only JSON-Pointer refs: the form's `#name` refs are spelled as the pointers they name
  const anchored = (): MatterDefinition => {
    const d = structuredClone(residence) as MatterDefinition & { form: { schema: Record<string, any> } };
    d.form.schema.$defs = {
      contact: { $anchor: 'contactPhone', type: 'string', title: '联系电话', description: 'Contact phone', pattern: '^1[3-9][0-9]{9}$' },
      channel: { $dynamicAnchor: 'channel', type: 'string', title: '联系方式', description: 'Channel', enum: ['电话', '短信'] },
    };
    d.form.schema.properties.contactPhone = { $ref: '#contactPhone' };
    d.form.schema.properties.channel = { $ref: '#channel' };
    return d;
  };

  it('renders the anchored fields with their labels and options, in each locale', async () => {
    const definition = anchored();
    const { container, rerender } = await render({ definition, locale: 'en' });
    expect(byId<HTMLInputElement>(container, 'root_contactPhone').type).toBe('text');
    expect(labelOf(container, 'root_contactPhone')).toContain('Contact phone');
    const options = [...byId<HTMLSelectElement>(container, 'root_channel').options].map((o) => o.text).filter((t) => t !== '');
    expect(options).toEqual(['电话', '短信']);
    await rerender({ locale: 'zh' });
    expect(labelOf(container, 'root_contactPhone')).toContain('联系电话');
    expect(labelOf(container, 'root_channel')).toContain('联系方式');
  });

  it("checks the anchored field's constraint in rjsf's validator", () => {
    const { validator, renderSchema } = prepareForm(anchored(), sharedSchemas);
    expect(validator.validateFormData({ ...validData, contactPhone: '13800138000' }, renderSchema).errors).toEqual([]);
    const errors = validator.validateFormData({ ...validData, contactPhone: '12345' }, renderSchema).errors;
    expect(errors.map((e) => [e.property, e.name])).toEqual([['.contactPhone', 'pattern']]);
  });
});

describe('runtime/form helpers', () => {
  describe('toErrorSchema', () => {
    it('nests pointer errors as rjsf ErrorSchema', () => {
      expect(
        toErrorSchema([
          { pointer: '/applicant/mobile', message: 'a' },
          { pointer: '/applicant/mobile', message: 'b' },
          { pointer: '/applicant/mobile', message: 'a' },
          { pointer: '/applicant/name', message: 'c' },
          { pointer: '/children/1/name', message: 'd' },
          { pointer: '/a~1b/c~0d', message: 'e' },
          { pointer: '', message: 'root' },
          { pointer: 'nonsense', message: 'malformed' },
        ]),
      ).toEqual({
        __errors: ['root', 'malformed'],
        applicant: { mobile: { __errors: ['a', 'b'] }, name: { __errors: ['c'] } },
        children: { 1: { name: { __errors: ['d'] } } },
        'a/b': { 'c~d': { __errors: ['e'] } },
      });
    });

    it('cannot be made to touch Object.prototype', () => {
      const schema = toErrorSchema([{ pointer: '/__proto__/polluted', message: 'x' }]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(schema).toEqual({ __errors: ['x'] });
    });

    it('maps pointers to rjsf field ids', () => {
      expect(fieldId('/applicant/mobile')).toBe('root_applicant_mobile');
      expect(fieldId('')).toBe('root');
    });
  });

  describe('localizedText', () => {
    it('picks the text in the locale from title and description', () => {
      expect(localizedText('姓名', 'Name', 'zh')).toEqual({ title: '姓名' });
      expect(localizedText('姓名', 'Name', 'en')).toEqual({ title: 'Name' });
      expect(localizedText('Name', 'Given and family name', 'en')).toEqual({ title: 'Name', description: 'Given and family name' });
      expect(localizedText('地址', '街道、楼栋和房号', 'zh')).toEqual({ title: '地址', description: '街道、楼栋和房号' });
      expect(localizedText('姓名', undefined, 'en')).toEqual({ title: '姓名' }); // no English: Chinese beats nothing
      expect(localizedText(undefined, undefined, 'zh')).toEqual({});
    });
  });

  describe('buildUiSchema', () => {
    const schema = {
      type: 'object',
      title: '申请表',
      description: 'Application',
      properties: {
        person: {
          type: 'object',
          title: '申请人',
          description: 'Applicant',
          properties: { name: { type: 'string', title: '姓名', description: 'Name' } },
        },
        children: {
          type: 'array',
          title: '子女',
          description: 'Children',
          items: { type: 'object', properties: { name: { type: 'string', title: '子女姓名', description: 'Child name' } } },
        },
        reason: { type: 'string', title: '原因', description: 'Reason' },
      },
      allOf: [{ if: { properties: { reason: { const: 'x' } } }, then: { properties: { detail: { type: 'string', title: '说明', description: 'Details' } } } }],
    };

    it('localizes nested objects, array items and conditional fields', () => {
      expect(buildUiSchema(schema, { locale: 'zh' })).toEqual({
        'ui:title': '申请表',
        person: { 'ui:title': '申请人', name: { 'ui:title': '姓名' } },
        children: { 'ui:title': '子女', items: { name: { 'ui:title': '子女姓名' } } },
        reason: { 'ui:title': '原因' },
        detail: { 'ui:title': '说明' },
      });
      const en = buildUiSchema(schema, { locale: 'en' });
      expect(en).toMatchObject({ 'ui:title': 'Application', person: { name: { 'ui:title': 'Name' } }, detail: { 'ui:title': 'Details' } });
    });

    it("merges the definition's uiSchema, but a verified field stays read-only", () => {
      const ui = buildUiSchema(schema, {
        locale: 'en',
        locked: ['/person/name', '/children/0/name'],
        authored: {
          'ui:order': ['reason', '*'],
          reason: { 'ui:widget': 'radio', 'ui:title': 'Why' },
          person: { name: { 'ui:readonly': false, 'ui:placeholder': 'As on the ID card' } },
        },
      });
      expect(ui['ui:order']).toEqual(['reason', '*']);
      expect(ui.reason).toEqual({ 'ui:title': 'Why', 'ui:widget': 'radio' });
      expect(ui.person).toEqual({
        'ui:title': 'Applicant',
        name: { 'ui:title': 'Name', 'ui:readonly': true, 'ui:placeholder': 'As on the ID card', 'ui:verified': 'Verified' },
      });
      expect(ui.children).toMatchObject({ items: { name: { 'ui:readonly': true, 'ui:verified': 'Verified' } } });
      expect(fieldLabel(schema, ui, '/person/name')).toBe('Name');
    });

    it('maps data pointers to uiSchema paths', () => {
      expect(uiPath(schema, '/person/name')).toEqual(['person', 'name']);
      expect(uiPath(schema, '/children/3/name')).toEqual(['children', 'items', 'name']);
      expect(uiPath(schema, '/detail')).toEqual(['detail']);
      expect(uiPath(schema, '')).toBeUndefined();
    });

    it('follows local $refs and localizes the real catalogue', () => {
      const withRef = { type: 'object', $defs: { n: { type: 'string', title: '姓名', description: 'Name' } }, properties: { a: { $ref: '#/$defs/n' } } };
      expect(buildUiSchema(withRef, { locale: 'en' })).toEqual({ a: { 'ui:title': 'Name' } });
      const ui = buildUiSchema(prepareForm(residence, sharedSchemas).schema, { locale: 'en' });
      expect(ui).toMatchObject({ delivery: { postalAddress: { 'ui:title': 'Postal address (when mailed)', detail: { 'ui:title': 'Street, building and room' } } } });
    });

    it('merges uiSchemas deeply, the second winning', () => {
      expect(mergeUiSchema({ a: { x: 1, y: 2 }, b: [1] }, { a: { y: 3 }, b: [2] })).toEqual({ a: { x: 1, y: 3 }, b: [2] });
    });
  });

  describe('inlineSharedRefs', () => {
    const form = residence.form.schema;
    const props = (node: unknown) => (node as { properties: Record<string, Record<string, unknown>> }).properties;

    it('inlines shared schemas, their own references included; siblings annotate', () => {
      const inlined = inlineSharedRefs(form, sharedSchemas);
      const applicant = props(props(inlined).applicant);
      expect(applicant.idNumber).toEqual({
        type: 'string',
        title: '公民身份号码',
        description: 'Citizen identity number',
        minLength: 18,
        maxLength: 18,
        pattern: '^[0-9]{17}[0-9X]$',
      });
      const postal = props(props(inlined).delivery).postalAddress!;
      expect(postal.title).toBe('邮寄地址');
      expect(props(postal).regionCode).toMatchObject({ type: 'string', pattern: '^[0-9]{6}$', title: '所在地区' });
      expect(JSON.stringify(inlined)).not.toMatch(/"\$ref"|"\$id"|"\$schema"/);
      expect(form).toEqual(residence.form.schema); // not mutated
    });

    it('keeps local references, drops unknown ones, and puts conflicting siblings in allOf', () => {
      const shared = [{ $id: 'https://onematter.dev/schemas/shared/s.json', type: 'string', maxLength: 10, $defs: { d: { type: 'integer' } } }];
      const inlined = inlineSharedRefs(
        {
          properties: {
            local: { $ref: '#/$defs/x' },
            unknown: { $ref: 'https://onematter.dev/schemas/shared/nope.json', type: 'string', title: 't' },
            stricter: { $ref: 'https://onematter.dev/schemas/shared/s.json', maxLength: 5 },
            fragment: { $ref: 'https://onematter.dev/schemas/shared/s.json#/$defs/d' },
          },
        },
        shared,
      );
      expect(props(inlined)).toEqual({
        local: { $ref: '#/$defs/x' },
        unknown: { type: 'string', title: 't' },
        stricter: { type: 'string', maxLength: 10, $defs: { d: { type: 'integer' } }, allOf: [{ maxLength: 5 }] },
        fragment: { type: 'integer' },
      });
    });

    it("spells the form's anchor refs as JSON Pointers, and follows anchors inside shared schemas", () => {
      const shared = [{ $id: 'https://onematter.dev/schemas/shared/s.json', $defs: { code: { $anchor: 'code', type: 'string', maxLength: 6 } } }];
      const inlined = inlineSharedRefs(
        {
          properties: {
            mine: { $ref: '#mine' },
            theirs: { $ref: 'https://onematter.dev/schemas/shared/s.json#code', title: 't' },
            missing: { $ref: '#nowhere' },
          },
          $defs: { 'a b': { $anchor: 'mine', type: 'integer' } },
        },
        shared,
      );
      expect(props(inlined)).toEqual({
        mine: { $ref: '#/$defs/a%20b' },
        theirs: { type: 'string', maxLength: 6, title: 't' },
        missing: { $ref: '#nowhere' },
      });
    });

    it('drops descriptions for rjsf, but not data or properties named description', () => {
      expect(withoutDescriptions({ description: 'x', properties: { description: { type: 'string', description: 'y', enum: [{ description: 'z' }] } } })).toEqual({
        properties: { description: { type: 'string', enum: [{ description: 'z' }] } },
      });
    });
  });

  describe('withLocked', () => {
    it('sets verified values without mutating, and keeps the reference when they are in place', () => {
      const data = { applicant: { name: '李四', mobile: '1' } };
      const out = withLocked(data, { '/applicant/name': '张三', '/residence/address': 'x' });
      expect(out).toEqual({ applicant: { name: '张三', mobile: '1' }, residence: { address: 'x' } });
      expect(data.applicant.name).toBe('李四');
      expect(withLocked(out, { '/applicant/name': '张三' })).toBe(out);
      expect(withLocked(undefined, { '/a/0': 1 })).toEqual({ a: { 0: 1 } });
      expect(withLocked({ a: [1, 2] }, { '/a/1': 3 })).toEqual({ a: [1, 3] });
    });
  });

  describe('rjsf validator (ajv draft 2020-12)', () => {
    it('accepts valid data and rejects a bad mobile on the inlined shared pattern', () => {
      const { validator, renderSchema } = prepareForm(residence, sharedSchemas);
      expect(validator.validateFormData(validData, renderSchema).errors).toEqual([]);
      const bad = { ...validData, applicant: { ...validData.applicant, mobile: '12345', birthDate: 'soon' } };
      const errors = validator.validateFormData(bad, renderSchema).errors;
      expect(errors.map((e) => [e.property, e.name]).sort()).toEqual([
        ['.applicant.birthDate', 'format'],
        ['.applicant.mobile', 'pattern'],
      ]);
      const localized = localizeValidationErrors('zh')(errors);
      expect(localized.map((e) => e.message)).toEqual(['格式不正确', '格式不正确']);
    });
  });

  describe('sharedDataWaivers', () => {
    it('lists the materials waived by shared data, optionally only for the items fetched', () => {
      expect(sharedDataWaivers(residence).map((m) => m.id)).toEqual(['identityCard', 'photo', 'residenceProof', 'employmentProof', 'housingProof']);
      expect(sharedDataWaivers(residence, ['labourContract'])).toEqual([
        {
          id: 'employmentProof',
          name: { zh: '合法稳定就业证明', en: 'Proof of lawful stable employment' },
          reason: { zh: '劳动合同备案信息由人力社保部门共享', en: 'Labour contract filings are shared by the human resources and social security department' },
        },
      ]);
    });
  });
});
