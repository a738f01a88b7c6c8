import { describe, expect, it } from 'vitest';
import { cmsDefaultLocale, cmsLocale, cmsLocales } from './cms-locale';
import { defaultLocale, locales } from './locales';

describe('cmsLocale', () => {
  it('maps each page locale to the CMS locale code', () => {
    expect(cmsLocale('zh-CN')).toBe('zh-CN');
    expect(cmsLocale('zh-TW')).toBe('zh-Hant-TW');
    expect(cmsLocale('en')).toBe('en');
  });

  it('covers every page locale, with distinct codes', () => {
    expect(Object.keys(cmsLocales).sort()).toEqual([...locales].sort());
    expect(new Set(locales.map(cmsLocale)).size).toBe(locales.length);
  });

  it('uses the CMS default locale for the storefront default', () => {
    expect(cmsDefaultLocale).toBe('zh-CN');
    expect(cmsLocale(defaultLocale)).toBe(cmsDefaultLocale);
  });
});
