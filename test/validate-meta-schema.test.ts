import { describe, expect, it } from 'vitest';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';

describe('validate: meta-schema', () => {
  it('names the missing property', () => {
    const problems = problemsWith(file, (d) => delete d.timeLimit);
    expect(codesAt(problems)).toEqual([{ code: 'schema.required', pointer: '' }]);
    expect(problems[0]!.message).toBe('missing required property "timeLimit"');
  });

  it('points at an unknown property', () => {
    expect(codesAt(problemsWith(file, (d) => (d.materials[1].colour = 'blue')))).toEqual([
      { code: 'schema.additional-property', pointer: '/materials/1/colour' },
    ]);
  });

  it('lists the allowed values of an enum', () => {
    const problems = problemsWith(file, (d) => (d.materials[1].necessity = 'mandatory'));
    expect(codesAt(problems)).toEqual([{ code: 'schema.enum', pointer: '/materials/1/necessity' }]);
    expect(problems[0]!.message).toContain('"tolerated-missing"');
  });

  it('checks semver, region codes and levels', () => {
    const problems = problemsWith(file, (d) => {
      d.version = '1.0';
      d.region.code = '33';
      d.region.level = 'district';
    });
    expect(codesAt(problems)).toEqual([
      { code: 'schema.pattern', pointer: '/version' },
      { code: 'schema.pattern', pointer: '/region/code' },
      { code: 'schema.enum', pointer: '/region/level' },
    ]);
  });

  it('requires Chinese and English titles', () => {
    expect(codesAt(problemsWith(file, (d) => delete d.title.en))).toEqual([{ code: 'schema.required', pointer: '/title' }]);
  });

  it('reports a transition that is neither a target nor a transition object once', () => {
    expect(codesAt(problemsWith(file, (d) => (d.process.states.draft.on.SUBMIT = 42)))).toEqual([
      { code: 'schema.shape', pointer: '/process/states/draft/on/SUBMIT' },
    ]);
  });

  it('refuses documents of unknown kind', () => {
    expect(codesAt(problemsWith(file, (d) => (d.kind = 'draft')))).toEqual([{ code: 'doc.unknown-kind', pointer: '/kind' }]);
    expect(codesAt(problemsWith(file, (d) => delete d.kind))).toEqual([{ code: 'doc.unknown-kind', pointer: '' }]);
  });
});
