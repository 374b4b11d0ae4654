/**
 * The semantic diff of forms, continued: object shapes, alternatives, conditionals, annotations, prefill, layout and
 * matching by path (the keyword rules are in diff-form.test.ts).
 * Each pair is the mini baseline twice, with one edit; `a` is the variant (or new version), `b` the baseline.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, weights } from '../engine/diff/index.ts';
import {
  diffPair, expectMessageMentions, expectMessages, field, flip, idNumberId, idNumberSchema, identity, only, pair, prop,
  sharedSchemas, single,
} from './support/pairs.ts';


describe('diff(): form, continued', () => {
  describe('additional properties (form.additional-properties)', () => {
    const extra = (value: unknown) => (d: any) => {
      field(d, 'applicant').additionalProperties = value;
    };
    const at = `${prop('applicant')}/additionalProperties`;

    it('classifies additionalProperties true → false as more burden', () => {
      const c = single(diffPair(pair(extra(false), extra(true))), 'form.additional-properties');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: at, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/applicant', label: 'applicant' });
      expectMessageMentions(c, 'applicant');
    });

    it('classifies additionalProperties false → true as less burden', () => {
      expect(single(diffPair(pair(extra(true), extra(false))), 'form.additional-properties')).toMatchObject({ kind: 'changed', burden: 'less', path: at });
    });

    it('classifies a newly closed object as more burden and a reopened one as less', () => {
      const p = pair(extra(false));
      expect(single(diffPair(p), 'form.additional-properties')).toMatchObject({ kind: 'added', burden: 'more', path: at });
      expect(single(diffPair(flip(p)), 'form.additional-properties')).toMatchObject({ kind: 'removed', burden: 'less', path: at });
    });

    it('ranks a schema for extra properties between false and true', () => {
      const schema = { type: 'string' };
      expect(single(diffPair(pair(extra(false), extra(schema))), 'form.additional-properties')).toMatchObject({ burden: 'more' });
      expect(single(diffPair(pair(extra(schema), extra(false))), 'form.additional-properties')).toMatchObject({ burden: 'less' });
      expect(single(diffPair(pair(extra(schema), extra(true))), 'form.additional-properties')).toMatchObject({ burden: 'more' });
    });
  });

  describe('alternatives (form.alternatives)', () => {
    const A = { format: 'email' };
    const B = { pattern: '^[0-9]+$' };
    const C = { maxLength: 10 };
    const anyOf = (...alternatives: unknown[]) => (d: any) => {
      field(d, 'address').anyOf = alternatives;
    };

    it('classifies a removed anyOf alternative as more burden, pointing into b', () => {
      const c = single(diffPair(pair(anyOf(A), anyOf(A, B))), 'form.alternatives');
      expect(c).toMatchObject({ kind: 'removed', burden: 'more', path: `${prop('address')}/anyOf/1`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', label: 'address', keyword: 'anyOf', index: 1 });
      expectMessageMentions(c, 'address');
    });

    it('classifies an added anyOf alternative as less burden, pointing into a', () => {
      const c = single(diffPair(pair(anyOf(A, B, C), anyOf(A, B))), 'form.alternatives');
      expect(c).toMatchObject({ kind: 'added', burden: 'less', path: `${prop('address')}/anyOf/2`, params: { keyword: 'anyOf', index: 2 } });
      expectMessageMentions(c, 'address');
    });

    it('classifies a removed oneOf alternative as more burden', () => {
      const p = pair((a) => {
        field(a, 'address').oneOf = [A];
      }, (b) => {
        field(b, 'address').oneOf = [A, B];
      });
      const c = single(diffPair(p), 'form.alternatives');
      expect(c).toMatchObject({ kind: 'removed', burden: 'more', path: `${prop('address')}/oneOf/1`, params: { keyword: 'oneOf' } });
    });

    it('ignores the order of alternatives', () => {
      expect(diffPair(pair(anyOf(B, A), anyOf(A, B)))).toEqual([]);
    });

    // a form with no anyOf at all accepts any value: dropping the whole anyOf is looser, not a removed alternative
    it('classifies dropping the whole anyOf as less burden', () => {
      const changes = only(diffPair(pair(() => {}, anyOf(A, B))), 'form.alternatives');
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) expect(c.burden).toBe('less');
    });

    // the reverse: an anyOf where b had none adds a constraint
    it('classifies a new anyOf where b had none as more burden', () => {
      const changes = only(diffPair(pair(anyOf(A, B))), 'form.alternatives');
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) expect(c.burden).toBe('more');
    });
  });

  describe('allOf (form.all-of)', () => {
    const allOf = (...subschemas: unknown[]) => (d: any) => {
      field(d, 'address').allOf = subschemas;
    };

    it('classifies an added allOf subschema as more burden', () => {
      const c = single(diffPair(pair(allOf({ minLength: 5 }))), 'form.all-of');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/allOf/0`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', keyword: 'allOf', index: 0 });
      expectMessageMentions(c, 'address');
    });

    it('classifies a removed allOf subschema as less burden', () => {
      const c = single(diffPair(pair(allOf({ minLength: 5 }), allOf({ minLength: 5 }, { pattern: '^x' }))), 'form.all-of');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/allOf/1` });
    });
  });

  describe('other constraints (form.constraint)', () => {
    const multipleOf = (value: number) => (d: any) => {
      field(d, 'applicant', 'birthYear').multipleOf = value;
    };
    const at = `${prop('applicant', 'birthYear')}/multipleOf`;

    it('classifies a new multipleOf as more burden and a dropped one as less', () => {
      const p = pair(multipleOf(2));
      const added = single(diffPair(p), 'form.constraint');
      expect(added).toMatchObject({ kind: 'added', burden: 'more', path: at, weight: weights.constraint });
      expect(added.params).toMatchObject({ field: '/applicant/birthYear', keyword: 'multipleOf' });
      expectMessageMentions(added, 'applicant.birthYear');
      expect(single(diffPair(flip(p)), 'form.constraint')).toMatchObject({ kind: 'removed', burden: 'less', path: at });
    });

    it('classifies a changed multipleOf as more burden (it cannot be shown to accept more)', () => {
      expect(single(diffPair(pair(multipleOf(5), multipleOf(2))), 'form.constraint')).toMatchObject({ kind: 'changed', burden: 'more', path: at });
    });

    it('classifies a new if/then conditional as more burden', () => {
      const p = pair((a) => {
        a.form.schema.if = { properties: { address: { const: 'abroad' } } };
        a.form.schema.then = { required: ['phone'] };
      });
      const changes = only(diffPair(p), 'form.constraint');
      expect(changes.map((c) => [c.params.keyword, c.kind, c.burden, c.path])).toEqual([
        ['if', 'added', 'more', '/form/schema/if'],
        ['then', 'added', 'more', '/form/schema/then'],
      ]);
    });

    it('classifies a new dependentRequired or not as more burden', () => {
      const dep = single(diffPair(pair((a) => {
        a.form.schema.dependentRequired = { address: ['phone'] };
      })), 'form.constraint');
      expect(dep).toMatchObject({ kind: 'added', burden: 'more', path: '/form/schema/dependentRequired', params: { keyword: 'dependentRequired', field: '' } });
      expectMessageMentions(dep, '(form)');
      const not = single(diffPair(pair((a) => {
        field(a, 'address').not = { const: '' };
      })), 'form.constraint');
      expect(not).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/not`, params: { keyword: 'not' } });
    });
  });

  describe('annotations (form.annotation)', () => {
    it('classifies a changed title as neutral, weighing nothing', () => {
      const p = pair((a) => {
        field(a, 'applicant', 'name').title = '申请人姓名';
      });
      const c = single(diffPair(p), 'form.annotation');
      expect(c).toMatchObject({ kind: 'changed', burden: 'neutral', weight: 0, path: `${prop('applicant', 'name')}/title` });
      expect(c.params).toMatchObject({ field: '/applicant/name', label: 'applicant.name', keyword: 'title' });
      expectMessageMentions(c, 'applicant.name');
    });

    it('classifies an added description and a dropped title as neutral', () => {
      const added = single(diffPair(pair((a) => {
        field(a, 'address').description = '现居住地址';
      })), 'form.annotation');
      expect(added).toMatchObject({ kind: 'added', burden: 'neutral', weight: 0, path: `${prop('address')}/description` });
      const removed = single(diffPair(pair((a) => {
        delete field(a, 'applicant', 'name').title;
      })), 'form.annotation');
      expect(removed).toMatchObject({ kind: 'removed', burden: 'neutral', weight: 0, path: `${prop('applicant', 'name')}/title` });
    });

    it('classifies a default and examples as neutral', () => {
      const changes = diffPair(pair((a) => {
        field(a, 'address').default = '杭州市';
        field(a, 'address').examples = ['杭州市西湖区'];
      }));
      expect(changes.map((c) => [c.code, c.params.keyword, c.burden, c.weight])).toEqual([
        ['form.annotation', 'default', 'neutral', 0],
        ['form.annotation', 'examples', 'neutral', 0],
      ]);
    });
  });

  describe('prefill (form.prefill)', () => {
    it('classifies a field no longer prefilled and locked as more burden, pointing into b', () => {
      const p = pair((a) => {
        a.form.prefill.splice(0, 1);
      });
      const changes = diffPair(p);
      const c = single(changes, 'form.prefill');
      expect(c).toMatchObject({ area: 'form', kind: 'removed', burden: 'more', path: '/form/prefill/0', weight: weights.requiredField - weights.lockedField });
      expect(c.params).toMatchObject({ field: '/applicant/name', label: 'applicant.name', item: 'identity', locked: false });
      expectMessageMentions(c, 'applicant.name');
      expect(changes).toHaveLength(1);
    });

    it('counts a prefill that is not locked as asking the applicant', () => {
      const p = pair((a) => {
        a.form.prefill[1].locked = false;
      });
      const c = single(diffPair(p), 'form.prefill');
      expect(c).toMatchObject({ kind: 'removed', burden: 'more', path: '/form/prefill/1', params: { field: '/applicant/idNumber' } });
    });

    it('classifies a field newly prefilled and locked from shared data as less burden', () => {
      const p = pair((a) => {
        field(a, 'applicant').required.push('birthYear');
        a.form.prefill.push({ field: '/applicant/birthYear', item: 'identity', value: 'birthYear', locked: true });
      });
      const changes = diffPair(p);
      const c = single(changes, 'form.prefill');
      expect(c).toMatchObject({ kind: 'added', burden: 'less', path: '/form/prefill/2', weight: weights.requiredField - weights.lockedField });
      expect(c.params).toMatchObject({ field: '/applicant/birthYear', label: 'applicant.birthYear', item: 'identity', locked: true });
      expectMessageMentions(c, 'applicant.birthYear');
      // making a field required that the applicant no longer types asks nothing more of them
      expect(single(changes, 'form.required')).toMatchObject({ burden: 'neutral', weight: 0 });
    });

    // prefilling saves what typing the field weighs (optional: 1) minus reading a locked value, as form.field weighs it
    it('weighs prefilling an optional field as the difference between an optional and a locked field', () => {
      const p = pair((a) => {
        a.form.prefill.push({ field: '/applicant/birthYear', item: 'identity', value: 'birthYear', locked: true });
      });
      const c = single(diffPair(p), 'form.prefill');
      expect(c).toMatchObject({ burden: 'less', weight: weights.optionalField - weights.lockedField });
    });

    it('gives a removed prefill a fix that restores it, whether a dropped it or unlocked it', () => {
      const dropped = pair((a) => {
        a.form.prefill.splice(0, 1);
      });
      const unlocked = pair((a) => {
        a.form.prefill[0].locked = false;
      });
      for (const p of [dropped, unlocked]) {
        const c = single(diffPair(p), 'form.prefill');
        const fixed = applyFixes(p.a, c.fix);
        expect(diffPair({ a: fixed, b: p.b })).toEqual([]);
      }
    });
  });

  describe('layout (form.ui)', () => {
    const order = (...names: string[]) => (d: any) => {
      d.form.uiSchema = { 'ui:order': names };
    };

    it('classifies an added uiSchema as neutral', () => {
      const c = single(diffPair(pair(order('phone', 'applicant', 'address'))), 'form.ui');
      expect(c).toMatchObject({ area: 'form', kind: 'added', burden: 'neutral', weight: 0, path: '/form/uiSchema' });
      expectMessages(c);
    });

    it('classifies a changed field order as neutral', () => {
      const p = pair(order('phone', 'applicant', 'address'), order('applicant', 'phone', 'address'));
      expect(single(diffPair(p), 'form.ui')).toMatchObject({ kind: 'changed', burden: 'neutral', weight: 0 });
    });

    it('classifies a dropped uiSchema as neutral', () => {
      const p = pair(() => {}, order('applicant', 'phone', 'address'));
      expect(single(diffPair(p), 'form.ui')).toMatchObject({ kind: 'removed', burden: 'neutral', weight: 0, path: '/form/uiSchema' });
    });

    it('ignores the key order inside the uiSchema', () => {
      const p = pair((a) => {
        a.form.uiSchema = { phone: { 'ui:widget': 'tel' }, 'ui:order': ['applicant'] };
      }, (b) => {
        b.form.uiSchema = { 'ui:order': ['applicant'], phone: { 'ui:widget': 'tel' } };
      });
      expect(diffPair(p)).toEqual([]);
    });
  });

  describe('matching fields by path', () => {
    const children = (edit: (items: any) => void = () => {}) => (d: any) => {
      const items = { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 20 }, age: { type: 'integer' } } };
      edit(items);
      d.form.schema.properties.children = { type: 'array', items };
    };

    it('finds no change when properties are reordered', () => {
      const p = pair((a) => {
        const { applicant, phone, address } = a.form.schema.properties;
        a.form.schema.properties = { address, phone, applicant };
        const { name, idNumber, birthYear } = field(a, 'applicant').properties;
        field(a, 'applicant').properties = { birthYear, idNumber, name };
      });
      expect(diffPair(p)).toEqual([]);
    });

    it('matches nested object fields by their path', () => {
      const p = pair((a) => {
        field(a, 'applicant', 'name').maxLength = 20;
      });
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ burden: 'more', path: `${prop('applicant', 'name')}/maxLength` });
      expect(c.params).toMatchObject({ field: '/applicant/name', label: 'applicant.name', from: 50, to: 20 });
      expectMessageMentions(c, 'applicant.name');
    });

    it('matches the fields of array items by their path', () => {
      const p = pair(children((items) => {
        items.properties.name.maxLength = 10;
      }), children());
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ burden: 'more', path: `${prop('children')}/items/properties/name/maxLength` });
      expect(c.params).toMatchObject({ field: '/children/[]/name', from: 20, to: 10 });
    });

    it('finds a new field of array items at its path', () => {
      const p = pair(children((items) => {
        items.properties.nickname = { type: 'string' };
      }), children());
      const c = single(diffPair(p), 'form.field');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('children')}/items/properties/nickname`, weight: weights.optionalField });
      expect(c.params).toMatchObject({ field: '/children/[]/nickname' });
    });

    it('finds no change when the properties of array items are reordered', () => {
      const p = pair(children((items) => {
        const { name, age } = items.properties;
        items.properties = { age, name };
      }), children());
      expect(diffPair(p)).toEqual([]);
    });

    it('sees a field moved to another object as added in one place and removed in the other', () => {
      const p = pair((a) => {
        field(a, 'applicant').properties.address = field(a, 'address');
        delete a.form.schema.properties.address;
      });
      const changes = only(diffPair(p), 'form.field');
      expect(changes.map((c) => [c.kind, c.burden, c.params.field])).toHaveLength(2);
      expect(changes.map((c) => [c.kind, c.burden, c.params.field])).toEqual(expect.arrayContaining([
        ['added', 'more', '/applicant/address'],
        ['removed', 'less', '/address'],
      ]));
    });

    it('finds no change between a $ref to #/$defs and the same schema written inline', () => {
      const p = pair((a) => {
        a.form.schema.properties.phone = structuredClone(a.form.schema.$defs.phone);
      });
      expect(diffPair(p)).toEqual([]);
      expect(diffPair(flip(p))).toEqual([]);
    });

    it('sees a change inside a $defs schema reached by $ref, at the referring field', () => {
      const p = pair((a) => {
        a.form.schema.$defs.phone.pattern = '^1[0-9]{10}$';
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', params: { field: '/phone', label: 'phone', to: '^1[0-9]{10}$' } });
      expectMessageMentions(c, 'phone');
    });

    // a local $ref is relative to the form schema, which lives at /form/schema in the definition
    it('points a change inside $defs into the definition, with a fix that removes it', () => {
      const p = pair((a) => {
        a.form.schema.$defs.phone.pattern = '^1[0-9]{10}$';
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c.path).toBe('/form/schema/$defs/phone/pattern');
      const fixed = applyFixes(p.a, c.fix);
      expect(diffPair({ a: fixed, b: p.b }).map(identity)).not.toContain(identity(c));
    });

    it('finds no change between a $ref to a shared schema and the same schema written inline', () => {
      const p = pair((a) => {
        const { $schema: _s, $id: _i, ...inline } = idNumberSchema();
        field(a, 'applicant').properties.idNumber = inline;
      });
      expect(diffPair(p)).toEqual([]);
      expect(diffPair(flip(p))).toEqual([]);
    });

    it('sees a change inside a shared schema reached by $ref when sharedSchemas is passed', () => {
      // given a variant that points idNumber at its own shared schema with a stricter pattern
      const v2 = 'https://onematter.dev/schemas/shared/id-number-v2.json';
      const p = pair((a) => {
        field(a, 'applicant').properties.idNumber = { $ref: v2 };
      });
      const shared = sharedSchemas({ [v2]: { ...idNumberSchema(), $id: v2, pattern: '^[0-9]{18}$' } });
      // when diffed with the shared schemas
      const changes = diffPair(p, shared);
      // then the pattern change is seen at the field; its fix puts back b's $ref
      const c = single(changes, 'form.pattern');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: prop('applicant', 'idNumber') });
      expect(c.params).toMatchObject({ field: '/applicant/idNumber', label: 'applicant.idNumber', from: '^[0-9]{17}[0-9X]$', to: '^[0-9]{18}$' });
      expect(changes).toHaveLength(1);
      const fixed = applyFixes(p.a, c.fix);
      expect(field(fixed, 'applicant', 'idNumber')).toEqual({ $ref: idNumberId });
      expect(diffPair({ a: fixed, b: p.b }, shared)).toEqual([]);
    });

    describe('through an $anchor', () => {
      // both forms name $defs/phone "mobile"; `a` reaches it by the anchor, `b` by its pointer
      const byAnchor = (d: any) => {
        d.form.schema.$defs.phone.$anchor = 'mobile';
        d.form.schema.properties.phone = { $ref: '#mobile' };
      };
      const named = (d: any) => (d.form.schema.$defs.phone.$anchor = 'mobile');

      it('finds no change between a field reached through #anchor and the same field reached through #/$defs', () => {
        const p = pair(byAnchor, named);
        expect(diffPair(p)).toEqual([]);
        expect(diffPair(flip(p))).toEqual([]);
      });

      it('sees a changed constraint behind the anchor at the referring field, pointing into the definition, with a fix', () => {
        const p = pair((a) => {
          byAnchor(a);
          a.form.schema.$defs.phone.pattern = '^1[0-9]{10}$';
        }, named);
        const c = single(diffPair(p), 'form.pattern');
        expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: '/form/schema/$defs/phone/pattern' });
        expect(c.params).toMatchObject({ field: '/phone', from: '^1[3-9][0-9]{9}$', to: '^1[0-9]{10}$' });
        const fixed = applyFixes(p.a, c.fix);
        expect(diffPair({ a: fixed, b: p.b })).toEqual([]);
      });

      it('sees a changed constraint behind an anchor of a shared schema', () => {
        const codes = 'https://onematter.dev/schemas/shared/codes.json';
        const shared = sharedSchemas({ [codes]: { $id: codes, $defs: { id18: { $anchor: 'id18', type: 'string', title: '公民身份号码', pattern: '^[0-9]{18}$' } } } });
        const p = pair((a) => (field(a, 'applicant').properties.idNumber = { $ref: `${codes}#id18` }));
        const c = single(diffPair(p, shared), 'form.pattern');
        expect(c.params).toMatchObject({ field: '/applicant/idNumber', from: '^[0-9]{17}[0-9X]$', to: '^[0-9]{18}$' });
        expect(diffPair(p, shared)).toHaveLength(1);
      });
    });

    it('compares an inline copy of a shared schema with the shared schema by content', () => {
      const p = pair((a) => {
        field(a, 'applicant').properties.idNumber = { type: 'string', title: '公民身份号码', pattern: '^[0-9]{18}$' };
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('applicant', 'idNumber')}/pattern` });
      expect(diffPair(p)).toHaveLength(1);
    });
  });
});
