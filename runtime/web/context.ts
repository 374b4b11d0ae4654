/** What every page reads: the locale and its words, and the signed-in user. */
import { createContext, useContext } from 'react';
import { texts, type Locale } from './i18n.ts';
import type { User } from './types.ts';

export interface AppState {
  locale: Locale;
  t: (typeof texts)[Locale];
  /** undefined while the session is being read, null when nobody is signed in. */
  user: User | null | undefined;
  setUser: (user: User | null) => void;
}

export const AppContext = createContext<AppState>({ locale: 'zh', t: texts.zh, user: undefined, setUser: () => {} });

export const useApp = () => useContext(AppContext);

/** Staff roles own process steps and see a queue. */
export const isStaff = (user: User | null | undefined): boolean => !!user && !['applicant', 'official', 'reviewer'].includes(user.role);
