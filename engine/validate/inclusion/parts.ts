/**
 * A subschema as the conjunction of its parts: the keywords written at a node, plus every `$ref` target and `allOf`
 * member it pulls in, each with the file and pointer it is written at. A value satisfies the subschema when it
 * satisfies every part, which is what lets the inclusion check compare keyword by keyword.
 */
import { isObject, join, parsePointer } from '../../json/pointer.ts';
import { refTarget } from '../../form/refs.ts';

/** A document schemas are written in: `$ref`s inside it resolve against `root`; `base` is root's pointer in `file`. */
export interface Place {
  readonly file: string;
  readonly root: unknown;
  readonly base: string;
}

/** One conjunct: constraint keywords only (no `$ref`, `allOf`, annotations), where it is written. */
export interface Part {
  readonly node: Readonly<Record<string, unknown>>;
  readonly place: Place;
  /** Pointer of the node in `place.file`. */
  readonly ptr: string;
}

/** Where `$ref`s into the shared schemas lead: schema by `$id`, and the file it is in. */
export interface SharedPlaces {
  readonly schemas: ReadonlyMap<string, unknown>;
  readonly files: ReadonlyMap<string, string>;
}

/** The parts of one subschema; `truncated` when it pulls in more than the bound (then it is not fully known). */
export interface Parts {
  readonly parts: readonly Part[];
  readonly truncated: boolean;
}

const skipped = new Set(['$ref', 'allOf', '$schema', '$id', '$anchor', '$dynamicAnchor', '$defs', 'definitions', '$comment',
  'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
const maxParts = 64;

/** The parts of the subschema `raw`, written at `ptr` in `place`. `false` becomes a part no value satisfies. */
export function partsOf(raw: unknown, place: Place, ptr: string, shared: SharedPlaces): Parts {
  const parts: Part[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const visit = (node: unknown, where: Place, at: string) => {
    if (parts.length >= maxParts || seen.size >= maxParts * 4) return void (truncated = true);
    const key = `${where.file}#${at}`;
    if (seen.has(key)) return; // a $ref cycle, or the same target twice: once is enough for a conjunction
    seen.add(key);
    if (node === false) parts.push({ node: { not: {} }, place: where, ptr: at });
    if (!isObject(node)) return;
    const own: Record<string, unknown> = {};
    for (const k in node) if (!skipped.has(k)) own[k] = node[k];
    if (Object.keys(own).length > 0) parts.push({ node: own, place: where, ptr: at });
    if (typeof node.$ref === 'string') {
      const target = refTarget(node.$ref, where.root, shared.schemas);
      if (!target) return void (truncated = true);
      const to: Place = target.resource === '' ? where : { file: shared.files.get(target.resource) ?? target.resource, root: target.doc, base: '' };
      visit(target.node, to, to.base + target.pointer);
    }
    if (Array.isArray(node.allOf)) node.allOf.forEach((member, i) => visit(member, where, join(at, 'allOf', i)));
  };
  visit(raw, place, ptr);
  return { parts, truncated };
}

/** A child subschema's parts, and where the child is written (one place per parent part that declares it). */
export interface ChildParts extends Parts {
  readonly writtenAt: readonly { readonly file: string; readonly ptr: string }[];
}

/** The parts of the subschemas the parts give property `name` (none written: the property is unconstrained). */
export function propertyParts(of: Parts, name: string, shared: SharedPlaces): ChildParts {
  return childParts(of, shared, (node) => (isObject(node.properties) && Object.hasOwn(node.properties, name) ? node.properties[name] : undefined), (ptr) => join(ptr, 'properties', name));
}

/** The parts of the subschemas the parts give their array items (`items`). */
export function itemParts(of: Parts, shared: SharedPlaces): ChildParts {
  return childParts(of, shared, (node) => node.items, (ptr) => join(ptr, 'items'));
}

function childParts(of: Parts, shared: SharedPlaces, child: (node: Readonly<Record<string, unknown>>) => unknown, at: (ptr: string) => string): ChildParts {
  const parts: Part[] = [];
  const writtenAt: { file: string; ptr: string }[] = [];
  let truncated = of.truncated;
  for (const part of of.parts) {
    const raw = child(part.node);
    if (raw === undefined) continue;
    writtenAt.push({ file: part.place.file, ptr: at(part.ptr) });
    const found = partsOf(raw, part.place, at(part.ptr), shared);
    parts.push(...found.parts);
    truncated ||= found.truncated;
  }
  return { parts, truncated, writtenAt };
}

/**
 * The parts of the form field at data path `field` (e.g. `/applicant/name`), and the pointer of the field as
 * written in the form itself, or of its nearest ancestor that is (where a problem about the field can point).
 */
export function fieldParts(form: Place, field: string, shared: SharedPlaces): { parts: Parts; anchor: string } | undefined {
  const tokens = parsePointer(field);
  if (!tokens) return undefined;
  let current: Parts = partsOf(form.root, form, form.base, shared);
  let anchor = form.base;
  for (const token of tokens) {
    const next = propertyParts(current, token, shared);
    if (next.writtenAt.length === 0) return undefined;
    anchor = next.writtenAt.find((w) => w.file === form.file)?.ptr ?? anchor;
    current = next;
  }
  return { parts: current, anchor };
}
