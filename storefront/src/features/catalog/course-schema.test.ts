import { describe, expect, it } from 'vitest';
import { courseProductHandle, coursesResponseSchema, toCourse } from './course-schema';

const raw = {
  documentId: 'Abc123XYZ',
  title: 'Python 入门',
  slug: 'python-basics',
  summary: '  从零开始  ',
  price_fen: 19900,
  lessons: [
    { documentId: 'l2', title: '第二讲', position: 2, free_preview: false },
    { documentId: 'l1', title: '第一讲', position: 1, free_preview: true },
  ],
};

describe('course schema', () => {
  it('parses the CMS response and maps it to a Course', () => {
    const parsed = coursesResponseSchema.parse({ communityCourses: [raw] });
    const course = toCourse(parsed.communityCourses[0]!);
    expect(course).toEqual({
      id: 'Abc123XYZ',
      title: 'Python 入门',
      slug: 'python-basics',
      summary: '从零开始',
      priceFen: 19900,
      lessons: [
        { id: 'l1', title: '第一讲', position: 1, freePreview: true },
        { id: 'l2', title: '第二讲', position: 2, freePreview: false },
      ],
    });
  });

  it('accepts a null price (not for sale) and null free_preview', () => {
    const parsed = coursesResponseSchema.parse({
      communityCourses: [
        { ...raw, price_fen: null, lessons: [{ ...raw.lessons[0], free_preview: null }] },
      ],
    });
    const course = toCourse(parsed.communityCourses[0]!);
    expect(course?.priceFen).toBeNull();
    expect(course?.lessons[0]?.freePreview).toBe(false);
  });

  it('drops courses without a slug', () => {
    expect(toCourse({ ...coursesResponseSchema.parse({ communityCourses: [raw] }).communityCourses[0]!, slug: null })).toBeNull();
  });

  it('rejects responses that break the contract', () => {
    expect(() => coursesResponseSchema.parse({ communityCourses: [{ ...raw, price_fen: 1.5 }] })).toThrow();
    expect(() => coursesResponseSchema.parse({ courses: [] })).toThrow();
  });
});

describe('courseProductHandle', () => {
  it('lowercases the Strapi document id', () => {
    expect(courseProductHandle('Abc123XYZ')).toBe('course-abc123xyz');
  });
});
