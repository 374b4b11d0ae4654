/**
 * The semantic diff of service elements — materials, process and service — one minimal pair per rule and direction
 * (DESIGN.md, "What makes a form stricter"), and the fix of every change of a pair that differs in many ways.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, weights, type Change } from '../engine/diff/index.ts';
import {
  diffPair, expectMessageMentions, expectMessages, field, flip, identity, idNumberSchema, material, only, pair, sharedSchemas,
  single,
} from './support/pairs.ts';

const photo = () => material('photo', '免冠照片', 'Passport photo');
/** The baseline's second material. */
const rental = (d: any) => d.materials[1];
/** The baseline's first material, fetched through data sharing. */
const idCard = (d: any) => d.materials[0];

/** Materials messages name the material in each language. */
const expectNames = (c: Change, en: string, zh: string) => expectMessageMentions(c, en, zh);

describe('diff(): materials', () => {
  describe('presence (materials.material)', () => {
    it('classifies an extra material the applicant supplies as more burden, weighing a material', () => {
      // given a variant that also asks for a photo
      const p = pair((a) => {
        a.materials.push(photo());
      });
      // when diffed against the baseline
      const c = single(diffPair(p), 'materials.material');
      // then one added material, more burden, at its place in a
      expect(c).toMatchObject({ area: 'materials', kind: 'added', burden: 'more', path: '/materials/2', weight: weights.material });
      expect(c.params).toMatchObject({ id: 'photo', name: 'Passport photo', nameZh: '免冠照片' });
      expectNames(c, 'Passport photo', '免冠照片');
    });

    it('classifies a material no longer asked for as less burden, pointing into b', () => {
      const p = pair((a) => {
        a.materials.splice(1, 1);
      });
      const c = single(diffPair(p), 'materials.material');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: '/materials/1', weight: weights.material });
      expect(c.params).toMatchObject({ id: 'rental' });
      expectNames(c, 'Rental contract', '租赁合同');
    });

    it('weighs an extra optional material as an optional material', () => {
      const p = pair((a) => {
        a.materials.push(material('photo', '免冠照片', 'Passport photo', { necessity: 'optional' }));
      });
      expect(single(diffPair(p), 'materials.material')).toMatchObject({ kind: 'added', burden: 'more', weight: weights.optionalMaterial });
    });

    it('counts an extra material fetched through shared data as neutral', () => {
      const p = pair((a) => {
        a.materials.push(material('hukou', '户口簿', 'Household register', { source: 'shared-data', sharedData: { item: 'household' } }));
      });
      expect(single(diffPair(p), 'materials.material')).toMatchObject({ kind: 'added', burden: 'neutral', weight: 0 });
    });

    it('matches a renumbered material by its Chinese name', () => {
      const p = pair((a) => {
        rental(a).id = 'lease';
      });
      expect(only(diffPair(p), 'materials.material')).toEqual([]);
    });
  });

  describe('necessity (materials.necessity)', () => {
    it('classifies optional → required as more burden, weighing each step', () => {
      const p = pair(() => {}, (b) => {
        rental(b).necessity = 'optional';
      });
      const c = single(diffPair(p), 'materials.necessity');
      expect(c).toMatchObject({ area: 'materials', kind: 'changed', burden: 'more', path: '/materials/1', weight: 2 * weights.necessityStep });
      expect(c.params).toMatchObject({ id: 'rental', from: 'optional', to: 'required' });
      expectNames(c, 'Rental contract', '租赁合同');
    });

    it('classifies required → tolerated-missing as less burden', () => {
      const p = pair((a) => {
        rental(a).necessity = 'tolerated-missing';
      });
      const c = single(diffPair(p), 'materials.necessity');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', weight: weights.necessityStep, params: { from: 'required', to: 'tolerated-missing' } });
    });

    it('counts a necessity change of a material both fetch through shared data as neutral', () => {
      const p = pair((a) => {
        idCard(a).necessity = 'optional';
      });
      expect(single(diffPair(p), 'materials.necessity')).toMatchObject({ burden: 'neutral', weight: 0 });
    });
  });

  describe('source (materials.source)', () => {
    it('classifies shared-data → applicant as more burden, weighing each step', () => {
      const p = pair((a) => {
        idCard(a).source = 'applicant';
        delete idCard(a).sharedData;
      });
      const c = single(diffPair(p), 'materials.source');
      expect(c).toMatchObject({ area: 'materials', kind: 'changed', burden: 'more', path: '/materials/0', weight: 2 * weights.sourceStep });
      expect(c.params).toMatchObject({ id: 'idCard', from: 'shared-data', to: 'applicant' });
      expectNames(c, 'Identity card', '居民身份证');
    });

    it('classifies government-issued → applicant as more burden, and the reverse as less', () => {
      const p = pair((a) => {
        rental(a).source = 'applicant';
      }, (b) => {
        rental(b).source = 'government-issued';
      });
      expect(single(diffPair(p), 'materials.source')).toMatchObject({ burden: 'more', weight: weights.sourceStep });
      expect(single(diffPair(flip(p)), 'materials.source')).toMatchObject({ burden: 'less', weight: weights.sourceStep, params: { from: 'applicant', to: 'government-issued' } });
    });
  });

  describe('format (materials.format)', () => {
    it('classifies paper only where electronic was accepted as more burden', () => {
      const p = pair((a) => {
        rental(a).format = ['paper'];
      });
      const c = single(diffPair(p), 'materials.format');
      expect(c).toMatchObject({ area: 'materials', kind: 'changed', burden: 'more', path: '/materials/1', weight: weights.paperOnly });
      expect(c.params).toMatchObject({ from: 'electronic+paper', to: 'paper' });
      expectNames(c, 'Rental contract', '租赁合同');
    });

    it('classifies electronic accepted where paper only was as less burden', () => {
      const p = pair(() => {}, (b) => {
        rental(b).format = ['paper'];
      });
      expect(single(diffPair(p), 'materials.format')).toMatchObject({ burden: 'less', weight: weights.paperOnly });
    });

    it('counts paper accepted besides electronic as neutral', () => {
      const p = pair((a) => {
        idCard(a).format = ['electronic', 'paper'];
      });
      expect(single(diffPair(p), 'materials.format')).toMatchObject({ burden: 'neutral', weight: 0 });
    });

    it('ignores the order of formats', () => {
      const p = pair((a) => {
        rental(a).format = ['paper', 'electronic'];
      });
      expect(diffPair(p)).toEqual([]);
    });
  });

  describe('copies (materials.copies)', () => {
    it('classifies more copies as more burden, weighing each copy', () => {
      const p = pair((a) => {
        rental(a).copies = { originals: 1, photocopies: 2 };
      });
      const c = single(diffPair(p), 'materials.copies');
      expect(c).toMatchObject({ area: 'materials', kind: 'changed', burden: 'more', path: '/materials/1', weight: 2 * weights.copy });
      expect(c.params).toMatchObject({ from: 1, to: 3 });
      expectNames(c, 'Rental contract', '租赁合同');
    });

    it('classifies fewer copies as less burden', () => {
      const p = pair((a) => {
        rental(a).copies = { originals: 0, photocopies: 0 };
      });
      expect(single(diffPair(p), 'materials.copies')).toMatchObject({ burden: 'less', weight: weights.copy, params: { from: 1, to: 0 } });
    });
  });
});

describe('diff(): process', () => {
  /** Adds a verification step between acceptance and review. */
  const withVerification = (d: any) => {
    d.process.states.submitted.on.ACCEPT = { target: 'verify', guard: 'materialsComplete' };
    d.process.states.verify = { meta: { role: 'clerk', step: { zh: '核验', en: 'Verification' } }, on: { PASS: 'review' } };
  };
  /** Drops the review step: acceptance approves directly. */
  const withoutReview = (d: any) => {
    delete d.process.states.review;
    d.process.states.submitted.on.ACCEPT = { target: 'approved', guard: 'materialsComplete', actions: ['recordDecision', 'issueCertificate'] };
  };

  it('classifies an extra step as more burden, weighing a human step', () => {
    const changes = diffPair(pair(withVerification));
    const c = single(changes, 'process.step');
    expect(c).toMatchObject({ area: 'process', kind: 'added', burden: 'more', path: '/process/states/verify', weight: weights.humanStep });
    expect(c.params).toMatchObject({ state: 'verify', step: 'Verification', stepZh: '核验', role: 'clerk' });
    expectMessageMentions(c, 'Verification', '核验');
  });

  it('classifies a dropped step as less burden, pointing into b', () => {
    const c = single(diffPair(pair(withoutReview)), 'process.step');
    expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: '/process/states/review', weight: weights.humanStep });
    expect(c.params).toMatchObject({ state: 'review', step: 'Review', role: 'approver' });
    expectMessageMentions(c, 'Review', '审核');
  });

  it('classifies a step acted on by another role as neutral', () => {
    const p = pair((a) => {
      a.process.states.review.meta.role = 'clerk';
    });
    const changes = diffPair(p);
    const c = single(changes, 'process.role');
    expect(c).toMatchObject({ area: 'process', kind: 'changed', burden: 'neutral', weight: 0, path: '/process/states/review/meta/role' });
    expect(c.params).toMatchObject({ state: 'review', from: 'approver', to: 'clerk' });
    expectMessageMentions(c, 'review');
    expect(changes).toHaveLength(1);
  });

  it('classifies an added or removed transition as neutral', () => {
    const p = pair((a) => {
      a.process.states.submitted.on.WITHDRAW = 'withdrawn';
    });
    const added = single(diffPair(p), 'process.transition');
    expect(added).toMatchObject({ kind: 'added', burden: 'neutral', weight: 0, path: '/process/states/submitted/on/WITHDRAW' });
    expect(added.params).toMatchObject({ from: 'submitted', event: 'WITHDRAW', target: 'withdrawn' });
    expectMessageMentions(added, 'WITHDRAW');
    const removed = single(diffPair(flip(p)), 'process.transition');
    expect(removed).toMatchObject({ kind: 'removed', burden: 'neutral', weight: 0, path: '/process/states/submitted/on/WITHDRAW' });
  });

  it('reports the rewiring around an extra step as neutral transitions', () => {
    const transitions = only(diffPair(pair(withVerification)), 'process.transition');
    expect(transitions.length).toBeGreaterThan(0);
    for (const t of transitions) expect(t).toMatchObject({ burden: 'neutral', weight: 0 });
  });

  it('finds no change between the shorthand and the object form of one transition', () => {
    const p = pair((a) => {
      a.process.states.draft.on.SUBMIT = { target: 'submitted' };
    });
    expect(only(diffPair(p), 'process.transition')).toEqual([]);
  });
});

describe('diff(): service', () => {
  it('classifies longer promised days as more burden, weighing each day', () => {
    const p = pair((a) => {
      a.timeLimit.promisedDays = 5;
    });
    const c = single(diffPair(p), 'service.promised-days');
    expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'more', path: '/timeLimit/promisedDays', weight: 2 * weights.promisedDay, params: { from: 3, to: 5 } });
    expectMessageMentions(c, '5', '5');
  });

  it('classifies shorter promised days as less burden', () => {
    const p = pair((a) => {
      a.timeLimit.promisedDays = 1;
    });
    expect(single(diffPair(p), 'service.promised-days')).toMatchObject({ burden: 'less', weight: 2 * weights.promisedDay, params: { from: 3, to: 1 } });
  });

  it('classifies longer statutory days as more burden and shorter as less', () => {
    const p = pair((a) => {
      a.timeLimit.statutoryDays = 20;
    });
    const c = single(diffPair(p), 'service.statutory-days');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: '/timeLimit/statutoryDays', weight: 5 * weights.statutoryDay, params: { from: 15, to: 20 } });
    expectMessages(c);
    expect(single(diffPair(flip(p)), 'service.statutory-days')).toMatchObject({ burden: 'less' });
  });

  it('classifies more on-site visits as more burden, weighing each visit', () => {
    const p = pair((a) => {
      a.visits = 1;
      a.visitReason = { zh: '核验原件', en: 'Originals are checked' };
    });
    const c = single(diffPair(p), 'service.visits');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: '/visits', weight: weights.visit, params: { from: 0, to: 1 } });
    expectMessages(c);
    expect(single(diffPair(flip(p)), 'service.visits')).toMatchObject({ burden: 'less', weight: weights.visit });
  });

  describe('fees (service.fee)', () => {
    const fee = (amount: number) => ({ id: 'cost', name: { zh: '工本费', en: 'Production fee' }, amount });

    it('classifies a new fee as more burden, weighing each 10 yuan', () => {
      const p = pair((a) => {
        a.fees = [fee(20)];
      });
      const c = single(diffPair(p), 'service.fee');
      expect(c).toMatchObject({ area: 'service', kind: 'added', burden: 'more', path: '/fees/0', weight: 2 * weights.feePer10Yuan, params: { from: 0, to: 20 } });
      expectMessageMentions(c, 'Production fee', '工本费');
    });

    it('weighs a small fee at least one unit', () => {
      const p = pair((a) => {
        a.fees = [fee(5)];
      });
      expect(single(diffPair(p), 'service.fee')).toMatchObject({ burden: 'more', weight: weights.feePer10Yuan });
    });

    it('classifies a lower amount as less burden', () => {
      const p = pair((a) => {
        a.fees = [fee(10)];
      }, (b) => {
        b.fees = [fee(30)];
      });
      const c = single(diffPair(p), 'service.fee');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', path: '/fees/0/amount', weight: 2 * weights.feePer10Yuan, params: { from: 30, to: 10 } });
      expectMessageMentions(c, 'Production fee', '工本费');
      expect(single(diffPair(flip(p)), 'service.fee')).toMatchObject({ burden: 'more' });
    });

    it('classifies a fee no longer charged as less burden, pointing into b', () => {
      const p = pair(() => {}, (b) => {
        b.fees = [fee(20)];
      });
      const c = single(diffPair(p), 'service.fee');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: '/fees/0', params: { from: 20, to: 0 } });
      expectMessageMentions(c, 'Production fee', '工本费');
    });

    it('finds no change for a new fee of 0 yuan', () => {
      expect(diffPair(pair((a) => {
        a.fees = [fee(0)];
      }))).toEqual([]);
    });
  });

  it('classifies handling within promised days instead of on the spot as more burden, and the reverse as less', () => {
    const p = pair(() => {}, (b) => {
      b.handlingType = 'immediate';
    });
    const c = single(diffPair(p), 'service.handling-type');
    expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'more', path: '/handlingType', weight: weights.promisedHandling, params: { from: 'immediate', to: 'promised' } });
    expectMessages(c);
    expect(single(diffPair(flip(p)), 'service.handling-type')).toMatchObject({ burden: 'less', params: { from: 'promised', to: 'immediate' } });
  });

  describe('channels (service.channel)', () => {
    it('classifies a channel fewer as more burden, pointing into b', () => {
      const p = pair((a) => {
        a.channels = ['onsite'];
      });
      const c = single(diffPair(p), 'service.channel');
      expect(c).toMatchObject({ area: 'service', kind: 'removed', burden: 'more', path: '/channels/0', weight: weights.channel, params: { channel: 'online' } });
      expectMessageMentions(c, 'online');
    });

    it('classifies an extra channel as less burden', () => {
      const p = pair((a) => {
        a.channels.push('mobile');
      });
      const c = single(diffPair(p), 'service.channel');
      expect(c).toMatchObject({ kind: 'added', burden: 'less', path: '/channels/2', weight: weights.channel, params: { channel: 'mobile' } });
      expectMessageMentions(c, 'mobile');
    });

    it('ignores the order of channels', () => {
      expect(diffPair(pair((a) => {
        a.channels = ['onsite', 'online'];
      }))).toEqual([]);
    });
  });

  it('classifies a lower online depth as more burden, weighing each level, and a higher one as less', () => {
    const p = pair((a) => {
      a.onlineDepth = 2;
    }, (b) => {
      b.onlineDepth = 4;
    });
    const c = single(diffPair(p), 'service.online-depth');
    expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'more', path: '/onlineDepth', weight: 2 * weights.onlineDepthLevel, params: { from: 4, to: 2 } });
    expectMessages(c);
    expect(single(diffPair(flip(p)), 'service.online-depth')).toMatchObject({ burden: 'less' });
  });

  it('classifies a paper output where the other issues an e-certificate as more burden, and the reverse as less', () => {
    const p = pair((a) => {
      a.outputs[0].electronic = false;
    });
    const c = single(diffPair(p), 'service.output');
    expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'more', path: '/outputs/0/electronic', weight: weights.paperOnly, params: { electronic: false } });
    expectMessageMentions(c, 'Residence permit', '居住证');
    expect(single(diffPair(flip(p)), 'service.output')).toMatchObject({ burden: 'less' });
  });

  describe('acceptance conditions (service.condition)', () => {
    const condition = { zh: '在本市居住满半年', en: 'Has lived in the city for six months' };

    it('classifies an extra acceptance condition as more burden', () => {
      const p = pair((a) => {
        a.acceptanceConditions = [condition];
      });
      const c = single(diffPair(p), 'service.condition');
      expect(c).toMatchObject({ area: 'service', kind: 'added', burden: 'more', path: '/acceptanceConditions/0', weight: weights.constraint });
      expectMessageMentions(c, condition.en, condition.zh);
    });

    it('classifies a dropped acceptance condition as less burden', () => {
      const p = pair(() => {}, (b) => {
        b.acceptanceConditions = [condition];
      });
      const c = single(diffPair(p), 'service.condition');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: '/acceptanceConditions/0' });
      expectMessageMentions(c, condition.en, condition.zh);
    });
  });

  describe('description (service.description)', () => {
    it('classifies another department as neutral', () => {
      const p = pair((a) => {
        a.department = { name: { zh: '杭州市公安局', en: 'Hangzhou Public Security Bureau' } };
      });
      const c = single(diffPair(p), 'service.description');
      expect(c).toMatchObject({ area: 'service', kind: 'changed', burden: 'neutral', weight: 0, path: '/department', params: { element: 'department' } });
      expectMessageMentions(c, 'department');
    });

    it('classifies another legal basis, title or summary as neutral', () => {
      const p = pair((a) => {
        a.legalBasis[0].article = '第十条';
        a.title.en = 'Residence permit';
        a.summary = { zh: '摘要', en: 'Summary' };
      });
      const changes = diffPair(p);
      expect(changes.map((c) => [c.code, c.path, c.burden, c.weight])).toEqual([
        ['service.description', '/title', 'neutral', 0],
        ['service.description', '/summary', 'neutral', 0],
        ['service.description', '/legalBasis', 'neutral', 0],
      ]);
    });
  });
});

describe('diff(): fixes', () => {
  const v2 = 'https://onematter.dev/schemas/shared/id-number-v2.json';
  const shared = sharedSchemas({ [v2]: { ...idNumberSchema(), $id: v2, pattern: '^[0-9]{18}$' } });

  /** A variant that differs from the baseline in nearly every way the rules can see (both directions). */
  const rich = () =>
    pair(
      (a) => {
        // form
        field(a, 'applicant').properties.gender = { type: 'string', enum: ['m', 'f'] };
        field(a, 'applicant').required.push('gender');
        field(a, 'applicant').additionalProperties = false;
        field(a, 'applicant', 'name').maxLength = 20;
        field(a, 'applicant', 'name').title = '申请人姓名';
        field(a, 'applicant', 'name').anyOf = [{ pattern: '^\\p{Script=Han}+$' }];
        field(a, 'applicant', 'birthYear').type = 'number';
        field(a, 'applicant', 'birthYear').minimum = 1900;
        field(a, 'applicant', 'birthYear').multipleOf = 1;
        field(a, 'applicant').properties.idNumber = { $ref: v2 };
        delete a.form.schema.properties.address;
        a.form.schema.properties.email = { type: 'string', format: 'email', description: '电子邮箱', allOf: [{ maxLength: 100 }] };
        a.form.schema.required = ['applicant'];
        a.form.schema.properties.marital = { type: 'string', enum: ['single', 'married'] };
        a.form.prefill.push({ field: '/applicant/birthYear', item: 'identity', value: 'birthYear', locked: true });
        a.form.prefill[1].locked = false;
        a.form.uiSchema = { 'ui:order': ['phone', 'applicant', 'email'] };
        // materials
        idCard(a).source = 'applicant';
        delete idCard(a).sharedData;
        rental(a).necessity = 'optional';
        rental(a).format = ['paper'];
        rental(a).copies = { originals: 2, photocopies: 1 };
        a.materials.push(photo());
        // process
        a.process.states.submitted.on.ACCEPT = { target: 'verify', guard: 'materialsComplete' };
        a.process.states.verify = { meta: { role: 'clerk', step: { zh: '核验', en: 'Verification' } }, on: { PASS: 'review' } };
        a.process.states.review.meta.role = 'clerk';
        delete a.process.states.draft.on.WITHDRAW;
        // service
        a.timeLimit.promisedDays = 5;
        a.timeLimit.statutoryDays = 20;
        a.visits = 1;
        a.visitReason = { zh: '核验原件', en: 'Originals are checked' };
        a.fees = [{ id: 'cost', name: { zh: '工本费', en: 'Production fee' }, amount: 20 }, { id: 'post', name: { zh: '邮寄费', en: 'Postage' }, amount: 10 }];
        a.channels = ['onsite', 'mail'];
        a.onlineDepth = 2;
        a.outputs[0].electronic = false;
        a.acceptanceConditions = [{ zh: '在本市居住满半年', en: 'Has lived in the city for six months' }];
        a.department = { name: { zh: '杭州市公安局', en: 'Hangzhou Public Security Bureau' } };
      },
      (b) => {
        b.form.schema.properties.email = { type: 'string' };
        b.form.schema.properties.marital = { type: 'string', enum: ['single', 'married', 'divorced'] };
        field(b, 'applicant', 'name').anyOf = [{ pattern: '^\\p{Script=Han}+$' }, { pattern: '^[A-Za-z ]+$' }];
        b.materials.push(material('hukou', '户口簿', 'Household register'));
        b.handlingType = 'immediate';
        b.onlineDepth = 4;
        b.fees = [{ id: 'post', name: { zh: '邮寄费', en: 'Postage' }, amount: 15 }, { id: 'old', name: { zh: '旧费', en: 'Old fee' }, amount: 5 }];
        b.acceptanceConditions = [{ zh: '年满十六周岁', en: 'Aged 16 or over' }];
      },
    );

  it('the rich pair exercises every rule in each area and every burden', () => {
    const changes = diffPair(rich(), shared);
    const codes = new Set(changes.map((c) => c.code));
    for (const code of [
      'form.field', 'form.required', 'form.type', 'form.enum', 'form.upper-bound', 'form.lower-bound', 'form.pattern', 'form.format',
      'form.additional-properties', 'form.alternatives', 'form.all-of', 'form.constraint', 'form.annotation', 'form.prefill', 'form.ui',
      'materials.material', 'materials.necessity', 'materials.source', 'materials.format', 'materials.copies',
      'process.step', 'process.role', 'process.transition',
      'service.promised-days', 'service.statutory-days', 'service.visits', 'service.fee', 'service.handling-type', 'service.channel',
      'service.online-depth', 'service.output', 'service.condition', 'service.description',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(new Set(changes.map((c) => c.burden))).toEqual(new Set(['more', 'less', 'neutral']));
  });

  it('gives every change well-formed fields: weights ≥ 0 (0 when neutral), messages in both languages, a fix', () => {
    for (const c of diffPair(rich(), shared)) {
      expect(c.weight, c.code).toBeGreaterThanOrEqual(0);
      if (c.burden === 'neutral') expect(c.weight, c.code).toBe(0);
      else expect(c.weight, `${c.code} ${c.path}`).toBeGreaterThan(0);
      expect(c.path, c.code).toMatch(/^\//);
      expectMessages(c);
      expect(c.fix.length, c.code).toBeGreaterThan(0);
    }
  });

  // Every rule emits a fix, neutral ones included (annotations, ui, roles, transitions, descriptions): the Change
  // contract says a fix "removes this difference", and nothing marks neutral fixes as not meant to be applied (the
  // level-up plan only *selects* `more` changes). So every fix is checked here.
  it('removes each change from the diff when its fix is applied to a', () => {
    const { a, b } = rich();
    const changes = diffPair({ a, b }, shared);
    const before = structuredClone(a);
    const survivors: string[] = [];
    for (const change of changes) {
      const fixed = applyFixes(a, change.fix);
      const after = diffPair({ a: fixed, b }, shared).map(identity);
      if (after.includes(identity(change))) survivors.push(`${change.code} ${change.kind} ${change.path}`);
    }
    expect(survivors).toEqual([]);
    // applyFixes works on a copy
    expect(a).toEqual(before);
  });

  it('levels a up to b when every fix is applied at once', () => {
    const { a, b } = rich();
    const fixed = applyFixes(a, diffPair({ a, b }, shared).flatMap((c) => c.fix));
    expect(diffPair({ a: fixed, b }, shared)).toEqual([]);
  });
});
