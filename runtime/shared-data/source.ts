import type { LicenceSource } from './licences.ts';

/** Where shared-data items come from. The runtime asks per item and key; a government exchange can replace the demo. */
export interface SharedDataSource {
  /** The holders' e-licences (电子证照), where the exchange offers them: applicants may present them as materials. */
  readonly licences?: LicenceSource;
  /** The item's fields for one person (keyed by identity number) or organization, or undefined when none. */
  lookup(item: string, key: string): Promise<Readonly<Record<string, unknown>> | undefined>;
}

/** An in-memory source over fixed records: item → key → fields. */
export function recordSource(records: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>): SharedDataSource {
  return { lookup: async (item, key) => records[item]?.[key] };
}
