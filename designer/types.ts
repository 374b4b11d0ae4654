/** The API's shapes as the designer reads them (see /api/openapi.json, tag "designer"). */
import type { LocalizedText, MatterDefinition } from '../engine/index.ts';

export interface User {
  id: string;
  role: string;
  subject: string;
  name: string;
  /** Officials: the region their authority covers. */
  region?: string;
}

export interface RegionEntry {
  code: string;
  name: LocalizedText;
  level: string;
  parent: string | null;
}

export interface CatalogueEntry {
  id: string;
  region: string;
  version: string;
  kind: 'baseline' | 'variant';
  level: string;
  regionName: LocalizedText;
  title: LocalizedText;
  department: string;
  baselineVersion: string | null;
  hash: string;
  publishedAt: string;
  publishedBy: string;
}

export interface CataloguePage {
  total: number;
  offset: number;
  limit: number;
  entries: CatalogueEntry[];
}

export interface DraftSummary {
  id: string;
  matterId: string;
  region: string;
  kind: 'baseline' | 'variant';
  baseVersion: string | null;
  title: LocalizedText | null;
  revision: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Draft extends DraftSummary {
  definition: MatterDefinition;
  against: { id: string; region: string; version: string; hash: string; kind: 'baseline' | 'variant'; definition: MatterDefinition } | null;
}

export interface VersionEntry {
  version: string;
  hash: string;
  publishedAt: string;
  publishedBy: string;
  href: string;
}
