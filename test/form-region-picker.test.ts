// @vitest-environment jsdom
/**
 * Administrative-division fields (the shared division-code schema) are a province → city → county picker from the
 * project's region catalogue, never a typed code; the value stays the 6-digit code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareForm } from '../runtime/form/prepare.ts';
import { choicesOf, codeOfChoices, projectRegions, topRegions } from '../runtime/form/region-options.ts';
import { buildUiSchema } from '../runtime/form/ui-schema.ts';
import { byId, choose, optionTexts, renderForm, residencePermit, sharedSchemas, unmountForm } from './support/matter-form-render.ts';

afterEach(unmountForm);

const catalogue = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../definitions/regions.json'), 'utf8')) as {
  source: { publisher: { zh: string } };
  regions: { code: string; level: string; parent?: string }[];
};
const mailed = { delivery: { method: '邮寄送达' } };
const province = 'root_delivery_postalAddress_regionCode';

describe('the region catalogue behind the picker', () => {
  it('names its source and holds Zhejiang, its 11 cities and every city’s counties', () => {
    expect(catalogue.source.publisher.zh).toBe('中华人民共和国民政部');
    const cities = catalogue.regions.filter((r) => r.level === 'city');
    expect(cities).toHaveLength(11);
    for (const city of cities) {
      expect(city.parent).toBe('330000');
      expect(projectRegions.children.get(city.code)?.length, city.code).toBeGreaterThan(0);
    }
    expect(catalogue.regions.filter((r) => r.level === 'county')).toHaveLength(90);
    expect(catalogue.regions.every((r) => /^33[0-9]{4}$/.test(r.code))).toBe(true);
  });

  it('leads to a code by its chain of choices, and a half-made choice to none', () => {
    expect(topRegions(projectRegions).map((r) => r.code)).toEqual(['330000']);
    expect(choicesOf(projectRegions, '330203')).toEqual(['330000', '330200', '330203']);
    expect(choicesOf(projectRegions, '110105')).toEqual([]); // not in the catalogue: start afresh
    expect(choicesOf(projectRegions, 42)).toEqual([]);
    expect(codeOfChoices(projectRegions, ['330000', '330200', '330203'])).toBe('330203');
    expect(codeOfChoices(projectRegions, ['330000', '330200'])).toBeUndefined();
    expect(codeOfChoices(projectRegions, [])).toBeUndefined();
  });
});

describe('ui-schema: which fields get the picker', () => {
  it('gives every division-code field the region widget, and no other field', () => {
    const { schema } = prepareForm(residencePermit('ningbo'), sharedSchemas);
    const ui = buildUiSchema(schema, { locale: 'en' }) as Record<string, any>;
    expect(ui.residence.regionCode['ui:widget']).toBe('region');
    expect(ui.delivery.postalAddress.regionCode['ui:widget']).toBe('region');
    expect(ui.delivery.postalAddress.regionCode['ui:locale']).toBe('en');
    expect(ui.residence.address['ui:widget']).toBeUndefined();
    expect(ui.delivery.postalAddress.postcode['ui:widget']).toBeUndefined(); // six digits too, but not a division code
  });
});

describe('RegionPicker in MatterForm', () => {
  it('offers each level filtered by the one before, labelled, and sets the 6-digit code once a county is chosen', async () => {
    const { container, changes } = await renderForm({ definition: residencePermit('ningbo'), formData: mailed });
    const first = byId<HTMLSelectElement>(container, province);
    expect(first.tagName).toBe('SELECT');
    expect(container.querySelector(`input#${province}`)).toBeNull(); // never a typed code
    // the field's own label and the level's, both naming the first select
    expect([...container.querySelectorAll(`label[for="${province}"]`)].map((l) => l.textContent)).toEqual(['所在地区*', '省份']);
    expect(optionTexts(first)).toEqual(['请选择', '浙江省']);
    expect(container.querySelector(`#${province}-1`)).toBeNull(); // no city list before a province

    await choose(first, '330000');
    const city = byId<HTMLSelectElement>(container, `${province}-1`);
    expect(container.querySelector(`label[for="${province}-1"]`)?.textContent).toBe('城市');
    expect(optionTexts(city)).toHaveLength(12);
    expect(optionTexts(city)).toContain('宁波市');

    await choose(city, '330200');
    const county = byId<HTMLSelectElement>(container, `${province}-2`);
    expect(container.querySelector(`label[for="${province}-2"]`)?.textContent).toBe('区县');
    expect(optionTexts(county)).toEqual(['请选择', '海曙区', '江北区', '北仑区', '镇海区', '鄞州区', '奉化区', '象山县', '宁海县', '余姚市', '慈溪市']);
    const before = changes.length;
    await choose(county, '330203');
    expect(changes.length).toBeGreaterThan(before);
    expect((changes.at(-1) as any).delivery.postalAddress.regionCode).toBe('330203');

    // another city empties the county: the field is unanswered again, not left at a county of the old city
    await choose(city, '330100');
    expect((changes.at(-1) as any).delivery.postalAddress.regionCode).toBeUndefined();
    expect(optionTexts(byId<HTMLSelectElement>(container, `${province}-2`))).toContain('西湖区');
  });

  it('shows a stored code as its chain of places, in English in the English form', async () => {
    const { container } = await renderForm({ definition: residencePermit('ningbo'), locale: 'en', formData: { delivery: { method: '邮寄送达', postalAddress: { regionCode: '330203' } } } });
    const selected = [0, 1, 2].map((level) => byId<HTMLSelectElement>(container, level === 0 ? province : `${province}-${level}`));
    expect(selected.map((s) => s.selectedOptions[0]?.textContent)).toEqual(['Zhejiang', 'Ningbo', 'Haishu']);
    expect(container.querySelector(`label[for="${province}-2"]`)?.textContent).toBe('County or district');
    expect(container.querySelector('.onematter-region')?.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('is read-only for a region verified from shared data', async () => {
    const { container } = await renderForm({ definition: residencePermit('ningbo'), formData: {}, locked: { '/residence/regionCode': '330203' } });
    const selects = [...container.querySelectorAll<HTMLSelectElement>('[id^="root_residence_regionCode"]')].filter((e) => e.tagName === 'SELECT');
    expect(selects.map((s) => s.selectedOptions[0]?.textContent)).toEqual(['浙江省', '宁波市', '海曙区']);
    expect(selects.every((s) => s.disabled)).toBe(true);
  });

  it('says so when a stored code is not in the catalogue, and offers a fresh choice', async () => {
    const { container } = await renderForm({ definition: residencePermit('ningbo'), formData: { delivery: { method: '邮寄送达', postalAddress: { regionCode: '110105' } } } });
    expect(container.querySelector('.onematter-region-unknown')?.textContent).toContain('110105');
    expect(byId<HTMLSelectElement>(container, province).value).toBe('');
  });
});
