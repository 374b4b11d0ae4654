/**
 * Proposing the version a definition is published under, from how it differs from the version before: major
 * when data submitted under the previous version could fail the new form, minor for any other change, patch for
 * wording only, none when nothing changed. Each reason names the change it rests on.
 */
import { diff, type Change, type DiffContext } from '../diff/index.ts';
import { jsonEqual } from '../json/equal.ts';
import { escapeToken, resolvePointer } from '../json/pointer.ts';
import type { LocalizedText, MatterDefinition } from '../model/index.ts';
import { informationElements } from '../diff/rules/service/information.ts';
import { formShapeChanges } from './form-shape.ts';
import { classify, residualWhy } from './rules.ts';
import { bumpOrder, bumpVersion, type VersionBump } from './semver.ts';
import { withoutWording } from './wording.ts';

export type { VersionBump } from './semver.ts';

export interface VersionReason {
  readonly bump: VersionBump;
  /** The change it rests on: a change of `diff(next, previous)`, or one the diff does not classify (`version.*`). */
  readonly change: Change;
  readonly message: LocalizedText;
}

export interface VersionProposal {
  readonly bump: VersionBump;
  /** `previous.version` bumped (unchanged for `none`). */
  readonly version: string;
  /** Every reason, largest bump first (diff order within a bump). */
  readonly reasons: readonly VersionReason[];
}

const bumpWord = { major: { en: 'major', zh: '主版本' }, minor: { en: 'minor', zh: '次版本' }, patch: { en: 'patch', zh: '修订版本' }, none: { en: 'none', zh: '无' } };
// How many differences the diff does not classify are listed (their bump is the same).
const residualLimit = 10;

/**
 * The version `next` should be published under, `previous` being the version before it (same matter, same
 * region). Throws a RangeError for two different definitions or a previous version that is not semver.
 */
export function proposeVersion(previous: MatterDefinition, next: MatterDefinition, context: DiffContext = {}): VersionProposal {
  if (previous.id !== next.id || previous.region?.code !== next.region?.code) {
    throw new RangeError(`proposeVersion compares two versions of one definition: ${previous.id} (${previous.region?.code}) and ${next.id} (${next.region?.code}) are different definitions`);
  }
  const { version: _previousVersion, ...before } = previous;
  const { version: _nextVersion, ...after } = next;
  if (jsonEqual(before, after)) return { bump: 'none', version: previous.version, reasons: [] };

  const shared = context.sharedSchemas ?? new Map<string, unknown>();
  const ctx = { previous, next, shared };
  const reasons: VersionReason[] = [];
  const add = (change: Change, bump: VersionBump, why: LocalizedText) =>
    reasons.push({ bump, change, message: { en: `${bumpWord[bump].en}: ${why.en} — ${change.message.en}`, zh: `${bumpWord[bump].zh}：${why.zh}——${change.message.zh}` } });
  for (const change of diff(next, previous, context)) {
    const verdict = classify(change, ctx);
    add(change, verdict.bump, verdict.why);
  }
  // form changes the diff is silent about (a new `items` schema, a field that no longer accepts any value)
  for (const change of formShapeChanges(previous, next, shared)) add(change, change.burden === 'more' ? 'major' : 'minor', change.burden === 'more' ? residualWhy.formShape : residualWhy.unclassified);

  // anything else that differs is at least a patch (wording) or a minor change the diff does not classify
  const largest = () => reasons.reduce<VersionBump>((m, r) => (bumpOrder[r.bump] > bumpOrder[m] ? r.bump : m), 'none');
  if (bumpOrder[largest()] < bumpOrder.minor) {
    // the guide's information (places, contact, codes, …) is classified by the diff, as a patch, like wording
    const [plainBefore, plainAfter] = [withoutInformation(withoutWording(previous)), withoutInformation(withoutWording(next))];
    const wordingOnly = jsonEqual(plainBefore, plainAfter);
    if (!wordingOnly || reasons.length === 0) {
      const [from, to] = wordingOnly ? [before, after] : [plainBefore, plainAfter];
      for (const pointer of differences(from, to, residualLimit)) {
        add(residual(pointer, wordingOnly, previous, next), wordingOnly ? 'patch' : 'minor', wordingOnly ? residualWhy.wording : residualWhy.unclassified);
      }
    }
  }
  const bump = largest();
  reasons.sort((x, y) => bumpOrder[y.bump] - bumpOrder[x.bump]); // stable: diff order within a bump
  return { bump, version: bumpVersion(previous.version, bump), reasons };
}

function withoutInformation(plain: unknown): unknown {
  if (typeof plain !== 'object' || plain === null) return plain;
  const rest: Record<string, unknown> = { ...plain };
  for (const k of informationElements) delete rest[k];
  return rest;
}

// A difference the diff does not report, as a change: neutral, nothing to weigh, a fix that restores it.
function residual(pointer: string, wording: boolean, previous: MatterDefinition, next: MatterDefinition): Change {
  const from = resolvePointer(previous, pointer);
  return {
    area: areaOf(pointer),
    kind: resolvePointer(next, pointer) === undefined ? 'removed' : from === undefined ? 'added' : 'changed',
    path: pointer,
    burden: 'neutral',
    code: wording ? 'version.wording' : 'version.unclassified',
    message: wording ? { en: `rewords ${pointer}`, zh: `修改 ${pointer} 的文字` } : { en: `changes ${pointer}`, zh: `修改 ${pointer}` },
    params: { pointer },
    weight: 0,
    fix: [from === undefined ? { op: 'remove', path: pointer } : { op: 'set', path: pointer, value: from }],
  };
}

const areaOf = (pointer: string): Change['area'] =>
  pointer.startsWith('/form') ? 'form' : pointer.startsWith('/materials') ? 'materials' : pointer.startsWith('/process') || pointer.startsWith('/roles') ? 'process' : 'service';

/** Pointers of the deepest places where two JSON values differ (an array of another length counts whole), at most `limit`. */
function differences(a: unknown, b: unknown, limit: number, at = ''): string[] {
  if (jsonEqual(a, b)) return [];
  const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (!objects || Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== (b as unknown[]).length)) return [at];
  const out: string[] = [];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    if (out.length >= limit) break;
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    const own = (o: object) => Object.hasOwn(o, k);
    const here = `${at}/${escapeToken(k)}`;
    if (!own(a as object) || !own(b as object)) out.push(here);
    else out.push(...differences(x, y, limit - out.length, here));
  }
  return out.slice(0, limit);
}
