import { describe, expect, it } from 'vitest';
import { parseCatalogQuery } from './catalog-query';

const parse = (query: string) => parseCatalogQuery(new URLSearchParams(query));

describe('parseCatalogQuery', () => {
  it('reads tag and level', () => {
    expect(parse('tag=photo&level=beginner')).toEqual({ tag: 'photo', level: 'beginner' });
    expect(parse('')).toEqual({ tag: null, level: null });
  });

  it('ignores values that cannot be valid', () => {
    expect(parse('tag=a%20b&level=expert')).toEqual({ tag: null, level: null });
    expect(parse(`tag=${'x'.repeat(101)}`).tag).toBeNull();
    expect(parse('tag=%7B%22%24ne%22%3A1%7D').tag).toBeNull();
  });
});
