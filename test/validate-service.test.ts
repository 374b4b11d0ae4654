import { describe, expect, it } from 'vitest';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';

describe('validate: service elements', () => {
  it('refuses promised days beyond the statutory limit', () => {
    expect(codesAt(problemsWith(file, (d) => (d.timeLimit.promisedDays = 20)))).toEqual([
      { code: 'service.promised-exceeds-statutory', pointer: '/timeLimit/promisedDays' },
    ]);
  });

  it('refuses an immediate matter that promises days', () => {
    expect(codesAt(problemsWith(file, (d) => (d.handlingType = 'immediate')))).toEqual([
      { code: 'service.immediate-with-days', pointer: '/handlingType' },
    ]);
  });

  it('refuses on-site visits without an on-site channel', () => {
    const problems = problemsWith(file, (d) => {
      d.visits = 2;
      d.visitReason = { zh: '核验原件', en: 'Check originals' };
      d.channels = ['online'];
    });
    expect(codesAt(problems)).toEqual([{ code: 'service.visits-without-onsite', pointer: '/visits' }]);
  });

  it('requires a reason for on-site visits (meta-schema)', () => {
    expect(codesAt(problemsWith(file, (d) => (d.visits = 1)))).toEqual([{ code: 'schema.required', pointer: '' }]);
  });
});
