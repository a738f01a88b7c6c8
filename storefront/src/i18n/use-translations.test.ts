import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { ui } from './ui';
import { resolveLocale, useTranslations } from './use-translations';

describe('useTranslations', () => {
  it('defaults to zh-CN for unknown or missing locales', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
    expect(useTranslations(undefined)('course.notForSale')).toBe('暂未开售');
  });

  it('fills placeholders', () => {
    expect(useTranslations('zh-CN')('course.lessonCount', { count: 12 })).toBe('共 12 讲');
    expect(useTranslations('en')('course.lessonCount', { count: 3 })).toBe('3 lessons');
  });

  it('has a non-empty string for every key in every locale', () => {
    const keys = Object.keys(ui['zh-CN']).sort();
    for (const locale of locales) {
      expect(Object.keys(ui[locale]).sort()).toEqual(keys);
      for (const value of Object.values(ui[locale])) expect(value.trim()).not.toBe('');
    }
  });
});
