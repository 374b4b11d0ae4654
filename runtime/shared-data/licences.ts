/**
 * Electronic licences (电子证照): documents a government body issued into the e-licence library, which the holder may
 * present instead of a paper or scanned copy. The runtime asks for one holder's licences; a government e-licence
 * exchange can replace the demo list. Each licence carries the hash of its content, which a case records when the
 * applicant presents it, so the very document presented can be told apart from a later reissue.
 */
/** Text in both languages. */
type Bilingual = { readonly zh: string; readonly en: string };

/** One licence in the library, as its holder may present it. */
export interface Licence {
  /** The licence number in the library (证照编号). */
  readonly id: string;
  /** The licence type (证照类型), as materials name it in `licence.type`. */
  readonly type: string;
  readonly name: Bilingual;
  readonly issuer: Bilingual;
  /** The holder's identity number. */
  readonly holder: string;
  /** Dates as YYYY-MM-DD. */
  readonly issuedAt: string;
  /** The last day it is valid, or null when it does not expire. */
  readonly validUntil: string | null;
  /** sha256 (hex) of the licence's content: its fields as issued (licence-hash.ts). */
  readonly hash: string;
}

/** Where holders' licences come from. */
export interface LicenceSource {
  /** The licences `holder` (an identity number) holds, in the library's order; none when unknown. */
  licencesOf(holder: string): Promise<readonly Licence[]>;
}

/** An in-memory source over fixed licences. */
export function licenceList(licences: readonly Licence[]): LicenceSource {
  return { licencesOf: async (holder) => licences.filter((l) => l.holder === holder) };
}
