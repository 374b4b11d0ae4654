/** The review API's shapes as the designer reads them (runtime/server/routes/review.ts, tag "review"). */
import type { BurdenMetrics, LocalizedText, MatterDefinition, ProvinceMetrics } from '../../../engine/index.ts';

export interface RegionInfo {
  code: string;
  name: LocalizedText;
  level: string;
  city: { code: string; name: LocalizedText } | null;
}

export interface Spread {
  id: string;
  title: LocalizedText;
  version: string;
  variants: number;
  lowest: number | null;
  median: number | null;
  highest: number | null;
  below: number;
  distinct: number;
}

export interface ProvinceView {
  levelled: number;
  matters: Spread[];
}

export interface MatrixRow {
  region: RegionInfo;
  version: string;
  baselineVersion: string;
  score: number;
  levelled: boolean;
  planSteps: number;
  changes: { more: number; less: number; neutral: number };
  metrics: BurdenMetrics;
  province: ProvinceMetrics;
}

export interface Matrix {
  id: string;
  title: LocalizedText;
  levelled: number;
  baseline: { region: RegionInfo; version: string; metrics: BurdenMetrics; province: ProvinceMetrics };
  proposal: { score: number; metrics: BurdenMetrics } | null;
  variants: MatrixRow[];
}

export interface ChangeJson {
  area: string;
  kind: string;
  code: string;
  burden: 'more' | 'less' | 'neutral';
  weight: number;
  path: string;
  message: LocalizedText;
}

export interface VariantDetail extends Omit<MatrixRow, 'changes'> {
  matter: { id: string; title: LocalizedText };
  threshold: number;
  baselineMetrics: BurdenMetrics;
  summary: LocalizedText;
  changes: ChangeJson[];
  plan: { step: number; action: LocalizedText; difference: LocalizedText; weight: number; path: string; code: string }[];
}

export interface Difference extends ChangeJson {
  element: string | null;
  region: RegionInfo | null;
}

export interface ProposalView {
  matter: { id: string; title: LocalizedText };
  current: { version: string; region: RegionInfo; metrics: BurdenMetrics };
  proposed: { metrics: BurdenMetrics; definition: MatterDefinition };
  elements: { element: string; label: LocalizedText; region: RegionInfo; lawRequired: boolean; legalBasis: string[]; missingIn: RegionInfo[]; why: LocalizedText }[];
  dropped: { element: string; label: LocalizedText; why: LocalizedText }[];
  score: { proposed: number; current: number; explanation: LocalizedText; lighter: Difference[]; heavier: Difference[]; neutral: number };
}

/** The burden metrics in the matrix's column order. */
export const metricKeys = ['materials', 'fieldsTyped', 'humanSteps', 'promisedDays', 'visits', 'fees'] as const;
/** The province's flags in the matrix's column order. */
export const flagKeys = ['zeroMaterials', 'zeroForm', 'atMostOneVisit'] as const;
