/**
 * The semantic diff of the service-guide elements the format gained: time limits in working or calendar days with
 * extensions and minutes on site, result validity and delivery, acceptance scope, and the informational elements
 * (places, contact, codes, status, …) — one minimal pair per rule and direction.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, diff, weights } from '../engine/diff/index.ts';
import { wellFormed } from '../engine/diff/shape/well-formed.ts';
import { burdenMetrics } from '../engine/index.ts';
import { levelUp, planAction } from '../engine/review/index.ts';
import { proposeVersion } from '../engine/versioning/index.ts';
import { base, diffPair, expectMessageMentions, expectMessages, flip, identity, only, pair, single } from './support/pairs.ts';

const calendar = (d: any, promised: number, statutory?: number) => {
  d.timeLimit = { unit: 'days', promisedDays: promised, ...(statutory === undefined ? {} : { statutoryDays: statutory }) };
};

describe('diff(): time limits in one measure', () => {
  it('compares calendar days with working days at 5/7: 7 days promised equal 5 working days', () => {
    const p = pair((a) => {
      calendar(a, 7, 21);
    }, (b) => {
      b.timeLimit = { promisedDays: 5, statutoryDays: 15 };
    });
    const changes = diffPair(p);
    expect(single(changes, 'service.promised-days')).toMatchObject({ burden: 'neutral', weight: 0, params: { from: 5, to: 7, fromUnit: 'working-days', toUnit: 'days' } });
    expect(single(changes, 'service.statutory-days')).toMatchObject({ burden: 'neutral', weight: 0 });
    expect(single(changes, 'service.time-unit')).toMatchObject({ kind: 'changed', burden: 'neutral', path: '/timeLimit/unit', params: { from: 'working-days', to: 'days' } });
  });

  it('classifies the same count of calendar days as less burden than of working days, weighing the difference', () => {
    const p = pair((a) => {
      calendar(a, 14, 15);
    }, (b) => {
      b.timeLimit = { promisedDays: 14, statutoryDays: 15 };
    });
    const c = single(diffPair(p), 'service.promised-days');
    expect(c).toMatchObject({ burden: 'less', path: '/timeLimit/promisedDays' });
    expect(c.weight).toBeCloseTo((14 - 10) * weights.promisedDay, 10);
    expectMessageMentions(c, '14 days instead of 14 working days', '14 日');
    expect(single(diffPair(flip(p)), 'service.promised-days')).toMatchObject({ burden: 'more' });
  });

  it('keeps the message and weight of two limits in working days as they were', () => {
    const c = single(diffPair(pair((a) => {
      a.timeLimit.promisedDays = 5;
    })), 'service.promised-days');
    expect(c.message).toEqual({ en: 'promises 5 working days instead of 3', zh: '承诺时限由 3 个工作日改为 5 个工作日' });
    expect(c.weight).toBe(2 * weights.promisedDay);
  });

  it('fixes a limit in another unit by adopting the whole time limit, so a number never changes meaning', () => {
    const p = pair((a) => {
      calendar(a, 10, 15);
    });
    const c = single(diffPair(p), 'service.promised-days');
    expect(c.fix).toEqual([{ op: 'set', path: '/timeLimit', value: p.b.timeLimit }]);
    expect(diffPair({ a: applyFixes(p.a, c.fix), b: p.b })).toEqual([]);
  });

  it('classifies no statutory limit where the baseline states one as more burden, and the reverse as less', () => {
    const p = pair((a) => {
      delete a.timeLimit.statutoryDays;
    });
    const c = single(diffPair(p), 'service.statutory-days');
    expect(c).toMatchObject({ kind: 'removed', burden: 'more', weight: weights.statutoryLimit, path: '/timeLimit/statutoryDays', params: { from: 15, to: null } });
    expectMessageMentions(c, 'no statutory limit', '未规定法定时限');
    expect(single(diffPair(flip(p)), 'service.statutory-days')).toMatchObject({ kind: 'added', burden: 'less', weight: weights.statutoryLimit });
    expect(diffPair(pair((a) => delete a.timeLimit.statutoryDays, (b) => delete b.timeLimit.statutoryDays))).toEqual([]);
  });

  it('classifies a longer extension of the statutory limit as more burden, per working day', () => {
    const p = pair((a) => {
      calendar(a, 3, 15);
      a.timeLimit.extendableTo = 30;
    }, (b) => {
      calendar(b, 3, 15);
    });
    const c = single(diffPair(p), 'service.extension');
    expect(c).toMatchObject({ kind: 'added', burden: 'more', path: '/timeLimit/extendableTo', params: { from: null, to: 30 } });
    expect(c.weight).toBeCloseTo(15 * (5 / 7) * weights.statutoryDay, 2); // to two decimals
    expectMessages(c);
    expect(single(diffPair(flip(p)), 'service.extension')).toMatchObject({ kind: 'removed', burden: 'less' });
  });

  it('reads the extension against the statutory limit: the same extension after another limit is the limit’s change', () => {
    const p = pair((a) => {
      a.timeLimit = { promisedDays: 3, statutoryDays: 20, extendableTo: 35 };
    }, (b) => {
      b.timeLimit = { promisedDays: 3, statutoryDays: 15, extendableTo: 30 };
    });
    const changes = diffPair(p);
    expect(only(changes, 'service.extension')).toEqual([]);
    const c = single(changes, 'service.statutory-days');
    expect(c.fix).toEqual([{ op: 'set', path: '/timeLimit/statutoryDays', value: 15 }, { op: 'set', path: '/timeLimit/extendableTo', value: 30 }]);
    expect(diffPair({ a: applyFixes(p.a, c.fix), b: p.b })).toEqual([]);
  });

  it('classifies more minutes on site as more burden, one unit per half hour; stated on one side only, neutral', () => {
    const p = pair((a) => {
      a.timeLimit.onSiteMinutes = 90;
    }, (b) => {
      b.timeLimit.onSiteMinutes = 30;
    });
    const c = single(diffPair(p), 'service.on-site-minutes');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: '/timeLimit/onSiteMinutes', weight: 2 * weights.onSitePer30Minutes, params: { from: 30, to: 90 } });
    expectMessageMentions(c, '90 minutes', '90 分钟');
    expect(single(diffPair(flip(p)), 'service.on-site-minutes')).toMatchObject({ burden: 'less' });
    expect(single(diffPair(pair((a) => (a.timeLimit.onSiteMinutes = 10))), 'service.on-site-minutes')).toMatchObject({ kind: 'added', burden: 'neutral', weight: 0 });
  });
});

describe('diff(): outputs', () => {
  const permit = (d: any) => d.outputs[0];

  it('classifies a shorter validity as more burden and a longer one as less; long-term is the longest', () => {
    const p = pair((a) => {
      permit(a).validity = { kind: 'years', years: 6 };
    }, (b) => {
      permit(b).validity = { kind: 'years', years: 10 };
    });
    const c = single(diffPair(p), 'service.output-validity');
    expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'more', path: '/outputs/0/validity', weight: weights.validity });
    expectMessageMentions(c, '6 years instead of 10 years', '有效期由10 年改为6 年');
    expect(single(diffPair(flip(p)), 'service.output-validity')).toMatchObject({ burden: 'less' });
    const longTerm = pair((a) => {
      permit(a).validity = { kind: 'years', years: 10 };
    }, (b) => {
      permit(b).validity = { kind: 'long-term' };
    });
    expect(single(diffPair(longTerm), 'service.output-validity')).toMatchObject({ burden: 'more' });
  });

  it('counts a validity depending on the holder, or stated on one side only, as neutral', () => {
    const p = pair((a) => {
      permit(a).validity = { kind: 'conditional', note: { zh: '6年、10年或长期', en: '6, 10 years or long-term' } };
    }, (b) => {
      permit(b).validity = { kind: 'years', years: 10 };
    });
    expect(single(diffPair(p), 'service.output-validity')).toMatchObject({ burden: 'neutral', weight: 0 });
    expect(single(diffPair(pair((a) => (permit(a).validity = { kind: 'long-term' }))), 'service.output-validity')).toMatchObject({ burden: 'neutral' });
  });

  it('classifies a delivery method fewer as more burden, pointing into b, and an extra one as less', () => {
    const p = pair((a) => {
      permit(a).delivery = ['window'];
    }, (b) => {
      permit(b).delivery = ['electronic', 'window'];
    });
    const c = single(diffPair(p), 'service.output-delivery');
    expect(c).toMatchObject({ kind: 'removed', burden: 'more', path: '/outputs/0/delivery/0', weight: weights.delivery, params: { method: 'electronic' } });
    expectMessageMentions(c, 'electronic', '电子送达');
    expect(single(diffPair(flip(p)), 'service.output-delivery')).toMatchObject({ kind: 'added', burden: 'less', path: '/outputs/0/delivery/0' });
    expect(single(diffPair(pair((a) => (permit(a).delivery = ['mail']))), 'service.output-delivery')).toMatchObject({ kind: 'changed', burden: 'neutral' });
  });
});

describe('diff(): where and by whom', () => {
  it('classifies a narrower acceptance scope as more burden, per level, and a wider one as less', () => {
    const p = pair((a) => {
      a.acceptanceScope = 'city';
    }, (b) => {
      b.acceptanceScope = 'cross-province';
    });
    const c = single(diffPair(p), 'service.acceptance-scope');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: '/acceptanceScope', weight: 2 * weights.acceptanceScopeLevel, params: { from: 'cross-province', to: 'city' } });
    expectMessageMentions(c, 'city-wide', '全市通办');
    expect(single(diffPair(flip(p)), 'service.acceptance-scope')).toMatchObject({ burden: 'less' });
    expect(single(diffPair(pair((a) => (a.acceptanceScope = 'province'))), 'service.acceptance-scope')).toMatchObject({ kind: 'added', burden: 'neutral' });
  });

  it('reports places, contact, codes, status and the other informational elements as neutral, and never as incomparable', () => {
    const p = pair((a) => {
      a.locations = [{ name: { zh: '杭州市民之家', en: 'Hangzhou Citizen Centre' }, hours: { zh: '工作日 9:00-17:00', en: 'Weekdays 9–5' }, window: 'A12' }];
      a.contact = { consult: '0571-12345', complaint: '12345' };
      a.codes = { basic: '000101001000', implementation: '11330100002489187X4000101001000' };
      a.status = 'suspended';
      a.effectiveFrom = '2026-01-01';
      a.serviceObject = ['natural-person'];
      a.standardOwner = { name: { zh: '浙江省公安厅', en: 'Zhejiang Provincial Public Security Department' } };
      a.exerciseLevel = 'county';
      a.department.nature = 'entrusted';
      a.legalBasis[0].docNumber = '国务院令第663号';
    });
    const changes = diffPair(p);
    expect(changes.every((c) => c.burden === 'neutral' && !c.code.endsWith('.incomparable'))).toBe(true);
    expect(only(changes, 'service.information').map((c) => [c.kind, c.path])).toEqual(
      ['standardOwner', 'exerciseLevel', 'locations', 'serviceObject', 'contact', 'status', 'effectiveFrom', 'codes'].map((e) => ['added', `/${e}`]),
    );
    for (const c of changes) expectMessages(c);
    expectMessageMentions(single(changes.filter((c) => c.path === '/locations'), 'service.information'), 'places of acceptance', '办理地点');
    expect(only(changes, 'service.description').map((c) => c.path)).toEqual(['/department', '/legalBasis']);
    expect(diffPair({ a: applyFixes(p.a, changes.flatMap((c) => c.fix)), b: p.b })).toEqual([]);
  });
});

describe('diff(): matters required first (service.requires)', () => {
  it('classifies a matter required first that b does not require as more burden, one application more, and the reverse as less', () => {
    const p = pair((a) => {
      a.requires = ['330000-GA-0100', '330000-GA-0102'];
    }, (b) => {
      b.requires = ['330000-GA-0102'];
    });
    const c = single(diffPair(p), 'service.requires');
    expect(c).toMatchObject({ kind: 'added', burden: 'more', weight: weights.prerequisite, path: '/requires/0', params: { matter: '330000-GA-0100' } });
    expectMessageMentions(c, '330000-GA-0100', '前置事项');
    expect(single(diffPair(flip(p)), 'service.requires')).toMatchObject({ kind: 'removed', burden: 'less', path: '/requires/0' });
    expect(only(diffPair(p), 'service.information')).toEqual([]);
    expect(diffPair({ a: applyFixes(p.a, c.fix), b: p.b })).toEqual([]);
    expect(planAction(c).en).toBe('Stop requiring the matter 330000-GA-0100 first: the top runner does not');
  });

  it('reports a malformed list of matters required first once as incomparable', () => {
    const changes = diffPair(pair((a) => (a.requires = [42])));
    expect(changes.map((c) => [c.code, c.path])).toEqual([['service.incomparable', '/requires/0']]);
  });
});

describe('shape of the new elements', () => {
  it('takes every valid definition with the new elements as well-formed', () => {
    const d = base();
    calendar(d, 3);
    d.timeLimit.onSiteMinutes = 20;
    d.materials[1].source = 'third-party';
    d.materials[1].when = { properties: { x: { const: 1 } } };
    d.materials[1].oneOfGroup = 'g';
    d.fees = [{ id: 'f', name: { zh: '费', en: 'Fee' }, amount: 5, when: {}, waivedWhen: {} }];
    d.outputs[0].validity = { kind: 'years', years: 10 };
    d.outputs[0].delivery = ['mail'];
    d.acceptanceScope = 'national';
    expect(wellFormed(d)).toBe(true);
    expect(diff(d, structuredClone(d))).toEqual([]);
  });

  it('reports a malformed unit, condition or validity once as incomparable, and compares the rest', () => {
    const p = pair((a) => {
      a.timeLimit.unit = 'weeks';
      a.materials[1].when = 'retired';
      a.outputs[0].validity = { kind: 'forever' };
      a.timeLimit.promisedDays = 5;
    });
    const changes = diffPair(p);
    expect(changes.filter((c) => c.code.endsWith('.incomparable')).map((c) => c.path)).toEqual(['/materials/1', '/outputs/0', '/timeLimit/unit']);
    expect(single(changes, 'service.promised-days')).toMatchObject({ burden: 'more', weight: 2 * weights.promisedDay });
    expect(burdenMetrics(p.a).promisedDays).toBe(5);
  });

  it('keeps the identity of each change when the rest of the pair is levelled', () => {
    const p = pair((a) => {
      calendar(a, 20, 30);
      a.timeLimit.extendableTo = 60;
      a.acceptanceScope = 'county';
    }, (b) => {
      b.acceptanceScope = 'province';
    });
    const changes = diffPair(p);
    const survivors = changes.filter((c) => diffPair({ a: applyFixes(p.a, c.fix), b: p.b }).map(identity).includes(identity(c)));
    expect(survivors).toEqual([]);
  });
});

describe('level-up steps of the guide elements, worded as actions', () => {
  it('widens the acceptance scope, adds the delivery method and restores the time limits as the top runner has them', () => {
    const { a, b } = pair((x) => {
      x.acceptanceScope = 'city';
      x.outputs[0].delivery = ['window'];
      x.timeLimit = { unit: 'days', promisedDays: 10, statutoryDays: 15, extendableTo: 30 };
    }, (y) => {
      y.acceptanceScope = 'cross-province';
      y.outputs[0].delivery = ['electronic', 'window'];
      y.timeLimit = { unit: 'days', promisedDays: 3, statutoryDays: 15 };
    });
    const actions = levelUp(a, b).map((c) => planAction(c));
    expect(actions.map((x) => x.zh)).toEqual([
      '承诺时限缩短为 3 日',
      '通办范围扩大为跨省通办，与标杆一致',
      '不再延长法定时限：标杆不延长',
      '增加“居住证”的送达方式：电子送达',
    ]);
    expect(actions.map((x) => x.en)).toEqual([
      'Promise 3 days',
      'Accept applications cross-province-wide, as the top runner does',
      'Stop extending the statutory limit: the top runner does not',
      'Deliver “Residence permit” electronically too',
    ]);
  });
});

describe('versions: the guide’s information is published like wording', () => {
  it('proposes a patch for new places and phones, and a minor version once the acceptance scope changes too', () => {
    const previous = base();
    const next = base();
    next.contact = { consult: '0571-12345' };
    next.locations = [{ name: { zh: '市民之家', en: 'Citizen Centre' } }];
    const patch = proposeVersion(previous, next);
    expect(patch.bump).toBe('patch');
    expect(patch.reasons.map((r) => [r.bump, r.change.code, r.change.path])).toEqual([['patch', 'service.information', '/locations'], ['patch', 'service.information', '/contact']]);
    expect(patch.reasons[0]!.message.zh).toContain('办事指南公布的信息');
    next.acceptanceScope = 'province';
    expect(proposeVersion(previous, next).bump).toBe('minor');
  });
});
