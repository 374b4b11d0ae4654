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
  /**
   * Factor for a material or fee asked only in some situations (its `when`): without data on how many applicants
   * are in the situation, half of them. A proven narrower or wider condition weighs this factor again (a quarter).
   */
  conditional: 0.5,
  /** Factor for a fee waived in some situations (`waivedWhen`): half of the applicants pay it. */
  waivable: 0.5,
  /** Each alternative fewer in a one-of group of materials. */
  alternative: 2,
  /** No statutory time limit where the other states one: the applicant loses the legal upper bound on waiting. */
  statutoryLimit: 2,
  /** Each 30 minutes the applicant spends on site (an immediate matter's `onSiteMinutes`). */
  onSitePer30Minutes: 1,
  /** An output valid for a shorter time (renewed sooner). */
  validity: 2,
  /** A way fewer to receive an output (electronic, mail, window, self-service). */
  delivery: 1,
  /** A matter the applicant must have been through first (前置事项): another application, like a material obtained elsewhere. */
  prerequisite: 8,
  /** Each level narrower an acceptance scope (通办范围): national → cross-province → province → city → county. */
  acceptanceScopeLevel: 2,
} as const;
