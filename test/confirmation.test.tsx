// @vitest-environment jsdom
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The confirmation after submitting (task B of issue 12), rendered in both languages: the reference in large type,
 * the next step and its promised deadline and, for a matter that needs visits in person, why, where and when.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Confirmation } from '../runtime/web/confirmation.tsx';
import { AppContext } from '../runtime/web/context.ts';
import { texts, type Locale } from '../runtime/web/i18n.ts';
import type { CaseDetail } from '../runtime/web/types.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
Element.prototype.scrollIntoView ??= function scrollIntoView() {}; // jsdom lays nothing out
const definitions = join(dirname(fileURLToPath(import.meta.url)), '../definitions/matters/residence-permit');
const read = (file: string) => JSON.parse(readFileSync(join(definitions, file), 'utf8'));

const detail = (definition: any): CaseDetail => ({
  id: 'c1', matterId: definition.id, version: definition.version, region: definition.region.code, applicant: '330106199001011237', reference: 'ZJ-2026-000123',
  state: 'submitted', role: 'clerk', status: 'active', outcome: null, revision: 2, createdAt: '2026-11-30T02:00:00Z', updatedAt: '2026-11-30T02:00:00Z',
  title: definition.title, deadline: { dueAt: '2026-12-07T15:59:00Z', metAt: null }, overdue: false, hash: 'h', data: {}, verified: {},
  step: { zh: '受理', en: 'Acceptance' }, events: [], waived: [], situation: {} as any, timeLimit: {} as any, certificates: [], definition,
});

let container: HTMLDivElement;
afterEach(() => container?.remove());

function render(c: CaseDetail, locale: Locale): HTMLDivElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<AppContext.Provider value={{ locale, t: texts[locale], user: null, setUser: () => {} }}><Confirmation c={c} /></AppContext.Provider>));
  return container;
}

describe('the confirmation after submitting', () => {
  it('shows the reference, the next step and its deadline, and takes the focus', () => {
    const page = render(detail(read('baseline.json')), 'zh');
    expect(page.querySelector('[data-testid="case-reference"]')!.textContent).toBe('ZJ-2026-000123');
    expect(document.activeElement?.textContent).toBe('申请已提交');
    expect(page.querySelector('[data-testid="what-next"]')!.textContent).toContain('“受理”');
    expect(page.querySelector('[data-testid="what-next-deadline"]')!.textContent).toBe('承诺在 2026年12月7日 23:59 前办结。');
    // the baseline needs no visit: nothing about one
    expect(page.querySelector('[data-testid="what-next-visit"]')).toBeNull();
  });

  it('says why, where and when to go for a matter that needs visits, in Chinese and English', () => {
    const pujiang = read('pujiang.json');
    expect(pujiang.visits).toBe(2);
    pujiang.locations[0] = { ...pujiang.locations[0], address: { zh: '浦江县浦阳街道人民东路1号', en: '1 Renmin East Road, Pujiang' }, hours: { zh: '工作日 9:00-17:00', en: 'Working days 9:00-17:00' }, window: 'A3' };
    const zh = render(detail(pujiang), 'zh').querySelector('[data-testid="what-next-visit"]')!;
    expect(zh.textContent).toContain('本事项需要到现场办理 2 次');
    expect(zh.querySelector('[data-testid="visit-reason"]')!.textContent).toBe(pujiang.visitReason.zh);
    const places = [...zh.querySelectorAll('[data-testid="visit-place"]')].map((p) => p.textContent);
    expect(places).toEqual(['居住地公安派出所地点：浦江县浦阳街道人民东路1号办公时间：工作日 9:00-17:00窗口：A3', pujiang.locations[1].name.zh]);
    container.remove();
    const en = render(detail(pujiang), 'en').querySelector('[data-testid="what-next-visit"]')!;
    expect(en.querySelector('h3')!.textContent).toBe('You need to visit in person');
    expect(en.textContent).toContain('This matter needs 2 visits in person.');
    expect(en.textContent).toContain('Where: 1 Renmin East Road, Pujiang');
    expect(en.textContent).toContain('Opening hours: Working days 9:00-17:00');
    expect(en.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
