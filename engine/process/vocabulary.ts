/**
 * The named guards and actions a definition's process may use. The runtime implements each one; the validator
 * refuses any other name, so a definition can never call code that does not exist.
 */
export interface VocabularyEntry {
  readonly name: string;
  readonly description: string;
}

export const knownGuards: readonly VocabularyEntry[] = [
  { name: 'materialsComplete', description: 'Every required material that applies to the answers is supplied or waived through shared data, and each required one-of group has a member.' },
  { name: 'materialsPending', description: 'Some tolerated-missing (容缺) materials that apply to the answers are still to be supplied.' },
  { name: 'feesPaid', description: 'The amount due — the fees that apply to the answers, less those waived — has been paid.' },
  { name: 'noFees', description: 'Nothing is due for this case: no fee applies to the answers, or every one is waived.' },
  { name: 'needsOnsiteCheck', description: 'The case was flagged for an on-site check (现场核查).' },
];

export const knownActions: readonly VocabularyEntry[] = [
  { name: 'notifyApplicant', description: 'Send the applicant a status notification.' },
  { name: 'requestSupplement', description: 'Record what the applicant must supplement (一次性告知).' },
  { name: 'recordDecision', description: 'Record the decision and its reason in the case.' },
  { name: 'chargeFees', description: 'Create the payment order for the matter\'s fees.' },
  { name: 'issueCertificate', description: 'Issue the matter\'s outputs as signed e-certificates.' },
  { name: 'scheduleVisit', description: 'Book the on-site visit or check.' },
  { name: 'archiveCase', description: 'Archive the case file.' },
];

const guardNames = new Set(knownGuards.map((g) => g.name));
const actionNames = new Set(knownActions.map((a) => a.name));

/** True when `name` is a guard the runtime implements. */
export const isKnownGuard = (name: string): boolean => guardNames.has(name);
/** True when `name` is an action the runtime implements. */
export const isKnownAction = (name: string): boolean => actionNames.has(name);
