/** What every view of the designer reads: the locale and its words, the signed-in user, and the region list. */
import { createContext, useContext } from 'react';
import { texts, type Locale, type Texts } from './i18n.ts';
import type { RegionEntry, User } from './types.ts';

export interface DesignerState {
  locale: Locale;
  t: Texts;
  /** undefined while the session is read, null when nobody is signed in. */
  user: User | null | undefined;
  setUser: (user: User | null) => void;
  regions: ReadonlyMap<string, RegionEntry>;
}

export const DesignerContext = createContext<DesignerState>({ locale: 'zh', t: texts.zh, user: undefined, setUser: () => {}, regions: new Map() });

export const useDesigner = () => useContext(DesignerContext);

/** Whether the user edits (officials) or only reads (reviewers). */
export const canEdit = (user: User | null | undefined): boolean => user?.role === 'official';

/** Whether `region` lies in the official's scope (their region or inside it), by the region list's parent links. */
export function inScope(user: User | null | undefined, region: string, regions: ReadonlyMap<string, RegionEntry>): boolean {
  if (!user?.region) return false;
  for (let at: string | null | undefined = region, guard = 0; at && guard < 10; at = regions.get(at)?.parent, guard++) if (at === user.region) return true;
  return false;
}

/** Whether the official is the province's (authors baselines). */
export const isProvinceOfficial = (user: User | null | undefined, regions: ReadonlyMap<string, RegionEntry>): boolean =>
  user?.role === 'official' && !!user.region && regions.get(user.region)?.level === 'province';
