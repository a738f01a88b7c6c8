import { describe, expect, it } from 'vitest';
import { localizePath, paths } from './paths';

describe('paths', () => {
  it('builds default-locale URLs without a prefix', () => {
    expect(paths.home()).toBe('/');
    expect(paths.course('python-basics')).toBe('/courses/python-basics');
    expect(paths.checkoutDone('order_01ABC')).toBe('/checkout/done?order=order_01ABC');
    expect(paths.lesson('python-basics', 'les1')).toBe('/courses/python-basics/lessons/les1');
    expect(paths.account()).toBe('/account');
    expect(paths.logout()).toBe('/account/logout');
    expect(paths.membership()).toBe('/membership');
    expect(paths.membership('en')).toBe('/en/membership');
  });

  it('prefixes other locales', () => {
    expect(paths.home('en')).toBe('/en/');
    expect(paths.course('x', 'zh-TW')).toBe('/zh-TW/courses/x');
    expect(localizePath('/a', 'zh-CN')).toBe('/a');
    expect(paths.lesson('x', 'y', 'en')).toBe('/en/courses/x/lessons/y');
    expect(paths.account('zh-TW')).toBe('/zh-TW/account');
    expect(paths.courseBuy('x', 'en')).toBe('/en/courses/x#buy');
    expect(paths.checkoutDone('o', 'en')).toBe('/en/checkout/done?order=o');
  });

  it('builds catalog filter URLs, leaving out empty filters', () => {
    expect(paths.catalog()).toBe('/');
    expect(paths.catalog({ tag: 'photo' })).toBe('/?tag=photo');
    expect(paths.catalog({ tag: 'photo', level: 'beginner' }, 'en')).toBe('/en/?tag=photo&level=beginner');
    expect(paths.catalog({ tag: null, level: 'advanced' }, 'zh-TW')).toBe('/zh-TW/?level=advanced');
  });

  it('carries the return path of sign-in pages', () => {
    expect(paths.login('/courses/x')).toBe('/account/login?next=%2Fcourses%2Fx');
    expect(paths.login(null, 'en')).toBe('/en/account/login');
    expect(paths.register('/en/courses/x?a=1', 'en')).toBe('/en/account/register?next=%2Fen%2Fcourses%2Fx%3Fa%3D1');
  });

  it('does not localize the media proxy (it answers bytes, not pages)', () => {
    expect(paths.lessonMedia('x', 'y')).toBe('/courses/x/lessons/y/media');
  });

  it('encodes untrusted segments', () => {
    expect(paths.course('a/b?c')).toBe('/courses/a%2Fb%3Fc');
    expect(paths.checkoutDone('x&y=1')).toBe('/checkout/done?order=x%26y%3D1');
    expect(paths.lesson('a b', '../x')).toBe('/courses/a%20b/lessons/..%2Fx');
    expect(paths.catalog({ tag: 'a&b' })).toBe('/?tag=a%26b');
  });
});
