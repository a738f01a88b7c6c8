import { describe, expect, it } from 'vitest';
import { bundlesResponseSchema, toBundle } from './bundle-schema';

const raw = {
  documentId: 'Bun1XYZ',
  name: '3 讲试听包',
  slug: 'taster-3',
  price_fen: 2990,
  validity_days: 30,
  lessons: [
    { documentId: 'l3', position: 3 },
    { documentId: 'l1', position: 1 },
    { documentId: 'other-course', position: 1 },
    null,
  ],
};

describe('bundle schema', () => {
  it('keeps the course lessons of a bundle, in course order', () => {
    const parsed = bundlesResponseSchema.parse({ communityLessonBundles: [raw] });
    expect(toBundle(parsed.communityLessonBundles[0]!, ['l1', 'l2', 'l3'])).toEqual({
      id: 'Bun1XYZ',
      name: '3 讲试听包',
      slug: 'taster-3',
      priceFen: 2990,
      validityDays: 30,
      lessonIds: ['l1', 'l3'],
    });
  });

  it('treats missing validity as no expiry and falls back to the id for a slug', () => {
    const bundle = toBundle({ ...raw, slug: null, validity_days: null }, ['l1']);
    expect(bundle?.validityDays).toBeNull();
    expect(bundle?.slug).toBe('bun1xyz');
  });

  it('drops bundles without lessons of the course', () => {
    expect(toBundle({ ...raw, lessons: [{ documentId: 'x', position: 1 }] }, ['l1'])).toBeNull();
  });

  it('rejects responses that break the contract', () => {
    expect(() => bundlesResponseSchema.parse({ communityLessonBundles: [{ ...raw, price_fen: 29.9 }] })).toThrow();
  });
});
