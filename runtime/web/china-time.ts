/**
 * Dates and times as the portal shows them: China Standard Time (UTC+8; China has kept no daylight saving time since
 * 1991), written out exactly as Intl writes zh-CN and en-GB with `dateStyle: 'medium'` (and `timeStyle: 'short'`) —
 * "2026年12月1日 09:05", "1 Dec 2026, 09:05". Not Intl itself: the first Intl call in a page sets up ICU, which took
 * 40–150 ms in the portal bench, most of the case page's first render (issue 12, "lighter applicant pages").
 * test/china-time.test.ts holds the output to Intl's.
 */
import type { Locale } from '../form/messages.ts';

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const offsetMs = 8 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

// The wall clock in China at `value`, or undefined for an invalid date.
function wallClock(value: string | number | Date): Date | undefined {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms + offsetMs);
}

/** The date at `value` in China: "2026年12月1日" / "1 Dec 2026" (Intl's "Invalid Date" for an invalid one). */
export function chinaDate(value: string | number | Date, locale: Locale): string {
  const d = wallClock(value);
  if (!d) return 'Invalid Date';
  return locale === 'zh' ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : `${d.getUTCDate()} ${monthsEn[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The date and time at `value` in China: "2026年12月1日 09:05" / "1 Dec 2026, 09:05". */
export function chinaDateTime(value: string | number | Date, locale: Locale): string {
  const d = wallClock(value);
  if (!d) return 'Invalid Date';
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return locale === 'zh' ? `${chinaDate(value, locale)} ${time}` : `${chinaDate(value, locale)}, ${time}`;
}
