import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../engine/index.ts';
import { satisfies } from '../runtime/form/simple-checks.ts';

const condition = { properties: { reason: { const: '就读' } }, required: ['reason'] };

describe('satisfies()', () => {
  it('decides the show-when conditions forms use, as ajv does', () => {
    const ajv = createFormAjv();
    const check = ajv.compile({ type: 'object', ...condition });
    for (const data of [{ reason: '就读' }, { reason: '就业' }, {}, { reason: null }, { other: 1 }]) expect(satisfies(condition, data), JSON.stringify(data)).toBe(check(data));
  });

  it('follows type, enum, allOf, anyOf, oneOf and not, and counts keywords it does not know as satisfied', () => {
    expect(satisfies({ type: 'integer' }, 1.5)).toBe(false);
    expect(satisfies({ type: ['string', 'null'] }, null)).toBe(true);
    expect(satisfies({ enum: ['a', { b: 1 }] }, { b: 1 })).toBe(true);
    expect(satisfies({ anyOf: [{ const: 1 }, { const: 2 }] }, 3)).toBe(false);
    expect(satisfies({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toBe(false);
    expect(satisfies({ not: { const: 1 } }, 1)).toBe(false);
    expect(satisfies({ allOf: [true, { minLength: 99 }] }, 'short')).toBe(true);
    expect(satisfies(false, 1)).toBe(false);
  });

  it('never throws on hostile schemas or data', () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 10_000; i++) node = (node.not = {}) as Record<string, unknown>;
    expect(() => satisfies(deep, 1)).not.toThrow();
    expect(() => satisfies({ required: 'x', properties: [] }, { x: 1 })).not.toThrow();
  });
});
