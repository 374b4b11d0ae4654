/**
 * The metrics the province reports per definition ("零材料、零表单", "最多跑一次", "办理时长"), from the burden
 * metrics and the service elements: flags a catalogue summary counts.
 */
import { comparableOne } from '../diff/shape/index.ts';
import { burdenMetrics, type BurdenMetrics } from './burden.ts';

export interface ProvinceMetrics {
  /** The applicant supplies no material in any situation: none is asked, or all are fetched through shared data (零材料). */
  readonly zeroMaterials: boolean;
  /** The applicant types no field: the form has none, or all are prefilled and locked (零表单). */
  readonly zeroForm: boolean;
  /** At most one on-site visit (最多跑一次). */
  readonly atMostOneVisit: boolean;
  /** Handled on the spot (即办件). */
  readonly immediate: boolean;
  /** Immediate matters: the minutes the applicant spends on site, when stated; otherwise null. */
  readonly onSiteMinutes: number | null;
}

/** The province's metrics of one definition (total, like burdenMetrics: a draft counts what is well-formed). */
export function provinceMetrics(definition: unknown, burden: BurdenMetrics = burdenMetrics(definition)): ProvinceMetrics {
  const def = comparableOne(definition);
  const immediate = def?.handlingType === 'immediate';
  const minutes = def?.timeLimit.onSiteMinutes;
  return {
    zeroMaterials: def !== undefined && burden.materials === 0,
    zeroForm: def !== undefined && burden.fieldsTyped === 0,
    atMostOneVisit: def !== undefined && burden.visits <= 1,
    immediate,
    onSiteMinutes: immediate && typeof minutes === 'number' ? minutes : null,
  };
}
