import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime } from '../runtime/web/china-time.ts';

// Intl as the portal used it, the reference the hand-written format must match
const intlDateTime = (value: number, locale: 'zh' | 'en') =>
  new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
const intlDate = (value: number, locale: 'zh' | 'en') =>
  new Date(value).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium' });

describe('China Standard Time, written without Intl', () => {
  // every month, both sides of midnight in China (16:00 UTC), leap days, and a spread of times since 1992
  const samples: number[] = [Date.UTC(2024, 1, 28, 16, 0), Date.UTC(2024, 1, 29, 15, 59), Date.UTC(2026, 11, 31, 16, 5), Date.UTC(1992, 0, 1)];
  for (let m = 0; m < 12; m++) samples.push(Date.UTC(2026, m, 5, 15, 59), Date.UTC(2026, m, 5, 16, 0), Date.UTC(2026, m, 28, 23, 7));
  for (let i = 0; i < 300; i++) samples.push(Date.UTC(1992, 0, 1) + Math.floor(((i * 7919) % 300) / 300 * 3.4e12) + i * 61_000);

  it.each(['zh', 'en'] as const)('matches Intl in %s for every sample', (locale) => {
    for (const t of samples) {
      expect(chinaDateTime(t, locale), new Date(t).toISOString()).toBe(intlDateTime(t, locale));
      expect(chinaDate(t, locale), new Date(t).toISOString()).toBe(intlDate(t, locale));
      expect(chinaDateTime(new Date(t).toISOString(), locale)).toBe(intlDateTime(t, locale));
    }
  });

  it('says "Invalid Date" for an invalid date, as Intl does', () => {
    expect(chinaDateTime('not a date', 'zh')).toBe(new Date('x').toLocaleString('zh-CN'));
    expect(chinaDate(Number.NaN, 'en')).toBe('Invalid Date');
  });
});
