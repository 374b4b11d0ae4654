/**
 * The version the designer proposes for publishing: 1.0.0 for a new matter or a new variant; for a new version of a
 * published one, the engine's proposal from the diff against that version (a stricter form that earlier submissions
 * would fail is major, additions minor, wording a patch), with its reasons.
 */
import { proposeVersion, type MatterDefinition, type VersionProposal } from '../../engine/index.ts';
import type { Draft } from '../types.ts';

/** The proposal for `definition`, a draft of `draft`, against `previous` (its last published version, if any). */
export function proposal(draft: Draft, definition: MatterDefinition, previous: MatterDefinition | undefined, sharedSchemas: ReadonlyMap<string, unknown>): VersionProposal {
  if (!draft.baseVersion || !previous) return { version: '1.0.0', bump: 'major', reasons: [] };
  try {
    return proposeVersion(previous, { ...definition, id: previous.id, region: previous.region }, { sharedSchemas });
  } catch {
    // a draft the engine cannot compare yet: the next minor version, the official decides
    const [major = 1, minor = 0] = previous.version.split('.').map(Number);
    return { version: `${major}.${minor + 1}.0`, bump: 'minor', reasons: [] };
  }
}
