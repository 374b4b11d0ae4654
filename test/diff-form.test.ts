/**
 * The semantic diff of forms, one minimal pair per rule and direction (DESIGN.md, "What makes a form stricter").
 * Each pair is the mini baseline twice, with one edit; `a` is the variant (or new version), `b` the baseline.
 */
import { describe, expect, it } from 'vitest';
import { diff, weights } from '../engine/diff/index.ts';
import { miniDoc } from './support/fixtures.ts';
import {
  base, diffPair, expectMessageMentions, field, flip, only, pair, prop,
  sharedSchemas, single,
} from './support/pairs.ts';

describe('diff(): identity', () => {
  it('finds nothing between a definition and itself', () => {
    const x = base();
    expect(diff(x, x)).toEqual([]);
    expect(diff(x, x, { sharedSchemas: sharedSchemas() })).toEqual([]);
  });

  it('finds nothing between a definition and a deep copy of it', () => {
    for (const x of [base(), miniDoc('matters/variant.json'), miniDoc('matters/other.json')]) {
      expect(diff(x, structuredClone(x))).toEqual([]);
      expect(diff(x, structuredClone(x), { sharedSchemas: sharedSchemas() })).toEqual([]);
    }
  });
});

describe('diff(): form', () => {
  describe('fields (form.field)', () => {
    it('classifies a new required field as more burden, weighing a required field', () => {
      // given a variant that also asks for the applicant's gender, required
      const p = pair((a) => {
        field(a, 'applicant').properties.gender = { type: 'string', title: '性别' };
        field(a, 'applicant').required.push('gender');
      });
      // when diffed against the baseline
      const changes = diffPair(p);
      // then exactly one field change: added, more, a required field's weight
      const c = single(changes, 'form.field');
      expect(c).toMatchObject({ area: 'form', kind: 'added', burden: 'more', path: prop('applicant', 'gender'), weight: weights.requiredField });
      expect(c.params).toMatchObject({ field: '/applicant/gender', label: 'applicant.gender' });
      expectMessageMentions(c, 'applicant.gender');
      expect(only(changes, 'form.required')).toEqual([]);
    });

    it('classifies a new optional field as more burden, weighing an optional field', () => {
      const p = pair((a) => {
        a.form.schema.properties.email = { type: 'string' };
      });
      const c = single(diffPair(p), 'form.field');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: prop('email'), weight: weights.optionalField });
      expectMessageMentions(c, 'email');
    });

    it('weighs a new field that a prefills and locks from shared data as a locked field', () => {
      const p = pair((a) => {
        field(a, 'applicant').properties.gender = { type: 'string' };
        field(a, 'applicant').required.push('gender');
        a.form.prefill.push({ field: '/applicant/gender', item: 'identity', value: 'gender', locked: true });
      });
      const changes = diffPair(p);
      const c = single(changes, 'form.field');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: prop('applicant', 'gender'), weight: weights.lockedField });
      // the prefill is part of the new field, not a second change
      expect(only(changes, 'form.prefill')).toEqual([]);
    });

    it('weighs a new object field by each leaf it asks for', () => {
      const p = pair((a) => {
        a.form.schema.properties.contact = {
          type: 'object',
          required: ['mobile'],
          properties: { mobile: { type: 'string' }, email: { type: 'string' } },
        };
        a.form.schema.required.push('contact');
      });
      const c = single(diffPair(p), 'form.field');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: prop('contact'), weight: weights.requiredField + weights.optionalField });
    });

    it('classifies a dropped optional field as less burden, pointing into b', () => {
      const p = pair((a) => {
        delete a.form.schema.properties.address;
      });
      const c = single(diffPair(p), 'form.field');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: prop('address'), weight: weights.optionalField });
      expect(c.params).toMatchObject({ field: '/address', label: 'address' });
      expectMessageMentions(c, 'address');
    });

    it('classifies a dropped required field as less burden, weighing a required field', () => {
      const p = pair((a) => {
        delete a.form.schema.properties.phone;
        a.form.schema.required = ['applicant'];
      });
      const changes = diffPair(p);
      const c = single(changes, 'form.field');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: prop('phone'), weight: weights.requiredField });
      expect(only(changes, 'form.required')).toEqual([]);
    });

    it('weighs a dropped field that b prefills and locks as a locked field', () => {
      const p = pair((a) => {
        delete field(a, 'applicant').properties.name;
        field(a, 'applicant').required = ['idNumber'];
        a.form.prefill = a.form.prefill.filter((x: { field: string }) => x.field !== '/applicant/name');
      });
      const changes = diffPair(p);
      const c = single(changes, 'form.field');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: prop('applicant', 'name'), weight: weights.lockedField });
      expect(only(changes, 'form.prefill')).toEqual([]);
    });
  });

  describe('required (form.required)', () => {
    it('classifies optional → required as more burden', () => {
      const p = pair((a) => {
        a.form.schema.required.push('address');
      });
      const c = single(diffPair(p), 'form.required');
      expect(c).toMatchObject({ area: 'form', kind: 'changed', burden: 'more', path: '/form/schema/required', weight: weights.requiredFlag });
      expect(c.params).toMatchObject({ field: '/address', label: 'address', required: true });
      expectMessageMentions(c, 'address');
    });

    it('classifies required → optional as less burden', () => {
      const p = pair((a) => {
        a.form.schema.required = ['applicant'];
      });
      const c = single(diffPair(p), 'form.required');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', path: '/form/schema/required', weight: weights.requiredFlag });
      expect(c.params).toMatchObject({ field: '/phone', required: false });
      expectMessageMentions(c, 'phone');
    });

    it('finds a nested field made required at its parent object', () => {
      const p = pair((a) => {
        field(a, 'applicant').required.push('birthYear');
      });
      const c = single(diffPair(p), 'form.required');
      expect(c).toMatchObject({ burden: 'more', path: `${prop('applicant')}/required` });
      expect(c.params).toMatchObject({ field: '/applicant/birthYear', label: 'applicant.birthYear', required: true });
    });

    it('counts a prefilled and locked field made optional as neutral (the applicant types it in neither)', () => {
      const p = pair((a) => {
        field(a, 'applicant').required = ['idNumber'];
      });
      const c = single(diffPair(p), 'form.required');
      expect(c).toMatchObject({ kind: 'changed', burden: 'neutral', weight: 0 });
      expect(c.params).toMatchObject({ field: '/applicant/name', required: false });
    });

    it('ignores the order of the required list', () => {
      const p = pair((a) => {
        a.form.schema.required = ['phone', 'applicant'];
      });
      expect(diffPair(p)).toEqual([]);
    });
  });

  describe('type (form.type)', () => {
    const nullable = (b: any) => {
      field(b, 'address').type = ['string', 'null'];
    };

    it('classifies a narrowed type (["string","null"] → "string") as more burden', () => {
      const p = pair(() => {}, nullable);
      const c = single(diffPair(p), 'form.type');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('address')}/type`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', direction: 'narrowed', from: '["string","null"]', to: '"string"' });
      expectMessageMentions(c, 'address');
    });

    it('classifies a widened type ("string" → ["string","null"]) as less burden', () => {
      const p = flip(pair(() => {}, nullable));
      const c = single(diffPair(p), 'form.type');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', path: `${prop('address')}/type` });
      expect(c.params).toMatchObject({ direction: 'widened' });
    });

    it('classifies integer where number was accepted as more burden, and the reverse as less', () => {
      const p = pair(() => {}, (b) => {
        field(b, 'applicant', 'birthYear').type = 'number';
      });
      const narrowed = single(diffPair(p), 'form.type');
      expect(narrowed).toMatchObject({ burden: 'more', path: `${prop('applicant', 'birthYear')}/type` });
      expect(narrowed.params).toMatchObject({ from: '"number"', to: '"integer"', direction: 'narrowed' });
      const widened = single(diffPair(flip(p)), 'form.type');
      expect(widened).toMatchObject({ burden: 'less', params: { direction: 'widened' } });
    });

    it('classifies a type newly set as more burden and a dropped one as less', () => {
      const p = pair(() => {}, (b) => {
        delete field(b, 'address').type;
      });
      expect(single(diffPair(p), 'form.type')).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/type` });
      expect(single(diffPair(flip(p)), 'form.type')).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/type` });
    });

    it('classifies a type swapped for an unrelated one as more burden', () => {
      const p = pair((a) => {
        field(a, 'address').type = 'integer';
      });
      const c = single(diffPair(p), 'form.type');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more' });
      expect(c.params).toMatchObject({ direction: 'changed' });
    });

    it('ignores the order of a type list', () => {
      const p = pair((a) => {
        field(a, 'address').type = ['null', 'string'];
      }, nullable);
      expect(diffPair(p)).toEqual([]);
    });
  });

  describe('allowed values (form.enum)', () => {
    const enumOf = (...values: string[]) => (d: any) => {
      field(d, 'address').enum = values;
    };

    it('classifies a narrowed enum as more burden, naming the dropped value', () => {
      const p = pair(enumOf('x', 'y'), enumOf('x', 'y', 'z'));
      const c = single(diffPair(p), 'form.enum');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('address')}/enum`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', label: 'address', dropped: '"z"' });
      expectMessageMentions(c, 'address');
      expect(c.message.en).toContain('"z"');
    });

    it('classifies a widened enum as less burden', () => {
      const p = pair(enumOf('x', 'y', 'z'), enumOf('x', 'y'));
      expect(single(diffPair(p), 'form.enum')).toMatchObject({ kind: 'changed', burden: 'less', path: `${prop('address')}/enum` });
    });

    it('classifies a new enum as more burden and a lifted one as less', () => {
      const p = pair(enumOf('x', 'y'));
      const added = single(diffPair(p), 'form.enum');
      expect(added).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/enum` });
      expectMessageMentions(added, 'address');
      const removed = single(diffPair(flip(p)), 'form.enum');
      expect(removed).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/enum` });
      expectMessageMentions(removed, 'address');
    });

    it('classifies a new const as more burden and a dropped one as less', () => {
      const p = pair((a) => {
        field(a, 'address').const = 'x';
      });
      expect(single(diffPair(p), 'form.enum')).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/const` });
      expect(single(diffPair(flip(p)), 'form.enum')).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/const` });
    });

    it('classifies a const that picks one value of the baseline enum as more burden', () => {
      const p = pair((a) => {
        field(a, 'address').const = 'x';
      }, enumOf('x', 'y'));
      const c = single(diffPair(p), 'form.enum');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('address')}/const` });
      expect(c.params).toMatchObject({ dropped: '"y"' });
    });

    it('ignores the order of enum values', () => {
      expect(diffPair(pair(enumOf('y', 'x'), enumOf('x', 'y')))).toEqual([]);
    });
  });

  describe('upper bounds (form.upper-bound)', () => {
    it('classifies a lowered maxLength as more burden', () => {
      const p = pair((a) => {
        field(a, 'address').maxLength = 100;
      });
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('address')}/maxLength`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', label: 'address', keyword: 'maxLength', from: 200, to: 100 });
      expectMessageMentions(c, 'address');
    });

    it('classifies a raised maxLength as less burden', () => {
      const p = pair((a) => {
        field(a, 'address').maxLength = 300;
      });
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', params: { from: 200, to: 300 } });
    });

    it('classifies a newly set maximum as more burden', () => {
      const p = pair((a) => {
        field(a, 'applicant', 'birthYear').maximum = 2010;
      });
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('applicant', 'birthYear')}/maximum` });
      expect(c.params).toMatchObject({ keyword: 'maximum', to: 2010 });
      expect(c.params.from).toBeUndefined();
      expectMessageMentions(c, 'applicant.birthYear');
    });

    it('classifies a dropped maxLength as less burden', () => {
      const p = pair((a) => {
        delete field(a, 'address').maxLength;
      });
      const c = single(diffPair(p), 'form.upper-bound');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/maxLength`, params: { from: 200 } });
      expect(c.params.to).toBeUndefined();
      expectMessageMentions(c, 'address');
    });

    it('classifies a lowered maxItems of a list as more burden', () => {
      const list = (maxItems: number) => (d: any) => {
        d.form.schema.properties.children = { type: 'array', maxItems, items: { type: 'string' } };
      };
      const c = single(diffPair(pair(list(3), list(5))), 'form.upper-bound');
      expect(c).toMatchObject({ burden: 'more', path: `${prop('children')}/maxItems`, params: { keyword: 'maxItems', from: 5, to: 3 } });
    });
  });

  describe('lower bounds (form.lower-bound)', () => {
    const minimum = (value: number) => (d: any) => {
      field(d, 'applicant', 'birthYear').minimum = value;
    };

    it('classifies a raised minimum as more burden', () => {
      const c = single(diffPair(pair(minimum(1920), minimum(1900))), 'form.lower-bound');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', path: `${prop('applicant', 'birthYear')}/minimum`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/applicant/birthYear', keyword: 'minimum', from: 1900, to: 1920 });
      expectMessageMentions(c, 'applicant.birthYear');
    });

    it('classifies a lowered minimum as less burden', () => {
      const c = single(diffPair(pair(minimum(1880), minimum(1900))), 'form.lower-bound');
      expect(c).toMatchObject({ kind: 'changed', burden: 'less', params: { from: 1900, to: 1880 } });
    });

    it('classifies a newly set minLength as more burden and a dropped one as less', () => {
      const p = pair((a) => {
        field(a, 'address').minLength = 5;
      });
      const added = single(diffPair(p), 'form.lower-bound');
      expect(added).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/minLength`, params: { keyword: 'minLength', to: 5 } });
      expectMessageMentions(added, 'address');
      const removed = single(diffPair(flip(p)), 'form.lower-bound');
      expect(removed).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/minLength`, params: { from: 5 } });
    });
  });

  describe('pattern (form.pattern)', () => {
    it('classifies a new pattern as more burden', () => {
      const p = pair((a) => {
        field(a, 'address').pattern = '^[^<>]*$';
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/pattern`, weight: weights.constraint });
      expect(c.params).toMatchObject({ field: '/address', label: 'address', to: '^[^<>]*$' });
      expectMessageMentions(c, 'address');
    });

    it('classifies a changed pattern as more burden (two patterns cannot be ordered)', () => {
      const p = pair((a) => {
        field(a, 'address').pattern = '^[a-z]*$';
      }, (b) => {
        field(b, 'address').pattern = '^[a-z0-9]*$';
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', params: { from: '^[a-z0-9]*$', to: '^[a-z]*$' } });
    });

    it('classifies a dropped pattern as less burden', () => {
      const p = pair(() => {}, (b) => {
        field(b, 'address').pattern = '^[^<>]*$';
      });
      const c = single(diffPair(p), 'form.pattern');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/pattern`, params: { from: '^[^<>]*$' } });
      expectMessageMentions(c, 'address');
    });
  });

  describe('format (form.format)', () => {
    const format = (value: string) => (d: any) => {
      field(d, 'address').format = value;
    };

    it('classifies a new format as more burden', () => {
      const c = single(diffPair(pair(format('email'))), 'form.format');
      expect(c).toMatchObject({ kind: 'added', burden: 'more', path: `${prop('address')}/format`, weight: weights.constraint, params: { to: 'email' } });
      expectMessageMentions(c, 'address');
    });

    it('classifies a changed format as more burden', () => {
      const c = single(diffPair(pair(format('uri'), format('email'))), 'form.format');
      expect(c).toMatchObject({ kind: 'changed', burden: 'more', params: { from: 'email', to: 'uri' } });
    });

    it('classifies a dropped format as less burden', () => {
      const c = single(diffPair(pair(() => {}, format('email'))), 'form.format');
      expect(c).toMatchObject({ kind: 'removed', burden: 'less', path: `${prop('address')}/format`, params: { from: 'email' } });
    });
  });

});
