// @vitest-environment jsdom
/**
 * The portal's side of the residence permit's conditional section (form-conditional.test.ts has the server's): the
 * postal address appears right under the delivery choice only when the permit is mailed, is then required, and its
 * errors point at the revealed fields, in the form's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { byId, choose, click, renderForm, residencePermit, unmountForm } from './support/matter-form-render.ts';

const address = { regionCode: '330203', detail: '宁波市海曙区中山西路 100 号' };

describe('the portal form', () => {
  afterEach(unmountForm);
  const methodRadio = (container: HTMLElement, value: string) =>
    [...container.querySelectorAll<HTMLInputElement>('input[id^="root_delivery_method-"]')].find((r) => r.value === value || r.parentElement?.textContent?.includes(value));
  const method = (container: HTMLElement) => container.querySelector<HTMLSelectElement>('select#root_delivery_method') ?? undefined;
  // the delivery choice by its label, whether rjsf shows it as a select or as radios
  const pick = async (container: HTMLElement, label: string) => {
    const select = method(container);
    if (select) await choose(select, [...select.options].find((o) => o.textContent === label)!.value);
    else await click(methodRadio(container, label)!);
  };

  it('reveals the address right under the choice only when mailed, and drops it when the choice changes', async () => {
    const { container, changes, rerender } = await renderForm({ definition: residencePermit('ningbo'), formData: { delivery: { method: '窗口领取' } } });
    expect(container.querySelector('#root_delivery_postalAddress_detail')).toBeNull();
    await pick(container, '邮寄送达');
    const mailed = changes.at(-1) as any;
    expect(mailed.delivery.method).toBe('邮寄送达');
    await rerender({ formData: { ...mailed, delivery: { ...mailed.delivery, postalAddress: address } } });
    const detail = byId<HTMLInputElement>(container, 'root_delivery_postalAddress_detail');
    // the revealed section follows the choice in the delivery group, and says it is required
    const group = container.querySelector('#root_delivery')!.closest('fieldset') ?? container;
    const order = [...group.querySelectorAll('[id^="root_delivery_"]')].map((e) => e.id);
    expect(order.findIndex((id) => id.startsWith('root_delivery_postalAddress'))).toBeGreaterThan(order.findIndex((id) => id.startsWith('root_delivery_method')));
    expect(container.querySelector('label[for="root_delivery_postalAddress_detail"]')?.textContent).toContain('*');
    expect(detail.value).toBe(address.detail);

    await rerender({ formData: { delivery: { method: '窗口领取', postalAddress: address } } });
    expect(container.querySelector('#root_delivery_postalAddress_detail')).toBeNull();
    await pick(container, '电子证照');
    expect((changes.at(-1) as any).delivery).toEqual({ method: '电子证照' }); // the hidden address is not kept
  });

  it('lists the revealed fields in the error summary when mailed without an address, in the form’s language', async () => {
    const { container, submitted } = await renderForm({ definition: residencePermit('ningbo'), locale: 'en', formData: { delivery: { method: '邮寄送达' } } });
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Submit application')!);
    expect(submitted).toEqual([]);
    const links = [...container.querySelectorAll<HTMLAnchorElement>('[data-testid="error-summary"] a')];
    const pointers = links.map((a) => a.dataset.pointer);
    expect(pointers.some((p) => p?.startsWith('/delivery/postalAddress'))).toBe(true);
    const summary = container.querySelector('[data-testid="error-summary"]')!.textContent ?? '';
    expect(summary).not.toMatch(/must|should|schema/); // no ajv English
    expect(summary).not.toMatch(/[\u4e00-\u9fff]/); // nor Chinese in the English form
  });

  it('words the server’s errors on the revealed fields in Chinese, never ajv’s English', async () => {
    const errors = [
      { pointer: '/delivery/postalAddress', keyword: 'required', message: "must have required property 'postalAddress'" },
      { pointer: '/delivery', keyword: 'if', message: 'must match "then" schema' },
    ];
    const { container } = await renderForm({ definition: residencePermit('ningbo'), formData: { delivery: { method: '邮寄送达' } }, errors });
    const summary = container.querySelector('[data-testid="error-summary"]')!;
    expect([...summary.querySelectorAll('a')].map((a) => a.dataset.pointer)).toEqual(['/delivery/postalAddress']);
    expect(summary.textContent).toContain('请填写邮寄地址');
    expect(summary.textContent).not.toMatch(/must|schema/);
  });
});

