import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { ui } from './ui';
import { formatDate, resolveLocale, useTranslations } from './use-translations';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('useTranslations', () => {
  it('defaults to zh-CN for unknown or missing locales', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
    expect(useTranslations(undefined)('course.notForSale')).toBe('暂未开售');
  });

  it('fills placeholders', () => {
    expect(useTranslations('zh-CN')('course.lessonCount', { count: 12 })).toBe('共 12 讲');
    expect(useTranslations('en')('course.lessonCount', { count: 3 })).toBe('3 lessons');
    expect(useTranslations('zh-CN')('bundle.saving', { amount: '¥66.83', percent: 40 })).toBe('省 ¥66.83（40%）');
    expect(useTranslations('zh-CN')('upgrade.credit', { amount: '¥29.90' })).toBe('已抵扣 ¥29.90');
  });

  it('has the wording the journeys rely on', () => {
    const t = useTranslations('zh-CN');
    expect(t('buy.signInHint')).toBe('登录后购买，可在「我的学习」中观看');
    expect(t('upgrade.button')).toBe('补差价升级完整课程');
    expect(t('account.title')).toBe('我的学习');
  });
});

describe('dictionaries', () => {
  const keys = Object.keys(ui['zh-CN']).sort();

  it.each(locales)('%s has a non-empty string for every key', (locale) => {
    expect(Object.keys(ui[locale]).sort()).toEqual(keys);
    for (const [key, value] of Object.entries(ui[locale])) {
      expect(typeof value, key).toBe('string');
      expect(value.trim(), key).not.toBe('');
    }
  });

  it.each(locales)('%s uses the same {placeholders} as zh-CN', (locale) => {
    for (const key of keys) {
      const k = key as keyof (typeof ui)['zh-CN'];
      expect(placeholders(ui[locale][k]), `${locale} ${key}`).toEqual(placeholders(ui['zh-CN'][k]));
    }
  });

  it('translates zh-TW and en (not copies of zh-CN, apart from neutral strings)', () => {
    const same = (locale: 'zh-TW' | 'en') =>
      keys.filter((key) => ui[locale][key as keyof (typeof ui)['zh-CN']] === ui['zh-CN'][key as keyof (typeof ui)['zh-CN']]);
    // Identical in Traditional Chinese too, or language-neutral.
    expect(same('en')).toEqual(['buy.emailPlaceholder']);
    expect(same('zh-TW').length).toBeLessThan(keys.length / 4);
  });
});

describe('formatDate', () => {
  it('formats in the reader language, in China time', () => {
    // 16:30 UTC is already the next day in Shanghai.
    expect(formatDate('2026-11-30T16:30:00Z', 'zh-CN')).toBe('2026年12月1日');
    expect(formatDate('2026-11-30T16:30:00Z', 'en')).toBe('Dec 1, 2026');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});
