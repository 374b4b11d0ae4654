import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { delayName, eventName } from '../designer/model/process.ts';

// The designer checks names as the user types them: with the meta-schema's own patterns, or it would accept a name
// publishing refuses (or refuse one it accepts).
const schema = JSON.parse(readFileSync(new URL('../engine/model/definition.schema.json', import.meta.url), 'utf8'));

describe('designer: the names it accepts are the meta-schema\'s', () => {
  it('delays (after keys) and events (on keys)', () => {
    const state = schema.$defs.state.properties;
    expect(delayName.source).toBe(state.after.propertyNames.pattern);
    expect(eventName.source).toBe(state.on.propertyNames.pattern);
  });
});
