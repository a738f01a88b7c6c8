import { describe, expect, it } from 'vitest';
import { parseBodyFileParam } from './body-file-param';

describe('parseBodyFileParam', () => {
  it('is null when absent (the lesson media)', () => {
    expect(parseBodyFileParam([])).toEqual({ ok: true, value: null });
  });

  it('accepts a CMS path or a file hash', () => {
    expect(parseBodyFileParam(['/uploads/slide_ab12.png'])).toEqual({ ok: true, value: '/uploads/slide_ab12.png' });
    expect(parseBodyFileParam(['slide_ab12'])).toEqual({ ok: true, value: 'slide_ab12' });
  });

  it('refuses anything else', () => {
    for (const bad of [[''], ['a', 'b'], ['//evil.test/x.png'], ['https://evil.test/x.png'], ['/uploads\\x.png'], ['/uploads/a\nb'], ['x'.repeat(2000)]]) {
      expect(parseBodyFileParam(bad), JSON.stringify(bad)).toEqual({ ok: false });
    }
  });
});
