/**
 * How much each kind of burden weighs, in one table so the diff, the score and the plan agree. One unit is roughly
 * "one extra working day of waiting"; an extra trip to a counter weighs ten.
 */
export const weights = {
  /** A material the applicant must supply (required or tolerated-missing, not from shared data). */
  material: 8,
  /** An optional material the applicant may supply. */
  optionalMaterial: 2,
  /** Each step of necessity: exempted → optional → tolerated-missing → required. */
  necessityStep: 3,
  /** Each step of source: shared-data → government-issued → applicant. */
  sourceStep: 4,
  /** Paper only, where electronic was accepted. */
  paperOnly: 2,
  /** Each extra original or photocopy. */
  copy: 0.5,
  /** A field the applicant must type. */
  requiredField: 2,
  /** A field the applicant may type. */
  optionalField: 1,
  /** A field prefilled and locked from shared data: read and confirmed, not typed. */
  lockedField: 0.5,
  /** An optional field made required. */
  requiredFlag: 1.5,
  /** A narrower constraint on a value (type, enum, bound, pattern, format, alternative, …). */
  constraint: 1,
  /** A process step where a person acts. */
  humanStep: 4,
  /** Each promised working day. */
  promisedDay: 1,
  /** Each statutory working day. */
  statutoryDay: 0.25,
  /** Each on-site visit. */
  visit: 10,
  /** Each 10 yuan of fees (at least one unit per fee). */
  feePer10Yuan: 1,
  /** Handled within promised days instead of on the spot. */
  promisedHandling: 3,
  /** A channel fewer. */
  channel: 2,
  /** Each level of online depth. */
  onlineDepthLevel: 2,
} as const;
