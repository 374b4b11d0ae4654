/** The shapes the form walk hands to schema rules: two matched subschemas and the context of the diff. */
import type { MatterDefinition } from '../../model/index.ts';

export type Schema = Readonly<Record<string, unknown>>;

/** One side of a matched pair. */
export interface SchemaSide {
  /** The effective subschema: `$ref` targets merged under the node's own keywords. */
  readonly node: Schema;
  /** Pointer (into the definition) of the node as written. */
  readonly ptr: string;
  /** True when `ptr` holds every keyword of `node`, so a fix may edit single keywords there. */
  readonly own: boolean;
  /** The node as written at `ptr`, for fixes that replace it whole. */
  readonly raw: unknown;
}

export interface SchemaPair {
  /** Data path of the field, e.g. `/applicant/name` (array items: `/list/[]`). */
  readonly field: string;
  readonly a: SchemaSide;
  readonly b: SchemaSide;
  readonly ctx: WalkContext;
}

export interface WalkContext {
  readonly a: MatterDefinition;
  readonly b: MatterDefinition;
  readonly shared: ReadonlyMap<string, unknown>;
  /** Fields prefilled and locked from shared data, per side. */
  readonly lockedA: LockedFields;
  readonly lockedB: LockedFields;
}

/** Which fields a definition prefills and locks. */
export interface LockedFields {
  has(field: string): boolean;
}

