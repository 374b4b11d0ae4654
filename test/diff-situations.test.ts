/**
 * The semantic diff of situations (情形): conditional materials, one-of groups, conditional and waivable fees — one
 * minimal pair per rule and direction, the relation of two conditions, and fixes that level a variant up.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, weights } from '../engine/diff/index.ts';
import { levelUp, planAction } from '../engine/review/index.ts';
import { conditionRelation } from '../engine/diff/conditions.ts';
import { diffPair, expectMessageMentions, flip, identity, material, only, pair, single } from './support/pairs.ts';

/** `withdrawal.reason` is one of `values` (required, as authors write it). */
const reason = (...values: string[]) => ({
  properties: { withdrawal: { type: 'object', properties: { reason: values.length === 1 ? { const: values[0] } : { enum: values } }, required: ['reason'] } },
  required: ['withdrawal'],
});
/** The baseline's rental contract, a material the applicant supplies. */
const rental = (d: any) => d.materials[1];
const proof = (id: string, zh: string, over: Record<string, unknown> = {}) => material(id, zh, id, { oneOfGroup: 'ground', ...over });
/** A material asked on its own (no one-of group). */
const solo = (m: any) => {
  delete m.oneOfGroup;
  return m;
};
const fee = (over: Record<string, unknown> = {}) => ({ id: 'cost', name: { zh: '工本费', en: 'Production fee' }, amount: 20, ...over });

describe('conditionRelation()', () => {
  it('proves a narrower enum, a const inside an enum, and equal sets in another order', () => {
    expect(conditionRelation(reason('退休'), reason('退休', '出境定居'))).toBe('narrower');
    expect(conditionRelation(reason('退休', '出境定居'), reason('退休'))).toBe('wider');
    expect(conditionRelation(reason('退休', '出境定居'), reason('出境定居', '退休'))).toBe('same');
    expect(conditionRelation(reason('退休'), reason('出境定居'))).toBe('unknown');
  });

  it('counts an added conjunct as narrower, and a member no longer required as wider', () => {
    const both = { allOf: [reason('退休'), { properties: { married: { const: true } }, required: ['married'] }] };
    expect(conditionRelation(both, reason('退休'))).toBe('narrower');
    const optional = { properties: { withdrawal: { properties: { reason: { const: '退休' } } } } }; // holds when absent
    expect(conditionRelation(optional, reason('退休'))).toBe('wider');
  });

  it('says unknown where the proof cannot read a keyword (anyOf, not, pattern)', () => {
    expect(conditionRelation({ anyOf: [reason('退休'), reason('出境定居')] }, reason('退休'))).toBe('unknown');
    expect(conditionRelation(reason('退休'), { not: reason('出境定居') })).toBe('unknown');
    expect(conditionRelation({ properties: { name: { pattern: '^王' } }, required: ['name'] }, { properties: { name: { pattern: '^李' } }, required: ['name'] })).toBe('unknown');
  });

  it('drops what it cannot read from the narrower side only: a wider condition must be understood whole', () => {
    const extra = { ...reason('退休'), anyOf: [{ required: ['x'] }, { required: ['y'] }] };
    expect(conditionRelation(extra, reason('退休', '出境定居'))).toBe('narrower');
    // not `same`: on the side that must be implied, the anyOf is not dropped
    expect(conditionRelation(reason('退休'), extra)).toBe('wider');
    expect(conditionRelation(reason('出境定居'), extra)).toBe('unknown');
  });

  it('checks the type beside the values: a string is not an integer', () => {
    const entries = (v: unknown, type: string) => ({ properties: { entries: { type, const: v } }, required: ['entries'] });
    expect(conditionRelation(entries(2, 'integer'), { properties: { entries: { type: 'number', enum: [1, 2] } }, required: ['entries'] })).toBe('narrower');
    expect(conditionRelation(entries('2', 'string'), { properties: { entries: { type: 'integer', enum: ['2', 2] } }, required: ['entries'] })).toBe('unknown');
  });
});

describe('diff(): conditional materials (materials.condition)', () => {
  it('classifies a condition added to an unconditional material as less burden, half the material', () => {
    const p = pair((a) => {
      rental(a).when = reason('退休');
    });
    const c = single(diffPair(p), 'materials.condition');
    expect(c).toMatchObject({ area: 'materials', kind: 'added', burden: 'less', path: '/materials/1/when', weight: weights.material * (1 - weights.conditional) });
    expect(c.params).toMatchObject({ id: 'rental', relation: 'added' });
    expectMessageMentions(c, 'Rental contract', '租赁合同');
  });

  it('classifies a condition dropped as more burden, pointing into b', () => {
    const p = pair(() => {}, (b) => {
      rental(b).when = reason('退休');
    });
    const c = single(diffPair(p), 'materials.condition');
    expect(c).toMatchObject({ kind: 'removed', burden: 'more', path: '/materials/1/when', weight: weights.material * (1 - weights.conditional) });
    expect(c.fix).toEqual([{ op: 'set', path: '/materials/1/when', value: reason('退休') }]);
  });

  it('classifies a proven narrower condition as less burden and a wider one as more, half as heavy', () => {
    const p = pair((a) => {
      rental(a).when = reason('退休');
    }, (b) => {
      rental(b).when = reason('退休', '出境定居');
    });
    const narrower = single(diffPair(p), 'materials.condition');
    expect(narrower).toMatchObject({ kind: 'changed', burden: 'less', weight: weights.material * (1 - weights.conditional) * weights.conditional, params: { relation: 'narrower' } });
    expect(single(diffPair(flip(p)), 'materials.condition')).toMatchObject({ kind: 'changed', burden: 'more', params: { relation: 'wider' } });
  });

  it('reports a condition it cannot rank as a neutral change, and none for the same condition written otherwise', () => {
    const unknown = pair((a) => {
      rental(a).when = reason('退休');
    }, (b) => {
      rental(b).when = reason('出境定居');
    });
    expect(single(diffPair(unknown), 'materials.condition')).toMatchObject({ kind: 'changed', burden: 'neutral', weight: 0, params: { relation: 'unknown' } });
    const same = pair((a) => {
      rental(a).when = reason('退休', '出境定居');
    }, (b) => {
      rental(b).when = reason('出境定居', '退休');
    });
    expect(diffPair(same)).toEqual([]);
  });

  it('weighs a conditional material half when it is added, and halves its other differences', () => {
    const added = pair((a) => {
      a.materials.push(material('retire', '退休证', 'Retirement certificate', { when: reason('退休') }));
    });
    expect(single(diffPair(added), 'materials.material')).toMatchObject({ kind: 'added', burden: 'more', weight: weights.material * weights.conditional, params: { conditional: true } });
    const copies = pair((a) => {
      rental(a).when = reason('退休');
      rental(a).copies.photocopies = 2;
    }, (b) => {
      rental(b).when = reason('退休');
    });
    expect(single(diffPair(copies), 'materials.copies')).toMatchObject({ burden: 'more', weight: 2 * weights.copy * weights.conditional });
  });

  it('counts a condition on a material fetched through shared data as neutral', () => {
    const p = pair((a) => {
      a.materials[0].when = reason('退休');
    });
    expect(single(diffPair(p), 'materials.condition')).toMatchObject({ burden: 'neutral', weight: 0 });
  });
});

describe('diff(): one-of groups (materials.group, materials.alternatives)', () => {
  /** Employment, housing and study proofs: one of them (in `group`), or all three on their own. */
  const proofs = (grouped: boolean) =>
    [proof('employment', '就业证明'), proof('housing', '住所证明'), proof('study', '就读证明')].map((m) => (grouped ? m : solo(m)));

  it('classifies materials moved into a group as less burden each, and the group they form as one material more', () => {
    const p = pair((a) => {
      a.materials.push(...proofs(true));
    }, (b) => {
      b.materials.push(...proofs(false));
    });
    const changes = diffPair(p);
    const moved = only(changes, 'materials.group');
    expect(moved.map((c) => [c.kind, c.burden, c.weight, c.path])).toEqual([
      ['added', 'less', weights.material, '/materials/2/oneOfGroup'],
      ['added', 'less', weights.material, '/materials/3/oneOfGroup'],
      ['added', 'less', weights.material, '/materials/4/oneOfGroup'],
    ]);
    expectMessageMentions(moved[0]!, 'employment', '就业证明');
    const group = single(changes, 'materials.alternatives');
    expect(group).toMatchObject({ kind: 'added', burden: 'more', weight: weights.material, path: '/materials/2/oneOfGroup', params: { group: 'ground', to: 3 } });
    expectMessageMentions(group, 'ground');
  });

  it('classifies materials moved out of a group as more burden, pointing into b', () => {
    const p = pair((a) => {
      a.materials.push(...proofs(false));
    }, (b) => {
      b.materials.push(...proofs(true));
    });
    const changes = diffPair(p);
    expect(only(changes, 'materials.group').map((c) => [c.kind, c.burden, c.path])).toEqual([
      ['removed', 'more', '/materials/2/oneOfGroup'],
      ['removed', 'more', '/materials/3/oneOfGroup'],
      ['removed', 'more', '/materials/4/oneOfGroup'],
    ]);
    expect(single(changes, 'materials.alternatives')).toMatchObject({ kind: 'removed', burden: 'less', weight: weights.material, params: { from: 3, to: 0 } });
  });

  it('classifies a group with fewer alternatives as more burden, an alternative each; a member fewer is no material fewer', () => {
    const p = pair((a) => {
      a.materials.push(...proofs(true).slice(0, 2));
    }, (b) => {
      b.materials.push(...proofs(true));
    });
    const changes = diffPair(p);
    expect(single(changes, 'materials.alternatives')).toMatchObject({ kind: 'changed', burden: 'more', weight: weights.alternative, params: { from: 3, to: 2 } });
    expect(single(changes, 'materials.material')).toMatchObject({ kind: 'removed', burden: 'neutral', weight: 0, params: { group: 'ground' } });
    expect(single(diffPair(flip(p)), 'materials.alternatives')).toMatchObject({ burden: 'less', params: { from: 2, to: 3 } });
  });

  it('weighs nothing for the number of alternatives when one of them is fetched through shared data', () => {
    const shared = { source: 'shared-data', sharedData: { item: 'employment' } };
    const p = pair((a) => {
      a.materials.push(proof('employment', '就业证明', shared), proof('housing', '住所证明'));
    }, (b) => {
      b.materials.push(proof('employment', '就业证明', shared), ...proofs(true).slice(1));
    });
    expect(single(diffPair(p), 'materials.alternatives')).toMatchObject({ kind: 'changed', burden: 'neutral', weight: 0 });
  });

  it('weighs a group by its easiest alternative: dropping the one fetched through shared data is more burden, the group’s weight', () => {
    const shared = { source: 'shared-data', sharedData: { item: 'employment' } };
    const p = pair((a) => {
      a.materials.push(...proofs(true).slice(1));
    }, (b) => {
      b.materials.push(proof('employment', '就业证明', shared), ...proofs(true).slice(1));
    });
    const c = single(diffPair(p), 'materials.alternatives');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', weight: weights.material, params: { from: 3, to: 2, easiestFrom: 0, easiestTo: weights.material } });
    expectMessageMentions(c, 'easiest alternative', '最容易提供');
    expect(single(diffPair(flip(p)), 'materials.alternatives')).toMatchObject({ burden: 'less', weight: weights.material });
    // the fix brings the fetched alternative back, and with it the group's weight
    expect(diffPair({ a: applyFixes(p.a, c.fix), b: p.b })).toEqual([]);
  });

  it('weighs the source of alternatives once, through their group: two fetched proofs the applicant must bring instead weigh one material', () => {
    const shared = (item: string) => ({ source: 'shared-data', sharedData: { item } });
    const p = pair((a) => {
      a.materials.push(...proofs(true));
    }, (b) => {
      b.materials.push(proof('employment', '就业证明', shared('employment')), proof('housing', '住所证明', shared('housing')), proofs(true)[2]);
    });
    const changes = diffPair(p);
    expect(only(changes, 'materials.source').map((c) => [c.burden, c.weight, c.params.group])).toEqual([['neutral', 0, 'ground'], ['neutral', 0, 'ground']]);
    expectMessageMentions(only(changes, 'materials.source')[0]!, 'one-of group “ground”', '“ground”组');
    const group = single(changes, 'materials.alternatives');
    expect(group).toMatchObject({ burden: 'more', weight: weights.material, params: { from: 3, to: 3 } });
    // one level-up step: the group as the top runner has it
    expect(levelUp(p.a, p.b)).toEqual([group]);
    expect(planAction(group)).toEqual({ zh: '“ground”组材料的来源与要求恢复为标杆的做法', en: 'Make the alternatives of the group “ground” as easy to supply as the top runner does' });
    expect(diffPair({ a: applyFixes(p.a, group.fix), b: p.b })).toEqual([]);
  });

  it('weighs a condition on an alternative through its group too', () => {
    const p = pair((a) => {
      a.materials.push(...proofs(true));
    }, (b) => {
      b.materials.push(...proofs(true).map((m) => ({ ...m, when: reason('退休') })));
    });
    const changes = diffPair(p);
    expect(only(changes, 'materials.condition').map((c) => [c.kind, c.burden, c.weight])).toEqual([['removed', 'neutral', 0], ['removed', 'neutral', 0], ['removed', 'neutral', 0]]);
    expect(single(changes, 'materials.alternatives')).toMatchObject({ burden: 'more', weight: weights.material * (1 - weights.conditional) });
  });

  it('counts a material moved from one group to another as neutral', () => {
    const p = pair((a) => {
      a.materials.push(proof('housing', '住所证明', { oneOfGroup: 'other' }));
    }, (b) => {
      b.materials.push(proof('housing', '住所证明'));
    });
    expect(single(diffPair(p), 'materials.group')).toMatchObject({ kind: 'changed', burden: 'neutral', params: { from: 'ground', to: 'other' } });
  });

  it('fixes a material moved out of a group by bringing the whole group, as the top runner has it', () => {
    const { a, b } = pair((x) => {
      x.materials.push(proofs(false)[0], proofs(false)[1]);
    }, (y) => {
      y.materials.push(...proofs(true));
    });
    const step = only(diffPair({ a, b }), 'materials.group')[0]!;
    const fixed = applyFixes(a, step.fix);
    expect(fixed.materials.filter((m: any) => m.oneOfGroup === 'ground').map((m: any) => m.id)).toEqual(['employment', 'housing', 'study']);
    expect(only(diffPair({ a: fixed, b }), 'materials.alternatives')).toEqual([]);
  });
});

describe('diff(): conditional and waivable fees (service.fee-condition, service.fee-waiver)', () => {
  const twoEntries = { properties: { entries: { const: 2 } }, required: ['entries'] };
  const anyTwo = { properties: { entries: { enum: [2, 3] } }, required: ['entries'] };
  const first = { properties: { first: { const: true } }, required: ['first'] };

  it('classifies a fee charged only in some situations as less burden than one charged always, and the reverse as more', () => {
    const p = pair((a) => {
      a.fees = [fee({ when: twoEntries })];
    }, (b) => {
      b.fees = [fee()];
    });
    const c = single(diffPair(p), 'service.fee-condition');
    expect(c).toMatchObject({ area: 'service', kind: 'added', burden: 'less', path: '/fees/0/when', weight: 2 * weights.feePer10Yuan * (1 - weights.conditional) });
    expectMessageMentions(c, 'Production fee', '工本费');
    expect(single(diffPair(flip(p)), 'service.fee-condition')).toMatchObject({ kind: 'removed', burden: 'more' });
  });

  it('classifies a fee due in fewer situations as less burden, and in more as more', () => {
    const p = pair((a) => {
      a.fees = [fee({ when: twoEntries })];
    }, (b) => {
      b.fees = [fee({ when: anyTwo })];
    });
    expect(single(diffPair(p), 'service.fee-condition')).toMatchObject({ kind: 'changed', burden: 'less', params: { relation: 'narrower' } });
    expect(single(diffPair(flip(p)), 'service.fee-condition')).toMatchObject({ kind: 'changed', burden: 'more', params: { relation: 'wider' } });
  });

  it('classifies a waiver added as less burden, a waiver dropped as more, and one granted in fewer situations as more', () => {
    const p = pair((a) => {
      a.fees = [fee({ waivedWhen: first, waiverReason: { zh: '首次申领免费', en: 'Free the first time' } })];
    }, (b) => {
      b.fees = [fee()];
    });
    const c = single(diffPair(p), 'service.fee-waiver');
    expect(c).toMatchObject({ kind: 'added', burden: 'less', path: '/fees/0/waivedWhen', weight: 2 * weights.feePer10Yuan * (1 - weights.waivable) });
    expectMessageMentions(c, 'Production fee', '工本费');
    expect(single(diffPair(flip(p)), 'service.fee-waiver')).toMatchObject({ kind: 'removed', burden: 'more' });
    const narrower = pair((a) => {
      a.fees = [fee({ waivedWhen: { allOf: [first, twoEntries] } })];
    }, (b) => {
      b.fees = [fee({ waivedWhen: first })];
    });
    expect(single(diffPair(narrower), 'service.fee-waiver')).toMatchObject({ kind: 'changed', burden: 'more', params: { relation: 'narrower' } });
  });

  it('reports only another waiver reason as neutral', () => {
    const p = pair((a) => {
      a.fees = [fee({ waivedWhen: first, waiverReason: { zh: '首次', en: 'First' } })];
    }, (b) => {
      b.fees = [fee({ waivedWhen: first, waiverReason: { zh: '第一次', en: 'The first' } })];
    });
    expect(single(diffPair(p), 'service.fee-waiver')).toMatchObject({ kind: 'changed', burden: 'neutral', path: '/fees/0/waiverReason', params: { relation: 'reason' } });
  });

  it('weighs a condition of a fee that can be waived by the share who pay it, and a waiver of a conditional fee alike', () => {
    const condition = pair((a) => {
      a.fees = [fee({ when: twoEntries, waivedWhen: first })];
    }, (b) => {
      b.fees = [fee({ waivedWhen: first })];
    });
    expect(single(diffPair(condition), 'service.fee-condition').weight).toBe(2 * weights.feePer10Yuan * (1 - weights.conditional) * weights.waivable);
    const waiver = pair((a) => {
      a.fees = [fee({ when: twoEntries, waivedWhen: first })];
    }, (b) => {
      b.fees = [fee({ when: twoEntries })];
    });
    expect(single(diffPair(waiver), 'service.fee-waiver').weight).toBe(2 * weights.feePer10Yuan * (1 - weights.waivable) * weights.conditional);
  });

  it('weighs a new fee by the share of applicants who pay it', () => {
    const p = pair((a) => {
      a.fees = [fee({ when: twoEntries, waivedWhen: first })];
    });
    expect(single(diffPair(p), 'service.fee')).toMatchObject({ kind: 'added', burden: 'more', weight: 2 * weights.feePer10Yuan * weights.conditional * weights.waivable });
  });
});

describe('diff(): situations level up', () => {
  /** A variant whose situations differ from the baseline's in every way these rules see. */
  const rich = () =>
    pair(
      (a) => {
        rental(a).when = reason('退休', '出境定居');
        a.materials.push(solo(proof('employment', '就业证明')), proof('housing', '住所证明'));
        a.materials.push(material('retire', '退休证', 'Retirement certificate', { when: reason('退休') }));
        a.fees = [fee(), { ...fee({ id: 'post', name: { zh: '邮寄费', en: 'Postage' }, amount: 10 }), waivedWhen: { properties: { first: { const: true } }, required: ['first'] } }];
      },
      (b) => {
        rental(b).when = reason('退休');
        b.materials.push(proof('employment', '就业证明'), proof('housing', '住所证明'), proof('study', '就读证明'));
        b.fees = [fee({ when: { properties: { entries: { const: 2 } }, required: ['entries'] } }), fee({ id: 'post', name: { zh: '邮寄费', en: 'Postage' }, amount: 10 })];
      },
    );

  it('exercises every situation rule', () => {
    const codes = new Set(diffPair(rich()).map((c) => c.code));
    for (const code of ['materials.condition', 'materials.group', 'materials.alternatives', 'materials.material', 'service.fee-condition', 'service.fee-waiver']) expect(codes, code).toContain(code);
  });

  it('removes each change from the diff when its fix is applied, and levels a up to b when all are', () => {
    const { a, b } = rich();
    const changes = diffPair({ a, b });
    const survivors = changes.filter((c) => diffPair({ a: applyFixes(a, c.fix), b }).map(identity).includes(identity(c)));
    expect(survivors.map((c) => `${c.code} ${c.kind} ${c.path}`)).toEqual([]);
    expect(diffPair({ a: applyFixes(a, changes.flatMap((c) => c.fix)), b })).toEqual([]);
  });
});

describe('level-up steps of situations, worded as actions', () => {
  it('asks for a material only in the top runner’s situations, and restores its group and alternatives', () => {
    const { a, b } = pair((x) => {
      x.materials.push(solo(proof('employment', '就业证明')), proof('housing', '住所证明'));
    }, (y) => {
      rental(y).when = reason('退休');
      y.materials.push(proof('employment', '就业证明'), proof('housing', '住所证明'), proof('study', '就读证明'));
    });
    const actions = levelUp(a, b).map((c) => planAction(c).en);
    expect(actions).toEqual([ // heaviest first: the material on its own (8), the condition (4), an alternative (2)
      'Accept “employment” as one of the alternatives of “ground” again, as the top runner does',
      'Ask for “Rental contract” only in the situations the top runner does',
      'Accept all 3 alternatives of the group “ground” again',
    ]);
  });
});
