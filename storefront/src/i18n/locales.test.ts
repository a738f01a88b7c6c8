import { describe, expect, it } from 'vitest';
import { localeFromParam, localeLabels, locales, splitLocale } from './locales';

describe('splitLocale', () => {
  it('reads the locale from the first segment only', () => {
    expect(splitLocale('/')).toEqual({ locale: 'zh-CN', path: '/' });
    expect(splitLocale('/courses/x')).toEqual({ locale: 'zh-CN', path: '/courses/x' });
    expect(splitLocale('/en/courses/x')).toEqual({ locale: 'en', path: '/courses/x' });
    expect(splitLocale('/zh-TW/')).toEqual({ locale: 'zh-TW', path: '/' });
    expect(splitLocale('/zh-TW')).toEqual({ locale: 'zh-TW', path: '/' });
    // A course slugged "en" is not English.
    expect(splitLocale('/courses/en')).toEqual({ locale: 'zh-CN', path: '/courses/en' });
  });

  it('never treats the default locale as a prefix', () => {
    expect(splitLocale('/zh-CN/courses/x')).toEqual({ locale: 'zh-CN', path: '/zh-CN/courses/x' });
  });
});

describe('localeFromParam', () => {
  it('maps the [...locale] route parameter', () => {
    expect(localeFromParam(undefined)).toBe('zh-CN');
    expect(localeFromParam('')).toBe('zh-CN');
    expect(localeFromParam('en')).toBe('en');
    expect(localeFromParam('zh-TW')).toBe('zh-TW');
  });

  it('refuses anything else, the default locale included', () => {
    expect(localeFromParam('zh-CN')).toBeNull();
    expect(localeFromParam('fr')).toBeNull();
    expect(localeFromParam('en/extra')).toBeNull();
  });
});

describe('localeLabels', () => {
  it('names every locale in its own language', () => {
    expect(Object.keys(localeLabels).sort()).toEqual([...locales].sort());
  });
});
