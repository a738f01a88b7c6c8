import { describe, expect, it } from 'vitest';
import { localizePath, paths } from './paths';

describe('paths', () => {
  it('builds default-locale URLs without a prefix', () => {
    expect(paths.home()).toBe('/');
    expect(paths.course('python-basics')).toBe('/courses/python-basics');
    expect(paths.checkoutDone('order_01ABC')).toBe('/checkout/done?order=order_01ABC');
  });

  it('prefixes other locales', () => {
    expect(paths.home('en')).toBe('/en/');
    expect(paths.course('x', 'zh-TW')).toBe('/zh-TW/courses/x');
    expect(localizePath('/a', 'zh-CN')).toBe('/a');
  });

  it('encodes untrusted segments', () => {
    expect(paths.course('a/b?c')).toBe('/courses/a%2Fb%3Fc');
    expect(paths.checkoutDone('x&y=1')).toBe('/checkout/done?order=x%26y%3D1');
  });
});
